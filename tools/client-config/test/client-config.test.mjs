// amplify_outputs.json for every synthesized stage (cdk.out, or GATE_CDK_OUT), from a synthetic
// outputs file shaped like the one 'cdk deploy --outputs-file' writes: it conforms to Amplify's
// published client config definitions and Amplify JS reads it; bad outputs files are refused in
// one line with exit 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { amplifyOutputs } from '../amplify-outputs.mjs';
import { amplifyResourcesConfig, definitionProblems } from '../validate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cdkOut = process.env.GATE_CDK_OUT ?? join(root, 'cdk.out');
const cli = join(root, 'tools', 'client-config', 'client-config.mjs');
const stages = ['dev', 'staging', 'prod'];

const template = (stage) => JSON.parse(readFileSync(join(cdkOut, `IdentityStack-${stage}.template.json`), 'utf8'));

/** What a deployed stack's outputs look like: every output the template declares, with a value of the real shape. */
function syntheticOutputs(stage) {
  const region = 'eu-west-1';
  const values = {
    UserPoolId: `${region}_Ab${stage}12`,
    UserPoolArn: `arn:aws:cognito-idp:${region}:111111111111:userpool/${region}_Ab${stage}12`,
    UserPoolProviderUrl: `https://cognito-idp.${region}.amazonaws.com/${region}_Ab${stage}12`,
    SpaClientId: `spa${stage}client0000000000`,
    DomainUrl: `https://example-identity-${stage}.auth.${region}.amazoncognito.com`,
    IdentityPoolId: `${region}:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`,
    UserDataBucketName: `identitystack-${stage}-userdatafiles-1a2b3c`,
    ApiUrl: `https://a1b2c3${stage.length}.execute-api.${region}.amazonaws.com`,
  };
  const outputs = Object.fromEntries(Object.keys(template(stage).Outputs).map((name) => [name, values[name] ?? `value-of-${name}`]));
  return { [`IdentityStack-${stage}`]: outputs };
}

function run(args) {
  return spawnSync(process.execPath, [cli, '--cdk-out', cdkOut, ...args], { encoding: 'utf8', cwd: root });
}

