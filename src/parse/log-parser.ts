import { classifyLine, isKbuildEcho, type ContextLine, type ContextScope, type RawDiagnostic } from './classify.ts';
import type { Diagnostic, DiagnosticKind } from '../types/diagnostics.ts';
import { MAX_LINE_LENGTH } from './lines.ts';
import { PathNormaliser } from './paths.ts';
import { signatureOf } from './signature.ts';
import { SparseTracker, sparseInfo } from './sparse.ts';

/** Options of a {@link LogParser}. */
export interface LogParserOptions {
  /** Copied into every diagnostic, e.g. "x86/tinyconfig". */
  target?: string;
  /** Absolute directories to strip from paths (source tree, O= dir) besides /build/src and /build/out/<dir>. */
  treePrefixes?: string[];
}

/** The last context lines printed, and what they may belong to. */
interface ContextGroup {
  scope: ContextScope;
  lines: string[];
  /** The file of "x.c: In function 'f':", or the object of ld's "x.o: in function `f':". */
  subject?: string;
  /** Files whose diagnostics the context is for: the subject's and those of the diagnostics right after it. */
  files: Set<string>;
}

/**
 * Lines a sparse finding is held after it is complete, for its "   expected"/"   got"
 * lines: with make -j two sparse runs print at once, and a line of one can fall between
 * the other's finding and its info lines. Its signature holds them: lost, it would differ
 * from build to build.
 */
const SPARSE_HOLD_LINES = 8;
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g;
// gcc's source excerpt under a diagnostic: "   12 |   int x;" and "      |       ^~~".
const SOURCE_EXCERPT = /^ *\d* \|/;
// Kconfig's explanation of unmet dependencies ("  Depends on [n]: PCI [=n]", "  - FOO [=y]")
// and of recursive ones ("init/Kconfig:12:\tsymbol A depends on B").
const KCONFIG_EXPLANATION = /^(?:  (?:Depends on|Selected by|Implied by|- )|[^:\s]+:\d+:\t)/;

function scopeOf(kind: DiagnosticKind): ContextScope | undefined {
  switch (kind) {
    case 'compiler':
    case 'directive':
    case 'syscall':
      return 'compiler';
    case 'linker':
    case 'assembler':
    case 'sparse':
      return kind;
    default:
      return undefined;
  }
}

/**
 * The path of a source that linkers name by its base name, from the object built from it:
 * objects are built in the source's directory of the tree. Undefined if their names differ.
 */
function besideObject(object: string, source: string): string | undefined {
  const stem = (name: string): string => name.slice(0, name.lastIndexOf('.') >>> 0);
  const slash = object.lastIndexOf('/');
  if (slash === -1 || source.includes('/') || stem(object.slice(slash + 1)) !== stem(source)) return undefined;
  return `${object.slice(0, slash + 1)}${source}`;
}

/**
 * Turns kernel build log lines into diagnostics as they arrive, holding only the context of
 * the diagnostic being read, never the log.
 *
 * A diagnostic is returned once the line after it shows it is complete, so that its gcc notes,
 * ld.lld `>>>` lines and Kconfig dependency lines can be attached to it as `detail`; notes are
 * therefore not diagnostics of their own, except a note with nothing before it to attach to.
 */
export class LogParser {
  private readonly target?: string;
  private readonly paths: PathNormaliser;
  private pending?: Diagnostic;
  private context?: ContextGroup;
  private lastWasContext = false;
  /** The source ld.lld named in ">>> referenced by", until the object line gives its directory. */
  private lldSource?: { name: string; line?: number };
  private readonly sparse = new SparseTracker();
  /** The pending diagnostic is sparse's only by where it stands: gcc's excerpt or note after it shows it is gcc's. */
  private pendingInferred = false;
  /** sparse's findings read, held a few lines before they are returned (release). */
  private readonly held: { d: Diagnostic; lines: number }[] = [];

  constructor(opts: LogParserOptions = {}) {
    this.target = opts.target;
    this.paths = new PathNormaliser(opts.treePrefixes);
  }

  /** Reads one line (without its newline); returns the diagnostics it completes. */
  push(rawLine: string): Diagnostic[] {
    for (const h of this.held) h.lines++;
    if (this.held.length > 0 && this.heldInfo(rawLine)) return [];
    return this.release(this.read(rawLine), false);
  }

