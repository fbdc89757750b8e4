import type { Diagnostic } from '../types/diagnostics.ts';
import type { KunitCase, KunitCaseStatus, KunitDiagnostic, KunitTotals } from '../types/kunit.ts';
import { PathNormaliser } from '../parse/paths.ts';
import { consoleTexts } from '../boot/console-line.ts';
import { ConsoleParser } from '../boot/console-parser.ts';
import { CaseWindow, MAX_DETAIL_LINES, MAX_KEPT_LINE } from './case-window.ts';
import { caseOfSplat } from './crash-name.ts';
import { endsKtap, planOf, readKtapLine, type KtapLine, type KtapResult } from './ktap-line.ts';
import { placeholder } from './placeholder.ts';
import { neverStartedReason } from '../values/kunit-case.ts';

/** Deepest nesting read (the run is depth 0, a suite 1, a case 2, a parameter 3); deeper headers are read as diagnostic lines. */
export const MAX_DEPTH = 8;
/** Longest suite, case or parameter name kept; longer ones are cut (KUnit's own are at most 256 bytes). */
export const MAX_NAME_LENGTH = 256;
/** Cases kept; more are counted in the totals and said in the notes, not kept. */
export const MAX_CASES = 20_000;
/** Notes kept; more are counted in the last one. */
export const MAX_NOTES = 50;

/** Options of a {@link KtapReader}. */
export interface KtapReaderOptions {
  /** Absolute source directories to strip from the paths the kernel prints, besides /build/src. */
  treePrefixes?: string[];
}

/** What a KUnit console said, read to its end. */
export interface KtapReading {
  /** Every case (leaf test) in the order the console reported it, at most {@link MAX_CASES}. */
  cases: KunitCase[];
  /** Over every case read, kept or not. */
  totals: KunitTotals;
  /** Whether a `KTAP version` / `TAP version` line came at all: without one no test reported. */
  started: boolean;
  /** Whether every planned test reported and every suite printed its result line. */
  complete: boolean;
  /** What was odd: lost result lines, numbers out of order, names cut, limits reached, what ended the run. */
  notes: string[];
}

type Phase = 'start' | 'header' | 'plan' | 'body' | 'result' | 'done';

/**
 * One test being read: the run itself (depth 0), a suite, a parameterised case, or a case
 * whose result line is next. Mirrors one call of kunit_parser.py's parse_test(), so that the
 * cases and totals are the kernel's own parser's.
 */
interface Frame {
  depth: number;
  /** Its number in its parent's plan. */
  number: number;
  parent?: Frame;
  /** From `# Subtest:`, or from its result line; '' until known. */
  name: string;
  phase: Phase;
  hadVersion: boolean;
  hadHeader: boolean;
  plan: number | null;
  /** The number of the next subtest expected. */
  next: number;
  subtests: number;
  /** Cases counted in it and below: kunit_parser.py counts a test itself only when this stays 0. */
  counted: number;
  /** The diagnostic lines since the last subtest ended: those of the one running now. */
  window: CaseWindow;
}

/** A case read, its names resolved once its suite's name is known (a suite may name itself only in its result line). */
interface PendingCase {
  /** The case's own test (its name, or a placeholder's, resolved with its parents' at the end). */
  frame: Frame;
  status: KunitCaseStatus;
  reason?: string;
  diagnostic?: KunitDiagnostic;
}

/** What ended the console, for the reason of each case it cut short. */
interface Ending {
  /** `the kernel panicked (Kernel panic - not syncing: ...)`, ... */
  cause: string;
}

const emptyTotals = (): KunitTotals => ({ total: 0, pass: 0, fail: 0, skip: 0, crashed: 0, flaky: 0 });

function cut(name: string): string {
  return name.length > MAX_NAME_LENGTH ? name.slice(0, MAX_NAME_LENGTH) : name;
}

function keep(line: string): string {
  return line.length > MAX_KEPT_LINE ? line.slice(0, MAX_KEPT_LINE) : line;
}

