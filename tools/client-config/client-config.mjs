#!/usr/bin/env node
// ./build.sh client-config --stage NAME --outputs FILE [--out PATH] [--user-pool-endpoint URL]: amplify_outputs.json for the
// front-end teams, from the outputs 'cdk deploy --outputs-file' wrote and the stage's synthesized
// template, checked against Amplify's published client config definitions before it is written.
// --user-pool-endpoint (http on loopback) is for a local run against cognito-local: see amplifyOutputs.
//
// Exit 0: written. 1: the generated file does not conform (a defect of this tool). 2: bad or
// missing input, said in one line.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { amplifyOutputs, ClientConfigInputError, stackOutputsOf } from './amplify-outputs.mjs';
import { STAGE_NAME } from '../stages/stage-name.mjs';
import { definitionProblems } from './validate.mjs';

function refuse(message) {
  console.error(`client-config: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      stage: { type: 'string' }, outputs: { type: 'string' }, out: { type: 'string' }, 'cdk-out': { type: 'string', default: 'cdk.out' },
      'user-pool-endpoint': { type: 'string' },
    },
  }));
} catch (error) {
  refuse(`${error.message}; use --stage NAME --outputs FILE [--out PATH] [--cdk-out DIR]`);
}
if (!values.stage || !STAGE_NAME.test(values.stage)) refuse('give the stage, e.g. --stage dev');
if (!values.outputs) refuse("give the file 'cdk deploy --outputs-file' wrote, e.g. --outputs cdk-outputs.json");

const stackName = `IdentityStack-${values.stage}`;
const templateFile = join(values['cdk-out'], `${stackName}.template.json`);
if (!existsSync(templateFile)) refuse(`no synthesized template for stage '${values.stage}' (${templateFile}); run ./build.sh synth --stage ${values.stage} first`);
if (!existsSync(values.outputs)) refuse(`${values.outputs} does not exist; give the file 'cdk deploy --outputs-file' wrote`);

/** The stage's region as cdk.json names it (a local run has no region in its pool ids). */
function stageRegion(stage) {
  const region = JSON.parse(readFileSync('cdk.json', 'utf8')).context?.stages?.[stage]?.region;
  if (typeof region !== 'string') refuse(`cdk.json has no region for stage '${stage}'; run from the repository root`);
  return region;
}

let outputsFile;
try {
  outputsFile = JSON.parse(readFileSync(values.outputs, 'utf8'));
} catch (error) {
  refuse(`${values.outputs} is not JSON (${error.message}); give the file 'cdk deploy --outputs-file' wrote`);
}

let outputs;
try {
  const endpoint = values['user-pool-endpoint'];
  const local = endpoint === undefined ? undefined : { userPoolEndpoint: endpoint, region: stageRegion(values.stage) };
  outputs = amplifyOutputs(stackOutputsOf(outputsFile, stackName), JSON.parse(readFileSync(templateFile, 'utf8')), local);
} catch (error) {
  if (error instanceof ClientConfigInputError) refuse(`${values.outputs}: ${error.message}`);
  throw error;
}

const problems = definitionProblems(outputs);
if (problems.length > 0) {
  console.error(`client-config: the generated file does not match Amplify's client config definitions (a defect of this tool): ${problems.join(' | ')}`);
  process.exit(1);
}

const out = values.out ?? join('artifacts', values.stage, 'amplify_outputs.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(outputs, null, 2) + '\n');
console.log(`client-config: wrote ${out} (client config ${outputs.version}) for ${stackName}`);
