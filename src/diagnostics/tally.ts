import { BOOT_KINDS } from '../parse/diagnostic.ts';
import { type Diagnostic } from '../types/diagnostics.ts';
import { type DiagnosticCounts } from '../types/results.ts';
import { isRecipeFailure } from './recipe-failure.ts';
import { rowOfKind } from './kinds.ts';

/** The count of a build's totals that a diagnostic adds to. */
export type Tally = keyof DiagnosticCounts;

/**
 * Which count a diagnostic (or an issue, the diagnostics of one signature) goes to, or
 * undefined when it counts nowhere (notes; make's repeat of a failed command). Known
 * noise is counted apart before anything else; a kind with a count of its own (COUNT_ROWS:
 * section mismatches, missing syscalls) counts its warnings there; every other warning is
 * a `warnings`. A checker's findings (sparse's), errors too (they never fail a build),
 * count in its own count only.
 * The analysis counts by it, and every report lists by it, so "N warnings" in a report
 * is the number of warnings it shows.
 */
export function tally(d: Pick<Diagnostic, 'kind' | 'severity' | 'message'>, noise: boolean): Tally | undefined {
  if (isRecipeFailure(d)) return undefined;
  // A boot console's reports are counted apart from the build's, and are never noise.
  if (BOOT_KINDS.has(d.kind)) return d.severity === 'error' ? 'bootErrors' : d.severity === 'warning' ? 'bootWarnings' : undefined;
  const own = rowOfKind(d.kind);
  if (own?.counts === 'findings') return d.severity === 'note' ? undefined : noise ? 'noise' : own.tally;
  if (d.severity === 'error') return 'errors';
  if (d.severity !== 'warning') return undefined;
  if (noise) return 'noise';
  return own?.tally ?? 'warnings';
}
