import { type Diagnostic, type Issue } from '../types/diagnostics.ts';

/**
 * make's "*** [Makefile:250: kernel/fork.o] Error 1": a repeat, one per make level, of a
 * failure already reported by the command that failed. Kept in the issues, but not
 * counted as an error nor annotated, or every compile error would count three times.
 */
export function isRecipeFailure(d: Pick<Diagnostic | Issue, 'kind' | 'message'>): boolean {
  return d.kind === 'make' && /^\[.*\] Error \d+$/.test(d.message);
}
