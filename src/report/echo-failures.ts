import { type BuildResults } from '../types/results.ts';
import { type Log } from '../log.ts';
import { describeOutcome } from './outcome.ts';
import { describeBoot } from './boot-lines.ts';

/**
 * Print a run error with the end of the driver's output, then each failed target's
 * excerpt, into the log. Both are build output, so they go through the log's untrusted
 * channel: they cannot issue workflow commands.
 */
export function echoFailures(results: BuildResults, log: Log): void {
  const failed = results.targets.filter((t) => t.status !== 'pass');
  const failedBoots = results.targets.filter((t) => t.boot?.status === 'fail');
  if (failed.length === 0 && failedBoots.length === 0 && !results.error) return;
  log.beginBuildOutput();
  try {
    if (results.error) {
      log.buildOutput(`==> run error: ${results.error.message}; driver output ends:`);
      for (const line of results.error.lines) log.buildOutput(`    ${line}`);
    }
    for (const t of failed) {
      log.buildOutput(`==> ${t.target}: ${describeOutcome(t)}; log ${t.log}`);
      for (const line of t.excerpt?.lines ?? []) log.buildOutput(`    ${line}`);
    }
    // The verdict's message comes from the console: build output too.
    for (const t of failedBoots) log.buildOutput(`==> boot of ${t.target}: ${describeBoot(t.boot!)}; console ${t.boot!.console ?? ''}`);
  } finally {
    log.endBuildOutput();
  }
}
