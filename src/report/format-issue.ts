import { type Issue } from '../types/diagnostics.ts';
import { formatIssueLine } from '../values/issue-line.ts';

/** An issue on one line, as a compiler prints it, with its count when above one. */
export function formatIssue(i: Issue): string {
  return `${formatIssueLine(i)}${i.count > 1 ? ` (${i.count}×)` : ''}`;
}
