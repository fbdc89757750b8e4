import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildResults, type TargetResult } from '../types/results.ts';
import { readResultsDir } from '../results/check-results.ts';
import { RESULTS_FILE, buildDir } from '../logs-layout.ts';
import { KernelbuilderError } from '../errors.ts';
import { checkInside } from '../safe-files.ts';
import { finishedBuildFiles } from '../gate/admitted.ts';

/** The shards of one build found under a folder of downloaded artifacts. */
export interface ShardSet {
  key: string;
  shards: { dir: string; results: BuildResults }[];
}

/**
 * Find every results.json below `dir` and group them by build (tree, build id, sha).
 * Each shard is an artifact of another runner that built untrusted code: links are never
 * followed (a folder's entries are taken as they are, so a link, a loop of links too, is
 * skipped), and every results.json is checked as hostile (readResultsDir).
 */
export function findShards(dir: string): ShardSet[] {
  const sets = new Map<string, ShardSet>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else if (entry.name === RESULTS_FILE) {
        const results = readResultsDir(d);
        // Refused here, before anything is written, rather than half way through the copies.
        for (const { rel, limit } of finishedBuildFiles(results.targets)) checkInside(d, rel, limit);
        const key = `${results.tree}/${results.buildId}@${results.sha}`;
        if (!sets.has(key)) sets.set(key, { key, shards: [] });
        sets.get(key)!.shards.push({ dir: d, results });
      }
    }
  };
  walk(dir);
  if (sets.size === 0) throw new KernelbuilderError(`no kernelbuilder results.json below ${dir}: download the shards' artifacts there first`);
  return [...sets.values()];
}

/**
 * Merge the shards of one build into the results an unsharded run of the same targets
 * would have: targets in the plan's order, the run complete only if every target of
 * the plan is there and complete, times from the first start to the last finish. Only
 * the results: the shards' files reach the merged folder through the gate (reportShards),
 * and their logs are read again from there, exactly as for one run.
 */
export function mergeShards(set: ShardSet): BuildResults {
  const first = set.shards[0].results;
  const byName = new Map<string, TargetResult>();
  for (const { results } of set.shards) {
    if (results.image.id !== first.image.id) {
      throw new KernelbuilderError(`shards of ${set.key} were built by different images (${first.image.id}, ${results.image.id}): they cannot be one report`);
    }
    for (const t of results.targets) {
      if (byName.has(t.target)) throw new KernelbuilderError(`target ${t.target} of ${set.key} was built by two shards`);
      byName.set(t.target, stripAnalysis(t));
    }
  }
  const order = first.targetOrder;
  const targets = [...byName.values()].sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target));
  const missing = order.filter((name) => !byName.has(name));
  const startedAt = set.shards.map((s) => s.results.startedAt).sort()[0];
  const finishedAt = set.shards.map((s) => s.results.finishedAt).sort().at(-1)!;
  const ccache = set.shards.every((s) => s.results.ccache)
    ? set.shards.reduce((sum, s) => ({ hits: sum.hits + s.results.ccache!.hits, misses: sum.misses + s.results.ccache!.misses }), { hits: 0, misses: 0 })
    : undefined;
  // One shard's set-up failure is the merged run's: its targets have no verdict.
  const errored = set.shards.find((s) => s.results.result === 'error')?.results;
  const { shard: _shard, counts: _counts, issues: _issues, regressions: _regressions, error: _error, bisects: _bisects, ...common } = first;
  // Each shard bisected its own new regressions: the merged build has them all.
  const bisects = set.shards.flatMap((s) => s.results.bisects ?? []);
  return {
    ...common,
    complete: missing.length === 0 && set.shards.every((s) => s.results.complete),
    result: errored ? 'error' : missing.length === 0 && targets.every((t) => t.status === 'pass') ? 'pass' : 'fail',
    ...(errored?.error ? { error: { ...errored.error, message: `shard ${errored.shard ?? '?'}: ${errored.error.message}` } } : {}),
    startedAt,
    finishedAt,
    durationSeconds: Math.round((Date.parse(finishedAt) - Date.parse(startedAt)) / 1000),
    driverExitCode: Math.max(...set.shards.map((s) => s.results.driverExitCode)),
    ...(ccache ? { ccache: { ...ccache, hitRate: ccache.hits + ccache.misses === 0 ? 0 : Math.round((ccache.hits / (ccache.hits + ccache.misses)) * 1000) / 1000 } } : {}),
    targets,
    ...(bisects.length > 0 ? { bisects } : {}),
  };
}

/** The merged build's folder under the logs root: <logs>/<tree>/<build id>. */
export function mergedDir(logsRoot: string, results: BuildResults): string {
  return buildDir(logsRoot, results.tree, results.buildId);
}

/** A target as the build recorded it, before its log was read (the merge reads the logs again). */
function stripAnalysis(t: TargetResult): TargetResult {
  const { errors: _e, warnings: _w, excerpt: _x, ...rest } = t;
  return rest;
}
