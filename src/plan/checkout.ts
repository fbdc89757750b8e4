import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { type Git, tryGit } from '../ref/git.ts';
import { type Checkout } from '../types/plan.ts';

/**
 * How the build container gets the commit's files. The source's own work tree, mounted
 * read-only where the driver builds (/build/src), when it holds exactly the commit: HEAD
 * is the commit, git sees no file changed, untracked or ignored (an in-tree build's
 * leftovers, which kbuild refuses beside O=), none marked assume-unchanged or
 * skip-worktree (git would not see those changed), and the build user can read it. That
 * saves the checkout's time and its place in the /build tmpfs (about 3 s and 1.4 GiB for
 * 6.1). Anything else is cloned and checked out in /build as before, and why is said.
 * `asOther`: the container runs as a user other than the runner (values/build-user.ts),
 * who reads the work tree as "others" do. `logs`: kernelbuilder's
 * own folder, which the action's default puts in the workspace, perhaps inside the source:
 * its files are no part of the tree (kbuild reads only the files its Makefiles name).
 */
export async function chooseCheckout(git: Git, source: string, sha: string, asOther: boolean, logs: string): Promise<Checkout> {
  const clone = (why: string): Checkout => ({ kind: 'clone', why });
  if ((await tryGit(git, ['rev-parse', '--is-bare-repository']))?.trim() !== 'false') return clone('the source has no work tree');
  const head = (await tryGit(git, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']))?.trim();
  if (head !== sha) return clone(head ? `the source's work tree is at ${head.slice(0, 12)}, not the commit` : 'the source has no commit checked out');
  const flagged = ((await tryGit(git, ['ls-files', '-v', '-z'])) ?? '').split('\0').filter((entry) => entry !== '' && !entry.startsWith('H ')).length;
  if (flagged > 0) return clone(`${flagged} files of the source's work tree are marked assume-unchanged or skip-worktree (sparse)`);
  const own = relative(realpathSync(source), existsSync(logs) ? realpathSync(logs) : resolve(logs));
  const inside = own !== '' && own !== '..' && !own.startsWith(`..${sep}`) && !isAbsolute(own);
  const notOurs = inside ? ['--', '.', `:(exclude,top,literal)${own}`] : [];
  const status = await tryGit(git, ['-c', 'core.fsmonitor=false', 'status', '--porcelain=v1', '-z', '--ignored=matching', '--untracked-files=all', '--no-renames', ...notOurs]);
  if (status === undefined) return clone('git status failed in the source');
  const changed = status.split('\0').filter((entry) => entry !== '').length;
  if (changed > 0) return clone(`the source's work tree has ${changed} changed, untracked or ignored files`);
  if (asOther && (await unreadableByOthers(source))) return clone("the build user cannot read all of the source's work tree (not readable by others)");
  return { kind: 'in-place' };
}

/**
 * Whether some folder of the work tree (outside .git) is not readable and searchable by
 * others, or some regular file not readable by them. Links are not followed: one that
 * names a file of the tree is read as that file, checked where it lies.
 */
function unreadableByOthers(source: string): Promise<boolean> {
  const args = [source, '-path', `${source}/.git`, '-prune', '-o', '(', '-type', 'd', '!', '-perm', '-o=rx', '-print', '-quit', ')', '-o', '(', '-type', 'f', '!', '-perm', '-o=r', '-print', '-quit', ')'];
  return new Promise((resolve) => {
    execFile('find', args, { maxBuffer: 1024 * 1024 }, (err, stdout) => resolve(err !== null || stdout !== ''));
  });
}
