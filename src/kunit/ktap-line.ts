// One KTAP (or TAP 13/14) line, read as the tree's own parser reads it
// (tools/testing/kunit/kunit_parser.py of Linux 6.1: KTAP_START, TAP_START, TEST_HEADER,
// TEST_PLAN, TEST_RESULT, TEST_RESULT_SKIP). Written without regular expressions where
// kunit_parser.py's would backtrack, so a hostile line costs time linear in its length.

/** A line that is part of KTAP's structure; anything else is a diagnostic line. */
export type KtapLine =
  | { kind: 'version' }
  | { kind: 'header'; name: string }
  | { kind: 'result'; result: KtapResult }
  | { kind: 'other' };

/** An `ok N name` / `not ok N name # DIRECTIVE text` line. */
export interface KtapResult {
  ok: boolean;
  number: number;
  /** The name kunit_parser.py gives the test: up to the last ` # SKIP` of a skipped one, else up to the first ` # `. */
  name: string;
  /** The name kunit_parser.py matches against a suite's own (TEST_RESULT's, which stops at the first ` # `). */
  matchName: string;
  /** `# SKIP <reason>`: the reason, trimmed ('' when none was given). */
  skip?: string;
  /**
   * Any other directive with its text (`TODO ...`, `TIMEOUT 30 seconds`, `ERROR ...`). KTAP
   * says a reader falls back to ok/not ok for these, and kunit_parser.py does: so does ours.
   */
  directive?: string;
}

const VERSION = /^K?TAP version \d+$/;
const SUBTEST = '# Subtest: ';
const PLAN = /^1\.\.(\d+)/;
// Where kunit_parser.py's extract_tap_lines() stops reading: the kernel has finished booting
// (or failed to mount a root) and nothing after it is a test (its KTAP_END, searched anywhere in a line).
const KTAP_END = ['List of all partitions:', 'Kernel panic - not syncing: VFS:', 'reboot: System halted'];

/** Reads a line (printk prefix removed, trimmed) for its place in KTAP's structure. */
export function readKtapLine(text: string): KtapLine {
  const first = text.charCodeAt(0);
  // 'o', 'n', 'K', 'T', '#': one test passes over the diagnostic lines.
  if (first === 0x6f || first === 0x6e) {
    const result = readResult(text);
    return result === null ? { kind: 'other' } : { kind: 'result', result };
  }
  if ((first === 0x4b || first === 0x54) && VERSION.test(text)) return { kind: 'version' };
  if (first === 0x23 && text.startsWith(SUBTEST)) return { kind: 'header', name: text.slice(SUBTEST.length) };
  return { kind: 'other' };
}

/** The count of a `1..N` plan line, or null when the line is not one. */
export function planOf(text: string): number | null {
  const m = PLAN.exec(text);
  return m === null ? null : Number(m[1]);
}

/** Whether kunit_parser.py stops reading KTAP at this line. */
export function endsKtap(text: string): boolean {
  return KTAP_END.some((marker) => text.includes(marker));
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** `ok|not ok <digits> [- ]<rest>`, with TEST_RESULT's and TEST_RESULT_SKIP's readings of the rest. */
function readResult(text: string): KtapResult | null {
  let ok: boolean;
  let at: number;
  if (text.startsWith('ok ')) [ok, at] = [true, 3];
  else if (text.startsWith('not ok ')) [ok, at] = [false, 7];
  else return null;
  const digits = at;
  while (at < text.length && isDigit(text.charCodeAt(at))) at++;
  if (at === digits || text.charCodeAt(at) !== 0x20) return null;
  const number = Number(text.slice(digits, at));
  const body = text.slice(at + 1);
  // `(- )?` is optional: kunit_parser.py's regex takes it when the rest still matches without it.
  const dashed = body.startsWith('- ');
  const named = (dashed ? nameAndDirective(body.slice(2)) : null) ?? nameAndDirective(body);
  if (named === null) return null;
  const skip = (dashed ? skipOf(body.slice(2)) : null) ?? skipOf(body);
  if (skip !== null) return { ok, number, name: skip.name, matchName: named.name, skip: skip.reason };
  return { ok, number, name: named.name, matchName: named.name, ...(named.directive === undefined ? {} : { directive: named.directive }) };
}

/**
 * TEST_RESULT's `([^#]*)( # .*)?$`: the name runs to the first `#`, which must then stand
 * as ` # ` (else the line is no result at all).
 */
function nameAndDirective(rest: string): { name: string; directive?: string } | null {
  const hash = rest.indexOf('#');
  if (hash === -1) return { name: rest };
  if (hash === 0 || rest.charCodeAt(hash - 1) !== 0x20 || rest.charCodeAt(hash + 1) !== 0x20) return null;
  return { name: rest.slice(0, hash - 1), directive: rest.slice(hash + 2).trim() };
}

/** TEST_RESULT_SKIP's `(.*) # SKIP(.*)$`: the name runs to the last ` # SKIP`. */
function skipOf(rest: string): { name: string; reason: string } | null {
  const at = rest.lastIndexOf(' # SKIP');
  if (at === -1) return null;
  return { name: rest.slice(0, at), reason: rest.slice(at + 7).trim() };
}
