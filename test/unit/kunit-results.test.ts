import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withKunit } from '../../src/pipeline/kunit-results.ts';
import { failedTests } from '../../src/results/results.ts';
import { targetPaths } from '../../src/logs-layout.ts';
import { type BuildResults, type TargetResult } from '../../src/types/results.ts';
import { tempDir } from '../support/temp-dir.ts';

// A target's KUnit runs as kunit-uml.sh leaves them (consoles and kunit.status in its kept
// folder), read into its results: the real reader over consoles in 6.1's format.
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'kunit');
const target = (status: TargetResult['status'] = 'pass'): TargetResult => ({ target: 'um/kunit', arch: 'um', config: 'kunit', status, log: 'um/kunit.log' });
const results = (t: TargetResult) => ({ targets: [t] }) as unknown as BuildResults;

/** A build folder holding the runs: each a console text, and the status line kunit-uml.sh writes. */
function runs(...consoles: { text: string; exit?: number; timedOut?: boolean }[]): string {
  const dir = tempDir('kunit-results');
  const paths = targetPaths('um', 'kunit');
  mkdirSync(join(dir, paths.kept), { recursive: true });
  consoles.forEach((c, i) => writeFileSync(join(dir, paths.kunitConsoles[i]), c.text));
  writeFileSync(join(dir, paths.kunitStatus), consoles.map((c, i) => `${i + 1} ${c.exit ?? 0} ${c.timedOut ? 1 : 0} 1500`).join('\n') + '\n');
  return dir;
}

const ktap = (second: 'ok' | 'not ok') =>
  ['KTAP version 1', '1..1', '    KTAP version 1', '    # Subtest: demo', '    1..2', '    ok 1 demo_first',
    ...(second === 'not ok' ? ['    # demo_second: EXPECTATION FAILED at lib/demo.c:42', '    Expected 1 == 2, but'] : []),
    `    ${second} 2 demo_second`, `${second} 1 demo`, ''].join('\n');

test('withKunit: the real fixture of a failed expectation: fail, the case with its file:line, the run not repeated past what was recorded', () => {
  const dir = runs({ text: readFileSync(join(FIXTURES, 'failed-expectation-uml.log'), 'utf8') });
  const kunit = withKunit(results(target()), dir, new Set(['um/kunit'])).targets[0].kunit!;
  assert.equal(kunit.status, 'fail');
  assert.equal(kunit.attempts, 1);
  assert.deepEqual(kunit.consoles, ['um/kunit/kunit-1.log']);
  const failed = kunit.cases.find((c) => c.case === 'example_simple_test')!;
  assert.deepEqual([failed.suite, failed.status, failed.diagnostic?.file, failed.diagnostic?.line], ['example', 'fail', 'lib/kunit/kunit-example-test.c', 29]);
  assert.equal(kunit.totals.total, kunit.cases.length);
});

test('withKunit: a case that fails in the first run and passes in the retry is flaky, and the target passes', () => {
  const kunit = withKunit(results(target()), runs({ text: ktap('not ok') }, { text: ktap('ok') }), new Set(['um/kunit'])).targets[0].kunit!;
  assert.equal(kunit.status, 'pass');
  assert.equal(kunit.attempts, 2);
  assert.deepEqual(kunit.cases.map((c) => [c.case, c.status, c.runs]), [['demo_first', 'pass', { total: 2, passed: 2 }], ['demo_second', 'flaky', { total: 2, passed: 1 }]]);
  assert.deepEqual(kunit.totals, { total: 2, pass: 1, fail: 0, skip: 0, crashed: 0, flaky: 1 });
});

test('withKunit: a kernel that printed no KTAP is an error naming what it printed; a failed build ran nothing; other targets are left alone', () => {
  const silent = withKunit(results(target()), runs({ text: 'Checking PROT_EXEC mmap in /tmp...\nmmap: Operation not permitted\n', exit: 1 }), new Set(['um/kunit'])).targets[0].kunit!;
  assert.equal(silent.status, 'error');
  assert.match(silent.reason!, /^run 1 printed no KTAP \(exit 1\): Checking PROT_EXEC mmap in \/tmp\.\.\. \| mmap: Operation not permitted$/);
  const failed = withKunit(results(target('fail')), runs({ text: ktap('ok') }), new Set(['um/kunit'])).targets[0].kunit!;
  assert.deepEqual([failed.status, failed.reason, failed.attempts], ['skipped', 'not run: the build failed', 0]);
  assert.equal(withKunit(results(target()), runs({ text: ktap('ok') }), new Set(['x86/defconfig'])).targets[0].kunit, undefined);
});

test('withKunit: a run killed at its timeout crashes the case it was in, and says so', () => {
  const cut = ['KTAP version 1', '1..1', '    KTAP version 1', '    # Subtest: demo', '    1..2', '    ok 1 demo_first', '    # demo_second: sleeping'].join('\n');
  const kunit = withKunit(results(target()), runs({ text: cut, exit: 124, timedOut: true }), new Set(['um/kunit'])).targets[0].kunit!;
  assert.equal(kunit.status, 'fail');
  assert.equal(kunit.timedOut, true);
  const crashed = kunit.cases.find((c) => c.status === 'crashed')!;
  assert.equal(crashed.case, 'demo_second');
  assert.match(crashed.reason!, /timeout/);
});

test('failedTests: the targets whose KUnit run failed, which fail the step and the CLI; a run with only flaky cases is none', () => {
  const withFlaky = withKunit(results(target()), runs({ text: ktap('not ok') }, { text: ktap('ok') }), new Set(['um/kunit']));
  assert.deepEqual(failedTests(withFlaky), []);
  const failing = withKunit(results(target()), runs({ text: ktap('not ok') }, { text: ktap('not ok') }), new Set(['um/kunit']));
  assert.deepEqual(failedTests(failing), ['um/kunit']);
});
