#!/usr/bin/env node
// ./build.sh preflight --stage NAME: before the first deploy of a stage, ask the account for what
// the synthesized template needs, one line per check, then a verdict.
//
//   node tools/preflight/preflight.mjs --cdk-out cdk.out --stage prod
//
// Exit 0: every check passed (warnings allowed). 1: a check failed. 2: it cannot run (no template
// for the stage, no credentials), said in one line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PreflightInputError, runChecks } from './checks.mjs';
import { environmentOf, requirementsOf } from './requirements.mjs';
import { STAGE_NAME } from '../stages/stage-name.mjs';

// The pinned SDK clients run on Node 20; their notice that later releases will need Node 22 is
// silenced deliberately (as build.sh does for jsii's banner), unless the user set it themselves.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function refuse(message) {
  console.error(`preflight: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({ options: { 'cdk-out': { type: 'string', default: 'cdk.out' }, stage: { type: 'string' } } }));
} catch (error) {
  refuse(`${error.message}; use --stage NAME [--cdk-out DIR]`);
}
if (!values.stage || !STAGE_NAME.test(values.stage)) refuse('give the stage to check, e.g. --stage prod');

const stackName = `IdentityStack-${values.stage}`;
const manifestFile = join(values['cdk-out'], 'manifest.json');
const templateFile = join(values['cdk-out'], `${stackName}.template.json`);
if (!existsSync(manifestFile) || !existsSync(templateFile)) {
  refuse(`no synthesized template for stage '${values.stage}' (${templateFile}); run ./build.sh synth --stage ${values.stage} first, or check the stage name`);
}
const environment = environmentOf(JSON.parse(readFileSync(manifestFile, 'utf8')), stackName);
if (!environment) refuse(`${manifestFile} names no account/region for ${stackName}; synthesize it again`);
const requirements = requirementsOf(JSON.parse(readFileSync(templateFile, 'utf8')));

let results;
try {
  results = await runChecks({ stackName, environment, requirements });
} catch (error) {
  if (error instanceof PreflightInputError) refuse(error.message);
  throw error;
}

const width = Math.max(...results.map((r) => r.name.length));
for (const result of results) {
  console.log(`${result.status.padEnd(4)}  ${result.name.padEnd(width)}  ${result.detail}${result.fix ? ` -> ${result.fix}` : ''}`);
}
const failed = results.filter((r) => r.status === 'FAIL').length;
const warned = results.filter((r) => r.status === 'WARN').length;
console.log(failed === 0
  ? `preflight ${stackName}: ready to deploy (${results.length} checks${warned ? `, ${warned} warning${warned > 1 ? 's' : ''}` : ''})`
  : `preflight ${stackName}: NOT ready, ${failed} of ${results.length} checks failed`);
process.exit(failed === 0 ? 0 : 1);
