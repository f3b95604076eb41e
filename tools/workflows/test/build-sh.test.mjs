// build.sh as people and CI call it: unknown commands and flags are refused with the usage (exit 2),
// a failed step exits 1, and `deploy` runs gate -> preflight -> cdk deploy of the same assembly,
// stopping at the first that fails. Run against a one-stack assembly (IDENTITYSTACK_CDK_OUT), with
// no AWS credentials anywhere, so nothing here can reach an account.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dispatchedCommands } from '../../testing/build-sh-commands.mjs';
import { cloudAssembly } from '../../testing/cloud-assembly.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const noCredentials = {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_ACCESS_KEY_ID: '',
  AWS_SECRET_ACCESS_KEY: '',
  AWS_SESSION_TOKEN: '',
  AWS_PROFILE: '',
};

function buildSh(args, env = {}) {
  const clean = Object.fromEntries(Object.entries({ ...process.env, ...noCredentials, ...env }).filter(([, v]) => v !== ''));
  return spawnSync(path.join(repoRoot, 'build.sh'), args, { cwd: repoRoot, encoding: 'utf8', env: clean, timeout: 300_000 });
}

/** A one-stack assembly for stage dev that passes the gate: a template with a stage and nothing to check. */
function devAssembly() {
  const dir = cloudAssembly({ 'IdentityStack-dev': { Metadata: { 'IdentityStack:Stage': 'dev' }, Resources: { Handle: { Type: 'AWS::CloudFormation::WaitConditionHandle' } } } });
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  manifest.artifacts['IdentityStack-dev'].environment = 'aws://unknown-account/eu-west-1';
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  return dir;
}

describe('build.sh: usage', () => {
  const refusals = [
    [['nosuch'], /unknown command 'nosuch'/],
    [['test', '--filter', 'Gate'], /'test' takes no arguments \(got '--filter Gate'\)/],
    [['e2e', 'extra'], /'e2e' takes no arguments/],
    [['publish', '--rid', 'linux-arm64'], /'publish' takes no arguments/],
    [['gate', '--partial'], /'gate' takes no arguments/],
    [['deploy'], /say which stage: --stage NAME \(stages: dev staging prod\)/],
    [['deploy', '--stage'], /--stage needs a name/],
    [['deploy', '--stage', 'nosuch'], /unknown stage 'nosuch'; stages in cdk.json: dev staging prod/],
    [['deploy', '--stage', '{{resolve:ssm:x}}'], /unknown stage '\{\{resolve:ssm:x\}\}'/],
    [['deploy', '--stage', 'd.v'], /unknown stage 'd\.v'/],
    [['diff', '--stage', '.*'], /unknown stage '\.\*'/],
    [['deploy', '--stage', 'dev', '--force'], /unknown option '--force' for deploy/],
    [['diff', '--stage', 'dev', '--yes'], /unknown option '--yes' for diff/],
    [['preflight', '--stage', 'dev', '--verbose'], /unknown option '--verbose' for preflight/],
    [['preflight'], /preflight needs the stage to check/],
    [['new-stage'], /new-stage needs the new stage's name first/],
    [['new-stage', '--from', 'dev'], /new-stage needs the new stage's name first/],
  ];
  for (const [args, message] of refusals) {
    it(`refuses ./build.sh ${args.join(' ')} with exit 2 and says why`, () => {
      const result = buildSh(args);
      assert.equal(result.status, 2, `${result.stdout}\n${result.stderr}`);
      assert.match(result.stderr, message);
    });
  }

  it('the usage lists every command the script dispatches, and the exit codes', () => {
    const dispatched = dispatchedCommands();
    const usage = buildSh(['help']).stdout;
    for (const command of dispatched) assert.match(usage, new RegExp(`\\./build\\.sh ${command}\\b`), `usage lacks ${command}`);
    assert.match(usage, /Exit codes: 0 done; 1 a check or a step failed .*; 2 bad usage or a missing prerequisite/);
  });
});

describe('build.sh deploy: gate, then preflight, then cdk deploy of the same assembly', () => {
  it('--assembly without the stage in the assembly is refused before anything runs', () => {
    const empty = cloudAssembly({});
    const result = buildSh(['deploy', '--stage', 'dev', '--assembly'], { IDENTITYSTACK_CDK_OUT: empty });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /--assembly: cdk.out\/ holds no IdentityStack-dev; synthesize it/);
  });

  it('a failed gate stops the deploy before preflight', () => {
    const failing = cloudAssembly({ 'IdentityStack-dev': { Metadata: { 'IdentityStack:Stage': 'dev' }, Resources: { Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 1 } } } } });
    const result = buildSh(['deploy', '--stage', 'dev', '--assembly'], { IDENTITYSTACK_CDK_OUT: failing });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /template gate: FAILED/);
    assert.match(result.stderr, /the template gate failed: nothing was deployed/);
    assert.doesNotMatch(result.stdout, /preflight:|deploying IdentityStack-dev/);
  });

  it('with the gate passed, a failed preflight (here: no credentials) stops it before cdk deploy', () => {
    const result = buildSh(['deploy', '--stage', 'dev', '--assembly', '--yes'], { IDENTITYSTACK_CDK_OUT: devAssembly() });
    assert.equal(result.status, 1, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /template gate: passed: 1 stacks/);
    assert.match(result.stdout, /preflight: what IdentityStack-dev needs from the account/);
    assert.match(result.stderr, /preflight failed: nothing was deployed/);
    assert.doesNotMatch(result.stdout, /deploying IdentityStack-dev/);
  });
});