/**
 * Reads a KUnit console as it arrives, one raw line at a time, like the build-log parser:
 * KTAP v1 as Linux 6.1 prints it and the TAP 13/14 of older kernels, nested suites and
 * parameterised cases, `# SKIP`, the failed expectations before each result, and the splat
 * (through the boot {@link ConsoleParser}) of a case that never finished.
 *
 * The structure follows tools/testing/kunit/kunit_parser.py of 6.1 line for line, so that
 * cases and totals equal `kunit.py parse`'s; where ours deliberately differs (test
 * ktap-vs-kunit-py says each):
 * - a case that never reported is named, not left nameless: after the last result of its
 *   suite, the name of the last `# <case>:` line its suite printed; else the function the
 *   splat's call trace shows KUnit's case runner calling; else its place (`case 3 of 5`).
 *   The cases after it in the plan never started: `case 4 of 5`, crashed, reason saying so.
 * - a case cut short inside a test with no plan (a parameterised case's parameters) is one
 *   crashed case (`param 3`); kunit.py counts none there.
 * - any `Kernel panic - not syncing` ends the reading, as kunit.py's `...: VFS:` one does.
 *
 * Bounded: lines ({@link consoleTexts} cuts them), names, nesting, cases, notes and the
 * lines of each diagnostic. Never throws on what the console holds.
 */
export class KtapReader {
  private readonly paths: PathNormaliser;
  private readonly splats = new ConsoleParser();
  private stack: Frame[] = [];
  private started = false;
  /** Set when a line ended the reading (a panic, kunit.py's end markers); later lines are not tests. */
  private stopped?: Ending;
  private finished = false;
  /** Whether a planned test never reported or a suite never printed its result. */
  private incomplete = false;
  private afterRunNoted = false;
  /** The first error-class splat since the last case reported: what crashed the one running. */
  private splat?: Diagnostic;
  /** The path of the case that was running when the run ended, once named: the cases that never started name it. */
  private crashedIn?: string;
  private readonly pending: PendingCase[] = [];
  private readonly totals = emptyTotals();
  private readonly notes: string[] = [];
  private notesDropped = 0;
  private casesDropped = 0;
  private namesCut = 0;
  private flattened = 0;
  private misnumbered = 0;

  constructor(opts: KtapReaderOptions = {}) {
    this.paths = new PathNormaliser(opts.treePrefixes);
  }

  /** Reads one raw console line (without its newline): printk prefixes, CR, ANSI and control bytes are dealt with here. */
  push(rawLine: string): void {
    if (this.finished) return;
    if (this.started && this.stack.length > 0) this.noteSplats(this.splats.push(rawLine));
    for (const { text } of consoleTexts(rawLine)) {
      if (text !== '' && this.stopped === undefined) this.read(text);
    }
  }

  /** Ends the console: cases still open crashed, for the reason given (`timedOut`: the run was killed at its timeout). */
  end(opts: { timedOut?: boolean } = {}): KtapReading {
    if (!this.finished) {
      this.finished = true;
      if (this.started) this.noteSplats(this.splats.end());
      const ending: Ending = opts.timedOut === true
        ? { cause: 'the run was killed at its timeout' }
        : (this.stopped ?? { cause: 'the console ended' });
      this.unwind(ending);
    }
    return this.reading();
  }

  private read(text: string): void {
    const line = readKtapLine(text);
    if (!this.started) {
      if (line.kind !== 'version') {
        // lib/kunit/executor.c: a filter or an action the kernel refused; no test runs then.
        if (text.startsWith('kunit executor: ')) this.note(keep(text));
        return;
      }
      this.started = true;
      this.stack.push(this.frame(undefined, 0));
    }
    if (this.stack.length === 0) {
      // kunit_parser.py stops once the run's plan is met; so do we, and say so.
      if (line.kind !== 'other' && !this.afterRunNoted) {
        this.afterRunNoted = true;
        this.note("KTAP lines after the run's planned tests: not read (kunit.py reads none either)");
      }
      return;
    }
    if (text.startsWith('Kernel panic - not syncing')) {
      this.stopped = { cause: `the kernel panicked (${keep(text)})` };
      return;
    }
    if (endsKtap(text)) {
      this.stopped = { cause: `the kernel stopped (${keep(text)})` };
      return;
    }
    this.step(text, line);
  }

