import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** How full a folder is: bytes of its files (apparent size) and how many entries it holds. */
export interface FolderUse {
  bytes: number;
  entries: number;
}

/**
 * Measure a folder, stopping as soon as either count passes its bound: a hostile build
 * may write millions of files, and the watch must not spend its time walking them all.
 * Apparent sizes count, not blocks: a sparse file costs no disk but would cost an upload.
 */
export function measureFolder(dir: string, bound: FolderUse): FolderUse {
  const use = { bytes: 0, entries: 0 };
  const pending = [dir];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue; // removed since it was listed
    }
    for (const name of names) {
      const path = join(folder, name);
      use.entries++;
      try {
        const stat = lstatSync(path);
        if (stat.isDirectory()) pending.push(path);
        else use.bytes += stat.size;
      } catch {
        // removed since the folder was read
      }
      if (exceeds(use, bound)) return use;
    }
  }
  return use;
}

function exceeds(use: FolderUse, bound: FolderUse): boolean {
  return use.bytes > bound.bytes || use.entries > bound.entries;
}

/** The most entries one build may put in its logs folder. */
const LOGS_MAX_ENTRIES = 100_000;

/**
 * Watch a build's logs folder while the container writes it, and call `onOver` once when
 * it passes the limit. The container can write there directly, past any cap the driver
 * sets on its own logs, so the bound is kept from outside. Returns the function that
 * stops watching.
 */
export function watchLogsFolder(dir: string, limitBytes: number, onOver: (use: FolderUse) => void, intervalMs = 2000): () => void {
  const bound = { bytes: limitBytes, entries: LOGS_MAX_ENTRIES };
  const timer = setInterval(() => {
    const use = measureFolder(dir, bound);
    if (exceeds(use, bound)) {
      clearInterval(timer);
      onOver(use);
    }
  }, intervalMs);
  // A watch must never keep the process alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