  /**
   * The diagnostics to return now: sparse's findings wait in `held` until SPARSE_HOLD_LINES
   * more lines came, or another kind's diagnostic (so that kinds keep their order), or the
   * end; the others go at once.
   */
  private release(found: Diagnostic[], all: boolean): Diagnostic[] {
    const out: Diagnostic[] = [];
    const other = found.some((d) => d.kind !== 'sparse');
    while (this.held.length > 0 && (all || other || this.held[0].lines > SPARSE_HOLD_LINES)) out.push(this.held.shift()!.d);
    for (const d of found) {
      if (d.kind === 'sparse' && !all && !other) this.held.push({ d, lines: 0 });
      else out.push(d);
    }
    return out;
  }

  /** sparse's "   expected ..." line of a held finding, at its place: its detail, taken (true); else false. */
  private heldInfo(line: string): boolean {
    const info = sparseInfo(line);
    if (info === undefined || !info.text.startsWith('   ')) return false;
    const file = this.paths.file(info.file);
    const at = (d: Diagnostic | undefined) => d !== undefined && d.file === file && d.line === info.line && d.column === info.column;
    // The newest finding at a place is the one its lines are for: sparse may print several
    // at one place (a macro used three times on a line), each with its own.
    if (at(this.pending)) return false;
    const h = this.held.findLast(({ d }) => at(d));
    if (h === undefined) return false;
    (h.d.detail ??= []).push(this.paths.text(info.text).trimEnd());
    h.d.signature = signatureOf(h.d.kind, h.d.file, h.d.message, h.d.detail);
    return true;
  }

  /** One line through the parser proper (push holds sparse's findings a little around it). */
  private read(rawLine: string): Diagnostic[] {
    // Most of a log: kbuild's progress lines end the pending diagnostic and are nothing else.
    if (isKbuildEcho(rawLine)) {
      this.lastWasContext = false;
      this.sparse.echo(rawLine, (path) => this.paths.file(path));
      return this.flush();
    }
    let line = rawLine.length > MAX_LINE_LENGTH ? rawLine.slice(0, MAX_LINE_LENGTH) : rawLine;
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (line.indexOf('\x1b') !== -1) line = line.replace(ANSI, '');

    if (this.pending !== undefined && this.continuesPending(line)) return [];
    const cls = classifyLine(line);
    if (cls !== null && cls.type === 'context') {
      if (cls.scope === 'sparse') this.sparse.included();
      this.addContext(cls);
      return [];
    }
    const afterContext = this.lastWasContext;
    this.lastWasContext = false;
    if (cls === null) return [];
    if (cls.type === 'echo') return this.flush();
    if (cls.severity === 'note' && this.pending !== undefined) {
      // sparse prints no notes: one after a finding taken for sparse's shows it was gcc's.
      if (this.pendingInferred) this.unclaim(this.pending);
      this.attachNote(cls, afterContext);
      return [];
    }
    const done = this.flush();
    this.lldSource = undefined;
    this.pending = this.complete(this.withSparse(cls, afterContext), afterContext);
    return done;
  }

  /**
   * The diagnostic read but not yet returned: lines after it may still add detail (notes,
   * ld.lld's `>>>` lines, which may also give its place). For a live view that cannot wait.
   */
  peek(): Readonly<Diagnostic> | undefined {
    return this.pending;
  }

  /** Ends the log; returns the diagnostics still waiting for a line after them. */
  end(): Diagnostic[] {
    this.context = undefined;
    this.lastWasContext = false;
    return this.release(this.flush(), true);
  }

  /** The diagnostic as sparse's when kbuild's lines around it say it is (see SparseTracker). */
  private withSparse(raw: RawDiagnostic, afterContext: boolean): RawDiagnostic {
    this.pendingInferred = false;
    if (raw.kind !== 'compiler') return raw;
    const scope = afterContext ? this.context?.scope : undefined;
    const file = raw.file === undefined ? undefined : this.paths.file(raw.file);
    if (!this.sparse.claims(raw, file, scope !== undefined && scope !== 'sparse')) return raw;
    // Right after sparse's own "in included file" note it is sparse's beyond doubt.
    this.pendingInferred = scope !== 'sparse';
    return { ...raw, kind: 'sparse' };
  }

