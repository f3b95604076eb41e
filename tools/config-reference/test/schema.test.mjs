// The JSON Schemas ./build.sh config-reference generates (docs/reference/) are what editors validate
// stage files with: they must compile, accept every stage this repository ships (cdk.json and
// examples/stages.full.json), and refuse what the app refuses (an unknown field, a wrong choice, a
// wrong type, a missing region), naming the place. The C# tests check they are not stale.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { RESERVED_STAGE_NAMES, STAGE_NAME } from '../../stages/stage-name.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const reference = path.join(repoRoot, 'docs/reference');
const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function validators() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const stage = read(path.join(reference, 'stage.schema.json'));
  ajv.addSchema(stage, 'stage.schema.json');
  return {
    stage: ajv.getSchema('stage.schema.json'),
    cdkJson: ajv.compile(read(path.join(reference, 'cdk.schema.json'))),
    stagesFile: ajv.compile(read(path.join(reference, 'stages-file.schema.json'))),
  };
}

describe('stage JSON Schema', () => {
  it('accepts cdk.json and the example of every option', () => {
    const { cdkJson, stagesFile } = validators();
    assert.ok(cdkJson(read(path.join(repoRoot, 'cdk.json'))), JSON.stringify(cdkJson.errors, null, 2));
    assert.ok(stagesFile(read(path.join(repoRoot, 'examples/stages.full.json'))), JSON.stringify(stagesFile.errors, null, 2));
  });

  it('every pattern is a valid JavaScript (ECMA-262) regular expression, as editors read them', () => {
    const patterns = [];
    const walk = (node) => {
      if (node && typeof node === 'object') {
        if (typeof node.pattern === 'string') patterns.push(node.pattern);
        Object.values(node).forEach(walk);
      }
    };
    walk(read(path.join(reference, 'stage.schema.json')));
    assert.ok(patterns.length >= 10, `${patterns.length} patterns`);
    for (const pattern of patterns) assert.doesNotThrow(() => new RegExp(pattern, 'u'), pattern);
  });

  const dev = () => structuredClone(read(path.join(repoRoot, 'cdk.json')).context.stages.dev);
  const refusals = [
    ['an unknown field (a typo)', (s) => { s.mfaa = 'REQUIRED'; }, '', 'additionalProperties'],
    ['a choice it does not offer', (s) => { s.mfa = 'SOMETIMES'; }, '/mfa', 'enum'],
    ['a string for a boolean', (s) => { s.selfSignUp = 'yes'; }, '/selfSignUp', 'type'],
    ['a missing region', (s) => { delete s.region; }, '', 'required'],
    ['a number out of range', (s) => { s.retention = { logDays: 0 }; }, '/retention/logDays', 'minimum'],
    ['null inside an array', (s) => { s.allowedSignUpEmailDomains = ['example.com', null]; }, '/allowedSignUpEmailDomains/1', 'type'],
    ['an unknown provider field', (s) => { s.federation = [{ type: 'Google', clientId: 'c', clientSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:g-AbCdEf', clientSecret: 'plain' }]; }, '/federation/0', 'additionalProperties'],
    ['a string for a nested number', (s) => { s.signIn.tokenValidity = { accessMinutes: '60' }; }, '/signIn/tokenValidity/accessMinutes', 'type'],
    ['a region that is no region code', (s) => { s.region = 'mars'; }, '/region', 'pattern'],
  ];
  for (const [what, change, where, keyword] of refusals) {
    it(`refuses ${what} at its place`, () => {
      const { stage } = validators();
      const candidate = dev();
      change(candidate);
      assert.equal(stage(candidate), false);
      assert.ok(stage.errors.some((e) => e.instancePath === where && e.keyword === keyword), JSON.stringify(stage.errors, null, 2));
    });
  }

  it('the Node tools check stage names by the app rule (the schema carries StageConfigReader\'s)', () => {
    const names = read(path.join(reference, 'cdk.schema.json')).properties.context.properties.stages.propertyNames;
    assert.equal(names.pattern, STAGE_NAME.source);
    assert.deepEqual(names.not.enum, [...RESERVED_STAGE_NAMES]);
  });

  it('refuses reserved and malformed stage names in cdk.json', () => {
    const { cdkJson } = validators();
    for (const name of ['all', 'production', 'Prod!', 'a'.repeat(17)]) {
      const file = read(path.join(repoRoot, 'cdk.json'));
      file.context.stages[name] = file.context.stages.dev;
      assert.equal(cdkJson(file), false, name);
    }
  });
});
