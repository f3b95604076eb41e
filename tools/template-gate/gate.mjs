#!/usr/bin/env node
// Usage: node tools/template-gate/gate.mjs [--cdk-out DIR] [--acknowledgments FILE] [--summary-json FILE]
// Exit 0: every template passes; 1: unacknowledged findings or stale acknowledgments; 2: bad input.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { advice, DEFAULT_ACKNOWLEDGMENTS, GateInputError, runGate } from './gate-lib.mjs';

const { values } = parseArgs({
  options: {
    'cdk-out': { type: 'string', default: 'cdk.out' },
    acknowledgments: { type: 'string', default: DEFAULT_ACKNOWLEDGMENTS },
    'summary-json': { type: 'string' },
  },
});
const ackFile = path.relative(process.cwd(), values.acknowledgments);

let result;
try {
  result = runGate({ cdkOut: values['cdk-out'], acknowledgmentsFile: values.acknowledgments });
} catch (error) {
  if (error instanceof GateInputError || error instanceof SyntaxError || error.code === 'ENOENT') {
    console.error(`template gate: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

for (const stack of result.stacks) {
  const status = stack.findings.length === 0 && stack.stale.length === 0 ? 'PASS' : 'FAIL';
  const types = Object.entries(stack.resourceTypes).map(([type, count]) => `${count} ${type.replace(/^AWS::/, '')}`).join(', ');
  console.log(`${status} ${stack.stackName}: ${stack.resourceCount} resources (${types}); ${stack.findings.length} findings, ${stack.acknowledged.length} acknowledged`);
}
for (const finding of result.findings) {
  console.log(`  ${finding.severity.toUpperCase()} ${finding.stackName}/${finding.path} [${finding.logicalId}] ${finding.rule}: ${finding.description}`);
  console.log(`    what to do: ${advice(finding)}`);
  console.log(`    or, if it is accepted on purpose: add { "rule": "${finding.acknowledgmentId}", "stacks": ["${finding.stackName}"], "path": "${finding.path}", "reason": "..." } to ${ackFile}`);
}
for (const ack of result.stale) {
  console.log(`  STALE ${ackFile}: ${ack.rule} for ${ack.stackName}/${ack.path} matches no resource; remove it or fix its path.`);
}
if (values['summary-json']) {
  fs.writeFileSync(values['summary-json'], JSON.stringify(result, null, 2));
}
const total = result.stacks.reduce((n, s) => n + s.acknowledged.length, 0);
console.log(`template gate: ${result.passed ? 'passed' : 'FAILED'}: ${result.stacks.length} stacks, ${result.findings.length} unacknowledged findings, ${result.stale.length} stale acknowledgments, ${total} acknowledged`);
process.exit(result.passed ? 0 : 1);
