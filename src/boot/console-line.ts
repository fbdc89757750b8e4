import { MAX_LINE_LENGTH } from '../parse/lines.ts';

// A terminal reset or a cleared screen ends what was before it: SeaBIOS clears the screen
// between "Booting from ROM.." and the kernel's first line, on the same line.
const SCREEN_RESET = /\x1bc|\x1b\[[0-9;]*J/g;
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]/g;
// C0 controls but tab, and DEL: a serial line's NUL padding, BELs, backspaces, stray ESCs.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/g;
const HAS_CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
// printk's prefixes: a `<level>` where the console shows it, the `[    1.234567]` time of
// CONFIG_PRINTK_TIME and the `[    T1]` / `[    C0]` caller of CONFIG_PRINTK_CALLER.
const PRINTK_PREFIX = /^(?:<[0-7]>)?(\[\s*\d+\.\d+\])?(?:\[\s*[CT]\d+\])? ?/;

/** One console line as the kernel meant it: no printk prefix, no control bytes. */
export interface ConsoleText {
  /** The text after the printk prefix, trimmed. */
  text: string;
  /** Whether printk stamped it with its time: a line of the kernel, not of firmware or init. */
  timestamped: boolean;
}

/**
 * The lines a raw console line holds. A carriage return inside a line sends the cursor back
 * to its start, so what follows it is a line of its own (firmware and the kernel's console
 * both print `\r\n`; a lone `\r` mostly separates output that a terminal would overwrite);
 * so does a screen reset.
 * Lines are cut at {@link MAX_LINE_LENGTH} first so that one runaway line costs no more.
 */
export function consoleTexts(raw: string): ConsoleText[] {
  const line = raw.length > MAX_LINE_LENGTH ? raw.slice(0, MAX_LINE_LENGTH) : raw;
  const out: ConsoleText[] = [];
  const escaped = line.indexOf('\x1b') !== -1;
  const reset = escaped ? line.replace(SCREEN_RESET, '\r') : line;
  // Most lines hold no control byte at all: testing is cheaper than replacing nothing.
  const segments = reset.indexOf('\r') === -1 ? [reset] : reset.split('\r');
  for (const segment of segments) {
    let s = segment;
    if (escaped) s = s.replace(ANSI, '');
    if (HAS_CONTROL.test(s)) s = s.replace(CONTROL, '');
    const prefix = PRINTK_PREFIX.exec(s) as RegExpExecArray;
    const text = s.slice(prefix[0].length).trim();
    if (text !== '' || prefix[1] !== undefined) out.push({ text, timestamped: prefix[1] !== undefined });
  }
  return out;
}
