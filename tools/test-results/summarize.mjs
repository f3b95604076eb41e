#!/usr/bin/env node
// Judges a test run from its result files, never from console text, and prints the one closing
// line CI reads: "N passed, N failed".
//
//   node tools/test-results/summarize.mjs [--dotnet DIR] [--node FILE --node-exit CODE]
//
// --dotnet DIR: what run-dotnet-tests.sh wrote (one <Project>.trx per test project,
//   expected-projects.txt, exit-code). --node FILE: the JUnit XML of `node --test`, with its exit code.
// The run fails (exit 1) when any test failed, a project's run was aborted (a crashed or hung test
// host: TRX outcome other than Completed), a test was cancelled or timed out, a result file is
// missing, a runner exited non-zero, or nothing ran at all. Every such reason is printed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** Counts of one .trx file: { outcome, passed, failed, runInfo } (runInfo: the runner's own error text, e.g. "Test Run Aborted."). */
export function readTrx(text) {
  const outcome = /<ResultSummary\s+outcome="([^"]*)"/.exec(text)?.[1];
  const counters = /<Counters\s([^>]*)\/?>/.exec(text)?.[1] ?? '';
  const count = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(counters)?.[1] ?? 0);
  const runInfo = [...text.matchAll(/<RunInfo[^>]*outcome="(?:Error|Failed|Aborted)"[^>]*>[\s\S]*?<Text>([\s\S]*?)<\/Text>/g)]
    .map((m) => decode(m[1]).trim().split('\n')[0]);
  return {
    outcome,
    passed: count('passed'),
    failed: count('failed') + count('error') + count('timeout') + count('aborted'),
    runInfo,
  };
}

/** Counts of a node --test JUnit file: every <testcase> is passed, failed (a <failure>: failed, timed out or cancelled) or skipped. */
export function readJunit(text) {
  let passed = 0;
  let failed = 0;
  const failures = [];
  // Attribute values are read as quoted strings: node's reporter escapes '<' in them but not '>',
  // so a failure message holding "<br/>" must not end the tag early.
  for (const match of text.matchAll(/<testcase\b((?:[^>"]|"[^"]*")*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = match[3] ?? '';
    if (/<failure\b/.test(body)) {
      failed += 1;
      failures.push(decode(/\bname="([^"]*)"/.exec(match[1])?.[1] ?? '(unnamed)'));
    } else if (!/<skipped\b/.test(body)) {
      passed += 1;
    }
  }
  return { passed, failed, failures };
}

/** The verdict over every suite: { passed, failed, problems: [why the run is not green] , lines: [one per suite] }. */
export function summarize({ dotnetDir, nodeFile, nodeExit }) {
  const result = { passed: 0, failed: 0, problems: [], lines: [] };
  if (dotnetDir) {
    summarizeDotnet(dotnetDir, result);
  }
  if (nodeFile) {
    summarizeNode(nodeFile, nodeExit, result);
  }
  if (result.passed + result.failed === 0) {
    result.problems.push('no test ran at all');
  }
  return result;
}

function summarizeDotnet(dir, result) {
  const expectedFile = join(dir, 'expected-projects.txt');
  const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : [];
  if (expected.length === 0) {
    result.problems.push(`dotnet: no test projects were found in the solution (${expectedFile})`);
  }
  for (const project of expected) {
    const file = join(dir, `${project}.trx`);
    if (!existsSync(file)) {
      result.problems.push(`dotnet ${project}: no result file (${file}); its test run did not start or did not finish`);
      continue;
    }
    const trx = readTrx(readFileSync(file, 'utf8'));
    const aborted = trx.outcome !== 'Completed' && trx.failed === 0;
    result.passed += trx.passed;
    // An aborted run (crashed or hung test host) counts as one failure: its remaining tests never ran.
    result.failed += trx.failed + (aborted ? 1 : 0);
    result.lines.push(`dotnet ${project}: ${trx.passed} passed, ${trx.failed} failed${aborted ? `, run ${trx.outcome?.toLowerCase() ?? 'unfinished'}: ${trx.runInfo.join(' ') || 'the test host stopped before the run completed'}` : ''}`);
    if (aborted) {
      result.problems.push(`dotnet ${project}: the test run did not complete (${trx.runInfo.join(' ') || `outcome ${trx.outcome}`})`);
    } else if (trx.passed + trx.failed === 0) {
      result.problems.push(`dotnet ${project}: ran no test`);
    }
  }
  const exitFile = join(dir, 'exit-code');
  const exit = existsSync(exitFile) ? Number(readFileSync(exitFile, 'utf8').trim()) : NaN;
  if (exit !== 0) {
    result.problems.push(`dotnet test exited ${Number.isNaN(exit) ? 'without an exit code' : exit}`);
  }
}

function summarizeNode(file, exit, result) {
  if (!existsSync(file)) {
    result.problems.push(`node: no result file (${file})`);
    return;
  }
  const junit = readJunit(readFileSync(file, 'utf8'));
  result.passed += junit.passed;
  result.failed += junit.failed;
  result.lines.push(`node: ${junit.passed} passed, ${junit.failed} failed${junit.failures.length ? ` (${junit.failures.join('; ')})` : ''}`);
  if (exit !== 0) {
    result.problems.push(`node --test exited ${exit}`);
  }
}

function decode(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { dotnet: { type: 'string' }, node: { type: 'string' }, 'node-exit': { type: 'string' } },
  });
  if (!values.dotnet && !values.node) {
    console.error('summarize.mjs: give --dotnet DIR and/or --node FILE --node-exit CODE');
    process.exit(2);
  }
  const verdict = summarize({ dotnetDir: values.dotnet, nodeFile: values.node, nodeExit: Number(values['node-exit'] ?? NaN) });
  for (const line of verdict.lines) console.log(`  ${line}`);
  for (const problem of verdict.problems) console.error(`test run not green: ${problem}`);
  console.log(`${verdict.passed} passed, ${verdict.failed} failed`);
  process.exit(verdict.problems.length > 0 || verdict.failed > 0 ? 1 : 0);
}
