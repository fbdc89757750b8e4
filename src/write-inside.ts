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
 * Paths a user names for output (simulate --html) are checked by output-file.ts, which
 * writes through replaceWhole too.
 */
export function writeInside(root: string, rel: string, text: string | Uint8Array): string {
  const folder = folderInside(root, dirname(rel));
  const path = join(folder, basename(rel));
  replaceWhole(path, text);
  return path;
}

/**
 * Write `text` to `path` whole or not at all: a temporary file with a random name beside
 * it (same folder, so the rename is atomic), created exclusively and never through a link,
 * renamed over `path` once `beforeRename` (a last check of the path) has not thrown. On
 * any failure the temporary file is removed. Callers check the folder: writeInside and
 * output-file.ts's writeWhole.
 */
export function replaceWhole(path: string, text: string | Uint8Array, beforeRename: () => void = () => {}): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    try {
      const bytes = typeof text === 'string' ? Buffer.from(text) : text;
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    } finally {
      closeSync(fd);
    }
    beforeRename();
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
