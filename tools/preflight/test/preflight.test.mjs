// ./build.sh preflight against a loopback AWS: the real CLI and SDK clients, the synthesized
// templates of this repository (cdk.out, or GATE_CDK_OUT), one scenario per state of the account.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAgainstFakeAws } from '../test-support/fake-aws.mjs';
import { certificateCovers, requirementsOf, senderBelongsTo } from '../requirements.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cdkOut = process.env.GATE_CDK_OUT ?? join(root, 'cdk.out');
const preflight = join(root, 'tools', 'preflight', 'preflight.mjs');
const template = (stage) => JSON.parse(readFileSync(join(cdkOut, `IdentityStack-${stage}.template.json`), 'utf8'));
const ACCOUNT = '111111111111';
const APPLE_KEY = '-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg\n-----END PRIVATE KEY-----\n';

/** An account in which every prerequisite of `stage` exists and is right. */
function readyAccount(stage) {
  const needs = requirementsOf(template(stage));
  const zone = needs.zones[0];
  const parent = zone?.name.split('.').slice(1).join('.');
  return {
    account: ACCOUNT,
    ssm: { [needs.bootstrap.parameter]: '27' },
    secrets: Object.fromEntries(needs.secrets.map((s) => [s.arn, s.detail === 'private_key' ? APPLE_KEY : `secret-of-${s.provider}`])),
    sesIdentities: needs.ses ? { [needs.ses.identity]: { VerifiedForSendingStatus: true, VerificationStatus: 'SUCCESS' } } : {},
    sesAccount: { SendingEnabled: true, ProductionAccessEnabled: true },
    certificates: Object.fromEntries(needs.domains.filter((d) => d.certificateArn).map((d) => [d.certificateArn, { Status: 'ISSUED', DomainName: `*.${d.domain.split('.').slice(1).join('.')}`, SubjectAlternativeNames: [] }])),
    zones: zone ? { [zone.zoneId]: { Name: parent, PrivateZone: false, records: [{ Name: parent, Type: 'A' }] } } : {},
    domains: {},
    stacks: {},
  };
}

async function runPreflight(stage, state, { out = cdkOut, env = {} } = {}) {
  const keys = { AWS_ACCESS_KEY_ID: 'AKIDPREFLIGHTTEST', AWS_SECRET_ACCESS_KEY: 'preflight-test-secret' };
  const result = await runAgainstFakeAws(preflight, ['--cdk-out', out, '--stage', stage], state, { ...keys, ...env });
  return { ...result, lines: result.stdout.trim().split('\n') };
}

const line = (result, status, name) => result.lines.find((l) => l.startsWith(status.padEnd(4)) && l.includes(name));

test('prod in a ready account: every check passes, through SigV4-signed SDK calls, exit 0', async () => {
  const result = await runPreflight('prod', readyAccount('prod'));
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.equal(result.stderr, '');
  assert.deepEqual(result.lines.filter((l) => !l.startsWith('PASS')), ['preflight IdentityStack-prod: ready to deploy (14 checks)'], result.stdout);
  for (const provider of ['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple', 'AcmeOidc']) {
    assert.ok(line(result, 'PASS', `secret for ${provider} (`), `a secret check for ${provider}`);
  }
  assert.ok(line(result, 'PASS', 'secret for SignInWithApple (private_key)').includes('holds a PEM private key'));
  assert.ok(line(result, 'PASS', 'cdk bootstrap').includes('bootstrap version 27 (needs 6 or newer)'));
  assert.ok(line(result, 'PASS', 'certificate for auth.example.com').includes('issued in us-east-1, covers auth.example.com'));
  assert.ok(line(result, 'PASS', 'hosted zone Z0123456789EXAMPLE').includes('example.com. (public) holds auth.example.com.'));
  assert.ok(line(result, 'PASS', 'parent domain example.com.'));
  assert.ok(line(result, 'PASS', 'custom sign-in domain auth.example.com').includes('free'));
  assert.ok(line(result, 'PASS', 'SES identity example.com'));
  assert.equal(result.requests.length, 13, 'one call per check; the sender address is checked locally');
  for (const request of result.requests) {
    assert.match(request.authorization, /^AWS4-HMAC-SHA256 Credential=AKIDPREFLIGHTTEST\/\d{8}\/[a-z0-9-]+\/[a-z0-9-]+\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/);
  }
  const targets = new Set(result.requests.map((r) => r.target ?? `${r.method} ${r.url.split('?')[0].replace(/[^/]+$/, '*')}`));
  for (const expected of ['AmazonSSM.GetParameter', 'secretsmanager.GetSecretValue', 'CertificateManager.DescribeCertificate', 'AWSCognitoIdentityProviderService.DescribeUserPoolDomain', 'GET /v2/email/identities/*', 'GET /v2/email/*']) {
    assert.ok(targets.has(expected), `called ${expected}`);
  }
});

