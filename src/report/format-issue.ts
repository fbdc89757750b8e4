import { type Issue } from '../types/diagnostics.ts';
import { formatIssueLine } from '../values/issue-line.ts';

/** An issue on one line, as a compiler prints it, with its count when above one and the compilers that alone printed it. */
export function formatIssue(i: Issue): string {
  return `${formatIssueLine(i)}${i.count > 1 ? ` (${i.count}×)` : ''}${onlyMark(i)}`;
}

/** ` (clang-19 only)` for a finding only some compilers of a matrix printed; '' otherwise. */
export function onlyMark(i: Pick<Issue, 'onlyCompilers'>): string {
  return i.onlyCompilers?.length ? ` (${i.onlyCompilers.join(', ')} only)` : '';
}
