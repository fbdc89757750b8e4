import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildResults, type TargetResult } from '../types/results.ts';
import { type BuildPlan } from '../types/plan.ts';
import { targetName } from '../values/target-name.ts';
import { RESULTS_FILE } from '../logs-layout.ts';
import { readInputFile } from '../read-input-file.ts';
import { parseJson } from '../parse-json.ts';

/** The most a results.json may hold: far above a sweep of every config of every arch with its diagnostics. */
export const MAX_RESULTS_BYTES = 64 * 2 ** 20;

/**
 * results.json at a path, or undefined when there is none or it is not one. The file is
 * read only when it is a regular file (not a link, FIFO or device a build could leave in
 * the logs tree) of at most MAX_RESULTS_BYTES: a bad one is skipped, never waited on.
 */
export function readResults(path: string): BuildResults | undefined {
  try {
    return parseResults(readInputFile(path, { maxBytes: MAX_RESULTS_BYTES, followLinks: false }));
  } catch {
    return undefined;
  }
}

/** Parse the text of a results.json; throws an Error saying what is wrong, never quoting the text. */
export function parseResults(text: string): BuildResults {
  const data = parseJson(text) as BuildResults | null;
  if (typeof data !== 'object' || data === null || data.schema !== 1 || !Array.isArray(data.targets)) {
    throw new Error('it is JSON but not a kernelbuilder results.json (schema 1 with a list of targets)');
  }
  return data;
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
  let entries: string[];
  try {
    entries = readdirSync(treeDir);
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const path = join(treeDir, entry, RESULTS_FILE);
    const r = readResults(path);
    if (!r?.complete || r.ref !== current.ref || r.sha === current.sha || r.startedAt >= current.startedAt) continue;
    if (!best || r.startedAt > best.results.startedAt) best = { results: r, path };
  }
  return best;
}

/**
 * The targets of the newest complete earlier build of the tree (any ref), by name: what
 * they took (for scheduling longest first) and how many objects they built (for progress).
 */
export function previousTargets(treeDir: string): Map<string, TargetResult> {
  let newest: BuildResults | undefined;
  let entries: string[];
  try {
    entries = readdirSync(treeDir);
  } catch {
    return new Map();
  }
  for (const entry of entries) {
    const r = readResults(join(treeDir, entry, RESULTS_FILE));
    if (r?.complete && (!newest || r.startedAt > newest.startedAt)) newest = r;
  }
  return new Map((newest?.targets ?? []).map((t) => [t.target, t]));
}

/** How long each target took in the newest complete earlier build of the tree (previousTargets). */
export function previousDurations(previous: Map<string, TargetResult>): Map<string, number> {
  return new Map([...previous].filter(([, t]) => t.durationSeconds !== undefined).map(([name, t]) => [name, t.durationSeconds!]));
}
