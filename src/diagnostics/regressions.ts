import { type BuildResults, type Regressions, type SizeChange, type TargetSizes } from '../types/results.ts';
import { type Issue, type SymbolChange } from '../types/diagnostics.ts';
import { caseNameOfSignature, kunitCaseName } from '../values/kunit-case.ts';

/**
 * Compare a build with its baseline by issue signature (line numbers do not make a new
 * issue) and by target status. Noise is left out on both sides. Only targets both
 * builds have are compared.
 */
export function compareWithBaseline(
  current: BuildResults,
  baseline: BuildResults,
  baselinePath: string,
  growingOf: (target: string) => SymbolChange[] | undefined = () => undefined,
): Regressions {
  const real = (issues: Issue[] | undefined) => (issues ?? []).filter((i) => !i.noise);
  const before = new Set(real(baseline.issues).map((i) => i.signature));
  const now = new Set(real(current.issues).map((i) => i.signature));
  const statusBefore = new Map(baseline.targets.map((t) => [t.target, t.status]));
  const both = current.targets.filter((t) => statusBefore.has(t.target));
  const before_ = new Map(baseline.targets.map((t) => [t.target, t]));
  const bootPassed = (t: BuildResults['targets'][number] | undefined) => t?.boot?.status === 'pass';
  const booted = both.filter((t) => before_.get(t.target)?.boot && t.boot);
  return {
    baseline: { buildId: baseline.buildId, sha: baseline.sha, results: baselinePath },
    newIssues: real(current.issues).filter((i) => !before.has(i.signature)).map((i) => i.signature),
    fixedIssues: real(baseline.issues).filter((i) => !now.has(i.signature) && !kunitCaseUnsettled(i, current)),
    newlyFailing: both.filter((t) => t.status !== 'pass' && statusBefore.get(t.target) === 'pass').map((t) => t.target),
    newlyPassing: both.filter((t) => t.status === 'pass' && statusBefore.get(t.target) !== 'pass').map((t) => t.target),
    newlyFailingBoots: both.filter((t) => bootPassed(before_.get(t.target)) && (t.boot?.status === 'fail' || t.status !== 'pass')).map((t) => t.target),
    newlyPassingBoots: booted.filter((t) => bootPassed(t) && before_.get(t.target)?.boot?.status === 'fail').map((t) => t.target),
    sizes: both.flatMap((t): SizeChange[] => {
      const was = before_.get(t.target)?.sizes;
      if (!was || !t.sizes) return [];
      const growing = growingOf(t.target);
      return [{ target: t.target, before: was, after: t.sizes, delta: total(t.sizes) - total(was), imageDelta: t.sizes.imageBytes - was.imageBytes, ...(growing ? { growing } : {}) }];
    }),
  };
}

/**
 * Whether a KUnit case's issue of the baseline is gone only because the case did not pass
 * now either: it did not run (its build failed, it is no longer in the config), was
 * skipped, or passed only on a retry (flaky). Such a case is not fixed. A case is fixed
 * when it passes now on a target the baseline saw it fail on. Other kinds' issues: never.
 */
function kunitCaseUnsettled(i: Issue, current: BuildResults): boolean {
  const name = caseNameOfSignature(i.signature);
  if (name === undefined) return false;
  const passes = current.targets.some((t) => i.targets.includes(t.target) && (t.kunit?.cases ?? []).some((c) => c.status === 'pass' && kunitCaseName(c) === name));
  return !passes;
}

function total(s: TargetSizes): number {
  return s.text + s.data + s.bss;
}
