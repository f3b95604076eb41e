// saml-handoff against prod's synthesized template (AcmeSaml: fixed tenant acme-01, exempt from the
// allow-list, signed requests, encrypted responses, IdP sign-out) and a loopback stand-in for
// Cognito (the real SDK client, AWS_ENDPOINT_URL): the values the IdP administrator needs, the two
// certificates as PEM files, and refusals of bad input with one line and exit 2.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runAgainstFakeAws } from '../../preflight/test-support/fake-aws.mjs';
import { deployedIds, handoff, pem, samlProviderOf, stageRules } from '../handoff-lib.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const cdkOut = process.env.GATE_CDK_OUT ?? path.join(repoRoot, 'cdk.out');
const script = path.join(repoRoot, 'tools/saml-handoff/saml-handoff.mjs');
const POOL = 'eu-west-1_AbCdEf123';
const SIGNING = 'MIIBszCCAVmgAwIBAgIUSigningCertificateOfThePool'.repeat(3);
const ENCRYPTION = 'MIIBszCCAVmgAwIBAgIUEncryptionCertificateOfAcme'.repeat(3);

function outputsFile(stack = { UserPoolId: POOL, DomainUrl: 'https://auth.example.com' }) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-')), 'cdk-outputs.json');
  fs.writeFileSync(file, JSON.stringify({ 'IdentityStack-prod': stack }));
  return file;
}

async function run(args, { state = {}, env = {} } = {}) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-out-'));
  const result = await runAgainstFakeAws(script, ['--cdk-out', cdkOut, '--cdk-json', path.join(repoRoot, 'cdk.json'), '--out', out, ...args], state, env);
  return { ...result, out };
}

const ready = { signingCertificates: { [POOL]: SIGNING }, identityProviders: { [`${POOL}/AcmeSaml`]: { ActiveEncryptionCertificate: ENCRYPTION } } };

