import { type BuildResults } from '../results/results.ts';
import { type Log } from '../log.ts';
import { describeOutcome } from './outcome.ts';
import { describeBoot } from './boot-lines.ts';

/**
 * Print each failed target's excerpt into the log. The excerpt is build output, so it
 * goes through the log's untrusted channel: it cannot issue workflow commands.
 */
export function echoFailures(results: BuildResults, log: Log): void {
  const failed = results.targets.filter((t) => t.status !== 'pass');
  const failedBoots = results.targets.filter((t) => t.boot?.status === 'fail');
  if (failed.length === 0 && failedBoots.length === 0) return;
  log.beginBuildOutput();
  try {
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
