// The GitHub Actions workflows, checked offline: schema (@action-validator/cli) and the deploy
// rules that matter (OIDC roles, no keys, stage order and approvals, one deploy per stage at a
// time, identity-smoke after every deploy; releases from tags). identity-smoke has its own C# tests.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import YAML from 'yaml';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const workflowsDir = path.join(repoRoot, '.github', 'workflows');
const validator = path.join(repoRoot, 'node_modules', '.bin', 'action-validator');
const workflowFiles = fs.readdirSync(workflowsDir).filter((f) => f.endsWith('.yml'));
const load = (name) => YAML.parse(fs.readFileSync(path.join(workflowsDir, name), 'utf8'));
const steps = (workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
const stages = Object.keys(JSON.parse(fs.readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')).context.stages);

function validate(file) {
  return spawnSync(validator, [file], { encoding: 'utf8' });
}

describe('workflows: schema', () => {
  for (const file of workflowFiles) {
    it(`${file} is a valid workflow`, () => {
      const result = validate(path.join(workflowsDir, file));
      assert.equal(result.status, 0, result.stdout + result.stderr);
    });
  }

  it('a broken workflow is refused (the check can fail)', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wf-')), 'broken.yml');
    fs.writeFileSync(file, 'name: broken\non: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n');
    assert.notEqual(validate(file).status, 0);
  });
});

describe('workflows: deploy rules', () => {
  it('no workflow installs the Native AOT toolchain by hand: the build.sh commands do it, as on a developer machine', () => {
    for (const file of workflowFiles) {
      for (const step of steps(load(file))) {
        assert.doesNotMatch(step.run ?? '', /apt-get install/, `${file}: "${step.name}" installs packages; build.sh installs the toolchain itself`);
      }
    }
  });

  it('AWS access is OIDC only: every credentials step assumes a role, none passes keys', () => {
    const credentialSteps = workflowFiles.flatMap((f) => steps(load(f)).map((s) => ({ file: f, step: s })))
      .filter(({ step }) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    assert.ok(credentialSteps.length >= 2);
    for (const { file, step } of credentialSteps) {
      assert.ok(step.with['role-to-assume'], `${file}: ${step.uses} has no role-to-assume`);
      assert.equal(step.with['aws-access-key-id'], undefined, `${file}: access keys are not allowed`);
      assert.equal(load(file).permissions['id-token'], 'write', `${file}: OIDC needs id-token: write`);
    }
  });

  it('main deploys every stage of cdk.json in order, each through the stage workflow', () => {
    const deploy = load('deploy.yml');
    assert.deepEqual(deploy.on.push.branches, ['main']);
    const order = Object.entries(deploy.jobs).map(([name, job]) => ({ name, stage: job.with.stage, needs: job.needs, uses: job.uses }));
    assert.deepEqual(order.map((j) => j.stage), stages);
    order.forEach((job, i) => {
      assert.equal(job.uses, './.github/workflows/deploy-stage.yml');
      assert.equal(job.needs, i === 0 ? undefined : order[i - 1].name);
    });
  });

  it('a stage deploy runs in its environment (approvals), one at a time, checks the account before deploying and smoke-tests after', () => {
    const job = load('deploy-stage.yml').jobs.deploy;
    assert.equal(job.environment, '${{ inputs.stage }}');
    assert.equal(job.concurrency.group, 'deploy-${{ inputs.stage }}');
    assert.equal(job.concurrency['cancel-in-progress'], false);
    const names = job.steps.map((s) => s.name ?? s.uses);
    const gate = names.findIndex((n) => /template gate/.test(n));
    const credentials = names.findIndex((n) => n.startsWith('aws-actions/configure-aws-credentials@'));
    const preflight = names.findIndex((n) => /^Preflight/.test(n));
    const deployStep = names.indexOf('Deploy');
    const smoke = names.findIndex((n) => /Smoke/.test(n));
    assert.ok(gate >= 0 && gate < credentials && credentials < preflight && preflight < deployStep && deployStep < smoke, `order was: ${names.join(' | ')}`);
    assert.equal(job.steps[preflight].run, 'node tools/preflight/preflight.mjs --cdk-out cdk.out --stage "${{ inputs.stage }}"');
    assert.match(job.steps[deployStep].run, /--outputs-file cdk-outputs\.json/);
    assert.match(job.steps[smoke].run, /^dotnet run --project src\/IdentityStack\.Smoke .*-- cdk-outputs\.json "IdentityStack-\$\{\{ inputs\.stage \}\}"$/);
  });

  it('pull requests run the whole suite, then diff dev read-only', () => {
    const pr = load('pull-request.yml');
    assert.match(pr.jobs.test.steps.at(-1).run, /^bash \.ci\/run$/);
    assert.equal(pr.jobs['diff-dev'].needs, 'test');
    assert.match(pr.jobs['diff-dev'].steps.at(-1).run, /cdk diff .*IdentityStack-dev/);
    assert.equal(pr.concurrency['cancel-in-progress'], true);
  });
});

describe('workflows: release rules', () => {
  const release = load('release.yml');

  it('only a version tag releases, after the whole suite, and never two at once', () => {
    assert.deepEqual(Object.keys(release.on), ['push']);
    assert.equal(release.on.push.branches, undefined);
    assert.ok(release.on.push.tags.every((t) => t.startsWith('v')));
    assert.equal(release.concurrency['cancel-in-progress'], false);
    assert.match(release.jobs.test.steps.at(-1).run, /^bash \.ci\/run$/);
    assert.equal(release.jobs.pack.needs, 'test');
    assert.equal(release.jobs.publish.needs, 'pack');
  });

  it('packs with the full history (MinVer reads the tag) and SourceLink on, and checks the version is the tag', () => {
    const checkout = release.jobs.pack.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    assert.equal(checkout.with['fetch-depth'], 0);
    const pack = release.jobs.pack.steps.find((s) => s.name === 'Pack');
    assert.match(pack.run, /^\.\/build\.sh pack .*-p:IdentityStackSourceLink=true/);
    assert.ok(release.jobs.pack.steps.some((s) => /GITHUB_REF_NAME#v/.test(s.run ?? '')));
  });

  it('publishes from the protected nuget environment, with the key from secrets only', () => {
    const publish = release.jobs.publish;
    assert.equal(publish.environment, 'nuget');
    const push = publish.steps.find((s) => /dotnet nuget push/.test(s.run ?? ''));
    assert.match(push.run, /--api-key "\$NUGET_API_KEY"/);
    assert.equal(push.env.NUGET_API_KEY, '${{ secrets.NUGET_API_KEY }}');
    assert.equal(release.permissions.contents, 'read');
  });
});
