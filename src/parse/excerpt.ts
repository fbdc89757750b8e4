import type { Diagnostic } from '../types/diagnostics.ts';
import { formatDiagnostic } from './format.ts';
import { MAX_LINE_LENGTH } from './lines.ts';
import { LogParser, type LogParserOptions } from './log-parser.ts';
import { TailBuffer } from './tail-buffer.ts';

/** Options of an {@link ExcerptCollector}. */
export interface ExcerptOptions {
  /** Lines of the log's end shown when no error was parsed (default 20). */
  tailLines?: number;
  /** Errors shown at most (default 10). */
  maxErrors?: number;
}

/** What to show for a failed target. */
export interface Excerpt {
  /** `errors`: the first errors parsed; `tail`: the last lines of the log, for want of errors. */
  source: 'errors' | 'tail';
  /** The excerpt's text, one string per line; empty only for an empty log. */
  lines: string[];
  /** The errors shown, when `source` is `errors`. */
  errors: Diagnostic[];
}

/**
 * Collects, while a log streams by, what a failed target's excerpt needs: the first errors
 * and a ring of the last lines. make's own "*** [...] Error 1" lines only repeat that a
 * command failed, so when they are the only errors the log's tail is shown instead: it
 * holds them and the output of the command that failed (an OOM kill, a missing tool).
 */
export class ExcerptCollector {
  private readonly tail: TailBuffer<string>;
  private readonly maxErrors: number;
  private readonly errors: Diagnostic[] = [];

  constructor(opts: ExcerptOptions = {}) {
    this.tail = new TailBuffer(opts.tailLines ?? 20);
    this.maxErrors = opts.maxErrors ?? 10;
  }

  /** Records a line of the log. */
  addLine(line: string): void {
    this.tail.push(line.length > MAX_LINE_LENGTH ? line.slice(0, MAX_LINE_LENGTH) : line);
  }

  /** Records diagnostics parsed from the log; keeps the first errors that are not make's nor sparse's (which fail nothing). */
  addDiagnostics(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      if (this.errors.length >= this.maxErrors) return;
      if (d.severity === 'error' && d.kind !== 'make' && d.kind !== 'sparse') this.errors.push(d);
    }
  }

  /** The excerpt for the log seen so far. */
  excerpt(): Excerpt {
    if (this.errors.length > 0) return { source: 'errors', lines: this.errors.flatMap(formatDiagnostic), errors: [...this.errors] };
    return { source: 'tail', lines: this.tail.toArray(), errors: [] };
  }
}

/** Parses a whole log and returns its excerpt; for tests and small logs. */
export function buildExcerpt(lines: Iterable<string>, opts: ExcerptOptions & LogParserOptions = {}): Excerpt {
  const parser = new LogParser(opts);
  const collector = new ExcerptCollector(opts);
  for (const line of lines) {
    collector.addLine(line);
    collector.addDiagnostics(parser.push(line));
  }
  collector.addDiagnostics(parser.end());
  return collector.excerpt();
}
