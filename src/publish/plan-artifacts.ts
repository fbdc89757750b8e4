import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_FILE, SUMMARY_FILE } from '../logs-layout.ts';
import { type BuildResults, type TargetResult } from '../types/results.ts';
import { artifactName } from './artifact-names.ts';

/** One artifact to upload: its name, the absolute paths of its files and the folder they are relative to. */
export interface ArtifactPlan {
  name: string;
  files: string[];
  rootDirectory: string;
}

/** What planning reads of results.json: names, and each target's verdict and log. */
export type ArtifactSource = Pick<BuildResults, 'tree' | 'buildId' | 'shard'> & { targets: Pick<TargetResult, 'status' | 'log' | 'boot'>[] };

/**
 * The artifacts of one build: every file of its logs folder (what the targets kept
 * included), and, when a target did not build or boot, a small one with results.json,
 * summary.md, the logs of the targets that failed to build and the consoles of those that
 * failed to boot, the part a person opens first. Reads the folder listing only; uploads nothing.
 */
export function planArtifacts(logsDir: string, results: ArtifactSource): ArtifactPlan[] {
  const all = listFiles(logsDir);
  const plans: ArtifactPlan[] = [{ name: artifactName(results.tree, results.buildId, 'logs', results.shard), files: all, rootDirectory: logsDir }];
  const failed = results.targets.filter((t) => t.status !== 'pass');
  const consoles = results.targets.flatMap((t) => (t.boot?.status === 'fail' && t.boot.console ? [t.boot.console] : []));
  if (failed.length === 0 && consoles.length === 0) return plans;
  // A target that never started may have no log: take what is there, in a stable order.
  const wanted = new Set([RESULTS_FILE, SUMMARY_FILE, ...failed.map((t) => t.log), ...consoles].map((f) => join(logsDir, f)));
  plans.push({ name: artifactName(results.tree, results.buildId, 'failures', results.shard), files: all.filter((f) => wanted.has(f)), rootDirectory: logsDir });
  return plans;
}

/**
 * Regular files under `dir`, sorted. Symlinks are left out: the folder is written by the
 * build container, and a link there could point the upload at any file of the runner.
 */
function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    const stats = lstatSync(path);
    if (stats.isDirectory()) files.push(...listFiles(path));
    else if (stats.isFile()) files.push(path);
  }
  return files;
}
