// The test command must tell the truth: a crashed or hung test host, a cancelled or timed-out test,
// a missing result file or a runner's non-zero exit fails the run, whatever the console said. The
// first test runs the real scripts (run-dotnet-tests.sh, summarize.mjs) on a temporary copy of the
// repository's build files with three small test projects: one passes, one crashes its test host,
// one hangs until the hang timeout kills it. (A hung host can still print "Passed!" for the tests
// that ran before it, which is how counting console lines went green.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJunit, readTrx, summarize } from '../summarize.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const runTests = join(root, 'tools', 'test-results', 'run-dotnet-tests.sh');
const summarizer = join(root, 'tools', 'test-results', 'summarize.mjs');

const fixtures = {
  Passes: 'public sealed class Checks\n{\n    [Xunit.Fact]\n    public void One() { }\n\n    [Xunit.Fact]\n    public void Two() { }\n}\n',
  Crashes: 'public sealed class Checks\n{\n    [Xunit.Fact]\n    public void One() { }\n\n    [Xunit.Fact]\n    public void Crash() => System.Environment.FailFast("deliberate crash");\n}\n',
  Hangs: 'public sealed class Checks\n{\n    [Xunit.Fact]\n    public void One() { }\n\n    [Xunit.Fact]\n    public void Hang() => System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);\n}\n',
};

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, DOTNET_NOLOGO: '1' } });
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}${result.stderr}` };
}

/** A temporary copy of the repository's build files with the fixture projects and two solutions: all of them, and the passing one alone. */
function fixtureRepository() {
  const dir = mkdtempSync(join(tmpdir(), 'identitystack-counting-'));
  for (const file of ['Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props', 'global.json', '.editorconfig']) {
    copyFileSync(join(root, file), join(dir, file));
  }
  for (const [name, code] of Object.entries(fixtures)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, `${name}.csproj`), '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <IsPackable>false</IsPackable>\n    <IsTestProject>true</IsTestProject>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="Microsoft.NET.Test.Sdk" />\n    <PackageReference Include="xunit" />\n    <PackageReference Include="xunit.runner.visualstudio" PrivateAssets="all" />\n  </ItemGroup>\n</Project>\n');
    writeFileSync(join(dir, name, 'Checks.cs'), `namespace ${name};\n\n${code}`);
  }
  for (const [solution, projects] of [['All', Object.keys(fixtures)], ['Green', ['Passes']]]) {
    assert.equal(run('dotnet', ['new', 'sln', '--name', solution, '--format', 'sln'], dir).status, 0);
    for (const project of projects) {
      assert.equal(run('dotnet', ['sln', `${solution}.sln`, 'add', `${project}/${project}.csproj`], dir).status, 0);
    }
  }
  const build = run('dotnet', ['build', 'All.sln', '--nologo', '-v', 'quiet'], dir);
  assert.equal(build.status, 0, build.output);
  return dir;
}

test('a crashed and a hung test host fail the run, and a green run passes', { timeout: 600_000 }, () => {
  const dir = fixtureRepository();
  try {
    const options = ['--no-build', '--blame-hang-timeout', '10s', '--blame-hang-dump-type', 'none'];
    const all = run('bash', [runTests, join(dir, 'results-all'), 'All.sln', ...options], dir);
    assert.match(all.output, /inactivity time of 10 seconds has elapsed/, 'the hang timeout stopped the hung test host');
    const verdict = run('node', [summarizer, '--dotnet', join(dir, 'results-all')], dir);
    assert.equal(verdict.status, 1, verdict.output);
    assert.match(verdict.output, /dotnet Crashes: the test run did not complete \(The active test run was aborted\. Reason: Test host process crashed/);
    assert.match(verdict.output, /dotnet Hangs: the test run did not complete/);
    assert.match(verdict.output, /dotnet test exited 1/);
    assert.match(verdict.output, /dotnet Passes: 2 passed, 0 failed/);
    // One failure for each aborted run. Whether the hung project's other test ran first varies.
    assert.match(verdict.stdout, /\n[23] passed, 2 failed\n$/, 'the last line is the summary');

    const green = run('bash', [runTests, join(dir, 'results-green'), 'Green.sln', '--no-build'], dir);
    assert.match(green.output, /Passed!/);
    const greenVerdict = run('node', [summarizer, '--dotnet', join(dir, 'results-green')], dir);
    assert.equal(greenVerdict.status, 0, greenVerdict.output);
    assert.equal(greenVerdict.output, '  dotnet Passes: 2 passed, 0 failed\n2 passed, 0 failed\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const completedTrx = (passed, failed) => `<TestRun><ResultSummary outcome="${failed ? 'Failed' : 'Completed'}"><Counters total="${passed + failed}" executed="${passed + failed}" passed="${passed}" failed="${failed}" error="0" timeout="0" aborted="0" /></ResultSummary></TestRun>`;

function resultsDir(files) {
  const dir = mkdtempSync(join(tmpdir(), 'identitystack-results-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('a test project of the solution without a result file fails the run, naming it', () => {
  const dir = resultsDir({ 'expected-projects.txt': 'A.Tests\nB.Tests\n', 'exit-code': '0\n', 'A.Tests.trx': completedTrx(4, 0) });
  try {
    const verdict = summarize({ dotnetDir: dir });
    assert.equal(verdict.passed, 4);
    assert.deepEqual(verdict.problems, [`dotnet B.Tests: no result file (${join(dir, 'B.Tests.trx')}); its test run did not start or did not finish`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a non-zero exit of dotnet test fails the run even when every result file is green', () => {
  const dir = resultsDir({ 'expected-projects.txt': 'A.Tests\n', 'exit-code': '3\n', 'A.Tests.trx': completedTrx(4, 0) });
  try {
    assert.deepEqual(summarize({ dotnetDir: dir }).problems, ['dotnet test exited 3']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('failed tests are counted from the result file', () => {
  assert.deepEqual(readTrx(completedTrx(7, 2)), { outcome: 'Failed', passed: 7, failed: 2, runInfo: [] });
});

test('node tests: a failure, a timeout and a cancelled test are failures; skipped and todo are neither', () => {
  const junit = `<testsuites>
    <testcase name="passes" classname="test"/>
    <testcase name="fails" classname="test" failure="x"><failure type="testCodeFailure" message="x">x</failure></testcase>
    <testsuite name="group"><testcase name="times out" classname="test"><failure type="testTimeoutFailure" message="t">t</failure></testcase>
    <testcase name="cancelled &amp; gone" classname="test"><failure type="cancelledByParent" message="c">c</failure></testcase></testsuite>
    <testcase name="skipped" classname="test"><skipped type="skipped" message="why"/></testcase>
    <testcase name="todo" classname="test"><skipped type="todo" message="true"/></testcase>
  </testsuites>`;
  assert.deepEqual(readJunit(junit), { passed: 1, failed: 3, failures: ['fails', 'times out', 'cancelled & gone'] });
});

test('a failure whose message holds "/>" (node escapes "<" in attributes, not ">") is still a failure', () => {
  const junit = `<testsuites>
    <testcase name="diagram is fresh" classname="test" failure="stale: + Function&lt;br/>UserDirectoryExport"><failure type="testCodeFailure" message="stale: Function&lt;br/>X">x</failure></testcase>
    <testcase name="passes" classname="test"/>
  </testsuites>`;
  assert.deepEqual(readJunit(junit), { passed: 1, failed: 1, failures: ['diagram is fresh'] });
});

test('node tests that exit non-zero, or a run where nothing ran, are not green', () => {
  const dir = resultsDir({ 'node.xml': '<testsuites></testsuites>' });
  try {
    const verdict = summarize({ nodeFile: join(dir, 'node.xml'), nodeExit: 1 });
    assert.deepEqual(verdict.problems, ['node --test exited 1', 'no test ran at all']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
