import * as cache from '@actions/cache';
import { mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { type Log } from '../log.ts';
import { type CcacheKeys, whyNotSave } from './ccache-key.ts';

/** The part of @actions/cache the compiler cache uses, for one folder; tests pass their own. */
export interface CacheClient {
  available(): boolean;
  /** The key restored from, or undefined when nothing matched. */
  restore(dir: string, primaryKey: string, restoreKeys: string[]): Promise<string | undefined>;
  /** The entry id, or -1 when the library could not save (it has logged why). */
  save(dir: string, key: string): Promise<number>;
}

/** The runner's cache service, through @actions/cache. */
export const actionsCacheClient: CacheClient = {
  available: () => cache.isFeatureAvailable(),
  restore: (dir, primaryKey, restoreKeys) => fromParent(dir, (path) => cache.restoreCache([path], primaryKey, restoreKeys)),
  save: (dir, key) => fromParent(dir, (path) => cache.saveCache([path], key)),
};

/**
 * Run @actions/cache on `dir` given as its bare name, from its parent as both the working
 * folder and the workspace. The library hashes the path text it is given into the
 * entry's version (an entry is only restored for the same text), resolves relative
 * paths from the working folder (refusing '..') and archives relative to
 * $GITHUB_WORKSPACE: so an entry is the same whatever the runner's temp folder is, and
 * restores into this job's. Nothing else runs while the call is awaited.
 */
async function fromParent<T>(dir: string, use: (path: string) => Promise<T>): Promise<T> {
  const [cwd, workspace] = [process.cwd(), process.env.GITHUB_WORKSPACE];
  mkdirSync(dirname(dir), { recursive: true });
  process.chdir(dirname(dir));
  process.env.GITHUB_WORKSPACE = dirname(dir);
  try {
    return await use(basename(dir));
  } finally {
    process.chdir(cwd);
    if (workspace === undefined) delete process.env.GITHUB_WORKSPACE;
    else process.env.GITHUB_WORKSPACE = workspace;
  }
}

/**
 * Fill the compiler cache folder from the Actions cache before the build. Returns the
 * key restored from. Never throws: a build without its cache is slower, not wrong.
 */
export async function restoreCcache(dir: string, keys: CcacheKeys, log: Log, client: CacheClient = actionsCacheClient): Promise<string | undefined> {
  if (!client.available()) {
    log.warning('ccache actions: the Actions cache service is not available to this job (no ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL); building with an empty compiler cache');
    return undefined;
  }
  try {
    const restored = await client.restore(dir, keys.primary, keys.restore);
    log.info(restored ? `compiler cache restored from ${restored}` : `compiler cache: nothing restored for ${keys.primary} or its restore keys; starting empty`);
    return restored;
  } catch (e) {
    log.warning(`compiler cache not restored: ${(e as Error).message}`);
    return undefined;
  }
}

/**
 * Save the compiler cache folder after the build under the primary key, unless there is
 * nothing worth saving (see `whyNotSave`). Never throws: a lost save only costs the next build.
 */
export async function saveCcache(
  dir: string,
  keys: CcacheKeys,
  run: { skipped: boolean; cancelled: boolean; restoredKey?: string },
  log: Log,
  client: CacheClient = actionsCacheClient,
): Promise<void> {
  if (!client.available()) return;
  const why = whyNotSave({ ...run, primaryKey: keys.primary });
  if (why) {
    log.info(`compiler cache not saved: ${why}`);
    return;
  }
  try {
    const id = await client.save(dir, keys.primary);
    if (id !== -1) log.info(`compiler cache saved as ${keys.primary}`);
  } catch (e) {
    log.warning(`compiler cache not saved: ${(e as Error).message}`);
  }
}
