import { type BuildResults } from '../types/results.ts';
import { type BisectMode } from '../types/inputs.ts';
import { type WhatAsked } from './types.ts';

/** One new regression of a build to bisect: what it is in words, the target that shows it, what the bisect seeks. */
export interface BisectRequest {
  /** The regression as the report names it, e.g. `x86/defconfig newly fails to build`. */
  regression: string;
  target: string;
  what: Exclude<WhatAsked, { kind: 'auto' }>;
}

/** What a build bisects: the ends and the requests, or why nothing (a line to log). */
export type BisectChoice =
  | { good: string; bad: string; requests: BisectRequest[]; leftOut: BisectRequest[] }
  | { none: string };

/**
 * The distinct new regressions of a build, first ones first, up to `limit`: each target
 * that newly fails to build (by reason of its code, not of the machine: a timeout or out
 * of memory says nothing of a commit), two targets that fail with the same new first
 * error being one regression; each boot that newly fails where the build did not; with
 * `new-errors`, each new error signature none of those failures already covers, on the
 * first target that shows it. The ends are the baseline's sha and this build's.
 */
export function chooseBisects(results: BuildResults, mode: BisectMode, limit: number): BisectChoice {
  const r = results.regressions;
  if (!r) return { none: 'there is no baseline to compare with (input baseline, or an earlier build of the ref in the logs)' };
  if (!r.baseline.sha) return { none: `the baseline ${r.baseline.results} has no sha to start from` };
  if (r.baseline.sha === results.sha) return { none: `the baseline ${r.baseline.buildId} is the same commit ${results.sha.slice(0, 12)}: nothing lies between them` };
  if (results.result === 'error') return { none: 'the build itself failed to run: its results say nothing of the kernel' };

  const issues = (results.issues ?? []).filter((i) => !i.noise);
  const fresh = new Set(r.newIssues);
  // A target's first new error, in the report's order (errors first, then by count): what tells two failures apart.
  // make's own `*** [...] Error N` lines only echo the error below them, the same for every failing target.
  const firstNewError = (target: string) =>
    issues.find((i) => i.severity === 'error' && i.kind !== 'make' && fresh.has(i.signature) && i.targets.includes(target))?.signature;
  const byName = new Map(results.targets.map((t) => [t.target, t]));
  const requests: BisectRequest[] = [];
  const covered = new Set<string>();

  for (const target of r.newlyFailing) {
    const t = byName.get(target);
    if (t?.status !== 'fail' || t.reason !== undefined) continue;
    const error = firstNewError(target);
    const key = error ?? `build ${target}`;
    if (covered.has(key)) continue;
    covered.add(key);
    requests.push({ regression: `${target} newly fails to build${error ? ` (${error})` : ''}`, target, what: { kind: 'build' } });
  }
  for (const target of r.newlyFailingBoots ?? []) {
    if (byName.get(target)?.status !== 'pass') continue;
    requests.push({ regression: `${target} newly fails to boot`, target, what: { kind: 'boot' } });
  }
  if (mode === 'new-errors') {
    const failing = new Set(r.newlyFailing);
    for (const issue of issues) {
      if (issue.severity !== 'error' || !fresh.has(issue.signature) || covered.has(issue.signature)) continue;
      // On a target that newly fails, the error is (part of) that failure, which is bisected as such.
      const target = issue.targets.find((t) => !failing.has(t) && byName.has(t));
      if (!target) continue;
      requests.push({ regression: `new error ${issue.signature} on ${target}`, target, what: { kind: 'signature', signature: issue.signature } });
    }
  }
  return { good: r.baseline.sha, bad: results.sha, requests: requests.slice(0, limit), leftOut: requests.slice(limit) };
}
