import { type BuildResults, type TargetResult } from '../types/results.ts';

/**
 * A target's outcome in words: a machine fault (timeout, out of memory, no space) is
 * named as such, so a report never shows it as a plain failure of the code.
 */
export function describeOutcome(t: TargetResult): string {
  if (t.status === 'pass') return 'pass';
  if (t.status === 'error') {
    if (t.reason === 'cancelled') return 'cancelled';
    return t.reason ? `stopped: ${t.reason}` : 'did not finish';
  }
  if (t.reason) return `failed: ${t.reason}`;
  return `failed at ${t.stage}, exit ${t.exitCode}`;
}

/**
 * The targets a report details as failed: those that did not pass, except the ones a
 * run error left without a verdict (the run error is reported once, in their place).
 */
export function detailedFailures(results: BuildResults): TargetResult[] {
  return results.targets.filter((t) => t.status !== 'pass' && !(results.error && t.status === 'error'));
}
