import { type BuildResults } from '../types/results.ts';
import { type Issue } from '../types/diagnostics.ts';

/**
 * A report section's issues with a baseline: the new ones (by signature, as changes.ts
 * has them) to list, marked `>>`, and how many the baseline already had, to count. Without
 * a baseline every issue is listed and none is known.
 */
export function newFirst(results: BuildResults, issues: readonly Issue[]): { listed: { issue: Issue; fresh: boolean }[]; known: number } {
  const r = results.regressions;
  if (!r) return { listed: issues.map((issue) => ({ issue, fresh: false })), known: 0 };
  const fresh = new Set(r.newIssues);
  const listed = issues.filter((i) => fresh.has(i.signature)).map((issue) => ({ issue, fresh: true }));
  return { listed, known: issues.length - listed.length };
}
