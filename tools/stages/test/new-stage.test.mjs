// ./build.sh new-stage: a stage copied from another gets its own Cognito domain prefix, lands right
// after its source in cdk.json (the deploy order), and brings the source's stage-named gate
// exceptions; bad input is refused with one line and exit 2, with nothing written. The last test
// synthesizes a new stage from the real cdk.json and holds it to the gate with the committed
// acknowledgments unchanged by class: a new stage of an existing class needs no edits.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { addStage, CDK_JSON, derivePrefix, domainPrefixProblem, extendAcknowledgments, GATE_ACKNOWLEDGMENTS, manualSteps, NewStageError } from '../new-stage.mjs';
import { runGate } from '../../template-gate/gate-lib.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const script = path.join(repoRoot, 'tools/stages/new-stage.mjs');
const realCdkJson = JSON.parse(fs.readFileSync(CDK_JSON, 'utf8'));

function copies() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'new-stage-'));
  const cdkJson = path.join(dir, 'cdk.json');
  const acknowledgments = path.join(dir, 'acknowledgments.json');
  fs.copyFileSync(CDK_JSON, cdkJson);
  fs.copyFileSync(GATE_ACKNOWLEDGMENTS, acknowledgments);
  return { dir, cdkJson, acknowledgments };
}

const run = (args, files) => spawnSync(process.execPath, [script, ...args, '--cdk-json', files.cdkJson, '--acknowledgments', files.acknowledgments], { encoding: 'utf8' });

