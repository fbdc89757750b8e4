import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Input } from '../constants.ts';
import { InputError } from '../errors.ts';
import { type SourceMount } from '../types/source.ts';

/**
 * Whether uid:gid may read a file, or list and read a folder, by its mode bits: a root
 * runner builds as another user, which cannot read a repository kept in a 0700 folder of root's.
 */
export function readableBy(mode: number, ownerUid: number, ownerGid: number, uid: number, gid: number, isDirectory = true): boolean {
  const bits = ownerUid === uid ? (mode >> 6) & 7 : ownerGid === gid ? (mode >> 3) & 7 : mode & 7;
  const needed = isDirectory ? 5 : 4;
  return (bits & needed) === needed;
}

/**
 * Refuse, before any container starts, a source repository the build user cannot read:
 * the source, its `.git` (a folder, or the file of a worktree) and every folder mounted beside it.
 */
export function checkSourceReadable(source: string, mounts: SourceMount[], uid: number, gid: number): void {
  for (const path of [source, join(source, '.git'), ...mounts.map((m) => m.host)]) {
    const st = statSync(path, { throwIfNoEntry: false });
    if (st && !readableBy(st.mode, st.uid, st.gid, uid, gid, st.isDirectory())) {
      throw new InputError(
        Input.source,
        source,
        `the build runs as uid ${uid}, which cannot read ${path} (mode ${(st.mode & 0o777).toString(8)}, owner ${st.uid}): ` +
          'make it readable (chmod o+rx) or run the runner as the user that owns it',
      );
    }
  }
}
