// The change guard, with crafted changes to the real synthesized templates (cdk.out, from
// ./build.sh synth --all): each change that would lose user data or fall into a Cognito trap fails
// with its message; harmless changes pass; acknowledgments work as in the template gate.
// Cognito's rules come from "Updating user pool configuration" (sign-in options, case
// sensitivity and required attributes cannot change; custom attributes cannot be deleted):
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-updating.html
// and the CloudFormation reference of AWS::Cognito::UserPool Schema ("you can add new schema
// attributes but you cannot modify or delete an existing schema attribute").
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cloudAssembly } from '../../testing/cloud-assembly.mjs';
import { applyAcknowledgments, describeFinding, GuardInputError, inheritedAcknowledgments, loadAcknowledgments, stackFindings } from '../guard-lib.mjs';
import { idProblems, statefulIdsOf, STATEFUL_IDS_FILE, withNewStacks } from '../stateful-ids.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const cdkOut = process.env.GATE_CDK_OUT ?? path.join(repoRoot, 'cdk.out');
const guard = path.join(repoRoot, 'tools/change-guard/guard.mjs');
const template = (stage) => JSON.parse(fs.readFileSync(path.join(cdkOut, `IdentityStack-${stage}.template.json`), 'utf8'));
const idOfType = (t, type, pathPart = '') => Object.keys(t.Resources).find((id) => t.Resources[id].Type === type && (t.Resources[id].Metadata?.['aws:cdk:path'] ?? '').includes(pathPart));
const rules = (findings) => findings.map((f) => f.rule).sort();

