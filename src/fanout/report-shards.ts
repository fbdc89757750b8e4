import { type NoiseFilter } from '../types/inputs.ts';
import { analyseLogs } from '../diagnostics/analyse.ts';
import { withRegressions } from '../diagnostics/with-regressions.ts';
import { type ReportPaths, reportDirs, writeReports } from '../report/write-reports.ts';
import { type BuildResults } from '../types/results.ts';
import { findShards, mergeShards, mergedDir } from './merge.ts';
import { treeDirOf } from '../logs-layout.ts';
import { type Log } from '../log.ts';

/**
 * Report mode: merge the shards found under `resultsDir` (downloaded artifacts), build by
 * build, into `<logs>/<tree>/<build id>/`, read their logs again and write every report,
 * as one unsharded run would have.
 */
export async function reportShards(
  resultsDir: string,
  logsRoot: string,
  opts: { noise: NoiseFilter; emailTo?: string; kcidbOrigin?: string; log?: Log },
): Promise<{ results: BuildResults; reports: ReportPaths }[]> {
  const out: { results: BuildResults; reports: ReportPaths }[] = [];
  for (const set of findShards(resultsDir)) {
    const dir = mergedDir(logsRoot, set.shards[0].results);
    const merged = mergeShards(set, dir, (path) => opts.log?.warning(`removed ${path} from the results folder: a link or special file there is never followed`));
    const analysed = withRegressions(await analyseLogs(merged, dir, opts.noise), treeDirOf(dir), dir);
    out.push({ results: analysed, reports: writeReports(analysed, reportDirs(logsRoot, dir), { emailTo: opts.emailTo, kcidbOrigin: opts.kcidbOrigin }) });
  }
  return out;
}
