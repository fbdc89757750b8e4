import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Read a small file that a build left (a status line, `sizes`, a shard's results.json):
 * only a regular file, never through a link, never blocking on a FIFO, and at most
 * `maxBytes` of it. Undefined when it is missing, not a regular file, or larger.
 */
export function readBack(path: string, maxBytes: number): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > maxBytes) return undefined;
    const buffer = Buffer.alloc(stats.size);
    let read = 0;
    while (read < stats.size) {
      const n = readSync(fd, buffer, read, stats.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
