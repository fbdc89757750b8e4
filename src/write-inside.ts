import { closeSync, constants, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { folderInside } from './safe-files.ts';

/**
 * The one writer of the files the host writes into its own folders (results.json, the
 * reports, reproducers, emails, history pages). Those folders may have been written by a
 * hostile build or downloaded (`report DIR`): a link may stand where a folder or a file is
 * meant to be. So every folder on the way below `root` must be a real one (a link is
 * refused, never followed), the text goes to a temporary file with a random name beside the
 * target, created exclusively and never through a link, and is renamed over the target: a
 * rename replaces whatever stands at the name (a planted link itself, not what it points
 * to), and a reader never sees half a file. On failure the temporary file is removed.
 *
 * Paths a user names for output (simulate --html) are the other writer's (refused there
 * unless a regular file or nothing stands at the path): see the issue 18 notes.
 */
export function writeInside(root: string, rel: string, text: string | Uint8Array): string {
  const folder = folderInside(root, dirname(rel));
  const path = join(folder, basename(rel));
  const tmp = join(folder, `.${basename(rel)}.${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    try {
      const bytes = typeof text === 'string' ? Buffer.from(text) : text;
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return path;
}
