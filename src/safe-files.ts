import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { KernelbuilderError } from './errors.ts';

/**
 * Reading files of a folder someone else wrote (a shard's artifact, built from untrusted
 * code on another runner): a link in it could point at any file of this host, a FIFO
 * would hang the read and /dev/zero would never end. Files are opened only below the
 * folder, through real folders, as regular files, never through a link, up to a size.
 */

/** `rel` split into its parts, refused when it could leave the folder (empty, `.` or `..` parts). */
function partsOf(root: string, rel: string): string[] {
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new KernelbuilderError(`${root}: ${JSON.stringify(rel)} is not a path inside the folder`);
  return parts;
}

/**
 * Make the folder `rel` below `root` (and every folder on the way), each a real folder:
 * a link or a file on the way is refused, never followed, so that what is written there
 * next cannot land outside `root`. `root` itself is the caller's, trusted.
 */
export function folderInside(root: string, rel: string): string {
  if (rel === '' || rel === '.') return root;
  const parts = partsOf(root, rel);
  for (let i = 1; i <= parts.length; i++) {
    const path = join(root, ...parts.slice(0, i));
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st) mkdirSync(path);
    else if (!st.isDirectory()) throw new KernelbuilderError(`${root}: ${parts.slice(0, i).join('/')} is not a folder (a link or special file), and is never followed`);
  }
  return join(root, ...parts);
}

/** The folder's own files, opened: the fd and its size; undefined when there is no such file. */
function openInside(root: string, rel: string, maxBytes: number): { fd: number; size: number } | undefined {
  const parts = partsOf(root, rel);
  // O_NOFOLLOW guards the last part only: every folder on the way must be a real one.
  for (let i = 1; i < parts.length; i++) {
    const st = lstatSync(join(root, ...parts.slice(0, i)), { throwIfNoEntry: false });
    if (!st) return undefined;
    if (!st.isDirectory()) throw new KernelbuilderError(`${root}: ${parts.slice(0, i).join('/')} is not a folder (a link or special file), and is never followed`);
  }
  let fd: number;
  try {
    fd = openSync(join(root, rel), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw new KernelbuilderError(`${root}: ${rel} is a link, not a regular file, and is never followed`);
    throw e;
  }
  const st = fstatSync(fd);
  if (!st.isFile() || st.size > maxBytes) {
    closeSync(fd);
    throw new KernelbuilderError(`${root}: ${rel} is ${st.isFile() ? `larger than ${maxBytes} bytes` : 'not a regular file'}`);
  }
  return { fd, size: st.size };
}

/** Whether `root` has a regular file at `rel` (false when absent); anything else there is refused. */
export function checkInside(root: string, rel: string, maxBytes: number): boolean {
  const file = openInside(root, rel, maxBytes);
  if (file) closeSync(file.fd);
  return file !== undefined;
}

/** The text of a regular file below `root` (undefined when absent); anything else is refused. */
export function readInside(root: string, rel: string, maxBytes: number): string | undefined {
  const file = openInside(root, rel, maxBytes);
  if (!file) return undefined;
  try {
    const buf = Buffer.alloc(file.size);
    let got = 0;
    while (got < file.size) {
      const n = readSync(file.fd, buf, got, file.size - got, null);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got).toString('utf8');
  } finally {
    closeSync(file.fd);
  }
}

/**
 * readInside for what a report can do without (a target's sizes, a kept .config or
 * System.map): undefined when the file is absent or refused (a link, a special file, too
 * large), never an error that would stop the reports.
 */
export function readInsideOrNothing(root: string, rel: string, maxBytes: number): string | undefined {
  try {
    return readInside(root, rel, maxBytes);
  } catch (e) {
    if (e instanceof KernelbuilderError) return undefined;
    throw e;
  }
}

/**
 * Copy a regular file below `root` to `to` (a path of ours, not followed if it is a link);
 * false when there is no such file. Streams: a log of a GB costs no more memory than a small one.
 */
export function copyInside(root: string, rel: string, to: string, maxBytes: number): boolean {
  const file = openInside(root, rel, maxBytes);
  if (!file) return false;
  let out: number | undefined;
  try {
    out = openSync(to, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
    const buf = Buffer.alloc(1 << 20);
    for (let left = maxBytes; left > 0; ) {
      const n = readSync(file.fd, buf, 0, Math.min(buf.length, left), null);
      if (n === 0) break;
      for (let done = 0; done < n; ) done += writeSync(out, buf, done, n - done);
      left -= n;
    }
    return true;
  } finally {
    closeSync(file.fd);
    if (out !== undefined) closeSync(out);
  }
}
