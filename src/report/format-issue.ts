import { type Issue } from '../types/diagnostics.ts';

/** An issue on one line, as a compiler prints it, with its count when above one. */
export function formatIssue(i: Issue): string {
  let at = '';
  if (i.file !== undefined) at = `${i.file}${i.line === undefined ? '' : `:${i.line}`}${i.column === undefined ? '' : `:${i.column}`}: `;
  const times = i.count > 1 ? ` (${i.count}×)` : '';
  return `${at}${i.severity}: ${i.message}${i.flag ? ` [${i.flag}]` : ''}${times}`;
}