describe('change guard: changes that lose user data fail, each with its message', () => {
  it('the pool moved to another construct path (new logical ID) is a replacement, with how to keep the ID', () => {
    const before = template('dev');
    const after = structuredClone(before);
    const poolId = idOfType(before, 'AWS::Cognito::UserPool');
    after.Resources.PlatformUserPool0A1B2C3D = { ...after.Resources[poolId], Metadata: { 'aws:cdk:path': 'IdentityStack-dev/Platform/UserPool/Resource' } };
    delete after.Resources[poolId];

    const findings = stackFindings('IdentityStack-dev', before, after).filter((f) => f.logicalId === poolId);

    assert.deepEqual(rules(findings), ['LogicalIdChanged']);
    const line = describeFinding(findings[0]);
    assert.match(line, /Identity\/UserPool\/Resource/);
    assert.match(line, /to PlatformUserPool0A1B2C3D \(Platform\/UserPool\/Resource\)/);
    assert.match(line, /every user of the pool/);
    assert.match(line, new RegExp(`OverrideLogicalId\\("${poolId}"\\)`));
  });

  it('a changed custom attribute is refused by Cognito, and a removed one too', () => {
    const before = template('dev');
    const poolId = idOfType(before, 'AWS::Cognito::UserPool');
    const schema = before.Resources[poolId].Properties.Schema;
    const custom = schema.find((a) => a.Name === 'tenant_id');
    assert.ok(custom, 'the dev pool has the custom attribute tenant_id');

    const changed = structuredClone(before);
    changed.Resources[poolId].Properties.Schema.find((a) => a.Name === 'tenant_id').Mutable = !custom.Mutable;
    const changedFindings = stackFindings('IdentityStack-dev', before, changed);
    assert.deepEqual(rules(changedFindings), ['SchemaAttributeChanged']);
    assert.match(describeFinding(changedFindings[0]), /tenant_id .*Cognito cannot modify an existing schema attribute.*add a new attribute under a new name/);

    const removed = structuredClone(before);
    removed.Resources[poolId].Properties.Schema = schema.filter((a) => a.Name !== 'tenant_id');
    assert.deepEqual(rules(stackFindings('IdentityStack-dev', before, removed)), ['SchemaAttributeRemoved']);
  });

  it("a table's key change replaces the table, naming KeySchema and what is lost", () => {
    const before = template('dev');
    const after = structuredClone(before);
    const tableId = idOfType(before, 'AWS::DynamoDB::Table', 'DirectoryTable');
    after.Resources[tableId].Properties.KeySchema = [{ AttributeName: 'email', KeyType: 'HASH' }];
    after.Resources[tableId].Properties.AttributeDefinitions = [{ AttributeName: 'email', AttributeType: 'S' }];

    const findings = stackFindings('IdentityStack-dev', before, after);

    assert.deepEqual(findings.map((f) => [f.logicalId, f.rule]), [[tableId, 'Replaced']]);
    assert.match(describeFinding(findings[0]), /KeySchema.* requires replacement.*every item in the table/);
  });

  it('a removed bucket is a finding; a removed stage removes every stateful resource of it', () => {
    const before = template('dev');
    const after = structuredClone(before);
    const bucketId = idOfType(before, 'AWS::S3::Bucket', 'Files');
    delete after.Resources[bucketId];

    assert.deepEqual(stackFindings('IdentityStack-dev', before, after).map((f) => [f.logicalId, f.rule]), [[bucketId, 'Removed']]);
    const gone = stackFindings('IdentityStack-dev', before, undefined);
    assert.ok(gone.length >= 5 && gone.every((f) => f.rule === 'Removed'));
    assert.match(describeFinding(gone[0]), /no longer synthesized/);
  });

  it('a renamed identity provider that clients list strands its users', () => {
    const before = template('prod');
    const after = structuredClone(before);
    const providerId = Object.keys(before.Resources).find((id) => before.Resources[id].Properties?.ProviderName === 'Google');
    after.Resources[providerId].Properties.ProviderName = 'GoogleWorkspace';

    const findings = stackFindings('IdentityStack-prod', before, after).filter((f) => f.rule === 'ProviderRenamed');

    assert.equal(findings.length, 1);
    assert.match(describeFinding(findings[0]), /Google.*usernames start with Google_.*new users/);
  });

  it('changed sign-in attributes, case sensitivity and a renamed resource server are Cognito traps', () => {
    const before = template('dev');
    const after = structuredClone(before);
    const pool = after.Resources[idOfType(before, 'AWS::Cognito::UserPool')].Properties;
    pool.UsernameAttributes = ['phone_number'];
    delete pool.AliasAttributes;
    pool.UsernameConfiguration = { CaseSensitive: !before.Resources[idOfType(before, 'AWS::Cognito::UserPool')].Properties.UsernameConfiguration?.CaseSensitive };
    after.Resources[idOfType(before, 'AWS::Cognito::UserPoolResourceServer')].Properties.Identifier = 'https://api.example.com/v2';

    const found = new Set(rules(stackFindings('IdentityStack-dev', before, after)));

    for (const rule of ['SignInAttributesChanged', 'CaseSensitivityChanged', 'ResourceServerIdentifierChanged']) {
      assert.ok(found.has(rule), `${rule} in ${[...found]}`);
    }
  });
});

