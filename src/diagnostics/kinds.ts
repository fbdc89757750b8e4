import { type DiagnosticKind } from '../types/diagnostics.ts';
import { type DiagnosticCounts } from '../types/results.ts';

/**
 * One count of a build's totals (results.json's `counts`) and how every report shows it:
 * the reports iterate over COUNT_ROWS, so a kind of finding with a count and a section of
 * its own (objtool, say) is a row here, its kind in DiagnosticKind, its key in
 * DiagnosticCounts and its rule in the parser (src/parse/classify.ts), no more.
 */
export interface CountRow {
  /** Its key in results.json's counts. */
  tally: keyof DiagnosticCounts;
  /** The diagnostic kinds that count here instead of as warnings; none for the general counts. */
  kinds: DiagnosticKind[];
  /**
   * `warnings`: only the kind's warnings count here (its errors are errors, as a build's);
   * `findings`: its errors too, for a checker whose findings never fail a build (sparse).
   */
  counts: 'warnings' | 'findings';
  /** What a headline calls it: "3 section mismatches". */
  label: string;
  /** In a headline: always, only when there are some, or never. */
  headline: 'always' | 'when-found' | 'never';
  /** The title of its list of most frequent issues in summary.md; none: no list of its own. */
  section?: string;
  /**
   * With a baseline, whether its list shows only the new issues and counts the known:
   * always (hundreds on any tree), when make-vars asked for kbuild's extra warnings (W=1,
   * W=12, ...), or never (few, and listed whole).
   */
  newOnly: 'always' | 'with-extra-warnings' | 'never';
  /** Listed in the build page's table of errors and warnings. */
  onPage: boolean;
}

/** The counts of a build's findings, in the order the reports show them. */
export const COUNT_ROWS: readonly CountRow[] = [
  { tally: 'errors', kinds: [], counts: 'warnings', label: 'errors', headline: 'always', newOnly: 'never', onPage: true },
  { tally: 'warnings', kinds: [], counts: 'warnings', label: 'warnings', headline: 'always', section: 'Top warnings', newOnly: 'with-extra-warnings', onPage: true },
  { tally: 'sectionMismatches', kinds: ['section-mismatch'], counts: 'warnings', label: 'section mismatches', headline: 'always', section: 'Section mismatches', newOnly: 'never', onPage: true },
  { tally: 'syscalls', kinds: ['syscall'], counts: 'warnings', label: 'new syscalls', headline: 'never', section: 'New syscalls', newOnly: 'never', onPage: true },
  { tally: 'sparse', kinds: ['sparse'], counts: 'findings', label: 'sparse findings', headline: 'when-found', section: 'Sparse findings', newOnly: 'always', onPage: false },
];

/** The row of a count, or undefined for the counts kept apart (noise, a boot's). */
export function countRow(tally: string): CountRow | undefined {
  return COUNT_ROWS.find((r) => r.tally === tally);
}

/** The row whose own count a diagnostic kind goes to, or undefined when it counts as an error or warning. */
export function rowOfKind(kind: DiagnosticKind): CountRow | undefined {
  return COUNT_ROWS.find((r) => r.kinds.includes(kind));
}
