import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { LineSplitter } from '../parse/lines.ts';
import { type Diagnostic } from '../types/diagnostics.ts';
import { type TargetResult } from '../types/results.ts';
import { type BootResult } from '../types/boot.ts';
import { ConsoleParser } from './console-parser.ts';
import { bootVerdict } from './verdict.ts';

/**
 * Read a booted target's console (streaming, like a build log) and give its boot the
 * verdict the console and QEMU's exit call for, handing every splat to `onDiagnostic`.
 * A boot that never ran (skipped) is returned as it is.
 */
export async function analyseBoot(t: TargetResult, logsDir: string, onDiagnostic: (d: Diagnostic) => void): Promise<BootResult | undefined> {
  const boot = t.boot;
  if (!boot?.console || boot.exitCode === undefined || boot.status === 'skipped') return boot;
  const parser = new ConsoleParser({ target: t.target });
  const splitter = new LineSplitter();
  const take = (line: string) => {
    for (const d of parser.push(line)) onDiagnostic(d);
  };
  try {
    for await (const chunk of createReadStream(join(logsDir, boot.console))) splitter.feed(chunk as Buffer, take);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  for (const line of splitter.end()) take(line);
  for (const d of parser.end()) onDiagnostic(d);
  const summary = parser.summary();
  const verdict = bootVerdict(summary, { exitCode: boot.exitCode, timedOut: boot.timedOut ?? false });
  const { machine, durationSeconds, exitCode, timedOut, console, reproducer } = boot;
  return { machine, durationSeconds, exitCode, timedOut, console, reproducer, ...verdict, errors: summary.errors, warnings: summary.warnings };
}
