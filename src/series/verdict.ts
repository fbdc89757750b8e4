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
 * Why a series fails, each in words, in commit order: every break of the build (a commit
 * of it does not build), every commit adding an error; new warnings and checkpatch errors
 * only when `failOn` asks (they are reported either way). A base that does not build is said
 * first: what its commits do to that target is not a break.
 */
export function seriesFailures(args: { n: number; steps: readonly SeriesStep[]; breaks: readonly SeriesBreak[]; baseTargets: readonly { target: string; build: string }[]; failOn: readonly SeriesFailOn[] }): string[] {
  const { n, steps, breaks, failOn } = args;
  const failures = args.baseTargets.filter((t) => t.build !== 'pass').map((t) => `${t.target}: the base does not build`);
  failures.push(...breaks.map((b) => breakLine(b, steps, n)));
  for (const s of steps) {
    for (const t of s.targets) {
      for (const d of t.added.filter((a) => a.severity === 'error')) failures.push(`${commitName(s, n)} adds an error on ${t.target}: ${formatIssueLine(d)}`);
      const warnings = t.added.filter((a) => a.severity === 'warning');
      if (failOn.includes('new-warnings') && warnings.length > 0) failures.push(`${commitName(s, n)} adds ${warnings.length} warning${warnings.length === 1 ? '' : 's'} on ${t.target} (fail-on new-warnings)`);
    }
    if (failOn.includes('checkpatch') && (s.checkpatch?.errors ?? 0) > 0) failures.push(`${commitName(s, n)} has ${s.checkpatch!.errors} checkpatch error${s.checkpatch!.errors === 1 ? '' : 's'} (fail-on checkpatch)`);
  }
  return failures;
}