describe('change guard: harmless changes and acknowledgments', () => {
  it('a new group and a new route pass', () => {
    const before = template('dev');
    const after = structuredClone(before);
    const poolId = idOfType(before, 'AWS::Cognito::UserPool');
    after.Resources.IdentityAuditorsGroup1234ABCD = { Type: 'AWS::Cognito::UserPoolGroup', Properties: { GroupName: 'auditors', UserPoolId: { Ref: poolId } } };
    const routeId = idOfType(before, 'AWS::ApiGatewayV2::Route');
    after.Resources.ApiHttpGETreportsABCD1234 = { ...structuredClone(before.Resources[routeId]), Metadata: { 'aws:cdk:path': 'IdentityStack-dev/Api/Http/GET--reports/Resource' } };
    after.Resources.ApiHttpGETreportsABCD1234.Properties.RouteKey = 'GET /reports';

    assert.deepEqual(stackFindings('IdentityStack-dev', before, after), []);
    assert.deepEqual(stackFindings('IdentityStack-dev', before, structuredClone(before)), []);
  });

  it('an acknowledged replacement passes; an acknowledgment that matches nothing is stale', () => {
    const before = template('dev');
    const after = structuredClone(before);
    const tableId = idOfType(before, 'AWS::DynamoDB::Table', 'DirectoryTable');
    after.Resources[tableId].Properties.KeySchema = [{ AttributeName: 'email', KeyType: 'HASH' }];
    const ack = { stack: 'IdentityStack-dev', logicalId: tableId, rule: 'Replaced', reason: 'dev directory holds only test profiles; rekeyed by email on purpose.' };
    const other = { ...ack, logicalId: 'SomethingElse' };

    const result = applyAcknowledgments(stackFindings('IdentityStack-dev', before, after), [ack, other]);

    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.acknowledged.map((f) => f.logicalId), [tableId]);
    assert.deepEqual(result.stale, [other]);
  });

  it('an acknowledgment from an earlier change (already on the base branch) is neither stale nor accepts a new finding', () => {
    const before = template('dev');
    const after = structuredClone(before);
    const tableId = idOfType(before, 'AWS::DynamoDB::Table', 'DirectoryTable');
    after.Resources[tableId].Properties.KeySchema = [{ AttributeName: 'email', KeyType: 'HASH' }];
    const earlier = { stack: 'IdentityStack-dev', logicalId: 'PoolReplacedLastMonth', rule: 'Replaced', reason: 'dev pool recreated to switch sign-in to email, test users only.' };
    const sameAsEarlier = { stack: 'IdentityStack-dev', logicalId: tableId, rule: 'Replaced', reason: 'dev directory rekeyed once before; this entry came with that change.' };

    // The next pull request: the earlier entries are still in the file, and match nothing here.
    const next = applyAcknowledgments([], [earlier], [earlier]);
    assert.deepEqual(next.stale, []);
    assert.deepEqual(next.inherited, [earlier]);

    // A second replacement of the same table is not accepted by the first one's entry.
    const again = applyAcknowledgments(stackFindings('IdentityStack-dev', before, after), [sameAsEarlier], [sameAsEarlier]);
    assert.deepEqual(again.findings.map((f) => f.logicalId), [tableId]);
    assert.deepEqual(again.acknowledged, []);

    // The change that adds an entry matching nothing still fails.
    assert.deepEqual(applyAcknowledgments([], [earlier], []).stale, [earlier]);
  });

  it('reads the base branch\'s entries leniently: a missing or broken file is none', () => {
    assert.deepEqual(inheritedAcknowledgments('{ "acknowledgments": [{ "stack": "S", "logicalId": "X", "rule": "Replaced" }, null] }'), [{ stack: 'S', logicalId: 'X', rule: 'Replaced' }]);
    for (const text of ['', 'not json', '{}', '{ "acknowledgments": {} }', 'null']) assert.deepEqual(inheritedAcknowledgments(text), []);
  });

  it('refuses acknowledgments without a stack, an id, a rule or a real reason', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guard-ack-')), 'acks.json');
    for (const entry of [{ logicalId: 'X', rule: 'Replaced', reason: 'x'.repeat(50) }, { stack: 'S', logicalId: 'X', rule: 'Replaced', reason: 'because' }, null]) {
      fs.writeFileSync(file, JSON.stringify({ acknowledgments: [entry] }));
      assert.throws(() => loadAcknowledgments(file), GuardInputError);
    }
    fs.writeFileSync(file, '{ not json');
    assert.throws(() => loadAcknowledgments(file), /not JSON/);
  });
});

