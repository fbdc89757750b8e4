/**
 * Control characters made visible, the base of every plain-text medium (the runner's log,
 * a terminal, an email body). Tree text (build output, commit subjects and authors, file
 * names) may hold any of them: a CR or LF ends a line for the runner and for a mail
 * header, ESC starts a terminal sequence, NUL and the C1 controls (CSI U+009B among them)
 * do worse on some terminals, bidi overrides make a line read as another. Each is written
 * as an escape a person can read (`\r`, `\x1b`, `\u202e`), so one line of text stays one
 * line and says what was there.
 *
 * Tab is kept: it is harmless in every medium and common in build output.
 */
const CONTROLS = /(?!\t)[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

/** One character as an escape: `\n`, `\r`, else `\xNN`, `\uNNNN` or `\u{NNNNN}` by its code point. */
export function escapeCharacter(c: string): string {
  const code = c.codePointAt(0)!;
  const hex = code.toString(16);
  return NAMED[c] ?? (code < 0x100 ? `\\x${hex.padStart(2, '0')}` : code < 0x10000 ? `\\u${hex.padStart(4, '0')}` : `\\u{${hex}}`);
}

/** `text` with every control character but tab (C0, DEL, C1, line and paragraph separators, bidi controls) as a visible escape. */
export function showControls(text: string): string {
  return text.replace(CONTROLS, escapeCharacter);
}
