import type { Diagnostic } from '../types/diagnostics.ts';
import { PathNormaliser } from '../parse/paths.ts';
import { TailBuffer } from '../parse/tail-buffer.ts';
import { consoleTexts } from './console-line.ts';
import {
  BRACKETED_FRAME, CUT_HERE, DUMP_START, END_MARKER, FRAME, PC, REGISTERS, TRACE_START, functionOf, matchHeader,
  type ReportHeader,
} from './console-patterns.ts';
import { bootSignature } from './signature.ts';
import type { ConsoleSummary } from './types.ts';

/** Options of a {@link ConsoleParser}. */
export interface ConsoleParserOptions {
  /** Copied into every diagnostic, e.g. "x86_64/tinyconfig+boot". */
  target?: string;
  /** Absolute source directories to strip from the paths the kernel prints, besides /build/src. */
  treePrefixes?: string[];
}

/** Frames of a call trace kept as a report's detail. */
export const MAX_TRACE_LINES = 64;
/** Lines of a report's own explanation kept before its trace (UBSAN's "index 5 is out of range"). */
const MAX_EXPLANATION_LINES = 6;
/** Lines between `cut here` and a WARNING: the text of WARN(cond, fmt, ...). */
const MAX_CUT_LINES = 4;
/**
 * Longest line read, in a detail, the context or the last lines (panic() formats at most
 * 1024 bytes); the rest of a longer line is dropped. The full console is kept elsewhere.
 */
const MAX_KEPT_LINE = 1024;
/** A report whose trace never comes ends after this many lines. */
const MAX_REPORT_LINES = 200;
const LAST_LINES = 5;

const SENTINEL = /kernelbuilder-boot: ok (\S+)/;
const INIT_STARTED = /kernelbuilder-init: started|^Run \S+ as init process$/;
// init/version.c linux_banner.
const BANNER = /^Linux version \S+/;

/** The report being read. */
interface OpenReport {
  header: ReportHeader;
  context: string[];
  explanation: string[];
  trace: string[];
  /** The function of the pc line (x86 `RIP:`, arm64 `pc :`), for Oops messages. */
  pcFunction?: string;
  expectsOopsLine: boolean;
  explaining: boolean;
  inTrace: boolean;
  lines: number;
}

function keep(line: string): string {
  return line.length > MAX_KEPT_LINE ? line.slice(0, MAX_KEPT_LINE) : line;
}

/**
 * Turns boot console lines into diagnostics as they arrive, like LogParser does for build
 * logs: one report at a time is held (its trace bounded), never the console.
 *
 * A report is returned when its end shows: the kernel's end marker, the first line after its
 * call trace, the next report, or end(). Its detail is its explanation and its call trace;
 * its message leaves out what the file and line fields say.
 */
export class ConsoleParser {
  private readonly target?: string;
  private readonly paths: PathNormaliser;
  private open?: OpenReport;
  /** Lines after a `cut here`, until the report it announced starts. */
  private cut?: string[];
  private readonly last = new TailBuffer<string>(LAST_LINES);
  private readonly state: Omit<ConsoleSummary, 'lastLines'> = {
    lines: 0, output: false, kernelOutput: false, initStarted: false, errors: 0, warnings: 0,
  };

  constructor(opts: ConsoleParserOptions = {}) {
    this.target = opts.target;
    this.paths = new PathNormaliser(opts.treePrefixes);
  }

  /** Reads one console line (without its newline); returns the reports it completes. */
  push(rawLine: string): Diagnostic[] {
    this.state.lines++;
    const done: Diagnostic[] = [];
    for (const { text, timestamped } of consoleTexts(rawLine)) {
      if (timestamped) this.state.kernelOutput = true;
      if (text !== '') this.read(text, done);
    }
    return done;
  }

  /** Ends the console; returns the report still open. */
  end(): Diagnostic[] {
    this.cut = undefined;
    const done: Diagnostic[] = [];
    this.close(done);
    return done;
  }

  /** What the console showed so far; complete once end() has been called. */
  summary(): ConsoleSummary {
    return { ...this.state, lastLines: this.last.toArray() };
  }

