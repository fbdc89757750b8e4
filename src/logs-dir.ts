import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Target } from './types/targets.ts';
import { BUILD_FILES, targetPaths } from './logs-layout.ts';

/**
 * Make the build's log folder ready: created if new, and the files an earlier run of the
 * same build left for these targets (every path of targetPaths, the reproducer included)
 * and for the build itself removed, so a stale status or script is never read as fresh.
 */
export function prepareLogsDir(dir: string, targets: Target[]): void {
  mkdirSync(dir, { recursive: true });
  for (const t of targets) {
    for (const file of Object.values(targetPaths(t.arch, t.config)).flat()) rmSync(join(dir, file), { force: true, recursive: true });
  }
  for (const file of BUILD_FILES) rmSync(join(dir, file), { force: true });
}
