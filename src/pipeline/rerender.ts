import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildResults } from '../types/results.ts';
import { type Log } from '../log.ts';
import { type NoiseFilter } from '../types/inputs.ts';
import { readResultsDir } from '../results/check-results.ts';
import { type ReportPaths } from '../report/write-reports.ts';
import { finishedBuildFiles, finishedBuildKnown } from '../gate/admitted.ts';
import { afterContainer } from './after-container.ts';

/**
 * `report DIR`: re-read a build's folder with today's parser and noise list and write every
 * report again, into DIR only (the email too). DIR may be anyone's (a downloaded artifact):
 * its results.json is checked as a shard's is, its logs reach the parser only through the
 * gate, copied into a private folder removed afterwards (a link in DIR to a host file, a
 * FIFO or /dev/zero as a log is left out and named), and the reports are written into DIR
 * through real folders only, never through a link planted there.
 */
export async function rerenderFolder(dir: string, opts: { noise: NoiseFilter; emailTo?: string; kcidbOrigin?: string; log: Pick<Log, 'warning'> }): Promise<{ results: BuildResults; reports: ReportPaths }> {
  const recorded = readResultsDir(dir);
  const staging = mkdtempSync(join(tmpdir(), 'kernelbuilder-report-'));
  try {
    const { results, reports } = await afterContainer({
      dir: staging,
      admit: [{ from: dir, files: finishedBuildFiles(recorded.targets), expected: finishedBuildKnown(recorded.targets) }],
      results: () => recorded,
      // KUnit's consoles are read again, as the logs are: what the folder holds is what the reports say.
      tests: new Set(recorded.targets.filter((t) => t.kunit).map((t) => t.target)),
      noise: opts.noise,
      reports: { dirs: { logsDir: dir, emailDir: dir }, emailTo: opts.emailTo, kcidbOrigin: opts.kcidbOrigin },
      log: opts.log,
    });
    return { results, reports: reports! };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
