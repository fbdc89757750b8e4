import { formatIssueLine } from '../values/issue-line.ts';
import { type SeriesBreak, type SeriesFailOn, type SeriesStep } from './types.ts';

/** `k/n sha12 "subject"`: a commit as a series names it, 0-day's `[k/n]` in words. */
export function commitName(s: Pick<SeriesStep, 'k' | 'sha' | 'subject'>, n: number): string {
  return `${s.k}/${n} ${s.sha.slice(0, 12)} "${s.subject}"`;
}

/** "Breaks the build at k/n, fixed at m/n": the bisectability problem a series is rejected for, in so many words. */
export function breakLine(b: SeriesBreak, steps: readonly SeriesStep[], n: number): string {
  const at = steps.find((s) => s.k === b.at)!;
  const fixed = b.fixedAt === undefined ? undefined : steps.find((s) => s.k === b.fixedAt)!;
  return `${b.target}: breaks the build at ${commitName(at, n)}, ${fixed ? `fixed at ${commitName(fixed, n)}` : 'not fixed by the end of the series'}`;
}

/**
 * Why a series fails, each in words, in commit order: every break of the build (a target
 * that built fails at a commit, until one fixes it), every other commit that does not build
 * (on a target its base did not build either), every commit adding an error; new warnings
 * and checkpatch errors only when `failOn` asks (they are reported either way). A base that
 * does not build fails nothing itself: the series may be what fixes it.
 */
export function seriesFailures(args: { n: number; steps: readonly SeriesStep[]; breaks: readonly SeriesBreak[]; failOn: readonly SeriesFailOn[] }): string[] {
  const { n, steps, breaks, failOn } = args;
  const failures = breaks.map((b) => breakLine(b, steps, n));
  const inBreak = (target: string, k: number) => breaks.some((b) => b.target === target && b.at <= k && (b.fixedAt === undefined || k < b.fixedAt));
  for (const s of steps) {
    for (const t of s.targets) {
      if (t.build !== 'pass' && !inBreak(t.target, s.k)) failures.push(`${commitName(s, n)} does not build on ${t.target}${t.fault ? ` (${t.fault})` : ''}`);
      for (const d of t.added.filter((a) => a.severity === 'error')) failures.push(`${commitName(s, n)} adds an error on ${t.target}: ${formatIssueLine(d)}`);
      const warnings = t.added.filter((a) => a.severity === 'warning');
      if (failOn.includes('new-warnings') && warnings.length > 0) failures.push(`${commitName(s, n)} adds ${warnings.length} warning${warnings.length === 1 ? '' : 's'} on ${t.target} (fail-on new-warnings)`);
    }
    if (failOn.includes('checkpatch') && (s.checkpatch?.errors ?? 0) > 0) failures.push(`${commitName(s, n)} has ${s.checkpatch!.errors} checkpatch error${s.checkpatch!.errors === 1 ? '' : 's'} (fail-on checkpatch)`);
  }
  return failures;
}
