import { createReadStream } from 'node:fs';
import { LineSplitter } from '../parse/lines.ts';
import { LogParser } from '../parse/log-parser.ts';
import { ExcerptCollector, type Excerpt } from '../parse/excerpt.ts';
import { type Diagnostic, type FailureReason } from '../types/diagnostics.ts';
import { FailureSignals } from './failure-reason.ts';
import { isCompileStep } from '../parse/compile-steps.ts';

/** What one target's log says beyond its diagnostics. */
export interface LogScan {
  excerpt: Excerpt;
  /** A machine fault the log shows (out of memory, no space). */
  fault?: FailureReason;
  /** Objects kbuild compiled or assembled (isCompileStep): what a later build of the target expects. */
  objects: number;
}

/**
 * Stream a target's log through the parser, line by line, never holding the log: memory
 * stays flat on a 100 MB log. A missing log scans as empty.
 */
export async function scanLog(path: string, target: string, onDiagnostic: (d: Diagnostic) => void): Promise<LogScan> {
  const parser = new LogParser({ target });
  const excerpt = new ExcerptCollector();
  const splitter = new LineSplitter();
  const signals = new FailureSignals();
  let objects = 0;
  const take = (lines: string[]) => {
    for (const line of lines) {
      excerpt.addLine(line);
      signals.see(line);
      if (isCompileStep(line)) objects++;
      const found = parser.push(line);
      excerpt.addDiagnostics(found);
      for (const d of found) onDiagnostic(d);
    }
  };
  try {
    for await (const chunk of createReadStream(path)) take(splitter.push(chunk as Buffer));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  take(splitter.end());
  const last = parser.end();
  excerpt.addDiagnostics(last);
  for (const d of last) onDiagnostic(d);
  const fault = signals.reason();
  return { excerpt: excerpt.excerpt(), ...(fault ? { fault } : {}), objects };
}
