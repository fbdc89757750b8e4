import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type BuildResults, type TargetResult } from '../types/results.ts';
import { type BuildPlan } from '../types/plan.ts';
import { targetName } from '../values/target-name.ts';
import { RESULTS_FILE } from '../logs-layout.ts';
import { KernelbuilderError } from '../errors.ts';
import { RESULTS_LIMIT, parseResults, readResultsDir } from './check-results.ts';

/** The most a results.json may hold: far above a sweep of every config of every arch with its diagnostics. */
export const MAX_RESULTS_BYTES = RESULTS_LIMIT;

export { parseResults };

/**
 * results.json at a path, or undefined when there is none or it is not one: read by the
 * one reader (readResultsDir: a regular file, never a link, bounded, checked against the
 * schema), so a bad one is skipped, never waited on or trusted. `onRefused` hears why.
 */
export function readResults(path: string, onRefused?: (reason: string) => void): BuildResults | undefined {
  return readQuietly(dirname(path), basename(path), onRefused);
}

/** readResultsDir, with undefined for a file that is absent or refused. */
function readQuietly(dir: string, file: string, onRefused?: (reason: string) => void): BuildResults | undefined {
  try {
    return readResultsDir(dir, file);
  } catch (e) {
    // A folder that cannot be read (permissions) is as absent: only our own bugs go on.
    if (!(e instanceof KernelbuilderError) && (e as NodeJS.ErrnoException).code === undefined) throw e;
    onRefused?.((e as Error).message);
    return undefined;
  }
}

/** The results.json of each build folder of a tree, read through real folders only (a linked folder is refused). */
function treeBuilds(treeDir: string): { results: BuildResults; path: string }[] {
  let entries: string[];
  try {
    entries = readdirSync(treeDir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const results = readQuietly(treeDir, `${entry}/${RESULTS_FILE}`);
    return results ? [{ results, path: join(treeDir, entry, RESULTS_FILE) }] : [];
  });
}

/**
 * Whether earlier results already answer this plan: the same sha, built by the same
 * image, for the same targets, and complete. The image counts by id, never by name: a
 * name rebuilt with another toolchain is another image. A run that died half way is
 * `complete: false` and never counts; without an image id (no engine to ask) nothing does.
 */
export function alreadyBuilt(previous: BuildResults | undefined, plan: BuildPlan, imageId: string | undefined): boolean {
  if (imageId === undefined || !previous?.complete || previous.sha !== plan.ref.sha || previous.image.id !== imageId) return false;
  const want = plan.targets.map(targetName).sort();
  const have = previous.targets.map((t) => t.target).sort();
  return want.length === have.length && want.every((t, i) => t === have[i]);
}

/**
 * The baseline to compare a build with: the newest complete earlier build of the same
 * ref of the same tree, at another sha, among the build folders under <logs>/<tree>/.
 */
export function findBaseline(treeDir: string, current: Pick<BuildResults, 'ref' | 'sha' | 'startedAt'>): { results: BuildResults; path: string } | undefined {
  let best: { results: BuildResults; path: string } | undefined;
  for (const build of treeBuilds(treeDir)) {
    const r = build.results;
    if (!r.complete || r.ref !== current.ref || r.sha === current.sha || r.startedAt >= current.startedAt) continue;
    if (!best || r.startedAt > best.results.startedAt) best = build;
  }
  return best;
}

/**
 * The targets of the newest complete earlier build of the tree (any ref), by name: what
 * they took (for scheduling longest first) and how many objects they built (for progress).
 */
export function previousTargets(treeDir: string): Map<string, TargetResult> {
  let newest: BuildResults | undefined;
  for (const { results: r } of treeBuilds(treeDir)) {
    if (r.complete && (!newest || r.startedAt > newest.startedAt)) newest = r;
  }
  return new Map((newest?.targets ?? []).map((t) => [t.target, t]));
}

/** How long each target took in the newest complete earlier build of the tree (previousTargets). */
export function previousDurations(previous: Map<string, TargetResult>): Map<string, number> {
  return new Map([...previous].filter(([, t]) => t.durationSeconds !== undefined).map(([name, t]) => [name, t.durationSeconds!]));
}
