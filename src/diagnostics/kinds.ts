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
  /** Its count line in the email (`Section mismatches: 3`): always, or only when there are some; none: a line of its own elsewhere (errors, warnings). */
  emailCount?: { label: string; when: 'always' | 'when-found' };
  /**
   * Its list in the email, under `section`: each issue with the arches that show it, with
   * its count and file, or new first (with a baseline) with its detail lines; none: the
   * email lists it its own way (errors per failed target, warnings per target).
   */
  emailList?: 'by-arch' | 'counted' | 'new-first';
}

/** The counts of a build's findings, in the order the reports show them. */
export const COUNT_ROWS: readonly CountRow[] = [
  { tally: 'errors', kinds: [], counts: 'warnings', label: 'errors', headline: 'always', newOnly: 'never', onPage: true },
  { tally: 'warnings', kinds: [], counts: 'warnings', label: 'warnings', headline: 'always', section: 'Top warnings', newOnly: 'with-extra-warnings', onPage: true },
  { tally: 'sectionMismatches', kinds: ['section-mismatch'], counts: 'warnings', label: 'section mismatches', headline: 'always', section: 'Section mismatches', newOnly: 'never', onPage: true, emailCount: { label: 'Section mismatches', when: 'always' }, emailList: 'counted' },
  { tally: 'syscalls', kinds: ['syscall'], counts: 'warnings', label: 'new syscalls', headline: 'never', section: 'New syscalls', newOnly: 'never', onPage: true, emailList: 'by-arch' },
  { tally: 'sparse', kinds: ['sparse'], counts: 'findings', label: 'sparse findings', headline: 'when-found', section: 'Sparse findings', newOnly: 'always', onPage: false, emailCount: { label: 'Sparse', when: 'when-found' }, emailList: 'new-first' },
  // A failing KUnit case never fails a build: its own count, and its own section in every
  // report, per target, with the passed, skipped and flaky cases around it (report/kunit-lines.ts).
  { tally: 'kunit', kinds: ['kunit'], counts: 'findings', label: 'failing KUnit cases', headline: 'never', newOnly: 'never', onPage: false },
];

/** The row of a count, or undefined for the counts kept apart (noise, a boot's). */
export function countRow(tally: string): CountRow | undefined {
  return COUNT_ROWS.find((r) => r.tally === tally);
}

/** The row whose own count a diagnostic kind goes to, or undefined when it counts as an error or warning. */
export function rowOfKind(kind: DiagnosticKind): CountRow | undefined {
  return COUNT_ROWS.find((r) => r.kinds.includes(kind));
}
