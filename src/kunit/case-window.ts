import type { KunitDiagnostic } from '../types/kunit.ts';
import { PathNormaliser } from '../parse/paths.ts';

/** Lines of a diagnostic's detail kept (the Expected/but lines, a call trace). */
export const MAX_DETAIL_LINES = 20;
/** Longest line kept in a diagnostic; the rest is dropped (the console is kept whole elsewhere). */
export const MAX_KEPT_LINE = 1024;

// lib/kunit/assert.c kunit_assert_prologue(): "EXPECTATION FAILED at %s:%d".
const FAILED_AT = [' FAILED at ', 'EXPECTATION', 'ASSERTION'] as const;

function keep(line: string): string {
  return line.length > MAX_KEPT_LINE ? line.slice(0, MAX_KEPT_LINE) : line;
}

/**
 * A `# <name>: <message>` line, as kunit_printk() prints a test's own lines
 * (include/kunit/test.h). The name holds no space; null for any other line.
 */
export function namedLine(text: string): { name: string; message: string } | null {
  if (!text.startsWith('# ')) return null;
  const colon = text.indexOf(': ', 2);
  if (colon <= 2) return null;
  const name = text.slice(2, colon);
  if (name.includes(' ')) return null;
  return { name, message: text.slice(colon + 2) };
}

/** `EXPECTATION FAILED at lib/x.c:12` (or ASSERTION), read; null for any other message. */
function failedAt(message: string): { message: string; place: string } | null {
  const at = message.indexOf(FAILED_AT[0]);
  if (at === -1) return null;
  const kind = message.slice(0, at);
  if (kind !== FAILED_AT[1] && kind !== FAILED_AT[2]) return null;
  return { message: `${kind} FAILED`, place: message.slice(at + FAILED_AT[0].length).trim() };
}

/**
 * The diagnostic lines printed between one result and the next in a suite (in 6.1 a case
 * prints all of its own before its result line): its failed expectations with the lines
 * that explain them, its other `# <case>: ...` lines, and the last case name they named.
 * Bounded whatever the console prints.
 */
export class CaseWindow {
  private failure?: KunitDiagnostic;
  /** Whether the lines now arriving explain the failure just read. */
  private explaining = false;
  /** The case's own `# <name>: <message>` lines, for a failure that has no expectation. */
  private readonly said: string[] = [];
  /** The last name a `# <name>:` line gave (that is not the suite's own). */
  lastName?: string;

  constructor(private readonly paths: PathNormaliser) {}

  /** Reads one diagnostic line (not a KTAP line) printed inside the suite (or other test) named `suite`. */
  add(text: string, suite: string): void {
    const named = namedLine(text);
    if (named === null) {
      if (this.explaining && this.failure !== undefined && this.failure.detail.length < MAX_DETAIL_LINES) {
        this.failure.detail.push(keep(text));
      }
      return;
    }
    this.explaining = false;
    if (named.name !== suite && named.name !== 'Totals') this.lastName = named.name;
    const failed = failedAt(named.message);
    if (failed === null) {
      if (this.said.length < MAX_DETAIL_LINES) this.said.push(keep(text));
      return;
    }
    if (this.failure === undefined) {
      this.failure = { message: failed.message, ...this.place(failed.place), detail: [] };
      this.explaining = true;
    } else if (this.failure.detail.length < MAX_DETAIL_LINES) {
      // Later failures of the same case: their headline, after the first one's explanation.
      this.failure.detail.push(keep(text));
    }
  }

  /**
   * What explains a failed case: its first failed expectation (the headlines of later ones
   * follow its explanation in the detail), else its own `# <case>:` lines, else the directive its result line carried.
   */
  diagnostic(directive?: string): KunitDiagnostic | undefined {
    if (this.failure !== undefined) return { ...this.failure, detail: [...this.failure.detail] };
    if (this.said.length > 0) return { message: this.said[0], detail: this.said.slice(1) };
    if (directive !== undefined && directive !== '') return { message: keep(directive), detail: [] };
    return undefined;
  }

  /** Starts the window of the next case. */
  reset(): void {
    this.failure = undefined;
    this.explaining = false;
    this.said.length = 0;
    this.lastName = undefined;
  }

  private place(place: string): { file?: string; line?: number } {
    const colon = place.lastIndexOf(':');
    const line = Number(place.slice(colon + 1));
    if (colon <= 0 || !Number.isInteger(line) || line <= 0) return {};
    const file = this.paths.file(place.slice(0, colon));
    return file === undefined ? {} : { file: keep(file), line };
  }
}
