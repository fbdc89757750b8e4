import { type SeriesCommit } from './kernel-repo.ts';

/**
 * The eight commits of the series test and bench/series, on the real 6.1 tree: a
 * harmless one, a warning only x86 compiles (its file is x86's), a harmless one, a break
 * and its fix, a line checkpatch calls an error (trailing whitespace), two harmless ones.
 * Every commit is signed off and described, so checkpatch has nothing to say of the others.
 */
export const SERIES_BRANCH = 'kb-test/series';

const message = (subject: string) => `${subject}\n\nA change of kernelbuilder's series test.\n\nSigned-off-by: kernelbuilder test <t@localhost>`;
const append = (path: string, subject: string, text: string): SeriesCommit => ({ subject: message(subject), edits: { [path]: (t) => `${t}\n${text}` } });
const harmless = (path: string, i: number) => append(path, `${path}: a harmless change ${i}`, `/* kernelbuilder series: change ${i} */`);
const broken = 'int kernelbuilder_series_broken(void) { return kernelbuilder_undeclared; }';

export const SERIES_COMMITS: SeriesCommit[] = [
  harmless('kernel/exit.c', 1),
  append('arch/x86/kernel/setup.c', 'x86: a new warning', 'static int kernelbuilder_series_unused;'),
  harmless('mm/memory.c', 3),
  append('init/main.c', 'init: break the build', broken),
  { subject: message('init: fix the build'), edits: { 'init/main.c': (t) => t.replace(`\n${broken}`, '') } },
  // Trailing whitespace: checkpatch's ERROR, nothing a compiler sees.
  append('lib/string.c', 'lib: a comment with trailing whitespace', '/* kernelbuilder series: trailing whitespace */ '),
  harmless('fs/exec.c', 7),
  harmless('kernel/exit.c', 8),
];