  /** A finding taken for sparse's was gcc's after all. */
  private unclaim(d: Diagnostic): void {
    d.kind = 'compiler';
    d.signature = signatureOf(d.kind, d.file, d.message);
    this.pendingInferred = false;
  }

  private flush(): Diagnostic[] {
    const d = this.pending;
    this.pending = undefined;
    this.pendingInferred = false;
    return d === undefined ? [] : [d];
  }

  /** Takes a line that only explains the pending diagnostic; false if the line is anything else. */
  private continuesPending(line: string): boolean {
    const pending = this.pending as Diagnostic;
    if (line === '') return true;
    if (SOURCE_EXCERPT.test(line)) {
      // sparse prints no source excerpt: gcc does, under its own diagnostics.
      if (this.pendingInferred) this.unclaim(pending);
      return true;
    }
    if (pending.kind === 'compiler' && this.sparseInfoOf(pending, line)) {
      // sparse's "   expected ..." lines at a finding's own place: only sparse prints
      // those, so a finding read as gcc's (make -j put other jobs' lines between it and
      // its CHECK line) was sparse's.
      pending.kind = 'sparse';
      pending.signature = signatureOf(pending.kind, pending.file, pending.message);
    }
    if (pending.kind === 'sparse') return this.sparseDetail(pending, line);
    if (line.startsWith('>>> ') && pending.kind === 'linker') {
      this.addDetail(pending, line);
      if (pending.file === undefined) this.locateLldReference(pending, line);
      return true;
    }
    // dtc: "  also defined at x.dtsi:12.3-14.5" after a duplicate node or label.
    if (pending.kind === 'dtc' && line.startsWith('  also defined at ')) {
      this.addDetail(pending, line);
      return true;
    }
    if (pending.kind === 'kconfig' && KCONFIG_EXPLANATION.test(line)) {
      this.addDetail(pending, line);
      return true;
    }
    return false;
  }

  /** Whether `line` is one of sparse's info lines at the place of `d`, a finding with no [-Wflag]. */
  private sparseInfoOf(d: Diagnostic, line: string): boolean {
    if (d.flag !== undefined || d.column === undefined) return false;
    const info = sparseInfo(line);
    return info !== undefined && info.text.startsWith('   ') && this.paths.file(info.file) === d.file && info.line === d.line && info.column === d.column;
  }

  /**
   * sparse's info lines after a finding, as detail: "   expected int" for those at the
   * finding's place (the place dropped), "file:3:9: this was the original definition" for
   * another place. The detail is part of a sparse finding's signature.
   */
  private sparseDetail(d: Diagnostic, line: string): boolean {
    const info = sparseInfo(line);
    if (info === undefined) return false;
    const file = this.paths.file(info.file);
    const here = file === d.file && info.line === d.line && info.column === d.column;
    // Another finding's "   expected ..." line, which make -j put after this one: its own.
    if (!here && info.text.startsWith('   ')) return this.heldInfo(line);
    const text = this.paths.text(info.text).trimEnd();
    (d.detail ??= []).push(here ? text : `${file ?? info.file}:${info.line}:${info.column}: ${text.trimStart()}`);
    d.signature = signatureOf(d.kind, d.file, d.message, d.detail);
    return true;
  }

