import type { Diagnostic } from '../types/diagnostics.ts';
import { formatIssueLine } from '../values/issue-line.ts';

/** A diagnostic with the context before it and the detail after it, one string per line. */
export function formatDiagnostic(d: Diagnostic): string[] {
  return [...d.context, formatIssueLine(d), ...(d.detail ?? [])];
}
