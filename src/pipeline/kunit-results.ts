import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildResults, type TargetResult } from '../types/results.ts';
import { type KunitResult } from '../types/kunit.ts';
import { targetPaths } from '../logs-layout.ts';
import { KtapReader, type KtapReading } from '../kunit/ktap-reader.ts';
import { kunitTotals, mergeRuns } from '../kunit/merge-runs.ts';
import { parseRunRecords } from '../kunit/run-record.ts';
import { kunitMode } from '../values/kunit-case.ts';

/** The lines of a console shown when a run printed no KTAP: what the kernel said instead. */
const TAIL_LINES = 3;

/**
 * Each named target's KUnit runs, read from its consoles in `dir` (admitted by the gate):
 * every run's console through the KTAP reader, the runs merged case by case (flaky cases
 * apart), the target's verdict: `fail` when a case failed or crashed, `error` when no run
 * printed KTAP at all (the kernel did not start, or was no KUnit kernel), `skipped` when
 * its build did not pass or its run could not start (that skip is kept), else `pass`.
 */
export function withKunit(results: BuildResults, dir: string, names: ReadonlySet<string>): BuildResults {
  return { ...results, targets: results.targets.map((t) => (names.has(t.target) ? { ...t, kunit: kunitOf(t, dir) } : t)) };
}

function kunitOf(t: TargetResult, dir: string): KunitResult {
  // A run that could not start (no machine for its config, say) was given its skip when it was not run.
  if (t.kunit?.status === 'skipped' && t.kunit.attempts === 0) return t.kunit;
  const mode = kunitMode(t.arch);
  const none = { mode, attempts: 0, consoles: [], totals: kunitTotals([]), cases: [] };
  if (t.status !== 'pass') return { ...none, status: 'skipped', reason: `not run: the build ${t.status === 'fail' ? 'failed' : 'did not finish'}` };
  const paths = targetPaths(t.arch, t.config);
  const runs = parseRunRecords(read(join(dir, paths.kunitStatus)) ?? '').filter((r) => r.run <= paths.kunitConsoles.length);
  if (runs.length === 0) return { ...none, status: 'error', reason: 'the build passed, but no KUnit run was recorded' };
  const readings: KtapReading[] = [];
  const silent: string[] = [];
  for (const r of runs) {
    const text = read(join(dir, paths.kunitConsoles[r.run - 1])) ?? '';
    const reader = new KtapReader();
    for (const line of text.split('\n')) reader.push(line);
    const reading = reader.end({ timedOut: r.timedOut });
    if (reading.started) readings.push(reading);
    else silent.push(`run ${r.run} printed no KTAP (${r.timedOut ? 'killed at its timeout' : `exit ${r.exit}`}): ${tail(text)}`);
  }
  const cases = mergeRuns(readings.map((r) => r.cases));
  const totals = kunitTotals(cases);
  const last = runs[runs.length - 1];
  const status = readings.length === 0 ? 'error' : totals.fail + totals.crashed > 0 ? 'fail' : 'pass';
  return {
    status,
    ...(silent.length > 0 ? { reason: silent.join('; ') } : {}),
    mode,
    attempts: runs.length,
    durationSeconds: Math.round(runs.reduce((s, r) => s + r.milliseconds, 0) / 100) / 10,
    ...(last.timedOut ? { timedOut: true } : {}),
    consoles: runs.map((r) => paths.kunitConsoles[r.run - 1]),
    totals,
    cases,
  };
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The console's last lines that say something, one line, for a reason. */
function tail(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  return lines.length === 0 ? 'nothing' : lines.slice(-TAIL_LINES).join(' | ').slice(0, 500);
}
