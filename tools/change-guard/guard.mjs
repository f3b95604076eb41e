#!/usr/bin/env node
// Usage: node tools/change-guard/guard.mjs --base REF [--acknowledgments FILE] [--summary FILE]
//        node tools/change-guard/guard.mjs --base-assembly DIR --head-assembly DIR [...]
// Synthesizes every stage at REF (a git worktree, same build) and in the working tree, and fails
// when a change would replace or remove a store of user data or fall into one of Cognito's traps.
// Exit 0: nothing found (or all acknowledged); 1: findings or stale acknowledgments; 2: bad input.
// Only the acknowledgments this change adds apply (those already at REF, or in --base-acknowledgments
// FILE, were for earlier changes): a stale one fails only the change that added it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { applyAcknowledgments, describeFinding, GuardInputError, inheritedAcknowledgments, loadAcknowledgments, stackFindings } from './guard-lib.mjs';
import { synthesizeCheckout, SynthesisError, templatesIn, withWorktree } from './synthesize.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_ACKNOWLEDGMENTS = path.join(repoRoot, 'tools/change-guard/acknowledgments.json');

function options() {
  try {
    const { values } = parseArgs({
      options: {
        base: { type: 'string' },
        'base-assembly': { type: 'string' },
        'head-assembly': { type: 'string' },
        acknowledgments: { type: 'string', default: DEFAULT_ACKNOWLEDGMENTS },
        'base-acknowledgments': { type: 'string' },
        summary: { type: 'string' },
      },
    });
    const byAssembly = values['base-assembly'] && values['head-assembly'];
    if (!values.base && !byAssembly) {
      throw new GuardInputError('say what to compare with: --base <git ref> (e.g. --base origin/main), or --base-assembly DIR --head-assembly DIR.');
    }
    return values;
  } catch (error) {
    throw error instanceof GuardInputError ? error : new GuardInputError(`${error.message}; use --base <git ref> [--acknowledgments FILE] [--summary FILE].`);
  }
}

function templates(values) {
  if (!values.base) {
    return { before: templatesIn(values['base-assembly']), after: templatesIn(values['head-assembly']) };
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'change-guard-'));
  console.log(`change guard: synthesizing every stage at ${values.base} and in the working tree`);
  const before = withWorktree(repoRoot, values.base, path.join(scratch, 'base'), (dir) => synthesizeCheckout(dir, path.join(scratch, 'base.out')));
  const after = synthesizeCheckout(repoRoot, path.join(scratch, 'head.out'));
  fs.rmSync(scratch, { recursive: true, force: true });
  return { before, after };
}

/** The acknowledgments file as the base had it: from --base-acknowledgments, or from REF in git. */
function baseAcknowledgments(values) {
  if (values['base-acknowledgments']) return inheritedAcknowledgments(fs.readFileSync(values['base-acknowledgments'], 'utf8'));
  if (!values.base) return [];
  const file = path.relative(repoRoot, values.acknowledgments).split(path.sep).join('/');
  try {
    return inheritedAcknowledgments(execFileSync('git', ['show', `${values.base}:${file}`], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return [];
  }
}

function summary(result, base) {
  const lines = [`### Change guard${base ? ` against \`${base}\`` : ''}`, ''];
  if (result.findings.length === 0 && result.stale.length === 0) {
    lines.push('No change replaces or removes user data.');
  }
  for (const f of result.findings) lines.push(`- **${f.stackName}** \`${f.path}\` (${f.logicalId}) **${f.rule}**: ${f.cause}. ${f.consequence} _Fix:_ ${f.fix}.`);
  for (const a of result.stale) lines.push(`- stale acknowledgment: ${a.stack} ${a.logicalId} ${a.rule} matches no finding; remove it.`);
  for (const f of result.acknowledged) lines.push(`- acknowledged: ${f.stackName} ${f.logicalId} ${f.rule}`);
  return lines.join('\n') + '\n';
}

let values;
let result;
try {
  values = options();
  const acknowledgments = loadAcknowledgments(values.acknowledgments);
  const { before, after } = templates(values);
  const findings = Object.keys(before).sort().flatMap((stackName) => stackFindings(stackName, before[stackName], after[stackName]));
  result = applyAcknowledgments(findings, acknowledgments, baseAcknowledgments(values));
} catch (error) {
  if (error instanceof GuardInputError || error instanceof SynthesisError || error instanceof SyntaxError) {
    console.error(`change guard: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

const ackFile = path.relative(process.cwd(), values.acknowledgments);
for (const f of result.findings) {
  console.log(`  FAIL ${describeFinding(f)}`);
  console.log(`    or, if it is accepted on purpose: add { "stack": "${f.stackName}", "logicalId": "${f.logicalId}", "rule": "${f.rule}", "reason": "..." } to ${ackFile}`);
}
for (const a of result.stale) {
  console.log(`  STALE ${ackFile}: ${a.stack} ${a.logicalId} ${a.rule} matches no finding of this change; remove it.`);
}
for (const f of result.acknowledged) {
  console.log(`  acknowledged: ${f.stackName} ${f.logicalId} ${f.rule}`);
}
if (result.inherited.length > 0) {
  console.log(`  ${result.inherited.length} acknowledgments in ${ackFile} came with earlier changes: they accept nothing here and can be removed`);
}
if (values.summary) fs.appendFileSync(values.summary, summary(result, values.base));
const passed = result.findings.length === 0 && result.stale.length === 0;
console.log(`change guard: ${passed ? 'passed' : 'FAILED'}: ${result.findings.length} findings, ${result.stale.length} stale acknowledgments, ${result.acknowledged.length} acknowledged`);
process.exit(passed ? 0 : 1);
