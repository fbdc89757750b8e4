import { type BuildResults } from '../types/results.ts';
import { type Log } from '../log.ts';
import { describeOutcome } from './outcome.ts';
import { describeBoot } from './boot-lines.ts';
import { describeKunit } from './kunit-lines.ts';
import { isFailingCase, kunitCaseName, kunitCaseText } from '../values/kunit-case.ts';

/**
 * Print a run error with the end of the driver's output, then each failed target's
 * excerpt, each failed boot and each KUnit run's failing cases, into the log. Both are build output, so they go through the log's untrusted
 * channel: they cannot issue workflow commands.
 */
export function echoFailures(results: BuildResults, log: Log): void {
  const failed = results.targets.filter((t) => t.status !== 'pass');
  const failedBoots = results.targets.filter((t) => t.boot?.status === 'fail');
  const failedTests = results.targets.filter((t) => t.kunit && (t.kunit.status === 'error' || t.kunit.cases.some(isFailingCase)));
  if (failed.length === 0 && failedBoots.length === 0 && failedTests.length === 0 && !results.error) return;
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
    // Case names, expectations and splats are the console's: build output too.
    for (const t of failedTests) {
      log.buildOutput(`==> KUnit on ${t.target}: ${describeKunit(t.kunit!)}`);
      for (const c of t.kunit!.cases.filter(isFailingCase)) log.buildOutput(`    ${c.status === 'fail' ? 'FAIL' : 'CRASHED'} ${kunitCaseName(c)}: ${kunitCaseText(c)}`);
    }
  } finally {
    log.endBuildOutput();
  }
}
