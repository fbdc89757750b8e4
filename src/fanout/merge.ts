import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type BuildResults, type TargetResult } from '../results/results.ts';
import { readResults } from '../results/previous.ts';
import { RESULTS_FILE } from '../logs-dir.ts';
import { KernelbuilderError } from '../errors.ts';
import { targetPaths } from '../results/results.ts';
import { pathSafe } from '../plan/plan.ts';

/** The shards of one build found under a folder of downloaded artifacts. */
export interface ShardSet {
  key: string;
  shards: { dir: string; results: BuildResults }[];
}

/** Find every results.json below `dir` and group them by build (tree, build id, sha). */
export function findShards(dir: string): ShardSet[] {
  const sets = new Map<string, ShardSet>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      const st = statSync(path, { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(path);
      else if (entry === RESULTS_FILE) {
        const results = readResults(path);
        if (!results) continue;
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
 * the plan is there and complete, times from the first start to the last finish. The
 * shards' per-target files are copied into `outDir`; diagnostics are then read again
 * from them by the caller, exactly as for one run.
 */
export function mergeShards(set: ShardSet, outDir: string): BuildResults {
  const first = set.shards[0].results;
  const byName = new Map<string, TargetResult>();
  for (const { dir, results } of set.shards) {
    if (results.image.id !== first.image.id) {
      throw new KernelbuilderError(`shards of ${set.key} were built by different images (${first.image.id}, ${results.image.id}): they cannot be one report`);
    }
    for (const t of results.targets) {
      if (byName.has(t.target)) throw new KernelbuilderError(`target ${t.target} of ${set.key} was built by two shards`);
      byName.set(t.target, stripAnalysis(t));
      for (const file of Object.values(targetPaths(t.arch, t.config))) copyIfThere(join(dir, file), join(outDir, file));
      copyIfThere(join(dir, `${t.arch}/${t.config}.reproduce.sh`), join(outDir, `${t.arch}/${t.config}.reproduce.sh`));
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
  const { shard: _shard, counts: _counts, issues: _issues, regressions: _regressions, error: _error, ...common } = first;
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
  };
}

/** The merged build's folder under the logs root: <logs>/<tree>/<build id>. */
export function mergedDir(logsRoot: string, results: BuildResults): string {
  return join(logsRoot, pathSafe(results.tree), pathSafe(results.buildId));
}

/** A target as the build recorded it, before its log was read (the merge reads the logs again). */
function stripAnalysis(t: TargetResult): TargetResult {
  const { errors: _e, warnings: _w, excerpt: _x, ...rest } = t;
  return rest;
}

function copyIfThere(from: string, to: string): void {
  if (statSync(from, { throwIfNoEntry: false })?.isFile() && relative(from, to) !== '') cpSync(from, to);
}