function writeJson(dir, name, value) {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('client-config: amplify_outputs.json per stage', () => {
  for (const stage of stages) {
    test(`${stage}: the written file conforms to Amplify's definitions and Amplify JS reads the pool, client, domain and API from it`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'client-config-test-'));
      const out = join(dir, 'amplify_outputs.json');
      const outputs = syntheticOutputs(stage);

      const result = run(['--stage', stage, '--outputs', writeJson(dir, 'outputs.json', outputs), '--out', out]);

      assert.equal(result.status, 0, result.stderr);
      const written = JSON.parse(readFileSync(out, 'utf8'));
      assert.deepEqual(definitionProblems(written), []);
      const stack = outputs[`IdentityStack-${stage}`];
      const config = await amplifyResourcesConfig(written);
      assert.equal(config.Auth.Cognito.userPoolId, stack.UserPoolId);
      assert.equal(config.Auth.Cognito.userPoolClientId, stack.SpaClientId);
      assert.equal(config.Auth.Cognito.identityPoolId, stack.IdentityPoolId);
      assert.equal(config.Auth.Cognito.loginWith.oauth.domain, new URL(stack.DomainUrl).host);
      assert.deepEqual(config.Auth.Cognito.loginWith.oauth.scopes, ['openid', 'email', 'profile', 'identitystack/read', 'identitystack/write']);
      assert.equal(config.Auth.Cognito.loginWith.oauth.responseType, 'code');
      assert.equal(config.Storage.S3.bucket, stack.UserDataBucketName);
      assert.deepEqual(written.custom.api, { url: stack.ApiUrl, scopes: ['identitystack/read', 'identitystack/write'] });
      // The bucket paths Amplify may use are the identity pool's own rules: a user's private prefix and public/.
      assert.deepEqual(Object.keys(written.storage.buckets[0].paths), ['private/{entity_id}/*', 'public/*']);
      assert.deepEqual(written.storage.buckets[0].paths['private/{entity_id}/*'], { entityidentity: ['get', 'list', 'write', 'delete'] });
    });
  }

  test('the template decides what outputs do not carry: password policy, MFA, groups, guests, passkeys and providers', () => {
    const dev = amplifyOutputs(syntheticOutputs('dev')['IdentityStack-dev'], template('dev'));
    const prod = amplifyOutputs(syntheticOutputs('prod')['IdentityStack-prod'], template('prod'));

    assert.equal(dev.auth.password_policy.min_length, 12);
    assert.deepEqual(dev.auth.standard_required_attributes, ['email']);
    assert.equal(dev.auth.mfa_configuration, 'OPTIONAL');
    assert.deepEqual(dev.auth.mfa_methods, ['TOTP']);
    assert.deepEqual(dev.auth.groups, [{ admins: { precedence: 0 } }, { members: { precedence: 10 } }]);
    assert.deepEqual(dev.auth.username_attributes, ['username', 'email']);
    assert.equal(dev.auth.unauthenticated_identities_enabled, true);
    assert.deepEqual(dev.storage.buckets[0].paths['public/*'], { guest: ['get', 'list'], authenticated: ['get', 'list'] });
    assert.equal(dev.auth.passwordless, undefined);
    // prod: passkeys on its own domain, the social providers by Amplify's names, OIDC and SAML by their own.
    assert.deepEqual(prod.auth.passwordless.web_authn, { relying_party_id: 'auth.example.com', user_verification: 'required' });
    assert.deepEqual(prod.auth.oauth.identity_providers, ['GOOGLE', 'FACEBOOK', 'LOGIN_WITH_AMAZON', 'SIGN_IN_WITH_APPLE']);
    assert.deepEqual(prod.custom.auth.oidc_and_saml_providers, ['AcmeOidc', 'AcmeSaml']);
    assert.equal(prod.auth.unauthenticated_identities_enabled, false);
    assert.deepEqual(prod.storage.buckets[0].paths['public/*'], { authenticated: ['get', 'list'] });
  });

  test('the definitions check fails a file Amplify would not take', () => {
    const good = amplifyOutputs(syntheticOutputs('dev')['IdentityStack-dev'], template('dev'));

    for (const spoil of [
      (o) => { o.auth.mfa_methods = ['VOICE']; },
      (o) => { o.auth.oauth.response_type = 'id_token'; },
      (o) => { o.auth.user_pool_idd = o.auth.user_pool_id; delete o.auth.user_pool_id; },
      (o) => { o.version = '9'; },
    ]) {
      const bad = structuredClone(good);
      spoil(bad);
      assert.notDeepEqual(definitionProblems(bad), [], JSON.stringify(bad.auth).slice(0, 200));
    }
  });
});

