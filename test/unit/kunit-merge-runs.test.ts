import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kunitTotals, mergeRuns } from '../../src/kunit/merge-runs.ts';
import { placeOfCase, placeholder } from '../../src/kunit/placeholder.ts';
import { neverStarted, neverStartedReason } from '../../src/values/kunit-case.ts';
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

test('mergeRuns: a case known only by its place (it crashed before KUnit named it) is the case a retry named there: flaky, not a second case', () => {
  const panic = { message: 'Kernel panic - not syncing: in a case', detail: [] };
  const merged = mergeRuns([
    [c('a', 'pass'), c('case 2 of 3', 'crashed', { reason: 'the kernel panicked while it ran', diagnostic: panic }), c('case 3 of 3', 'crashed', { reason: neverStartedReason('the kernel panicked in s.case 2 of 3') })],
    [c('a', 'pass'), c('b', 'pass'), c('p', 'pass', { param: 'one' }), c('p', 'pass', { param: 'two' })],
  ]);
  // The never-started third case was not reached by the first run: the second's alone judges it.
  assert.deepEqual(merged.map((x) => [x.case, x.param, x.status, x.runs]), [
    ['a', undefined, 'pass', { total: 2, passed: 2 }],
    ['b', undefined, 'flaky', { total: 2, passed: 1 }],
    ['p', 'one', 'pass', { total: 1, passed: 1 }],
    ['p', 'two', 'pass', { total: 1, passed: 1 }],
  ]);
  assert.deepEqual(merged[1].diagnostic, panic, 'the crash it showed is kept');
  // No run named the place: the placeholder stays, crashed.
  const alone = mergeRuns([[c('case 1 of 1', 'crashed', { reason: 'the kernel panicked while it ran' })], [c('case 1 of 1', 'crashed', { reason: 'the kernel panicked while it ran' })]]);
  assert.deepEqual(alone.map((x) => [x.case, x.status, x.runs.total]), [['case 1 of 1', 'crashed', 2]]);
});

test('placeholders: the reader\'s form and the place it names; a name the kernel printed names no place', () => {
  assert.equal(placeholder(2, 3, 5), 'case 3 of 5');
  assert.equal(placeOfCase(placeholder(2, 3, 5)), 3);
  assert.equal(placeOfCase(placeholder(2, 4, null)), 4);
  for (const name of ['kb_fails', 'case_3', 'suite 3 of 5', 'param 2']) assert.equal(placeOfCase(name), undefined, name);
  assert.equal(neverStarted(neverStartedReason('x')), true);
  assert.equal(neverStarted('the kernel panicked while it ran'), false);
});