describe('new-stage: the copy', () => {
  it('lands right after its source, with its own domain prefix and everything else as the source has it', () => {
    const { cdkJson, changes } = addStage(realCdkJson, { name: 'qa', from: 'dev' });
    const names = Object.keys(cdkJson.context.stages);
    assert.deepEqual(names, ['dev', 'qa', 'staging', 'prod']);
    const qa = cdkJson.context.stages.qa;
    assert.match(qa.signIn.domainPrefix, /^example-identity-qa-[0-9a-f]{6}$/);
    assert.deepEqual({ ...qa, signIn: { ...qa.signIn, domainPrefix: 'x' } }, { ...realCdkJson.context.stages.dev, signIn: { ...realCdkJson.context.stages.dev.signIn, domainPrefix: 'x' } });
    assert.ok(changes.some((c) => /callbackUrls and logoutUrls are dev's/.test(c)));
    assert.equal(realCdkJson.context.stages.qa, undefined, 'the input is not changed');
  });

  it('does not copy a custom domain, which is one stage\'s own name and certificate', () => {
    const { cdkJson, changes } = addStage(realCdkJson, { name: 'prod-us', from: 'prod', domainPrefix: 'acme-identity-prod-us' });
    const copy = cdkJson.context.stages['prod-us'];
    assert.equal(copy.signIn.customDomain, undefined);
    assert.equal(copy.signIn.domainPrefix, 'acme-identity-prod-us');
    assert.equal(copy.production, true);
    assert.ok(changes.some((c) => /customDomain of prod \(auth\.example\.com\) is not copied/.test(c)));
  });

  it('derives a prefix Cognito accepts from any source prefix, however long', () => {
    assert.equal(derivePrefix('example-identity-dev', 'dev', 'qa', 'a1b2c3'), 'example-identity-qa-a1b2c3');
    assert.equal(derivePrefix('example-identity-qa-a1b2c3', 'qa', 'uat', 'd4e5f6'), 'example-identity-uat-d4e5f6');
    assert.equal(derivePrefix(undefined, 'dev', 'qa', 'a1b2c3'), 'identity-qa-a1b2c3');
    const long = derivePrefix(`${'x'.repeat(70)}-`, 'dev', 'abcdefghijklmnop', 'a1b2c3');
    assert.ok(long.length <= 63, long);
    assert.equal(domainPrefixProblem(long), undefined);
  });

  it('refuses prefixes Cognito would refuse, and another stage\'s prefix', () => {
    for (const prefix of ['', '-a', 'a-', 'UPPER', 'has_underscore', 'my-aws-login', 'x'.repeat(64), '{{resolve:ssm:p}}']) {
      assert.ok(domainPrefixProblem(prefix), prefix);
    }
    assert.throws(() => addStage(realCdkJson, { name: 'qa', from: 'dev', domainPrefix: 'example-identity-staging' }), /another stage's/);
  });

  it('extends acknowledgments that name the source stage, and only those', () => {
    const files = copies();
    const document = JSON.parse(fs.readFileSync(files.acknowledgments, 'utf8'));
    document.acknowledgments.push({ rule: 'AwsSolutions::AwsSolutions-COG2', stages: ['dev'], path: 'X/Resource', reason: 'x'.repeat(40) });
    fs.writeFileSync(files.acknowledgments, JSON.stringify(document));
    const { document: extended, extended: names } = extendAcknowledgments(files.acknowledgments, { from: 'dev', name: 'qa' });
    assert.deepEqual(names, ['AwsSolutions::AwsSolutions-COG2 at X/Resource']);
    assert.deepEqual(extended.acknowledgments.at(-1).stages, ['dev', 'qa']);
    assert.ok(extended.acknowledgments.filter((a) => !Array.isArray(a.stages)).every((a) => typeof a.stages === 'string'));
  });

  it('lists the steps outside the repository exactly: bootstrap, the role\'s trust subject, the environment, each provider', () => {
    const steps = manualSteps('prod-us', realCdkJson.context.stages.prod);
    assert.match(steps[0], /cdk bootstrap aws:\/\/111111111111\/eu-west-1/);
    assert.match(steps[1], /"repo:<owner>\/<repository>:environment:prod-us"/);
    assert.match(steps[2], /environment "prod-us" .*DEPLOY_ROLE_ARN.*required reviewers/);
    assert.equal(steps.filter((s) => /^(Google|Facebook|LoginWithAmazon|SignInWithApple|AcmeOidc|AcmeSaml) /.test(s)).length, 6);
    assert.match(steps.at(-1), /preflight --stage prod-us.*deploy --stage prod-us/);
  });
});

describe('new-stage: refusals', () => {
  const cases = [
    [['add', 'qa'], /--from STAGE is required/],
    [['add', 'qa', '--from', 'nosuch'], /--from "nosuch" is not a stage of cdk.json; stages: dev, staging, prod/],
    [['add', 'dev', '--from', 'dev'], /stage "dev" is already in cdk.json/],
    [['add', 'QA', '--from', 'dev'], /stage name "QA": use 1-16 lower-case/],
    [['add', 'all', '--from', 'dev'], /"all" is reserved/],
    [['add', 'production', '--from', 'dev'], /"production" is reserved/],
    [['add', 'a'.repeat(17), '--from', 'dev'], /use 1-16/],
    [['add', '{{resolve:ssm:x}}', '--from', 'dev'], /use 1-16/],
    [['add', 'qa', '--from', 'dev', '--domain-prefix', 'Not_Valid'], /--domain-prefix "Not_Valid"/],
    [['add', 'qa', '--from', 'dev', '--bogus'], /Unknown option '--bogus'/],
    [['remove', 'qa'], /say add NAME --from STAGE/],
    [['steps', 'nosuch'], /stage "nosuch" is not in cdk.json/],
  ];
  for (const [args, message] of cases) {
    it(`refuses ${JSON.stringify(args)} with one line, exit 2, nothing written`, () => {
      const files = copies();
      const before = fs.readFileSync(files.cdkJson, 'utf8') + fs.readFileSync(files.acknowledgments, 'utf8');
      const result = run(args, files);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.equal(fs.readFileSync(files.cdkJson, 'utf8') + fs.readFileSync(files.acknowledgments, 'utf8'), before);
    });
  }

  it('NewStageError is what the refusals throw', () => {
    assert.throws(() => addStage({}, { name: 'qa', from: 'dev' }), NewStageError);
  });
});

describe('new-stage: a new stage of an existing class passes the gate with no acknowledgment edits', () => {
  const appDll = path.join(repoRoot, 'src/IdentityStack.App/bin/Release/net10.0/IdentityStack.App.dll');
  const cdk = path.join(repoRoot, 'node_modules/.bin/cdk');

  for (const [name, from] of [['qa', 'dev'], ['uat', 'staging']]) {
    it(`${name} copied from ${from} synthesizes and passes the gate`, { timeout: 600_000 }, () => {
      assert.ok(fs.existsSync(appDll), `${appDll} is missing: build first (./build.sh test does)`);
      const files = copies();
      const added = run(['add', name, '--from', from], files);
      assert.equal(added.status, 0, added.stderr);
      // Entries for a class apply as they are; only an entry that names the source stage gains the new one.
      const committed = JSON.parse(fs.readFileSync(GATE_ACKNOWLEDGMENTS, 'utf8')).acknowledgments;
      const after = JSON.parse(fs.readFileSync(files.acknowledgments, 'utf8')).acknowledgments;
      assert.deepEqual(after, committed.map((a) => (Array.isArray(a.stages) && a.stages.includes(from) ? { ...a, stages: [...a.stages, name] } : a)));

      // The CDK CLI reads cdk.json from its working directory; the app finds the repository from its own location.
      const out = path.join(files.dir, 'cdk.out');
      const synth = spawnSync(cdk, ['synth', '--app', `dotnet ${appDll}`, '--context', `stage=${name}`, '--output', out, '--quiet', '--no-notices'], { cwd: files.dir, encoding: 'utf8' });
      assert.equal(synth.status, 0, `${synth.stdout}\n${synth.stderr}`);

      const result = runGate({ cdkOut: out, acknowledgmentsFile: files.acknowledgments, partial: true });
      assert.deepEqual(result.findings.map((f) => `${f.path} ${f.rule}`), []);
      assert.equal(result.passed, true);
      assert.equal(result.stacks[0].stage.name, name);
      assert.ok(result.stacks[0].acknowledged.length > 0);
    });
  }
});
