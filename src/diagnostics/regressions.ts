import { type BuildResults } from '../results/results.ts';
import { type Issue } from './aggregate.ts';

/** What changed since the baseline build. */
export interface Regressions {
  baseline: { buildId: string; sha: string; results: string };
  /** Signatures of issues the baseline did not have. */
  newIssues: string[];
  /** Issues of the baseline that are gone. */
  fixedIssues: Issue[];
  /** Targets that passed in the baseline and do not now. */
  newlyFailing: string[];
  /** Targets that failed in the baseline and pass now. */
  newlyPassing: string[];
}

/**
 * Compare a build with its baseline by issue signature (line numbers do not make a new
 * issue) and by target status. Noise is left out on both sides. Only targets both
 * builds have are compared.
 */
export function compareWithBaseline(current: BuildResults, baseline: BuildResults, baselinePath: string): Regressions {
  const real = (issues: Issue[] | undefined) => (issues ?? []).filter((i) => !i.noise);
  const before = new Set(real(baseline.issues).map((i) => i.signature));
  const now = new Set(real(current.issues).map((i) => i.signature));
  const statusBefore = new Map(baseline.targets.map((t) => [t.target, t.status]));
  const both = current.targets.filter((t) => statusBefore.has(t.target));
  return {
    baseline: { buildId: baseline.buildId, sha: baseline.sha, results: baselinePath },
    newIssues: real(current.issues).filter((i) => !before.has(i.signature)).map((i) => i.signature),
    fixedIssues: real(baseline.issues).filter((i) => !now.has(i.signature)),
    newlyFailing: both.filter((t) => t.status !== 'pass' && statusBefore.get(t.target) === 'pass').map((t) => t.target),
    newlyPassing: both.filter((t) => t.status === 'pass' && statusBefore.get(t.target) !== 'pass').map((t) => t.target),
  };
}
