import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { makeToyKernel } from './toy-kernel.ts';
import { git } from './tiny-tree.ts';

/**
 * The toy build of a series: it sources every file of toy.d/ in order, so that a commit
 * changes the build by adding, changing or removing one (an error line and `exit 1`,
 * a warning line, or nothing).
 */
export const SERIES_TOY = 'echo "  CC      init/main.o"\nfor f in "$(dirname "$0")"/toy.d/*; do . "$f"; done\necho "  LD      vmlinux"\n';

/** A file of toy.d/ that breaks the build with a compiler error at FILE:LINE. */
export function breaks(file: string, line: number, message: string): string {
  return `echo "${file}:${line}:5: error: ${message}"\nexit 1\n`;
}

/** A file of toy.d/ that prints a compiler warning at FILE:LINE. */
export function warns(file: string, line: number, message: string, flag: string): string {
  return `echo "${file}:${line}:3: warning: ${message} [${flag}]"\n`;
}

/**
 * A toy kernel tagged v6.1 with a series of commits on top: each entry of `changes` is
 * one commit, its files under the tree (null removes one). Harmless commits change
 * files the build does not read. Returns the source and the series' shas, oldest first.
 */
export function toySeries(changes: Record<string, string | null>[]): { source: string; shas: string[] } {
  const source = makeToyKernel(SERIES_TOY);
  mkdirSync(join(source, 'toy.d'), { recursive: true });
  writeFileSync(join(source, 'toy.d', '00-base'), 'true\n');
  git(source, 'add', '-A');
  git(source, 'commit', '-q', '-m', 'toy: source toy.d');
  git(source, 'tag', '-f', '-a', '-m', 'v6.1', 'v6.1');
  const shas: string[] = [];
  changes.forEach((files, i) => {
    for (const [path, text] of Object.entries(files)) {
      if (text === null) rmSync(join(source, path));
      else {
        mkdirSync(dirname(join(source, path)), { recursive: true });
        writeFileSync(join(source, path), text);
      }
    }
    git(source, 'add', '-A');
    git(source, 'commit', '-q', '-m', `change ${i + 1}: ${Object.keys(files).join(' ')}`);
    shas.push(git(source, 'rev-parse', 'HEAD').trim());
  });
  return { source, shas };
}

/** A harmless commit: a file the build never reads. */
export function harmless(i: number): Record<string, string> {
  return { [`docs/note-${i % 3}.txt`]: `note ${i}\n` };
}

/** Checksums of a repository's refs, objects, status and work-tree files: equal before and after means unchanged. */
export function repoChecksums(dir: string): Record<string, string> {
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  const files = execFileSync('find', [dir, '-path', join(dir, '.git'), '-prune', '-o', '-type', 'f', '-print'], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  const gitFiles = execFileSync('find', [join(dir, '.git'), '-type', 'f'], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  return {
    refs: hash(git(dir, 'for-each-ref')),
    objects: hash(git(dir, 'count-objects', '-v')),
    status: hash(git(dir, 'status', '--porcelain', '--ignored')),
    tree: hash(files.map((f) => `${f}\0${hash(readFileSync(f, 'latin1'))}`).join('\n')),
    gitDir: hash(gitFiles.join('\n')),
  };
}
