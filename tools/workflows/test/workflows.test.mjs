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

/**
 * Third-party actions that are not pinned to a full commit SHA with their version in a comment
 * (`owner/repo@<40 hex> # v1.2.3`). A tag or branch can be moved to other code after review; a SHA
 * cannot. Local reusable workflows (`./...`) are ours and exempt.
 */
export function unpinnedActions(text) {
  return text.split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => /^-?\s*uses:\s*/.test(line))
    .map(({ line, number }) => ({ number, uses: line.replace(/^-?\s*uses:\s*/, '') }))
    .filter(({ uses }) => !uses.startsWith('./'))
    .filter(({ uses }) => !/^[\w.-]+\/[\w.\/-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/.test(uses));
}

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

describe('workflows: third-party actions pinned to commit SHAs', () => {
  for (const file of workflowFiles) {
    it(`${file} pins every third-party action to a full commit SHA with its version`, () => {
      const unpinned = unpinnedActions(fs.readFileSync(path.join(workflowsDir, file), 'utf8'));
      assert.deepEqual(unpinned, [], unpinned.map((u) => `${file}:${u.number}: ${u.uses} — pin as owner/repo@<full SHA> # vX.Y.Z`).join('\n'));
    });
  }

  it('refuses a tag, a branch, a short SHA and a SHA without its version, and allows local workflows', () => {
    const text = [
      '      - uses: actions/checkout@v4',
      '      - uses: actions/setup-node@main',
      '      - uses: actions/setup-node@49933ea # v4.4.0',
      '      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020',
      '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
      '    uses: ./.github/workflows/deploy-stage.yml',
    ].join('\n');
    assert.deepEqual(unpinnedActions(text).map((u) => u.number), [1, 2, 3, 4]);
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

  it('AWS access is OIDC only: every credentials step assumes a role, none passes keys, and only its job may ask for a token', () => {
    const credentialJobs = workflowFiles.flatMap((f) => Object.entries(load(f).jobs).map(([name, job]) => ({ file: f, name, job })))
      .filter(({ job }) => (job.steps ?? []).some((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@')));
    assert.ok(credentialJobs.length >= 2);
    for (const { file, name, job } of credentialJobs) {
      for (const step of job.steps.filter((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))) {
        assert.ok(step.with['role-to-assume'], `${file}: ${step.uses} has no role-to-assume`);
        assert.equal(step.with['aws-access-key-id'], undefined, `${file}: access keys are not allowed`);
      }
      assert.equal(job.permissions?.['id-token'], 'write', `${file}: job ${name} needs id-token: write of its own`);
    }
    for (const file of workflowFiles) {
      const workflow = load(file);
      assert.notEqual(workflow.permissions?.['id-token'], 'write', `${file}: id-token: write at the top gives every job an OIDC token; grant it only to the jobs that assume a role`);
      for (const [name, job] of Object.entries(workflow.jobs)) {
        const mayAssume = credentialJobs.some((c) => c.file === file && c.name === name) || (job.uses ?? '').startsWith('./');
        if (!mayAssume) assert.notEqual(job.permissions?.['id-token'], 'write', `${file}: job ${name} assumes no role and must not get an OIDC token`);
      }
    }
  });

  // An expression spliced into a script runs whatever the value holds (a stage name, a branch name,
  // a title); through env: it is only ever data.
  it('no run step splices inputs or event fields into its script: they travel through env', () => {
    for (const file of workflowFiles) {
      for (const step of steps(load(file))) {
        assert.doesNotMatch(step.run ?? '', /\$\{\{\s*(inputs\.|github\.event\.|github\.head_ref|github\.base_ref)/, `${file}: "${step.name}" splices an expression into its script; pass it through env:`);
      }
    }
  });

  it('the check of spliced expressions can fail', () => {
    const spliced = /\$\{\{\s*(inputs\.|github\.event\.|github\.head_ref|github\.base_ref)/;
    assert.match('cdk deploy "IdentityStack-${{ inputs.stage }}"', spliced);
    assert.doesNotMatch('cdk deploy "IdentityStack-$STAGE"', spliced);
  });

  it('pull-request code runs only where there are no credentials; the job with dev\'s role runs the base branch\'s tools on the uploaded templates', () => {
    const pr = load('pull-request.yml');
    for (const [name, job] of Object.entries(pr.jobs).filter(([n]) => n !== 'diff-dev')) {
      assert.notEqual(job.permissions?.['id-token'], 'write', `${name} runs the pull request's code`);
      assert.ok(!(job.steps ?? []).some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@')), `${name} runs the pull request's code`);
    }
    const diff = pr.jobs['diff-dev'];
    const checkout = diff.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    assert.equal(checkout.with.ref, '${{ github.event.pull_request.base.sha }}', 'the diff job checks out the base branch, not the pull request');
    assert.deepEqual([diff.needs].flat().sort(), ['synth-dev', 'test']);
    for (const step of diff.steps) {
      assert.doesNotMatch(step.run ?? '', /build\.sh|dotnet |cdk synth|npm (install|run)|npx /, `"${step.name}" would run code the pull request controls next to dev's credentials`);
    }
    assert.match(diff.steps.find((s) => /npm ci/.test(s.run ?? '')).run, /--ignore-scripts/);
    const verify = diff.steps.find((s) => /same digest/.test(s.name ?? ''));
    assert.equal(verify.env.ASSEMBLY_DIGEST, '${{ needs.synth-dev.outputs.assembly-digest }}');
    assert.match(diff.steps.at(-1).run, /^node_modules\/\.bin\/cdk diff --app pr\/cdk\.out IdentityStack-dev$/);
    assert.ok(pr.jobs['synth-dev'].steps.some((s) => s.run === './build.sh synth --stage dev'));
  });

  it('main synthesizes every stage once, then deploys the stages of cdk.json one at a time in its order, each from that one gated assembly', () => {
    const deploy = load('deploy.yml');
    assert.deepEqual(deploy.on.push.branches, ['main']);
    const { synth, ...deployJobs } = deploy.jobs;
    const synthRuns = synth.steps.map((step) => step.run ?? '');
    assert.ok(synthRuns.includes('./build.sh synth --all'), 'the synth job synthesizes every stage (and compiles the binaries) once, through the gate');
    const upload = synth.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    assert.equal(upload.with.name, 'cloud-assembly');
    assert.equal(synth.outputs['assembly-digest'], '${{ steps.digest.outputs.digest }}');

    // The stage list is cdk.json's, in its order: run the step's command and compare.
    assert.equal(synth.outputs.stages, '${{ steps.stages.outputs.stages }}');
    const listing = synth.steps.find((step) => step.id === 'stages').run;
    const command = listing.match(/\$\((node -p .*)\)"/)[1];
    const printed = spawnSync('bash', ['-c', command], { cwd: repoRoot, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(printed.stdout), stages);

    assert.deepEqual(Object.keys(deployJobs), ['deploy'], 'no stage is hard-coded as a job of its own');
    const job = deployJobs.deploy;
    assert.equal(job.uses, './.github/workflows/deploy-stage.yml');
    assert.equal(job.needs, 'synth');
    assert.equal(job.strategy.matrix.stage, '${{ fromJSON(needs.synth.outputs.stages) }}');
    assert.equal(job.strategy['max-parallel'], 1, 'one stage at a time, in order');
    assert.equal(job.strategy['fail-fast'], true, 'a failed stage stops the ones after it');
    assert.equal(job.with.stage, '${{ matrix.stage }}');
    assert.equal(job.with['assembly-digest'], '${{ needs.synth.outputs.assembly-digest }}');
  });

  it('a stage deploy never synthesizes or compiles: it checks the assembly digest and deploys that assembly with the command people run', () => {
    const job = load('deploy-stage.yml').jobs.deploy;
    for (const step of job.steps) {
      assert.doesNotMatch(step.run ?? '', /build\.sh (synth|publish|preflight)|cdk synth|dotnet publish/, `"${step.name}" builds again; stages deploy the synth job's assembly`);
    }
    const names = job.steps.map((s) => s.name ?? s.uses);
    const download = names.findIndex((n) => n.startsWith('actions/download-artifact@'));
    const verify = names.findIndex((n) => /same digest/.test(n));
    const deployStep = names.indexOf('Deploy');
    assert.ok(download >= 0 && download < verify && verify < deployStep, `order was: ${names.join(' | ')}`);
    assert.equal(job.steps[download].with.name, 'cloud-assembly');
    assert.match(job.steps[verify].run, /sha256sum --check --strict/);
    assert.equal(job.steps[verify].env.ASSEMBLY_DIGEST, '${{ inputs.assembly-digest }}');
    assert.equal(job.steps[deployStep].run, './build.sh deploy --stage "$STAGE" --assembly --yes');
    const credentials = job.steps.findIndex((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    assert.ok(credentials >= 0 && credentials < deployStep);
  });

  it('pull requests run the change guard against the base branch, with the full history, into the job summary', () => {
    const job = load('pull-request.yml').jobs['guard-changes'];
    assert.equal(job.steps[0].with['fetch-depth'], 0, 'the base branch must be in the clone');
    const step = job.steps.at(-1);
    assert.equal(step.env.BASE_REF, '${{ github.base_ref }}');
    assert.equal(step.run, './build.sh guard-changes --base "origin/$BASE_REF" --summary "$GITHUB_STEP_SUMMARY"');
  });

  it('pull requests run the whole suite, then diff dev read-only', () => {
    const pr = load('pull-request.yml');
    assert.match(pr.jobs.test.steps.at(-1).run, /^bash \.ci\/run$/);
    assert.ok([pr.jobs['diff-dev'].needs].flat().includes('test'));
    assert.match(pr.jobs['diff-dev'].steps.at(-1).run, /cdk diff .*IdentityStack-dev/);
    assert.equal(pr.concurrency['cancel-in-progress'], true);
  });
});

describe('dependabot', () => {
  it('updates every pinned dependency: NuGet, the SDK, npm and the SHA-pinned actions, all from the root', () => {
    const config = YAML.parse(fs.readFileSync(path.join(repoRoot, '.github', 'dependabot.yml'), 'utf8'));
    assert.equal(config.version, 2);
    const ecosystems = Object.fromEntries(config.updates.map((u) => [u['package-ecosystem'], u]));
    assert.deepEqual(Object.keys(ecosystems).sort(), ['dotnet-sdk', 'github-actions', 'npm', 'nuget']);
    for (const update of config.updates) {
      assert.equal(update.directory, '/');
      assert.ok(['daily', 'weekly', 'monthly'].includes(update.schedule?.interval), `${update['package-ecosystem']} has a schedule`);
    }
    // The files those ecosystems read are where Dependabot looks for them.
    for (const file of ['Directory.Packages.props', 'global.json', 'package-lock.json', '.config/dotnet-tools.json']) {
      assert.ok(fs.existsSync(path.join(repoRoot, file)), file);
    }
    // The CDK's .NET packages move together (a newer Amazon.CDK.Lib needs a newer Constructs).
    assert.deepEqual(ecosystems.nuget.groups['aws-cdk'].patterns, ['Amazon.CDK.*', 'Constructs']);
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

  it('publishes exactly what pack built after the suite: the packages\' digest is checked before the push', () => {
    assert.equal(release.jobs.pack.outputs['packages-digest'], '${{ steps.digest.outputs.digest }}');
    const names = release.jobs.publish.steps.map((s) => s.name ?? s.uses);
    const verify = names.findIndex((n) => /same digest/.test(n));
    const push = names.findIndex((n) => /Publish/.test(n));
    assert.ok(verify >= 0 && verify < push, `order was: ${names.join(' | ')}`);
    const step = release.jobs.publish.steps[verify];
    assert.match(step.run, /sha256sum --check --strict/);
    assert.equal(step.env.PACKAGES_DIGEST, '${{ needs.pack.outputs.packages-digest }}');
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