describe('client-config: bad input is refused in one line, exit 2, nothing written', () => {
  const stack = syntheticOutputs('dev')['IdentityStack-dev'];
  const cases = [
    ['a missing outputs file', null, /does not exist/],
    ['a file that is not JSON', '{ "IdentityStack-dev": ', /is not JSON/],
    ['a JSON array', [], /not a JSON object of stacks/],
    ['another stage\'s outputs', { 'IdentityStack-prod': stack }, /no outputs of IdentityStack-dev \(it has IdentityStack-prod\)/],
    ['no UserPoolId', { 'IdentityStack-dev': { ...stack, UserPoolId: undefined } }, /no UserPoolId/],
    ['a null client id', { 'IdentityStack-dev': { ...stack, SpaClientId: null } }, /no SpaClientId/],
    ['a dynamic reference as the pool id', { 'IdentityStack-dev': { ...stack, UserPoolId: '{{resolve:ssm:/identity/dev/user-pool-id}}' } }, /output UserPoolId is "\{\{resolve:ssm/],
    ['a number as the bucket', { 'IdentityStack-dev': { ...stack, UserDataBucketName: 42 } }, /output UserDataBucketName is 42/],
    ['an http domain', { 'IdentityStack-dev': { ...stack, DomainUrl: 'http://example.com' } }, /output DomainUrl is "http:\/\/example.com"/],
    ['a huge client id', { 'IdentityStack-dev': { ...stack, SpaClientId: 'x'.repeat(100000) } }, /output SpaClientId is "x{10,}/],
  ];
  for (const [name, content, message] of cases) {
    test(name, () => {
      const dir = mkdtempSync(join(tmpdir(), 'client-config-bad-'));
      const outputsFile = content === null ? join(dir, 'missing.json') : writeJson(dir, 'outputs.json', content);
      const out = join(dir, 'amplify_outputs.json');

      const result = run(['--stage', 'dev', '--outputs', outputsFile, '--out', out]);

      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.ok(result.stderr.length < 400, 'the line quotes at most a short piece of the bad value');
      assert.equal(existsSync(out), false);
    });
  }

  test('no --stage, or a stage that was never synthesized', () => {
    assert.match(run(['--outputs', 'x.json']).stderr, /give the stage/);
    assert.match(run(['--stage', 'qa', '--outputs', 'x.json']).stderr, /no synthesized template for stage 'qa'.*\.\/build\.sh synth --stage qa/);
  });
});

describe('client-config for a local run against cognito-local', () => {
  const local = { 'IdentityStack-dev': { UserPoolId: 'local_5d2f7a1b', SpaClientId: 'abc123', DomainUrl: 'https://example-identity-dev.auth.eu-west-1.amazoncognito.com', ApiUrl: 'http://127.0.0.1:39123' } };

  test('the emulator endpoint goes to custom.local, its pool id and loopback API are taken, and no identity pool is offered', () => {
    const dir = mkdtempSync(join(tmpdir(), 'client-config-local-'));
    const out = join(dir, 'amplify_outputs.json');

    const result = run(['--stage', 'dev', '--outputs', writeJson(dir, 'outputs.json', local), '--out', out, '--user-pool-endpoint', 'http://127.0.0.1:9229']);

    assert.equal(result.status, 0, result.stderr);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(written.custom.local, { user_pool_endpoint: 'http://127.0.0.1:9229' });
    assert.equal(written.auth.user_pool_id, 'local_5d2f7a1b');
    assert.equal(written.auth.aws_region, 'eu-west-1');
    assert.equal(written.auth.identity_pool_id, undefined);
    assert.equal(written.storage, undefined);
    assert.equal(written.custom.api.url, 'http://127.0.0.1:39123');
  });

  test('an endpoint off this machine, or a local pool id without an endpoint, is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'client-config-local-bad-'));
    const outputs = writeJson(dir, 'outputs.json', local);

    const remote = run(['--stage', 'dev', '--outputs', outputs, '--out', join(dir, 'a.json'), '--user-pool-endpoint', 'https://cognito.example.com']);
    const deployed = run(['--stage', 'dev', '--outputs', outputs, '--out', join(dir, 'b.json')]);

    assert.equal(remote.status, 2);
    assert.match(remote.stderr, /not http on 127\.0\.0\.1 or localhost; it is for emulators only/);
    assert.equal(deployed.status, 2);
    assert.match(deployed.stderr, /output UserPoolId is "local_5d2f7a1b"/);
  });
});

describe('client-config in the deploy workflow', () => {
  test('each deployed stage writes amplify_outputs.json from the deploy outputs and keeps it as an artifact', async () => {
    const { parse } = await import('yaml');
    const steps = parse(readFileSync(join(root, '.github', 'workflows', 'deploy-stage.yml'), 'utf8')).jobs.deploy.steps;
    // ./build.sh deploy writes the outputs to artifacts/<stage>/cdk-outputs.json.
    const deploy = steps.findIndex((s) => /^\.\/build\.sh deploy --stage "\$STAGE" /.test(s.run ?? ''));
    // The stage reaches the script through env (STAGE), never spliced into it.
    const config = steps.findIndex((s) => /\.\/build\.sh client-config --stage "\$STAGE" --outputs "artifacts\/\$STAGE\/cdk-outputs\.json"/.test(s.run ?? ''));
    const upload = steps.findIndex((s) => (s.uses ?? '').startsWith('actions/upload-artifact@') && s.with?.path === 'artifacts/${{ inputs.stage }}/amplify_outputs.json');

    assert.ok(deploy >= 0 && config > deploy && upload > config, `deploy ${deploy}, client-config ${config}, upload ${upload}`);
    assert.equal(steps[upload].with['if-no-files-found'], 'error');
    assert.match(readFileSync(join(root, 'build.sh'), 'utf8'), /--outputs-file "\$ROOT\/artifacts\/\$STAGE\/cdk-outputs\.json"/, 'build.sh deploy writes the outputs where the workflow reads them');
  });
});
