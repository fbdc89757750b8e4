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
