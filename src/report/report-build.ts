import { type BuildResults } from '../types/results.ts';
import { type Log } from '../log.ts';
import { type NoiseFilter } from '../types/inputs.ts';
import { analyseLogs } from '../diagnostics/analyse.ts';
import { withRegressions } from '../diagnostics/with-regressions.ts';
import { type ReportDirs, type ReportPaths, writeReports } from './write-reports.ts';

/** What the steps after a build need beside its results. */
export interface ReportOptions {
  noise: NoiseFilter;
  /** A results.json, or the tree's folder of build folders (see withRegressions). */
  baseline: string;
  emailTo?: string;
  /** The origin of kcidb.json's ids. */
  kcidbOrigin?: string;
}

/**
 * Everything after the container: read the logs into diagnostics, compare with the
 * baseline, write the reports. The build has run and its results must not be lost: a
 * step that fails is a warning and the results go on without what it would have added;
 * only results.json itself failing to be written is an error.
 */
export async function reportBuild(
  collected: BuildResults,
  dirs: ReportDirs,
  opts: ReportOptions,
  log: Pick<Log, 'warning'>,
): Promise<{ results: BuildResults; reports: ReportPaths }> {
  let results = collected;
  try {
    results = await analyseLogs(results, dirs.logsDir, opts.noise);
  } catch (e) {
    log.warning(`could not read the targets' logs into diagnostics (${(e as Error).message}); the reports give each target's status without them`);
  }
  try {
    results = withRegressions(results, opts.baseline, dirs.logsDir);
  } catch (e) {
    log.warning(`could not compare with the baseline ${opts.baseline} (${(e as Error).message}); the reports say nothing of what changed`);
  }
  const reports = writeReports(results, dirs, { emailTo: opts.emailTo, kcidbOrigin: opts.kcidbOrigin, warn: (m) => log.warning(m) });
  return { results, reports };
}
