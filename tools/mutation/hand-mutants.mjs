// Mutants Stryker.NET cannot compile (the decisions inside `is not { } x` patterns, on 401, 403 and
// the tenant), applied by hand: each entry of hand-mutants.json is applied to a copy of the sources,
// built, and the named test must then fail. A mutant that survives (its test passes) or does not
// build fails the run (exit 1); the originals are never touched.
//
//   node tools/mutation/hand-mutants.mjs [--mutants tools/mutation/hand-mutants.json] [--results FILE]
//
// --results FILE: also write each mutant's outcome as JSON ([{ decision, test, status }]), which the
// mutation suite of ./build.sh test reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const TEST_PROJECT = 'test/IdentityStack.Triggers.Tests';
const COPIED = ['lambda-triggers', 'test/IdentityStack.Triggers.Tests', 'test/Shared', 'test/fixtures', 'test/Directory.Build.props',
  'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props', 'global.json', '.editorconfig'];

/** Mutants of the file, validated: each names a file, a text found in it exactly once, a replacement and a test. */
export function loadMutants(file, sourceRoot = root) {
  const { mutants } = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(mutants) || mutants.length === 0) throw new Error(`${file}: no mutants`);
  mutants.forEach((m, i) => {
    for (const field of ['file', 'find', 'replace', 'test', 'decision']) {
      if (typeof m?.[field] !== 'string' || m[field].length === 0) throw new Error(`${file}: mutants[${i}].${field} is missing`);
    }
    const text = fs.readFileSync(path.join(sourceRoot, m.file), 'utf8');
    const count = text.split(m.find).length - 1;
    if (count !== 1) throw new Error(`${file}: mutants[${i}] finds its text ${count} times in ${m.file}; it must occur exactly once`);
  });
  return mutants;
}

function run(command, args, cwd) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function copySources() {
  const copy = fs.mkdtempSync(path.join(process.env.TMPDIR ?? os.tmpdir(), 'hand-mutants-'));
  for (const entry of COPIED) {
    const from = path.join(root, entry);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(copy, entry), { recursive: true, filter: (src) => !/[\\/](bin|obj)$/.test(src) });
  }
  return copy;
}

function build(copy) {
  // The copy is no git checkout: MinVer, which versions the packages from git tags, is skipped.
  return run('dotnet', ['build', TEST_PROJECT, '-c', 'Release', '--nologo', '-v', 'quiet', '-clp:ErrorsOnly', '-p:MinVerSkip=true'], copy);
}

function test(copy, name) {
  return run('dotnet', ['test', TEST_PROJECT, '-c', 'Release', '--no-build', '--nologo', '--filter', `FullyQualifiedName~${name}`], copy);
}

function main() {
  let values;
  try {
    ({ values } = parseArgs({ options: { mutants: { type: 'string' }, results: { type: 'string' } } }));
  } catch (error) {
    console.error(`hand mutants: ${error.message}`);
    process.exit(2);
  }
  let mutants;
  try {
    mutants = loadMutants(values.mutants ?? path.join(import.meta.dirname, 'hand-mutants.json'));
  } catch (error) {
    console.error(`hand mutants: ${error.message}`);
    process.exit(2);
  }

  const copy = copySources();
  try {
    const baseline = build(copy);
    if (baseline.status !== 0) {
      console.error(`hand mutants: the unmutated copy does not build:\n${baseline.stdout}${baseline.stderr}`);
      process.exit(2);
    }
    // Every named test passes without mutants: a kill below is the mutant's doing.
    const unmutated = test(copy, mutants.map((m) => m.test).join('|FullyQualifiedName~'));
    if (unmutated.status !== 0) {
      console.error(`hand mutants: the named tests fail without any mutant:\n${unmutated.stdout}`);
      process.exit(2);
    }
    let failures = 0;
    const outcomes = [];
    for (const mutant of mutants) {
      const file = path.join(copy, mutant.file);
      const original = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, original.replace(mutant.find, mutant.replace));
      try {
        const built = build(copy);
        if (built.status !== 0) {
          console.log(`INVALID  ${mutant.decision}: the mutant does not build (${(built.stdout + built.stderr).split('\n').find((l) => l.includes('error')) ?? 'error'})`);
          outcomes.push({ decision: mutant.decision, test: mutant.test, status: 'Invalid' });
          failures++;
          continue;
        }
        const result = test(copy, mutant.test);
        const killed = result.status !== 0 && /Failed[:!]/.test(result.stdout);
        console.log(`${killed ? 'KILLED  ' : 'SURVIVED'} ${mutant.decision} (${path.basename(mutant.file)}: "${mutant.find.split('\n')[0]}" -> "${mutant.replace.split('\n')[0]}"; ${mutant.test.split('.').at(-1)})`);
        outcomes.push({ decision: mutant.decision, test: mutant.test, status: killed ? 'Killed' : 'Survived' });
        if (!killed) failures++;
      } finally {
        fs.writeFileSync(file, original);
      }
    }
    console.log(`hand mutants: ${mutants.length - failures} of ${mutants.length} killed`);
    if (values.results) fs.writeFileSync(values.results, JSON.stringify(outcomes, null, 2) + '\n');
    process.exit(failures === 0 ? 0 : 1);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
