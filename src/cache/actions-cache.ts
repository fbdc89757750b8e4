import * as cache from '@actions/cache';
import { relative } from 'node:path';
import { type Log } from '../log.ts';
import { type CcacheKeys, whyNotSave } from './ccache-key.ts';

/** The part of @actions/cache the compiler cache uses; tests pass their own. */
export interface CacheClient {
  available(): boolean;
  /** The key restored from, or undefined when nothing matched. */
  restore(paths: string[], primaryKey: string, restoreKeys: string[]): Promise<string | undefined>;
  /** The entry id, or -1 when the library could not save (it has logged why). */
  save(paths: string[], key: string): Promise<number>;
}

/** The runner's cache service, through @actions/cache. */
export const actionsCacheClient: CacheClient = {
  available: () => cache.isFeatureAvailable(),
  restore: (paths, primaryKey, restoreKeys) => cache.restoreCache(paths, primaryKey, restoreKeys),
  save: (paths, key) => cache.saveCache(paths, key),
};

/**
 * The cache folder as @actions/cache is given it: relative to the working folder (the
 * workspace on a runner). The library hashes the path text into the entry's version, so
 * a relative path lets runners whose work folders sit at different roots, but with
 * the same layout, share entries; it archives and extracts relative to the workspace too.
 */
export function cachePath(dir: string, cwd: string = process.cwd()): string {
  return relative(cwd, dir) || '.';
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
    const restored = await client.restore([cachePath(dir)], keys.primary, keys.restore);
    log.info(restored ? `compiler cache restored from ${restored}` : `compiler cache: no entry for ${keys.primary} or its restore keys; starting empty`);
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
    const id = await client.save([cachePath(dir)], keys.primary);
    if (id !== -1) log.info(`compiler cache saved as ${keys.primary}`);
  } catch (e) {
    log.warning(`compiler cache not saved: ${(e as Error).message}`);
  }
}
