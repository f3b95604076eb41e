// The mutation score of a Stryker.NET run, per file and in all, from its JSON report (the
// mutation-testing-report-schema Stryker writes to <output>/reports/mutation-report.json).
// Score = (killed + timeout) / (killed + timeout + survived + no coverage): mutants that did not
// compile, were ignored by a `// Stryker disable once` with its reason, or failed at run time
// count neither way. Exit 1 when the total is below --threshold, 2 on bad input.
//
//   node tools/mutation/score.mjs --report REPORT [--report REPORT ...] --threshold 90 [--markdown FILE]
//
// Several reports (one Stryker run per project) are scored as one: their files together.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

export const DETECTED = new Set(['Killed', 'Timeout']);
export const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Per-file counts and scores of a report object; files without a valid mutant are left out. */
export function scores(report) {
  const rows = [];
  for (const [file, { mutants = [] }] of Object.entries(report?.files ?? {})) {
    const count = (statuses) => mutants.filter((m) => statuses.has(m.status)).length;
    const killed = count(new Set(['Killed'])), timeout = count(new Set(['Timeout']));
    const survived = count(new Set(['Survived'])), noCoverage = count(new Set(['NoCoverage']));
    const valid = killed + timeout + survived + noCoverage;
    if (valid === 0) continue;
    rows.push({ file, killed, timeout, survived, noCoverage, ignored: count(new Set(['Ignored'])), compileErrors: count(new Set(['CompileError'])), score: (100 * (killed + timeout)) / valid });
  }
  rows.sort((a, b) => a.file.localeCompare(b.file));
  const total = rows.reduce((t, r) => ({ killed: t.killed + r.killed, timeout: t.timeout + r.timeout, survived: t.survived + r.survived, noCoverage: t.noCoverage + r.noCoverage }), { killed: 0, timeout: 0, survived: 0, noCoverage: 0 });
  const valid = total.killed + total.timeout + total.survived + total.noCoverage;
  return { rows, total: { ...total, score: valid === 0 ? 0 : (100 * (total.killed + total.timeout)) / valid } };
}

/** Several reports as one: the files of each (a file in two reports keeps the later one's mutants). */
export function merge(reports) {
  return { files: Object.assign({}, ...reports.map((r) => r?.files ?? {})) };
}

/** The survivors of a report, one line each: file:line mutator, what it changed. */
export function survivors(report) {
  return Object.entries(report?.files ?? {}).flatMap(([file, { mutants = [] }]) => mutants
    .filter((m) => UNDETECTED.has(m.status))
    .map((m) => `${path.basename(file)}:${m.location?.start?.line ?? '?'} ${m.status} ${m.mutatorName}: ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 100)}`));
}

/** The per-file table as Markdown (for docs/testing.md). */
export function markdown({ rows, total }, root) {
  const rel = (f) => path.relative(root, f).replaceAll(path.sep, '/');
  const lines = ['| file | killed | timeout | survived | no coverage | score |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const r of rows) lines.push(`| \`${rel(r.file)}\` | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.score.toFixed(1)}% |`);
  lines.push(`| **all** | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} | **${total.score.toFixed(1)}%** |`);
  return lines.join('\n') + '\n';
}

function main() {
  let options;
  try {
    ({ values: options } = parseArgs({ options: { report: { type: 'string', multiple: true }, threshold: { type: 'string' }, markdown: { type: 'string' }, root: { type: 'string' } } }));
  } catch (error) {
    console.error(`mutation score: ${error.message}`);
    process.exit(2);
  }
  const threshold = Number(options.threshold ?? '90');
  if (!options.report?.length || !Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
    console.error('mutation score: usage: --report mutation-report.json [--report ...] [--threshold 0-100] [--markdown FILE]');
    process.exit(2);
  }
  let report;
  try {
    report = merge(options.report.map((file) => JSON.parse(fs.readFileSync(file, 'utf8'))));
  } catch (error) {
    console.error(`mutation score: cannot read ${options.report.join(', ')}: ${error.message}`);
    process.exit(2);
  }
  const root = options.root ?? process.cwd();
  const result = scores(report);
  for (const r of result.rows) {
    console.log(`${r.score.toFixed(1).padStart(6)}%  ${path.relative(root, r.file)}  (killed ${r.killed}, timeout ${r.timeout}, survived ${r.survived}, no coverage ${r.noCoverage})`);
  }
  for (const line of survivors(report)) console.log(`  survivor ${line}`);
  if (options.markdown) fs.writeFileSync(options.markdown, markdown(result, root));
  const verdict = result.total.score >= threshold ? 'passed' : 'FAILED';
  console.log(`mutation score: ${result.total.score.toFixed(1)}% (killed ${result.total.killed}, timeout ${result.total.timeout}, survived ${result.total.survived}, no coverage ${result.total.noCoverage}); threshold ${threshold}%: ${verdict}`);
  process.exit(verdict === 'passed' ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
