import { type FoundDiagnostic } from '../bisect/types.ts';

/** What one target's build has printed so far on a series, by signature: a finding's latest place. */
export type Known = ReadonlyMap<string, FoundDiagnostic>;

/**
 * What a commit's incremental build adds to and takes from one target's findings. `printed`
 * is what the commit's build printed; make recompiled only what the commit changed (and
 * what includes it), so a finding not printed is gone only where it would have been printed
 * again: in a file the commit touched, or an error (a file that failed has no object, so
 * make compiles it at every step until it builds). Signatures carry no line numbers, so a
 * finding moved by lines added above it is the same finding, not a new one.
 */
export function commitChanges(known: Known, printed: readonly FoundDiagnostic[], touched: ReadonlySet<string>): { added: FoundDiagnostic[]; removed: FoundDiagnostic[]; known: Map<string, FoundDiagnostic> } {
  const now = new Map(printed.map((d) => [d.signature, d]));
  const added = [...now.values()].filter((d) => !known.has(d.signature));
  const removed = [...known.values()].filter((d) => !now.has(d.signature) && (d.severity === 'error' || (d.file !== undefined && touched.has(d.file))));
  const next = new Map(known);
  for (const d of removed) next.delete(d.signature);
  for (const d of now.values()) next.set(d.signature, d);
  return { added, removed, known: next };
}
