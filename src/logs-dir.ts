import { chownSync, lchownSync, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Target } from './types/targets.ts';
import { BUILD_FILES, targetPaths } from './logs-layout.ts';

/**
 * Make the build's log folder ready: created if new, and the files an earlier run of the
 * same build left for these targets (every path of targetPaths, the reproducer included)
 * and for the build itself removed, so a stale status or script is never read as fresh.
 */
export function prepareLogsDir(dir: string, targets: Target[]): void {
  mkdirSync(dir, { recursive: true });
  for (const t of targets) {
    for (const file of Object.values(targetPaths(t.arch, t.config))) rmSync(join(dir, file), { force: true, recursive: true });
  }
  for (const file of BUILD_FILES) rmSync(join(dir, file), { force: true });
}

/**
 * Give a folder and everything in it to uid:gid (used when the runner is root and builds
 * as another user). The build writes this folder: a link in it is the link's own to
 * change, never what it points to, or a hostile tree could have the root runner chown
 * any file of the host.
 */
export function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (lstatSync(path).isDirectory()) chownTree(path, uid, gid);
    else lchownSync(path, uid, gid);
  }
}

/**
 * Remove from a logs folder everything that is neither a regular file nor a folder, and
 * return what was removed (paths relative to the folder). The build writes this folder,
 * and the host then reads and writes files in it: a link left there (results.json to a
 * file of the runner, a target's log to a host secret) would make the host overwrite or
 * publish what it points to, and a FIFO would hang the host's read. Nothing a build
 * legitimately writes is either, so they go before the host touches the folder.
 */
export function removeUnsafeEntries(dir: string, root = dir): string[] {
  const removed: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const stats = lstatSync(path);
    if (stats.isDirectory()) removed.push(...removeUnsafeEntries(path, root));
    else if (!stats.isFile()) {
      rmSync(path, { force: true });
      removed.push(relative(root, path));
    }
  }
  return removed;
}
