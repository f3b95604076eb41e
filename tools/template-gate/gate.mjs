#!/usr/bin/env node
// Usage: node tools/template-gate/gate.mjs [--cdk-out DIR] [--acknowledgments FILE] [--summary-json FILE] [--partial]
// --partial: the assembly holds only some stages; acknowledgments that match nothing are listed, not failed.
// Exit 0: every template passes; 1: unacknowledged findings or stale acknowledgments; 2: bad input.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { advice, DEFAULT_ACKNOWLEDGMENTS, describeStages, GateInputError, runGate } from './gate-lib.mjs';

let values;
try {
  ({ values } = parseArgs({
    options: {
      'cdk-out': { type: 'string', default: 'cdk.out' },
      acknowledgments: { type: 'string', default: DEFAULT_ACKNOWLEDGMENTS },
      'summary-json': { type: 'string' },
      partial: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  console.error(`template gate: ${error.message}; use [--cdk-out DIR] [--acknowledgments FILE] [--summary-json FILE] [--partial].`);
  process.exit(2);
}
const ackFile = path.relative(process.cwd(), values.acknowledgments);

let result;
try {
  result = runGate({ cdkOut: values['cdk-out'], acknowledgmentsFile: values.acknowledgments, partial: values.partial });
} catch (error) {
  if (error instanceof GateInputError || error instanceof SyntaxError || error.code === 'ENOENT') {
    console.error(`template gate: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

for (const stack of result.stacks) {
  const status = stack.findings.length === 0 ? 'PASS' : 'FAIL';
  const types = Object.entries(stack.resourceTypes).map(([type, count]) => `${count} ${type.replace(/^AWS::/, '')}`).join(', ');
  console.log(`${status} ${stack.stackName} (stage ${stack.stage.name}, ${stack.stage.stageClass}): ${stack.resourceCount} resources (${types}); ${stack.findings.length} findings, ${stack.acknowledged.length} acknowledged`);
  if (stack.acknowledged.length === 0) {
    console.log(`  no acknowledgment applies to ${stack.stackName}: entries apply to "all", "${stack.stage.stageClass}" or named stages, and none of those matches a resource of stage ${stack.stage.name}.`);
  }
}
for (const finding of result.findings) {
  console.log(`  ${finding.severity.toUpperCase()} ${finding.stackName}/${finding.path} [${finding.logicalId}] ${finding.rule}: ${finding.description}`);
  console.log(`    what to do: ${advice(finding)}`);
  const stage = result.stacks.find((s) => s.stackName === finding.stackName)?.stage;
  console.log(`    or, if it is accepted on purpose: add { "rule": "${finding.acknowledgmentId}", "stages": "${stage?.stageClass ?? 'all'}", "path": "${finding.path}", "reason": "..." } to ${ackFile} ("stages": "all" for every stage, ["${stage?.name ?? finding.stackName}"] for this one only)`);
}
for (const ack of result.stale) {
  const where = ack.stackNames.length > 0 ? `no resource of ${ack.stackNames.join(', ')}` : 'no stage of this assembly';
  console.log(`  STALE ${ackFile}: ${ack.rule} at ${ack.path} for ${describeStages(ack.stages)} matches ${where}; remove it, fix its path or its stages.`);
}
if (result.unused.length > 0) {
  console.log(`  ${result.unused.length} acknowledgments match nothing in this assembly's stages (stale ones are reported when every stage is synthesized: ./build.sh synth --all)`);
}
if (values['summary-json']) {
  fs.writeFileSync(values['summary-json'], JSON.stringify(result, null, 2));
}
const total = result.stacks.reduce((n, s) => n + s.acknowledged.length, 0);
console.log(`template gate: ${result.passed ? 'passed' : 'FAILED'}: ${result.stacks.length} stacks, ${result.findings.length} unacknowledged findings, ${result.stale.length} stale acknowledgments, ${total} acknowledged`);
process.exit(result.passed ? 0 : 1);
