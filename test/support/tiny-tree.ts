import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from './temp-dir.ts';

/** Run git in a folder with a fixed identity and dates, so shas are stable. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@localhost',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@localhost',
      GIT_AUTHOR_DATE: '2026-01-05T00:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-05T00:00:00Z',
    },
  }).trim();
}

/** The head of a kernel Makefile for a version like "4.19.0-rc3". */
export function kernelMakefile(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)(.*)$/.exec(version)!;
  return `# SPDX-License-Identifier: GPL-2.0\nVERSION = ${m[1]}\nPATCHLEVEL = ${m[2]}\nSUBLEVEL = ${m[3]}\nEXTRAVERSION = ${m[4]}\nNAME = Test\n`;
}

/**
 * A small git repository shaped like a kernel tree: a Makefile of the given version,
 * arch/ folders with configs, an annotated v-tag, a branch and remote-tracking refs.
 * Real git, so ref resolution is tested against what git really does.
 */
export function makeTinyTree(opts: { version: string; arches: Record<string, string[]>; files?: Record<string, string> }): string {
  const dir = tempDir('tree');
  git(dir, 'init', '-q', '-b', 'master');
  const files: Record<string, string> = { Makefile: kernelMakefile(opts.version), ...opts.files };
  for (const [arch, configs] of Object.entries(opts.arches)) {
    files[`arch/${arch}/Kconfig`] = `# ${arch}\n`;
    for (const c of configs) files[`arch/${arch}/configs/${c}`] = `CONFIG_${arch.toUpperCase()}=y\n`;
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', `Linux ${opts.version}`);
  return dir;
}
