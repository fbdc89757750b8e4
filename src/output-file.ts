import { lstatSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { replaceWhole } from './write-inside.ts';
import { InputError, KernelbuilderError } from './errors.ts';

/**
 * Files written at a path someone named. Writing is replacing: a temporary file is renamed
 * over the path, and rename replaces whatever is there, so a device (`/dev/full` as root),
 * a FIFO, a folder or a link at the path would be destroyed or, for a link, its target
 * left as it was while the link itself became a file. Only a regular file, or nothing, may
 * be there. A link is refused rather than followed: what it points at is not what was named.
 */

const ALLOWED = 'it must name a regular file (replaced) or a new file, in a folder that exists; not a folder, link, device or FIFO';

/**
 * The path an option names for output, absolute, checked before any work is done so that a
 * refusal costs nothing: `option` is named in the error with what is allowed.
 */
export function checkOutputPath(option: string, path: string): string {
  if (path.trim() === '') throw new InputError(option, path, ALLOWED);
  const full = resolve(path);
  const problem = outputPathProblem(full);
  if (problem) throw new InputError(option, path, `${problem}; ${ALLOWED}`);
  return full;
}

/** Why `full` cannot be written whole, or undefined when it can. */
function outputPathProblem(full: string): string | undefined {
  try {
    const parent = statSync(dirname(full), { throwIfNoEntry: false });
    if (!parent?.isDirectory()) return `its folder ${dirname(full)} ${parent ? 'is not a folder' : 'does not exist'}`;
    const there = lstatSync(full, { throwIfNoEntry: false });
    if (there && !there.isFile()) return `it is ${kindOf(there)}`;
    return undefined;
  } catch (e) {
    // A folder on the way that is a file (ENOTDIR) or may not be searched (EACCES).
    return `it cannot be reached (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
}

function kindOf(st: import('node:fs').Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isSymbolicLink()) return 'a link';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Write `text` to `path` whole or not at all (replaceWhole), the path checked again just
 * before the rename. The folder must exist: a writer that made folders would write where
 * nobody asked.
 */
export function writeWhole(path: string, text: string | Uint8Array): void {
  replaceWhole(path, text, () => {
    const problem = outputPathProblem(path);
    if (problem) throw new KernelbuilderError(`${path}: not written: ${problem}`);
  });
}
