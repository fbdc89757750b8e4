import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kunitTotals, mergeRuns } from '../../src/kunit/merge-runs.ts';
import { type KunitCase } from '../../src/types/kunit.ts';

const c = (name: string, status: KunitCase['status'], extra: Partial<KunitCase> = {}): KunitCase => ({ suite: 's', case: name, status, runs: { total: 1, passed: status === 'pass' ? 1 : 0 }, ...extra });
const failed = { message: 'EXPECTATION FAILED', file: 'lib/s.c', line: 3, detail: ['Expected 1 == 2, but'] };

test('mergeRuns: a case that fails once and passes on a retry is flaky, with its pass count and the failure it showed', () => {
  const merged = mergeRuns([
    [c('a', 'pass'), c('b', 'fail', { diagnostic: failed }), c('c', 'skip', { reason: 'no hardware' })],
    [c('a', 'pass'), c('b', 'pass'), c('c', 'skip', { reason: 'no hardware' })],
    [c('a', 'pass'), c('b', 'fail', { diagnostic: failed }), c('c', 'skip', { reason: 'no hardware' })],
  ]);
  assert.deepEqual(merged.map((x) => [x.case, x.status, x.runs]), [
    ['a', 'pass', { total: 3, passed: 3 }],
    ['b', 'flaky', { total: 3, passed: 1 }],
    ['c', 'skip', { total: 3, passed: 0 }],
  ]);
  assert.deepEqual(merged[1].diagnostic, failed);
  assert.deepEqual(kunitTotals(merged), { total: 3, pass: 1, fail: 0, skip: 1, crashed: 0, flaky: 1 });
});

test('mergeRuns: never passing keeps the first failing verdict; a case a crashed retry never reached is judged by the runs that reached it', () => {
  const merged = mergeRuns([
    [c('a', 'fail', { diagnostic: failed }), c('b', 'crashed', { reason: 'kernel panic' })],
    [c('a', 'crashed', { reason: 'kernel panic' })],
  ]);
  assert.deepEqual(merged.map((x) => [x.case, x.status, x.runs]), [
    ['a', 'fail', { total: 2, passed: 0 }],
    ['b', 'crashed', { total: 1, passed: 0 }],
  ]);
});

test('mergeRuns: parameterised cases are cases of their own', () => {
  const merged = mergeRuns([[c('p', 'pass', { param: 'one' }), c('p', 'fail', { param: 'two' })], [c('p', 'pass', { param: 'two' })]]);
  assert.deepEqual(merged.map((x) => [x.param, x.status]), [['one', 'pass'], ['two', 'flaky']]);
});
