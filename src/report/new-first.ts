import { type BuildResults } from '../types/results.ts';
import { type Issue } from '../types/diagnostics.ts';
import { type Tally } from '../diagnostics/tally.ts';
import { countRow } from '../diagnostics/kinds.ts';

/**
 * Whether a report's list of this tally, with a baseline, shows only the new issues and
 * counts the known, as its row says (COUNT_ROWS): sparse's findings always, and warnings
 * when make-vars asked for kbuild's extra ones (W=1, W=12, ...). Both are hundreds on any
 * tree, and would bury the one that is new; the default warnings are few, and listed whole.
 */
export function listsNewOnly(results: BuildResults, tallied: Tally): boolean {
  if (!results.regressions) return false;
  const rule = countRow(tallied)?.newOnly ?? 'never';
  return rule === 'always' || (rule === 'with-extra-warnings' && (results.makeVars ?? []).some((v) => /^W=\S/.test(v)));
}

/**
 * A report section's issues: with listsNewOnly, the new ones (by signature, as
 * changes.ts has them) to list, marked `>>`, and how many the baseline already had, to
 * count; otherwise every issue, none marked, none counted as known.
 */
export function newFirst(results: BuildResults, tallied: Tally, issues: readonly Issue[]): { listed: { issue: Issue; fresh: boolean }[]; known: number } {
  if (!listsNewOnly(results, tallied)) return { listed: issues.map((issue) => ({ issue, fresh: false })), known: 0 };
  const fresh = new Set(results.regressions!.newIssues);
  const listed = issues.filter((i) => fresh.has(i.signature)).map((issue) => ({ issue, fresh: true }));
  return { listed, known: issues.length - listed.length };
}
