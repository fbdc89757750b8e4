import type { Diagnostic } from '../types/diagnostics.ts';

/** The location and text of a diagnostic on one line, as a compiler would print it. */
export function formatDiagnosticLine(d: Diagnostic): string {
  let at = '';
  if (d.file !== undefined) {
    at = d.file;
    if (d.line !== undefined) at += `:${d.line}`;
    if (d.column !== undefined) at += `:${d.column}`;
    at += ': ';
  }
  const flag = d.flag === undefined ? '' : ` [${d.flag}]`;
  return `${at}${d.severity}: ${d.message}${flag}`;
}

/** A diagnostic with the context before it and the detail after it, one string per line. */
export function formatDiagnostic(d: Diagnostic): string[] {
  return [...d.context, formatDiagnosticLine(d), ...(d.detail ?? [])];
}
