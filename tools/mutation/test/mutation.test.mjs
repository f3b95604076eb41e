// The mutation gate: the score's arithmetic on made-up reports, and, when ./build.sh test ran the
// mutation step (MUTATION_REPORT and HAND_MUTANT_RESULTS set), the real run's verdict: at least 90%
// of the decision files' mutants killed, and every hand-applied mutant killed by its named test.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadMutants } from '../hand-mutants.mjs';
import { markdown, merge, scores, survivors } from '../score.mjs';

const THRESHOLD = 90;
const mutant = (status, line = 1) => ({ status, mutatorName: 'Equality mutation', replacement: 'a >= b', location: { start: { line } } });

describe('mutation score', () => {
  it('counts killed and timed-out mutants over every valid one, no coverage included, the rest excluded', () => {
    const report = { files: { '/r/A.cs': { mutants: [mutant('Killed'), mutant('Timeout'), mutant('Survived'), mutant('NoCoverage'), mutant('CompileError'), mutant('Ignored')] }, '/r/B.cs': { mutants: [mutant('Ignored')] } } };

    const { rows, total } = scores(report);

    assert.deepEqual(rows.map((r) => [r.file, r.score]), [['/r/A.cs', 50]]);
    assert.equal(total.score, 50);
    assert.deepEqual(survivors(report), ['A.cs:1 Survived Equality mutation: a >= b', 'A.cs:1 NoCoverage Equality mutation: a >= b']);
    assert.match(markdown({ rows, total }, '/r'), /\| `A.cs` \| 1 \| 1 \| 1 \| 1 \| 50.0% \|\n\| \*\*all\*\*/);
  });

  it('scores several reports (one per project) as one', () => {
    const merged = merge([{ files: { '/r/A.cs': { mutants: [mutant('Killed')] } } }, { files: { '/r/B.cs': { mutants: [mutant('Survived')] } } }]);

    assert.equal(scores(merged).total.score, 50);
  });

  it('an empty report scores zero, so a run that mutated nothing cannot pass', () => {
    assert.equal(scores({ files: {} }).total.score, 0);
  });

  it('every hand mutant finds its text exactly once in its file and names a test', () => {
    const mutants = loadMutants(path.join(import.meta.dirname, '..', 'hand-mutants.json'));
    assert.ok(mutants.length >= 5);
    assert.ok(mutants.every((m) => m.test.startsWith('IdentityStack.Triggers.Tests.')));
  });
});

describe('mutation run of this build', { skip: !process.env.MUTATION_REPORTS && 'the mutation step did not run (./build.sh mutate or ./build.sh test runs it)' }, () => {
  it(`kills at least ${THRESHOLD}% of the decision files' mutants`, () => {
    const files = (process.env.MUTATION_REPORTS ?? '').split(path.delimiter).filter(Boolean);
    for (const file of files) assert.ok(fs.existsSync(file), `no report at ${file}: Stryker did not finish (artifacts/logs/mutate.log)`);
    const report = merge(files.map((file) => JSON.parse(fs.readFileSync(file, 'utf8'))));
    const { total } = scores(report);
    assert.ok(total.score >= THRESHOLD, `mutation score ${total.score.toFixed(1)}% is below ${THRESHOLD}%; survivors:\n${survivors(report).join('\n')}`);
  });

  it('kills every hand-applied mutant with its named test', () => {
    assert.ok(fs.existsSync(process.env.HAND_MUTANT_RESULTS ?? ''), 'the hand mutants did not run to the end (artifacts/logs/mutate.log)');
    const outcomes = JSON.parse(fs.readFileSync(process.env.HAND_MUTANT_RESULTS, 'utf8'));
    assert.ok(outcomes.length > 0);
    assert.deepEqual(outcomes.filter((o) => o.status !== 'Killed').map((o) => `${o.status}: ${o.decision} (${o.test})`), []);
  });
});
