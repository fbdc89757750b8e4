import { chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The folder a container writes instead of the build's own: made beside `dir` (the same
 * file system, where the Docker engine already sees the logs folder), with a random name,
 * readable by its owner only, and given to the user the container runs as. What the
 * container leaves there reaches `dir` only through the gate; the folder is removed after.
 */
export function makeStaging(dir: string, owner?: { uid: number; gid: number }): string {
  mkdirSync(dirname(dir), { recursive: true });
  const staging = mkdtempSync(join(dirname(dir), `.${basename(dir)}.staging-`));
  if (owner) chownSync(staging, owner.uid, owner.gid);
  return staging;
}

/** Remove a staging folder and all in it (a link in it is removed, never followed). */
export function removeStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}