  private read(whole: string, done: Diagnostic[]): void {
    const text = keep(whole);
    const s = this.state;
    s.output = true;
    this.last.push(text);
    if (BANNER.test(text)) s.kernelOutput = true;
    const sentinel = SENTINEL.exec(text);
    if (sentinel !== null) {
      s.release ??= sentinel[1];
      s.kernelOutput = true;
    }
    if (INIT_STARTED.test(text)) s.initStarted = s.kernelOutput = true;

    if (CUT_HERE.test(text)) {
      this.close(done);
      this.cut = [];
      return;
    }
    const header = matchHeader(text);
    if (header !== null) {
      s.kernelOutput = true;
      const open = this.open;
      if (header.isOopsLine && open?.expectsOopsLine) {
        // The arch's die() after a page fault or a BUG(): the same report.
        open.expectsOopsLine = false;
        if (open.explanation.length < MAX_EXPLANATION_LINES) open.explanation.push(text);
        return;
      }
      this.close(done);
      this.start(header, text);
      return;
    }
    if (this.open !== undefined) this.continue(this.open, text, done);
    else if (this.cut !== undefined) {
      if (this.cut.length < MAX_CUT_LINES) this.cut.push(text);
      else this.cut = undefined;
    }
  }

  private start(header: ReportHeader, text: string): void {
    // The text of WARN(cond, fmt): printed between `cut here` and the WARNING line.
    const context = header.kind === 'boot-warning' ? (this.cut ?? []) : [];
    this.cut = undefined;
    const explanation = header.keepLine === true ? [text] : [];
    this.open = {
      header, context, explanation, trace: [],
      expectsOopsLine: header.expectsOopsLine === true,
      explaining: header.kind === 'ubsan' || header.kind === 'kasan' || header.kind === 'bug' || header.kind === 'oops',
      inTrace: false,
      lines: 0,
    };
  }

  private continue(r: OpenReport, text: string, done: Diagnostic[]): void {
    if (END_MARKER.test(text) || ++r.lines > MAX_REPORT_LINES) {
      this.close(done);
      return;
    }
    if (TRACE_START.test(text)) {
      r.inTrace = true;
      r.explaining = false;
      return;
    }
    // riscv's die() prints its frames with no `Call Trace:` before them. Other reports print
    // single `[<address>] func` lines that are not their trace ("Preemption disabled at:").
    if (FRAME.test(text) && (r.inTrace || (r.header.kind === 'oops' && BRACKETED_FRAME.test(text)))) {
      r.inTrace = true;
      r.explaining = false;
      if (r.trace.length < MAX_TRACE_LINES) r.trace.push(text);
      return;
    }
    if (r.inTrace) {
      // x86 dumps the registers where a trace changes stacks; anything else ends the trace.
      if (!REGISTERS.test(text) && r.trace.length > 0) this.close(done);
      return;
    }
    if (r.pcFunction === undefined) {
      const pc = PC.exec(text);
      if (pc !== null) r.pcFunction = functionOf(pc[1]);
    }
    if (r.explaining) {
      if (DUMP_START.test(text) || r.explanation.length >= MAX_EXPLANATION_LINES) r.explaining = false;
      else r.explanation.push(this.paths.text(text));
    }
  }

  private close(done: Diagnostic[]): void {
    const r = this.open;
    if (r === undefined) return;
    this.open = undefined;
    const d = this.complete(r);
    this.note(d);
    done.push(d);
  }

  private complete(r: OpenReport): Diagnostic {
    const h = r.header;
    const file = h.file === undefined ? undefined : this.paths.file(h.file);
    let message = this.paths.text(h.message);
    // An Oops names no file: the function it happened in tells one Oops from another.
    if (h.kind === 'oops' && r.pcFunction !== undefined) message += ` in ${r.pcFunction}`;
    const detail = [...r.explanation, ...r.trace];
    return {
      kind: h.kind,
      severity: h.severity,
      ...(file === undefined ? {} : { file }),
      ...(file === undefined || h.line === undefined ? {} : { line: h.line }),
      ...(file === undefined || h.column === undefined ? {} : { column: h.column }),
      message,
      context: r.context,
      ...(detail.length === 0 ? {} : { detail }),
      ...(this.target === undefined ? {} : { target: this.target }),
      signature: bootSignature(h.kind, file, message),
    };
  }

  /** Keeps in the summary what the verdict needs of a report. */
  private note(d: Diagnostic): void {
    const s = this.state;
    if (d.severity === 'warning') {
      s.warnings++;
      return;
    }
    s.errors++;
    if (d.kind === 'panic' || d.kind === 'oops') {
      if (s.crash === undefined) s.crash = d;
      else if (d.kind === 'panic' && s.crash.kind === 'oops') s.panicAfterCrash ??= d;
    } else {
      s.firstError ??= d;
    }
  }
}

/** Parses a whole console at once; for tests and small consoles. */
export function parseConsole(lines: Iterable<string>, opts: ConsoleParserOptions = {}): { diagnostics: Diagnostic[]; summary: ConsoleSummary } {
  const parser = new ConsoleParser(opts);
  const diagnostics: Diagnostic[] = [];
  for (const line of lines) diagnostics.push(...parser.push(line));
  diagnostics.push(...parser.end());
  return { diagnostics, summary: parser.summary() };
}