  /**
   * ld.lld names the place of an error after it: ">>> referenced by time.c:31 (/build/src/
   * arch/x86/kernel/time.c:31)" with debug info, else ">>> referenced by time.c" and then
   * ">>>               arch/x86/kernel/time.o:(profile_pc)". The first reference locates it.
   */
  private locateLldReference(d: Diagnostic, line: string): void {
    const by = /^>>> referenced by (\S+?)(?::(\d+))?(?: \((\S+?):(\d+)\))?$/.exec(line);
    if (by !== null) {
      if (by[3] !== undefined) this.locate(d, this.paths.file(by[3]), Number(by[4]));
      else this.lldSource = { name: by[1], line: by[2] === undefined ? undefined : Number(by[2]) };
      return;
    }
    const object = /^>>>\s+(\S+\.o):\(/.exec(line);
    if (object === null || this.lldSource === undefined) return;
    const file = this.paths.file(object[1]);
    if (file !== undefined) this.locate(d, besideObject(file, this.lldSource.name) ?? file, this.lldSource.line);
  }

  private locate(d: Diagnostic, file: string | undefined, line: number | undefined): void {
    if (file === undefined) return;
    d.file = file;
    if (line !== undefined) d.line = line;
    d.signature = signatureOf(d.kind, file, d.message);
    this.lldSource = undefined;
  }

  private addDetail(d: Diagnostic, line: string): void {
    (d.detail ??= []).push(this.paths.text(line.trim()));
  }

  private attachNote(note: RawDiagnostic, afterContext: boolean): void {
    const file = note.file === undefined ? undefined : this.paths.file(note.file);
    const at = file === undefined ? '' : `${file}:${note.line ?? ''}${note.column === undefined ? '' : `:${note.column}`}: `;
    this.addDetail(this.pending as Diagnostic, `${at}note: ${note.message}`);
    // Context printed right before the note is the note's, not the next diagnostic's.
    if (afterContext && this.context !== undefined) this.context.files.add(file ?? '');
  }

  private addContext(c: ContextLine): void {
    const text = this.paths.text(c.text);
    const subject = c.subject === undefined ? undefined : this.paths.file(c.subject);
    let group = this.context;
    if (c.opens || !this.lastWasContext || group === undefined || group.scope !== c.scope) {
      group = { scope: c.scope, lines: [], files: new Set() };
      this.context = group;
    }
    group.lines.push(text);
    if (subject !== undefined) {
      group.subject = subject;
      // sparse's note names the checked file, and is for the findings in headers after it only.
      if (c.scope !== 'sparse') group.files.add(subject);
    }
    this.lastWasContext = true;
  }

  /**
   * The context lines that belong to a diagnostic in `file` of `kind`. Context printed right
   * before a diagnostic is its own, whatever its file: a warning "In function 'f'" of x.c can
   * point into a macro of a header. gcc does not print it again for the next diagnostics in
   * the same function, so it also goes to later diagnostics in the files that claimed it.
   */
  private contextFor(kind: DiagnosticKind, file: string | undefined, afterContext: boolean): string[] {
    const group = this.context;
    if (group === undefined || scopeOf(kind) !== group.scope) return [];
    // ld names the object in "in function" and the source file in the message: no file check.
    if (group.scope === 'linker') return [...group.lines];
    if (afterContext) group.files.add(file ?? '');
    if (group.files.has(file ?? '')) return [...group.lines];
    this.context = undefined;
    return [];
  }

  /** GNU ld names the object in "in function" and the source by its base name ("time.c:(.text+0x11)"). */
  private linkerSource(file: string): string {
    const object = this.context?.scope === 'linker' ? this.context.subject : undefined;
    if (object === undefined || file.includes('/')) return file;
    return besideObject(object, file) ?? file;
  }

  private complete(raw: RawDiagnostic, afterContext: boolean): Diagnostic {
    let file = raw.file === undefined ? undefined : this.paths.file(raw.file);
    if (file !== undefined && raw.kind === 'linker') file = this.linkerSource(file);
    const message = this.paths.text(raw.message);
    // A line of <stdin> or {standard input} points nowhere a reader can look.
    const located = raw.file === undefined || file !== undefined;
    return {
      kind: raw.kind,
      severity: raw.severity,
      ...(file === undefined ? {} : { file }),
      ...(raw.line === undefined || !located ? {} : { line: raw.line }),
      ...(raw.column === undefined || !located ? {} : { column: raw.column }),
      message,
      ...(raw.flag === undefined ? {} : { flag: raw.flag }),
      context: this.contextFor(raw.kind, file, afterContext),
      ...(this.target === undefined ? {} : { target: this.target }),
      signature: signatureOf(raw.kind, file, message),
    };
  }
}

/** Parses a whole log at once; for tests and small logs. */
export function parseBuildLog(lines: Iterable<string>, opts: LogParserOptions = {}): Diagnostic[] {
  const parser = new LogParser(opts);
  const out: Diagnostic[] = [];
  for (const line of lines) out.push(...parser.push(line));
  out.push(...parser.end());
  return out;
}
