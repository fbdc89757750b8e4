import { execFile } from 'node:child_process';

/** The read-only git commands kernelbuilder needs, behind a narrow interface for tests. */
export interface Git {
  /** Run git and return its stdout; rejects with git's stderr on a non-zero exit. */
  run(args: string[]): Promise<string>;
}

/**
 * Git on a repository directory. Every command is a reader; GIT_OPTIONAL_LOCKS=0 keeps
 * even `status`-like refreshes from writing the index, so the source repo is never
 * modified, and no prompt can hang a job.
 */
export function gitIn(dir: string): Git {
  const env = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  return {
    run: (args) =>
      new Promise((resolve, reject) => {
        execFile('git', ['-C', dir, ...args], { env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
          if (err) reject(new Error(`git ${args.join(' ')}: ${stderr.trim() || err.message}`));
          else resolve(stdout);
        });
      }),
  };
}

/** Run git, or undefined when it fails (a ref or path that does not exist). */
export async function tryGit(git: Git, args: string[]): Promise<string | undefined> {
  try {
    return await git.run(args);
  } catch {
    return undefined;
  }
}
