import { type KunitCase, type KunitResult } from '../../src/types/kunit.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { kunitTotals } from '../../src/kunit/merge-runs.ts';
import { sampleResults } from './results-fixture.ts';

/** One case of every kind a KUnit run reports, as the reader gives them from 6.1's consoles (test/fixtures/kunit). */
export function kunitCases(): KunitCase[] {
  return [
    { suite: 'example', case: 'example_simple_test', status: 'fail', durationSeconds: 0.01, diagnostic: { message: 'EXPECTATION FAILED', file: 'lib/kunit/kunit-example-test.c', line: 29, detail: ['Expected 1 + 1 == 3, but', '1 + 1 == 2'] }, runs: { total: 3, passed: 0 } },
    { suite: 'example', case: 'example_pass', status: 'pass', durationSeconds: 0.02, runs: { total: 1, passed: 1 } },
    { suite: 'example', case: 'example_skip_test', status: 'skip', reason: 'this test should be skipped', runs: { total: 1, passed: 0 } },
    { suite: 'kbtest', case: 'kbtest_bug', status: 'crashed', reason: 'the console ended while it ran', diagnostic: { message: 'kernel BUG in kbtest_bug', file: 'lib/kbtest.c', line: 31, detail: ['invalid opcode: 0000 [#1] PREEMPT NOPTI', 'kunit_try_run_case+0x4f/0x90'] }, runs: { total: 3, passed: 0 } },
    { suite: 'demo', case: 'demo_sometimes', status: 'flaky', diagnostic: { message: 'EXPECTATION FAILED', file: 'lib/demo.c', line: 42, detail: ['Expected 1 == 2, but'] }, runs: { total: 2, passed: 1 } },
    { suite: 'rational', case: 'rational_test', param: 'Exact answer', status: 'fail', diagnostic: { message: 'EXPECTATION FAILED', file: 'lib/math/rational-test.c', line: 41, detail: ['Expected n == param->exp_num, but'] }, runs: { total: 3, passed: 0 } },
    { suite: 'rational', case: 'rational_test', param: 'Second', status: 'pass', runs: { total: 1, passed: 1 } },
  ];
}

/** A target's KUnit run holding these cases, as the KUnit step records it. */
export function kunitRun(cases: KunitCase[], over: Partial<KunitResult> = {}): KunitResult {
  const totals = kunitTotals(cases);
  return { status: totals.fail + totals.crashed > 0 ? 'fail' : 'pass', mode: 'uml', attempts: 3, durationSeconds: 4.2, consoles: ['um/kunit/kunit-1.log', 'um/kunit/kunit-2.log', 'um/kunit/kunit-3.log'], totals, cases, ...over };
}

/** A build of x86/defconfig and um/kunit, whose KUnit run holds `cases` (every kind by default). */
export function kunitBuild(cases: KunitCase[] = kunitCases(), over: Partial<BuildResults> = {}): BuildResults {
  const r = sampleResults(['x86/defconfig', 'um/kunit'], over);
  r.targets[1] = { ...r.targets[1], durationSeconds: 30, kunit: kunitRun(cases) };
  return r;
}