test('prod in an account that is not ready: one failing line per problem with its fix, exit 1', async () => {
  const state = readyAccount('prod');
  const needs = requirementsOf(template('prod'));
  const arn = (provider) => needs.secrets.find((s) => s.provider === provider).arn;
  delete state.secrets[arn('Google')];
  state.secrets[arn('Facebook')] = '{"client_secret":"abc"}';
  state.secrets[arn('LoginWithAmazon')] = { binary: 'bytes' };
  state.secrets[arn('SignInWithApple')] = 'not a key';
  state.secrets[arn('AcmeOidc')] = 'denied';
  state.ssm[needs.bootstrap.parameter] = '5';
  state.sesIdentities['example.com'] = { VerifiedForSendingStatus: false, VerificationStatus: 'PENDING' };
  state.sesAccount = { SendingEnabled: true, ProductionAccessEnabled: false };
  state.certificates[needs.domains[0].certificateArn].Status = 'PENDING_VALIDATION';
  state.zones.Z0123456789EXAMPLE.PrivateZone = true;
  state.domains['auth.example.com'] = 'eu-west-1_SomeoneElse';

  const result = await runPreflight('prod', state);

  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.match(line(result, 'FAIL', 'secret for Google'), /no secret identity\/prod\/google-AbCdEf in eu-west-1 -> create it \(aws secretsmanager create-secret --name identity\/prod\/google --secret-string '<value>'\)/);
  assert.match(line(result, 'FAIL', 'secret for Facebook'), /holds JSON, and the whole secret string becomes the provider's client_secret -> store only the value itself/);
  assert.match(line(result, 'FAIL', 'secret for LoginWithAmazon'), /holds binary data -> store the value as a secret string/);
  assert.match(line(result, 'FAIL', 'secret for SignInWithApple'), /is not a PEM private key -> store the contents of the \.p8 key file/);
  assert.match(line(result, 'FAIL', 'secret for AcmeOidc'), /cannot read identity\/prod\/acme-oidc-AbCdEf: AccessDeniedException/);
  assert.match(line(result, 'FAIL', 'cdk bootstrap'), /bootstrap version 5 is older than the 6 this template needs -> run: npx cdk bootstrap aws:\/\/111111111111\/eu-west-1/);
  assert.match(line(result, 'FAIL', 'SES identity example.com'), /not verified for sending in eu-west-1 \(status PENDING\)/);
  assert.match(line(result, 'WARN', 'SES sending'), /SES sandbox/);
  assert.match(line(result, 'FAIL', 'certificate for auth.example.com'), /status PENDING_VALIDATION -> complete its validation/);
  assert.match(line(result, 'FAIL', 'hosted zone'), /example\.com\. is a private zone/);
  assert.match(line(result, 'FAIL', 'custom sign-in domain auth.example.com'), /taken by another user pool \(eu-west-1_SomeoneElse\)/);
  assert.equal(result.lines.at(-1), 'preflight IdentityStack-prod: NOT ready, 10 of 13 checks failed', result.stdout);
});

test('an account never bootstrapped, an unknown SES identity, a certificate for another name, a zone of another domain', async () => {
  const state = readyAccount('prod');
  const needs = requirementsOf(template('prod'));
  state.ssm = {};
  state.sesIdentities = {};
  state.certificates[needs.domains[0].certificateArn].DomainName = 'www.example.org';
  state.zones.Z0123456789EXAMPLE.Name = 'example.org.';

  const result = await runPreflight('prod', state);

  assert.equal(result.status, 1);
  assert.match(line(result, 'FAIL', 'cdk bootstrap'), /eu-west-1 is not bootstrapped \(no \/cdk-bootstrap\/hnb659fds\/version\) -> run: npx cdk bootstrap aws:\/\/111111111111\/eu-west-1/);
  assert.match(line(result, 'FAIL', 'SES identity example.com'), /no such identity in eu-west-1 -> create and verify it: aws sesv2 create-email-identity --email-identity example.com --region eu-west-1/);
  assert.match(line(result, 'FAIL', 'certificate for auth.example.com'), /it covers www\.example\.org, not auth\.example\.com/);
  assert.match(line(result, 'FAIL', 'hosted zone'), /it is example\.org\., which does not hold auth\.example\.com\./);
});

test('a parent domain without an A record, and a certificate outside us-east-1 (a template edited by hand)', async () => {
  const out = mkdtempSync(join(tmpdir(), 'identitystack-preflight-'));
  try {
    const edited = template('prod');
    const domain = Object.values(edited.Resources).find((r) => r.Type === 'AWS::Cognito::UserPoolDomain');
    domain.Properties.CustomDomainConfig.CertificateArn = domain.Properties.CustomDomainConfig.CertificateArn.replace(':us-east-1:', ':eu-west-1:');
    writeFileSync(join(out, 'IdentityStack-prod.template.json'), JSON.stringify(edited));
    writeFileSync(join(out, 'manifest.json'), readFileSync(join(cdkOut, 'manifest.json')));
    const state = readyAccount('prod');
    state.zones.Z0123456789EXAMPLE.records = [];

    const result = await runPreflight('prod', state, { out });

    assert.equal(result.status, 1);
    assert.match(line(result, 'FAIL', 'certificate for auth.example.com'), /the certificate is in eu-west-1 -> Cognito serves custom domains through CloudFront, which takes certificates from us-east-1 only/);
    assert.match(line(result, 'FAIL', 'parent domain example.com.'), /has no A record; Cognito refuses a custom domain whose parent does not resolve/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('dev: a free prefix passes, a prefix of this stage\'s own pool passes, a prefix of another pool fails', async () => {
  const prefix = requirementsOf(template('dev')).domains[0].domain;
  const poolLogicalId = requirementsOf(template('dev')).poolLogicalId;

  const free = await runPreflight('dev', readyAccount('dev'));
  assert.equal(free.status, 0, free.stdout + free.stderr);
  assert.match(line(free, 'PASS', `Cognito domain prefix ${prefix}`), /free/);
  assert.equal(free.lines.filter((l) => l.includes('secret') || l.includes('SES') || l.includes('certificate')).length, 0, 'dev needs no secrets, SES or certificates');

  const ours = readyAccount('dev');
  ours.domains[prefix] = 'eu-west-1_DevPool';
  ours.stacks['IdentityStack-dev'] = { [poolLogicalId]: 'eu-west-1_DevPool' };
  const owned = await runPreflight('dev', ours);
  assert.equal(owned.status, 0);
  assert.match(line(owned, 'PASS', `Cognito domain prefix ${prefix}`), /already this stage's pool \(eu-west-1_DevPool\)/);

  const taken = readyAccount('dev');
  taken.domains[prefix] = 'eu-west-1_Other';
  const refused = await runPreflight('dev', taken);
  assert.equal(refused.status, 1);
  assert.match(line(refused, 'FAIL', `Cognito domain prefix ${prefix}`), /taken by another user pool \(eu-west-1_Other\) -> choose another signIn\.domainPrefix/);
});

test('credentials of another account than the stage names fail the first check', async () => {
  const out = mkdtempSync(join(tmpdir(), 'identitystack-preflight-'));
  try {
    const manifest = JSON.parse(readFileSync(join(cdkOut, 'manifest.json'), 'utf8'));
    manifest.artifacts['IdentityStack-dev'].environment = 'aws://222222222222/eu-west-1';
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(out, 'IdentityStack-dev.template.json'), readFileSync(join(cdkOut, 'IdentityStack-dev.template.json')));

    const result = await runPreflight('dev', readyAccount('dev'), { out });

    assert.equal(result.status, 1);
    assert.match(line(result, 'FAIL', 'credentials'), /these credentials are for account 111111111111, the stage deploys to 222222222222 -> sign in to 222222222222/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('no credentials, an unknown stage, or no stage: one line, exit 2', async () => {
  const noCredentials = await runPreflight('dev', readyAccount('dev'), { env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' } });
  assert.equal(noCredentials.status, 2);
  assert.match(noCredentials.stderr, /^preflight: no AWS credentials: .*Sign in \(aws sso login, a profile in AWS_PROFILE, or the CI's OIDC role\), then run this again\.\n$/);

  const unknown = await runPreflight('qa', readyAccount('dev'));
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /^preflight: no synthesized template for stage 'qa' .*run \.\/build\.sh synth --stage qa first/);

  const hostile = await runPreflight('../../etc', readyAccount('dev'));
  assert.equal(hostile.status, 2);
  assert.equal(hostile.stderr, 'preflight: give the stage to check, e.g. --stage prod\n');
});

test('what a template needs is read from its resources', () => {
  const needs = requirementsOf(template('prod'));
  assert.deepEqual(needs.secrets.map((s) => `${s.provider}:${s.detail}`).sort(), ['AcmeOidc:client_secret', 'Facebook:client_secret', 'Google:client_secret', 'LoginWithAmazon:client_secret', 'SignInWithApple:private_key']);
  assert.deepEqual(needs.ses, { identityArn: 'arn:aws:ses:eu-west-1:111111111111:identity/example.com', identity: 'example.com', region: 'eu-west-1', from: 'no-reply@example.com' });
  assert.deepEqual(needs.bootstrap, { parameter: '/cdk-bootstrap/hnb659fds/version', minimum: 6 });
  assert.deepEqual(requirementsOf(template('dev')).secrets, []);
  assert.ok(certificateCovers(['*.example.com'], 'auth.example.com'));
  assert.ok(!certificateCovers(['*.example.com'], 'a.auth.example.com'));
  assert.ok(senderBelongsTo('no-reply@mail.example.com', 'example.com'));
  assert.ok(!senderBelongsTo('no-reply@example.com.evil.org', 'example.com'));
  assert.ok(!senderBelongsTo('other@example.com', 'ops@example.com'));
});
