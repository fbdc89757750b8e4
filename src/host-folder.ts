import { type Stats, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { InputError } from './errors.ts';

/** Trees of the system: kernelbuilder never creates, writes or mounts a folder inside them. */
const SYSTEM_TREES = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/libx32', '/proc', '/sbin', '/sys', '/usr'];
/** Folders every user shares: a folder inside them is fine, the folder itself is odd. */
const SHARED_FOLDERS = ['/home', '/media', '/mnt', '/opt', '/root', '/run', '/srv', '/tmp', '/var', '/var/tmp'];

/** A host folder given by an input, resolved, and a warning when it is odd but not dangerous. */
export interface HostFolder {
  path: string;
  warning?: string;
}

/**
 * Check a folder kernelbuilder will create and write (logs) or mount writable into a
 * build (the compiler cache): it may not exist yet, but what of it exists must be
 * folders, and it must not be the root or lie in a system tree, also not through a link.
 */
export function checkHostFolder(input: string, value: string): HostFolder {
  const path = resolve(value);
  let found: { real: string; blocker?: string };
  try {
    found = existingPart(path);
  } catch (e) {
    throw new InputError(input, value, `it cannot be looked at (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); give a folder this user may write`);
  }
  const { real, blocker } = found;
  if (blocker !== undefined) {
    throw new InputError(input, value, `${blocker} is not a folder; give a folder (it is created if missing)`);
  }
  const system = SYSTEM_TREES.find((tree) => real === tree || real.startsWith(`${tree}/`));
  if (real === '/' || system !== undefined) {
    throw new InputError(input, value, `it is ${real === '/' ? 'the root folder' : `in the system folder ${system}`}${real === path ? '' : ` (through a link: ${real})`}; give a folder of its own, e.g. ~/kernelbuilder-logs`);
  }
  if (SHARED_FOLDERS.includes(real)) {
    return { path, warning: `input '${input}' is ${real}, a folder every user shares: kernelbuilder writes its folders straight into it; a folder of its own is tidier` };
  }
  return { path };
}

/**
 * The real path of `path` as far as it exists (links resolved), with the part that does
 * not exist yet appended; `blocker` is the first existing part that is not a folder.
 */
function existingPart(path: string): { real: string; blocker?: string } {
  const missing: string[] = [];
  for (let existing = path; ; existing = dirname(existing)) {
    const st = statIfThere(existing);
    if (st) {
      if (!st.isDirectory()) return { real: existing, blocker: existing };
      return { real: resolve(realpathSync(existing), ...missing) };
    }
    if (existing === '/') return { real: path };
    missing.unshift(basename(existing));
  }
}

/** stat, or undefined where nothing is (also below a file: ENOTDIR). */
function statIfThere(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}