describe('change guard: the command', () => {
  const assemblyWith = cloudAssembly;
  const runGuard = (args) => spawnSync(process.execPath, [guard, ...args], { encoding: 'utf8', cwd: repoRoot });

  it('exits 1 with each finding and its acknowledgment line, writes the job summary, and exits 0 on no change', () => {
    const before = template('dev');
    const after = structuredClone(before);
    delete after.Resources[idOfType(before, 'AWS::S3::Bucket', 'Files')];
    const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guard-sum-')), 'summary.md');

    const failing = runGuard(['--base-assembly', assemblyWith({ 'IdentityStack-dev': before }), '--head-assembly', assemblyWith({ 'IdentityStack-dev': after }), '--summary', summaryFile]);
    assert.equal(failing.status, 1, failing.stdout + failing.stderr);
    assert.match(failing.stdout, /FAIL IdentityStack-dev: UserData\/Files\/Resource .* Removed: .*every object in the bucket/);
    assert.match(failing.stdout, /"rule": "Removed", "reason": "\.\.\."/);
    assert.match(fs.readFileSync(summaryFile, 'utf8'), /### Change guard\n\n- \*\*IdentityStack-dev\*\* `UserData\/Files\/Resource`/);

    const same = runGuard(['--base-assembly', assemblyWith({ 'IdentityStack-dev': before }), '--head-assembly', assemblyWith({ 'IdentityStack-dev': before })]);
    assert.equal(same.status, 0, same.stdout + same.stderr);
  });

  it('exits 2 with one line on bad input', () => {
    for (const args of [[], ['--base', 'no-such-ref-anywhere'], ['--base-assembly', '/nonexistent', '--head-assembly', '/nonexistent'], ['--bogus']]) {
      const result = runGuard(args);
      assert.equal(result.status, 2, `${args}: ${result.stdout}${result.stderr}`);
      assert.match(result.stderr, /^change guard: /);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('synthesizes the base ref in a worktree and the working tree, and passes when nothing stateful changed', () => {
    const result = runGuard(['--base', 'HEAD']);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /change guard: passed: 0 findings/);
    const worktrees = spawnSync('git', ['worktree', 'list'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim().split('\n');
    assert.equal(worktrees.length, 1, `the base worktree is removed: ${worktrees.join(' | ')}`);
  });
});

describe('change guard: logical ID stability', () => {
  it('every stateful resource of every stage keeps the logical ID committed in stateful-ids.json', () => {
    const problems = idProblems(JSON.parse(fs.readFileSync(STATEFUL_IDS_FILE, 'utf8')), statefulIdsOf(cdkOut));
    assert.deepEqual(problems, []);
  });

  it('a moved ID fails naming the construct path and how to keep the ID; an unlisted stateful resource fails too', () => {
    const committed = { 'IdentityStack-dev': { IdentityUserPool96FE3B9B: { type: 'AWS::Cognito::UserPool', path: 'Identity/UserPool/Resource' } } };
    const moved = { 'IdentityStack-dev': { IdentityUserPoolABCDEF12: { type: 'AWS::Cognito::UserPool', path: 'Identity/UserPool/Resource' } } };

    const problems = idProblems(committed, moved);

    assert.equal(problems.length, 2);
    assert.match(problems[0], /Identity\/UserPool\/Resource .*no longer has the logical ID IdentityUserPool96FE3B9B \(it is now IdentityUserPoolABCDEF12\).*OverrideLogicalId\("IdentityUserPool96FE3B9B"\)/);
    assert.match(problems[1], /new stateful resource .*stateful-ids\.mjs --write/);
  });

  it('a new stage is one problem that says how to record it, and --add records it without touching the listed stages', () => {
    const pool = { IdentityUserPool96FE3B9B: { type: 'AWS::Cognito::UserPool', path: 'Identity/UserPool/Resource' } };
    const committed = { 'IdentityStack-prod': pool, 'IdentityStack-dev': pool };
    const actual = { 'IdentityStack-dev': pool, 'IdentityStack-qa': { ...pool, TriggersDirectoryTableBB550D68: { type: 'AWS::DynamoDB::Table', path: 'Triggers/DirectoryTable/Resource' } } };

    const problems = idProblems({ 'IdentityStack-dev': pool }, actual);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^IdentityStack-qa: a stage that .* does not list; run .*stateful-ids\.mjs --add .*new-stage/);

    const { list, added } = withNewStacks(committed, actual);
    assert.deepEqual(added, ['IdentityStack-qa']);
    assert.deepEqual(Object.keys(list), ['IdentityStack-dev', 'IdentityStack-prod', 'IdentityStack-qa']);
    assert.equal(list['IdentityStack-prod'], pool, 'a stage missing from a one-stage assembly keeps its entries');
    assert.deepEqual(idProblems({ 'IdentityStack-dev': list['IdentityStack-dev'], 'IdentityStack-qa': list['IdentityStack-qa'] }, actual), []);
  });
});
