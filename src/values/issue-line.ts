// `file:line:column: severity: message [flag]`, the line a compiler prints: written in one
// place for the terminal, the reports and the live progress.
import { type Diagnostic } from '../types/diagnostics.ts';

/** `file:line:column` with what is known of it; empty without a file. */
export function formatLocation(file: string | undefined, line?: number, column?: number): string {
  if (file === undefined) return '';
  return `${file}${line === undefined ? '' : `:${line}`}${column === undefined ? '' : `:${column}`}`;
}

/** The location and text of a diagnostic or issue on one line, as a compiler would print it. */
export function formatIssueLine(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'message' | 'flag'> & { severity: string }): string {
  const at = d.file === undefined ? '' : `${formatLocation(d.file, d.line, d.column)}: `;
  return `${at}${d.severity}: ${d.message}${d.flag ? ` [${d.flag}]` : ''}`;
}
