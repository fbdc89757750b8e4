import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The real kernel repository made by scripts/prepare.sh (Linux 6.1 from Debian's linux-source-6.1). */
export function kernelRepo(): string {
  const dir = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
  if (!existsSync(dir)) throw new Error(`no kernel repo at ${dir}: run scripts/prepare.sh (npm test does)`);
  return dir;
}

function git(dir: string, args: string[], env: Record<string, string> = {}, input?: string): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', input, env: { ...process.env, ...env } }).trim();
}

/**
 * Put a commit that changes one file on a branch of the kernel repo, without touching its
 * work tree or index (a temporary index): a throwaway broken tree for tests. Idempotent.
 */
export function commitOnBranch(dir: string, branch: string, path: string, edit: (text: string) => string, message: string): string {
  const existing = spawnSync('git', ['-C', dir, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { encoding: 'utf8' });
  if (existing.status === 0) return existing.stdout.trim();
  const base = git(dir, ['rev-parse', 'refs/remotes/stable/HEAD']);
  const text = git(dir, ['cat-file', 'blob', `${base}:${path}`]);
  const blob = git(dir, ['hash-object', '-w', '--stdin'], {}, `${edit(text)}\n`);
  const index = `${dir}/.git/kb-test-index`;
  const env = { GIT_INDEX_FILE: index };
  git(dir, ['read-tree', base], env);
  git(dir, ['update-index', '--cacheinfo', `100644,${blob},${path}`], env);
  const tree = git(dir, ['write-tree'], env);
  execFileSync('rm', ['-f', index]);
  const ident = { GIT_AUTHOR_NAME: 'kernelbuilder test', GIT_AUTHOR_EMAIL: 't@localhost', GIT_COMMITTER_NAME: 'kernelbuilder test', GIT_COMMITTER_EMAIL: 't@localhost' };
  const commit = git(dir, ['commit-tree', tree, '-p', base, '-m', message], ident);
  git(dir, ['update-ref', `refs/heads/${branch}`, commit]);
  return commit;
}

/** One commit of a series: files of the tree and how each changes (a new file's edit is given ''). */
export interface SeriesCommit {
  subject: string;
  edits: Record<string, (text: string) => string>;
}

/**
 * A series of commits on top of stable on a branch of the kernel repo, made like
 * commitOnBranch without touching its work tree or index. Idempotent: an existing branch is
 * taken as it is. Returns the series' shas, oldest first.
 */
export function commitSeries(dir: string, branch: string, commits: SeriesCommit[]): string[] {
  const existing = spawnSync('git', ['-C', dir, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { encoding: 'utf8' });
  if (existing.status === 0) return git(dir, ['rev-list', '--reverse', `refs/remotes/stable/HEAD..${existing.stdout.trim()}`]).split('\n');
  const ident = { GIT_AUTHOR_NAME: 'kernelbuilder test', GIT_AUTHOR_EMAIL: 't@localhost', GIT_COMMITTER_NAME: 'kernelbuilder test', GIT_COMMITTER_EMAIL: 't@localhost' };
  const index = `${dir}/.git/kb-test-index`;
  const env = { GIT_INDEX_FILE: index };
  let parent = git(dir, ['rev-parse', 'refs/remotes/stable/HEAD']);
  const shas: string[] = [];
  commits.forEach((c, i) => {
    git(dir, ['read-tree', parent], env);
    for (const [path, edit] of Object.entries(c.edits)) {
      // A path the parent lacks is a new file: its edit starts from nothing.
      const before = spawnSync('git', ['-C', dir, 'cat-file', 'blob', `${parent}:${path}`], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
      const blob = git(dir, ['hash-object', '-w', '--stdin'], {}, `${edit(before.status === 0 ? before.stdout.trim() : '')}\n`);
      git(dir, ['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], env);
    }
    const tree = git(dir, ['write-tree'], env);
    // Distinct dates keep the series' order in git log whatever the clock does.
    const date = { GIT_AUTHOR_DATE: `2026-01-01T00:${String(i).padStart(2, '0')}:00Z`, GIT_COMMITTER_DATE: `2026-01-01T00:${String(i).padStart(2, '0')}:00Z` };
    parent = git(dir, ['commit-tree', tree, '-p', parent, '-m', c.subject], { ...ident, ...date });
    shas.push(parent);
  });
  execFileSync('rm', ['-f', index]);
  git(dir, ['update-ref', `refs/heads/${branch}`, parent]);
  return shas;
}
