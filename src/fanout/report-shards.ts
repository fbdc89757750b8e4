import { lstatSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type NoiseFilter } from '../types/inputs.ts';
import { type ReportPaths, reportDirs } from '../report/write-reports.ts';
import { type BuildResults } from '../types/results.ts';
import { findShards, mergeShards, mergedDir } from './merge.ts';
import { treeDirOf } from '../logs-layout.ts';
import { type Log } from '../log.ts';
import { afterContainer } from '../pipeline/after-container.ts';
import { finishedBuildFiles, finishedBuildKnown } from '../gate/admitted.ts';

/**
 * Report mode: merge the shards found under `resultsDir` (downloaded artifacts), build by
 * build, into `<logs>/<tree>/<build id>/`, read their logs again and write every report,
 * as one unsharded run would have. Each merged folder is made afresh: what an earlier
 * merge or download left there (a link, a planted page) is moved aside first, and the
 * shards' files reach it only through the gate.
 */
export async function reportShards(
  resultsDir: string,
  logsRoot: string,
  opts: { noise: NoiseFilter; emailTo?: string; kcidbOrigin?: string; log?: Log },
): Promise<{ results: BuildResults; reports: ReportPaths }[]> {
  const sets = findShards(resultsDir);
  const out: { results: BuildResults; reports: ReportPaths }[] = [];
  const asides: { from: string; to: string }[] = [];
  // Where a shard is now: one downloaded into a merged folder was moved aside with it.
  const whereNow = (dir: string) => asides.reduce((d, a) => (d === a.from || d.startsWith(`${a.from}/`) ? a.to + d.slice(a.from.length) : d), dir);
  try {
    for (const set of sets) {
      const dir = mergedDir(logsRoot, set.shards[0].results);
      const aside = moveAside(dir, logsRoot);
      if (aside) asides.push({ from: dir, to: aside });
      const { results, reports } = await afterContainer({
        dir,
        admit: set.shards.map((s) => ({ from: whereNow(s.dir), files: finishedBuildFiles(s.results.targets), expected: finishedBuildKnown(s.results.targets) })),
        results: () => mergeShards(set),
        // Each shard's KUnit consoles are read again, as its logs are.
        tests: new Set(set.shards.flatMap((s) => s.results.targets.filter((t) => t.kunit).map((t) => t.target))),
        noise: opts.noise,
        baseline: treeDirOf(dir),
        reports: { dirs: reportDirs(logsRoot, dir), emailTo: opts.emailTo, kcidbOrigin: opts.kcidbOrigin },
        log: opts.log ?? { warning: () => undefined },
      });
      out.push({ results, reports: reports! });
    }
  } finally {
    for (const { to } of asides) rmSync(join(to, '..'), { recursive: true, force: true });
  }
  return out;
}

/**
 * Move what stands at `dir` (a folder, a link, a file) into a new private folder of the
 * logs root (not the tree's folder: there it would be read as an earlier build, a
 * baseline), returning its new path; undefined when nothing is there.
 */
function moveAside(dir: string, logsRoot: string): string | undefined {
  if (!lstatSync(dir, { throwIfNoEntry: false })) return undefined;
  mkdirSync(logsRoot, { recursive: true });
  const aside = join(mkdtempSync(join(logsRoot, '.merge-aside-')), 'old');
  renameSync(dir, aside);
  return aside;
}