  private frame(parent: Frame | undefined, number: number): Frame {
    return {
      depth: parent === undefined ? 0 : parent.depth + 1,
      number,
      ...(parent === undefined ? {} : { parent }),
      name: '',
      phase: 'start',
      hadVersion: false,
      hadHeader: false,
      plan: null,
      next: 1,
      subtests: 0,
      counted: 0,
      window: new CaseWindow(this.paths),
    };
  }

  /**
   * Feeds one line to the innermost test until a state consumes it: each pass either
   * consumes the line, moves the test's phase forward, or closes the test, so it ends.
   */
  private step(text: string, line: KtapLine): void {
    for (;;) {
      const f = this.stack[this.stack.length - 1];
      if (f === undefined) return;
      switch (f.phase) {
        case 'start':
          if (line.kind === 'version') {
            f.hadVersion = true;
            f.phase = f.depth === 0 ? 'plan' : 'header';
            return;
          }
          f.phase = f.depth === 0 ? 'plan' : 'header';
          continue;
        case 'header':
          if (line.kind === 'header') {
            f.hadHeader = true;
            f.name = this.name(line.name);
            f.phase = 'plan';
            return;
          }
          // Neither a version nor a header: a case, its result line next.
          f.phase = f.hadVersion ? 'plan' : 'result';
          continue;
        case 'plan': {
          f.phase = 'body';
          const plan = planOf(text);
          if (plan !== null) {
            f.plan = plan;
            return;
          }
          continue;
        }
        case 'body':
          if (this.body(f, text, line)) return;
          continue;
        case 'result':
          // Its own lines after its subtests (a suite's `# <suite>: pass:2 ...`) explain nothing of a case.
          if (line.kind === 'other') return;
          // parse_test(): a named test takes only a result line with its name; a nameless one any.
          if (line.kind === 'result' && (f.name === '' || this.name(line.result.matchName, false) === f.name)) {
            this.close(f, line.result);
            return;
          }
          this.close(f, undefined);
          continue;
        case 'done':
          this.stack.pop();
          continue;
      }
    }
  }

  /** One line in the subtests of `f`; true when the line was consumed. */
  private body(f: Frame, text: string, line: KtapLine): boolean {
    if (f.plan !== null && f.next > f.plan) {
      f.phase = f.depth === 0 ? 'done' : 'result';
      return false;
    }
    if (line.kind === 'other') {
      f.window.add(text, f.name);
      return true;
    }
    if (line.kind === 'result' && f.depth > 0 && this.name(line.result.matchName, false) === f.name) {
      // The suite's own result line before all its planned cases reported.
      if (f.plan !== null && f.next <= f.plan) {
        this.missing(f, f.next, f.plan, 'its suite printed its result before this case reported', false);
      }
      f.phase = 'result';
      return false;
    }
    if (line.kind !== 'result' && f.depth + 1 >= MAX_DEPTH) {
      // Nesting deeper than any KUnit prints: read as a diagnostic line, counted.
      this.flattened++;
      f.window.add(text, f.name);
      return true;
    }
    const child = this.frame(f, f.next);
    this.stack.push(child);
    return false;
  }

  /** Closes the innermost test with its result line (undefined: it never came). */
  private close(f: Frame, result: KtapResult | undefined): void {
    this.stack.pop();
    const parent = f.parent;
    if (result !== undefined) {
      // A suite's result line repeats the name its header gave: that name was counted if cut.
      f.name = this.name(result.name, f.name === '');
      if (result.number !== f.number) this.misnumbered++;
    }
    const isParent = f.hadVersion || f.hadHeader;
    if (!isParent) {
      // A case: its diagnostics are the lines its suite printed since the last case.
      if (result !== undefined && parent !== undefined) this.leaf(f, parent.window, result);
    } else {
      if (result === undefined) {
        this.incomplete = true;
        this.note(`${this.path(f).join('.')} printed no result line`);
      }
      if (f.counted === 0) this.countItself(f, result);
    }
    if (parent !== undefined) {
      parent.next++;
      parent.subtests++;
      parent.counted += f.counted;
      parent.window.reset();
    }
  }

