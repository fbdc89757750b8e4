import { type KunitCase, type KunitTotals } from '../types/kunit.ts';
import { neverStarted } from '../values/kunit-case.ts';
import { placeOfCase } from './placeholder.ts';

/**
 * One target's cases over all its runs (the first, then each retry after a run with a
 * failing case), each run's cases as its console gave them. A case counts every run it
 * was reported in, and the runs it passed: one that failed (or crashed) in one run and
 * passed in another is `flaky`, never `fail`; one that never passed keeps its first
 * failing run's verdict and diagnostic. A case a later run did not reach (it crashed
 * before) is judged by the runs that reached it. A case a run knows only by its place
 * (`case 3 of 5`: it crashed before KUnit printed its name) is the case another run named
 * at that place of its suite, so that a crash and a pass of one case are one flaky case,
 * not two. Order: the first run's, then what later runs added.
 */
export function mergeRuns(runs: readonly (readonly KunitCase[])[]): KunitCase[] {
  const named = namesByPlace(runs);
  const merged = new Map<string, KunitCase>();
  for (const cases of runs) {
    for (const placed of cases) {
      const place = placeOfCase(placed.case);
      const name = place === undefined ? undefined : named.get(placeKey(placed.suite, place));
      // Named elsewhere, a case this run never started is one it did not reach.
      if (name !== undefined && neverStarted(placed.reason)) continue;
      const c = name === undefined ? placed : { ...placed, case: name };
      const key = caseKey(c);
      const passed = c.status === 'pass' ? 1 : 0;
      const seen = merged.get(key);
      if (!seen) {
        merged.set(key, { ...c, runs: { total: 1, passed } });
        continue;
      }
      const runsNow = { total: seen.runs.total + 1, passed: seen.runs.passed + passed };
      merged.set(key, { ...verdictOver(seen, c, runsNow), runs: runsNow });
    }
  }
  return [...merged.values()];
}

/**
 * The name each place of each suite has in the runs that printed it: a run lists a suite's
 * cases in its plan's order, a parameterised case's parameters one after another.
 */
function namesByPlace(runs: readonly (readonly KunitCase[])[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const cases of runs) {
    const order = new Map<string, string[]>();
    for (const c of cases) {
      const suite = order.get(c.suite) ?? [];
      if (suite[suite.length - 1] !== c.case) suite.push(c.case);
      order.set(c.suite, suite);
    }
    for (const [suite, list] of order) list.forEach((name, i) => placeOfCase(name) === undefined && names.set(placeKey(suite, i + 1), name));
  }
  return names;
}

function placeKey(suite: string, place: number): string {
  return JSON.stringify([suite, place]);
}

/** A case's name as one key: suite, case and parameter. */
export function caseKey(c: Pick<KunitCase, 'suite' | 'case' | 'param'>): string {
  return JSON.stringify([c.suite, c.case, c.param ?? null]);
}

function verdictOver(seen: KunitCase, next: KunitCase, runs: KunitCase['runs']): KunitCase {
  const failing = (s: KunitCase['status']) => s === 'fail' || s === 'crashed' || s === 'flaky';
  if (runs.passed > 0 && runs.passed < runs.total && (failing(seen.status) || failing(next.status))) {
    // Flaky: the failure it showed is kept, so that a reader sees what failed.
    const failure = failing(seen.status) ? seen : next;
    return { ...failure, status: 'flaky' };
  }
  // Passed every time, skipped every time, or never passed: the first run's verdict stands.
  return seen.status === 'skip' && next.status !== 'skip' ? next : seen;
}

/** Cases by status. */
export function kunitTotals(cases: readonly KunitCase[]): KunitTotals {
  const totals: KunitTotals = { total: cases.length, pass: 0, fail: 0, skip: 0, crashed: 0, flaky: 0 };
  for (const c of cases) totals[c.status]++;
  return totals;
}
