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
 * One target's log read line by line, once: its diagnostics (told as found), its excerpt,
 * its machine fault and its compile steps. The live progress feeds one as the log grows
 * and hands the finished scan on (ScannedLog); scanLog feeds one from the file.
 */
export class LogScanner {
  private readonly parser: LogParser;
  private readonly excerpt = new ExcerptCollector();
  private readonly signals = new FailureSignals();
  private compiled = 0;

  constructor(
    target: string,
    private readonly onDiagnostic: (d: Diagnostic) => void,
  ) {
    this.parser = new LogParser({ target });
  }

  /** Take lines of the log, in order; returns the diagnostics they completed. */
  push(lines: readonly string[]): Diagnostic[] {
    const all: Diagnostic[] = [];
    for (const line of lines) {
      this.excerpt.addLine(line);
      this.signals.see(line);
      if (isCompileStep(line)) this.compiled++;
      const found = this.parser.push(line);
      this.excerpt.addDiagnostics(found);
      for (const d of found) this.onDiagnostic(d);
      all.push(...found);
    }
    return all;
  }

  /** Objects compiled or assembled so far (isCompileStep): the live progress's count. */
  get objects(): number {
    return this.compiled;
  }

  /** The diagnostic being read, not yet complete (LogParser.peek). */
  peek(): Diagnostic | undefined {
    return this.parser.peek();
  }

  /** The log has ended: the last diagnostics are told and returned with the scan. */
  end(): { scan: LogScan; last: Diagnostic[] } {
    const last = this.parser.end();
    this.excerpt.addDiagnostics(last);
    for (const d of last) this.onDiagnostic(d);
    const fault = this.signals.reason();
    return { scan: { excerpt: this.excerpt.excerpt(), ...(fault ? { fault } : {}), objects: this.compiled }, last };
  }
}

/**
 * A log scanned as it grew (by the live progress), handed on so that the analysis does not
 * read it again: its scan, its diagnostics in the order found, and how many bytes of the
 * log were read. The analysis takes it only for a log of exactly that many bytes (what the
 * gate admitted is what was read); anything else is read again.
 */
export interface ScannedLog {
  scan: LogScan;
  diagnostics: Diagnostic[];
  bytes: number;
}

/**
 * Stream a target's log through the parser, line by line, never holding the log: memory
 * stays flat on a 100 MB log. A missing log scans as empty.
 */
export async function scanLog(path: string, target: string, onDiagnostic: (d: Diagnostic) => void): Promise<LogScan> {
  const scanner = new LogScanner(target, onDiagnostic);
  const splitter = new LineSplitter();
  try {
    for await (const chunk of createReadStream(path)) scanner.push(splitter.push(chunk as Buffer));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  scanner.push(splitter.end());
  return scanner.end().scan;
}