  /**
   * kunit_parser.py's bubble_up_test_results(): a test whose subtests counted no case counts
   * as a case itself, by its own result; one with no subtests at all only when that result is
   * bad (failed or skipped: an `ok` or no result line is "no tests").
   */
  private countItself(f: Frame, result: KtapResult | undefined): void {
    if (f.subtests === 0 && (result === undefined || (result.ok && result.skip === undefined))) {
      this.note(`${this.path(f).join('.')} ran no tests`);
      return;
    }
    if (result !== undefined) {
      this.leaf(f, f.window, result);
      return;
    }
    this.add({ frame: f, status: 'crashed', reason: 'its tests counted no case and it printed no result line' });
  }

  private leaf(f: Frame, window: CaseWindow, result: KtapResult): void {
    const status: KunitCaseStatus = result.skip !== undefined ? 'skip' : result.ok ? 'pass' : 'fail';
    const diagnostic = status === 'fail' ? window.diagnostic(result.directive) : undefined;
    this.add({
      frame: f,
      status,
      ...(status === 'skip' && result.skip !== '' ? { reason: keep(result.skip as string) } : {}),
      ...(diagnostic === undefined ? {} : { diagnostic }),
    });
    this.splat = undefined;
  }

  /**
   * Planned subtests `from`..`to` of `f` that never reported: crashed. The first is the one
   * that was running when `inFlight`; the others never started.
   */
  private missing(f: Frame, from: number, to: number, cause: string, inFlight: boolean): void {
    this.incomplete = true;
    for (let n = from; n <= to; n++) {
      const stub = this.frame(f, n);
      if (n === from && inFlight) {
        stub.name = this.nameInFlight(f, n);
        this.crashedIn = this.path(stub).join('.');
        this.add({ frame: stub, status: 'crashed', reason: `${cause} while it ran`, diagnostic: this.crashDiagnostic(cause) });
      } else {
        stub.name = placeholder(stub.depth, n, f.plan);
        const where = this.crashedIn === undefined ? '' : ` in ${this.crashedIn}`;
        this.add({ frame: stub, status: 'crashed', reason: neverStartedReason(`${cause}${where}`) });
      }
      // The stubs stand for subtests in kunit_parser.py too: counted in the plan.
      f.next = n + 1;
      f.subtests++;
      f.counted++;
      if (this.totals.total >= MAX_CASES && n < to) {
        // Past the cap every stub is only counted: no need to make them one by one.
        this.count('crashed', to - n);
        this.casesDropped += to - n;
        f.next = to + 1;
        f.subtests += to - n;
        f.counted += to - n;
        return;
      }
    }
  }

  /**
   * The name of the case that was running when the run ended (6.1 prints nothing when a
   * case starts): the last `# <name>:` line its suite printed since its last result; else
   * the case function the splat's trace shows KUnit calling; else its place in the plan.
   */
  private nameInFlight(f: Frame, n: number): string {
    if (f.depth === 1) {
      const said = f.window.lastName;
      if (said !== undefined) return this.name(said);
      const traced = this.splat === undefined ? undefined : caseOfSplat(this.splat);
      if (traced !== undefined) return this.name(traced);
    }
    return placeholder(f.depth + 1, n, f.plan);
  }

  private crashDiagnostic(cause: string): KunitDiagnostic {
    const s = this.splat;
    if (s !== undefined) {
      return {
        message: keep(s.message),
        ...(s.file === undefined ? {} : { file: s.file }),
        ...(s.line === undefined ? {} : { line: s.line }),
        detail: (s.detail ?? []).slice(0, MAX_DETAIL_LINES).map(keep),
      };
    }
    // No splat: what the console last showed says more than nothing.
    return { message: cause, detail: this.splats.summary().lastLines.slice(0, MAX_DETAIL_LINES).map(keep) };
  }

