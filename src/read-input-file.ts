import { type Stats, closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync } from 'node:fs';

/** How one caller reads its files: the most it takes, and whether a symbolic link may lead there. */
export interface ReadLimits {
  /** Files larger than this are refused, however they grow while being read. */
  maxBytes: number;
  /**
   * Follow a symbolic link at the path itself (a user's own file may be one); false for
   * files in folders a build wrote to, where a link is never followed.
   */
  followLinks: boolean;
}

/** Why a file was not read: what a person can act on, never anything the file holds. */
export class FileRefusedError extends Error {
  override name = 'FileRefusedError';
}

/**
 * Read a file as UTF-8 only if it is a regular file of at most `maxBytes`. A FIFO, a
 * device (/dev/zero), a folder or a socket is refused before it is opened, and again
 * on the opened descriptor, so that swapping the path in between changes nothing; the
 * open never blocks (O_NONBLOCK) and, unless allowed, never follows a link (O_NOFOLLOW).
 * Throws FileRefusedError saying what is wrong.
 */
export function readInputFile(path: string, limits: ReadLimits): string {
  // A first look without opening: opening some devices has effects of its own.
  checkRegular(statOrExplain(() => (limits.followLinks ? statSync(path) : lstatSync(path))), limits);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (limits.followLinks ? 0 : constants.O_NOFOLLOW));
  } catch (e) {
    throw new FileRefusedError(explain(e));
  }
  try {
    checkRegular(fstatSync(fd), limits);
    // Read to the end, not to the size fstat gave: the file may grow, and /proc files say 0.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      length += n;
      if (length > limits.maxBytes) throw new FileRefusedError(`it is larger than the ${limits.maxBytes} bytes allowed`);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const CHUNK = 64 * 1024;

function checkRegular(st: Stats, limits: ReadLimits): void {
  if (!st.isFile()) throw new FileRefusedError(`it is ${kindOf(st)}, not a regular file`);
  if (st.size > limits.maxBytes) throw new FileRefusedError(`it is ${st.size} bytes, larger than the ${limits.maxBytes} allowed`);
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

function statOrExplain(stat: () => Stats): Stats {
  try {
    return stat();
  } catch (e) {
    throw new FileRefusedError(explain(e));
  }
}

function explain(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'it cannot be read (permission denied)';
  if (code === 'ELOOP') return 'it is a symbolic link';
  if (code === 'ENOTDIR') return 'a folder on its path is a file';
  return `it cannot be read (${code ?? (e as Error).message})`;
}