describe('saml-handoff', () => {
  it('prints what the IdP administrator needs and writes both certificates as PEM', async () => {
    assert.ok(fs.existsSync(path.join(cdkOut, 'IdentityStack-prod.template.json')), 'synthesize every stage first (./build.sh synth --all)');
    const result = await run(['--stage', 'prod', '--provider', 'AcmeSaml', '--outputs', outputsFile()], { state: ready });

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /ACS \(reply\) URL, HTTP-POST binding: https:\/\/auth\.example\.com\/saml2\/idpresponse/);
    assert.match(result.stdout, /SP entity id \(audience URI\): +urn:amazon:cognito:sp:eu-west-1_AbCdEf123/);
    assert.match(result.stdout, /Single logout URL: +https:\/\/auth\.example\.com\/saml2\/logout/);
    assert.match(result.stdout, /http:\/\/schemas\.xmlsoap\.org\/ws\/2005\/05\/identity\/claims\/emailaddress +-> the user's email address/);
    assert.match(result.stdout, /Our requests are signed \(rsa-sha256\)/);
    assert.match(result.stdout, /Encrypt every assertion to us/);
    assert.match(result.stdout, /every user of AcmeSaml is in tenant acme-01 \(fixed; no claim is read\)/);
    assert.match(result.stdout, /Email allow-list: not applied to AcmeSaml \(exemptFromAllowList\)/);
    const signing = fs.readFileSync(path.join(result.out, 'signing-certificate.pem'), 'utf8');
    const encryption = fs.readFileSync(path.join(result.out, 'encryption-certificate.pem'), 'utf8');
    assert.equal(signing, pem(SIGNING));
    assert.equal(encryption, pem(ENCRYPTION));
    assert.match(signing, /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/);
    // One call each, for this pool and provider.
    assert.deepEqual(result.requests.map((r) => [r.target, JSON.parse(r.body)]), [
      ['AWSCognitoIdentityProviderService.GetSigningCertificate', { UserPoolId: POOL }],
      ['AWSCognitoIdentityProviderService.DescribeIdentityProvider', { UserPoolId: POOL, ProviderName: 'AcmeSaml' }],
    ]);
  });

  it('without credentials prints the values that need no AWS call, then exits 2 saying what to do', async () => {
    const result = await run(['--stage', 'prod', '--provider', 'AcmeSaml', '--outputs', outputsFile()], { state: ready, env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' } });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stdout, /urn:amazon:cognito:sp:eu-west-1_AbCdEf123/);
    assert.match(result.stdout, /signing certificate \(not fetched\)/);
    assert.match(result.stderr, /^saml-handoff: the certificates need AWS credentials/);
  });

  it('a refusal by Cognito exits 1 and names it', async () => {
    const result = await run(['--stage', 'prod', '--provider', 'AcmeSaml', '--outputs', outputsFile()], { state: {} });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Cognito refused ResourceNotFoundException: User pool does not exist/);
  });

  const refusals = [
    [['--stage', 'prod', '--provider', 'Nobody'], /stage prod has no SAML provider "Nobody"; its SAML providers: AcmeSaml/],
    [['--stage', 'prod', '--provider', 'Google'], /no SAML provider "Google"/],
    [['--stage', 'dev', '--provider', 'AcmeSaml'], /stage dev has no SAML provider "AcmeSaml"; its SAML providers: none/],
    [['--stage', 'prod'], /give the SAML provider's name/],
    [['--provider', 'AcmeSaml'], /give the stage/],
    [['--stage', 'prod', '--provider', '{{resolve:ssm:x}}'], /give the SAML provider's name/],
    [['--stage', '../etc', '--provider', 'AcmeSaml'], /give the stage/],
    [['--stage', 'prod', '--provider', 'AcmeSaml', '--outputs', '/nonexistent/out.json'], /not found: deploy the stage first/],
    [['--stage', 'prod', '--provider', 'AcmeSaml', '--bogus'], /Unknown option '--bogus'/],
  ];
  for (const [args, message] of refusals) {
    it(`refuses ${args.join(' ')} with one line and exit 2`, async () => {
      const result = await run(args.includes('--outputs') ? args : [...args, '--outputs', outputsFile()]);
      assert.equal(result.status, 2, result.stdout + result.stderr);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1);
      assert.equal(result.stdout, '');
    });
  }

  it('refuses outputs that are not the stage\'s deployed ids', () => {
    assert.throws(() => deployedIds({}, 'IdentityStack-prod'), /deploy the stage first/);
    assert.throws(() => deployedIds({ 'IdentityStack-prod': { UserPoolId: 'x', DomainUrl: 'https://a.example.com' } }, 'IdentityStack-prod'), /not a user pool id/);
    assert.throws(() => deployedIds({ 'IdentityStack-prod': { UserPoolId: POOL, DomainUrl: 'http://a.example.com' } }, 'IdentityStack-prod'), /not the https sign-in domain/);
    assert.throws(() => deployedIds({ 'IdentityStack-prod': { UserPoolId: [POOL], DomainUrl: 'https://a.example.com' } }, 'IdentityStack-prod'), /not a user pool id/);
  });

  it('describes a tenant claim with its listed tenants, and an allow-list that applies', () => {
    const provider = { ProviderDetails: {}, AttributeMapping: { email: 'mail', name: 'cn', 'custom:idp_tenant': 'org' } };
    const text = handoff({ stage: 'x', providerName: 'P', provider, ids: { poolId: POOL, region: 'eu-west-1', domainUrl: 'https://d.example.com' }, rules: { fixedTenant: null, tenants: ['acme-01', 'acme-02'], exemptFromAllowList: false, allowedDomains: ['example.com'] }, certificates: {} });
    assert.match(text, /org +-> the tenant, one of: acme-01, acme-02/);
    assert.match(text, /the org claim, and only acme-01, acme-02: any other value, or none, gets no tokens/);
    assert.match(text, /the email's domain must be one of example\.com/);
    assert.match(text, /Our requests are not signed/);
    assert.match(text, /Single logout: +off/);
  });

  it('reads the stage rules from cdk.json and the provider from the template', () => {
    assert.deepEqual(stageRules(JSON.parse(fs.readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')), 'prod', 'AcmeSaml'), { fixedTenant: 'acme-01', tenants: [], exemptFromAllowList: true, allowedDomains: ['example.com'] });
    assert.throws(() => samlProviderOf({ Resources: {} }, 'A', 'qa'), /its SAML providers: none/);
  });
});