  /** At the console's end: every test still open closes, its missing subtests crashed. */
  private unwind(ending: Ending): void {
    let inFlight = true;
    for (let f = this.stack[this.stack.length - 1]; f !== undefined; f = this.stack[this.stack.length - 1]) {
      if (f.phase === 'start' || f.phase === 'header' || f.phase === 'plan') {
        if (f.depth > 0 && !f.hadVersion && !f.hadHeader) {
          // A case whose result line was the line being read: cannot be; close it unreported.
          this.close(f, undefined);
          continue;
        }
        f.phase = 'body';
      }
      if (f.phase === 'body') {
        if (f.plan !== null && f.next <= f.plan) this.missing(f, f.next, f.plan, ending.cause, inFlight);
        else if (f.plan === null && f.depth > 0 && inFlight) this.missing(f, f.next, f.next, ending.cause, true);
        f.phase = f.depth === 0 ? 'done' : 'result';
      }
      inFlight = false;
      if (f.phase === 'result') {
        this.close(f, undefined);
        continue;
      }
      this.stack.pop();
    }
    if (this.incomplete) this.note(`${ending.cause[0].toUpperCase()}${ending.cause.slice(1)}`);
  }

  private noteSplats(reports: Diagnostic[]): void {
    for (const d of reports) if (d.severity === 'error' && this.splat === undefined) this.splat = d;
  }

  private add(c: PendingCase): void {
    c.frame.counted++;
    this.count(c.status, 1);
    if (this.pending.length < MAX_CASES) this.pending.push(c);
    else this.casesDropped++;
  }

  private count(status: KunitCaseStatus, n: number): void {
    this.totals.total += n;
    this.totals[status] += n;
  }

  /** A name as kept: cut at {@link MAX_NAME_LENGTH} (counted once, when first read). */
  private name(name: string, counting = true): string {
    if (name.length <= MAX_NAME_LENGTH) return name;
    if (counting) this.namesCut++;
    return cut(name);
  }

  /** The names from the suite down to `f`, placeholders where a name never came. */
  private path(f: Frame): string[] {
    const names: string[] = [];
    for (let at: Frame | undefined = f; at !== undefined && at.depth > 0; at = at.parent) {
      names.push(at.name !== '' ? at.name : placeholder(at.depth, at.number, at.parent?.plan ?? null));
    }
    return names.reverse();
  }

  private note(text: string): void {
    if (this.notes.length < MAX_NOTES) this.notes.push(text);
    else this.notesDropped++;
  }

  private reading(): KtapReading {
    const cases = this.pending.map((p) => toCase(this.path(p.frame), p));
    const notes = [...this.notes];
    const said = (n: number, what: string): void => {
      if (n > 0) notes.push(`${n} ${what}`);
    };
    said(this.casesDropped, `cases beyond the first ${MAX_CASES} counted in the totals, not kept`);
    said(this.namesCut, `names longer than ${MAX_NAME_LENGTH} characters cut`);
    said(this.flattened, `lines nesting deeper than ${MAX_DEPTH} levels read as diagnostic lines`);
    said(this.misnumbered, 'result lines with a number out of order');
    said(this.notesDropped, 'more notes');
    return {
      cases,
      totals: { ...this.totals },
      started: this.started,
      complete: this.started && !this.incomplete,
      notes,
    };
  }
}

/**
 * A case's names from its path below the run: a suite's case is `suite.case`; a case under a
 * case (a parameter, or a suite nested in a suite) is `suite.case` with its own name as
 * `param` (deeper names joined by `.`); a test reported at the top with no subtests (a suite
 * whose init failed) is its own suite and case.
 */
export function caseNames(path: readonly string[]): Pick<KunitCase, 'suite' | 'case' | 'param'> {
  if (path.length <= 1) return { suite: path[0] ?? '', case: path[0] ?? '' };
  if (path.length === 2) return { suite: path[0], case: path[1] };
  return { suite: path[0], case: path[1], param: path.slice(2).join('.') };
}

function toCase(path: string[], p: PendingCase): KunitCase {
  return {
    ...caseNames(path),
    status: p.status,
    ...(p.reason === undefined ? {} : { reason: p.reason }),
    ...(p.diagnostic === undefined ? {} : { diagnostic: p.diagnostic }),
    runs: { total: 1, passed: p.status === 'pass' ? 1 : 0 },
  };
}
