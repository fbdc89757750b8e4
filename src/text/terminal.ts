import { runnerLogLine } from './runner-log.ts';

/**
 * One line for a terminal: no ESC, BEL, NUL, C1 or other control reaches it raw (a title
 * change, a cleared screen, a redefined key), each shown as an escape instead. What the
 * CLI prints often lands in a CI job's log instead (the CLI run in a workflow step), so
 * the line is also one the runner cannot read as a command: the same rules as
 * `runnerLogLine`. Every line of the CLI's log (src/entry/terminal-log.ts) and every text
 * it prints from a tree passes here.
 */
export function terminalLine(text: string): string {
  return runnerLogLine(text);
}

/** A text of many lines (LF-separated) for a terminal: each line as `terminalLine` makes it, the LFs kept. */
export function terminalText(text: string): string {
  return text.split('\n').map(terminalLine).join('\n');
}

/**
 * A value as pretty-printed JSON for a terminal (plan, matrix, simulate --json): still
 * JSON a program reads back as the same value. JSON.stringify escapes C0 controls, not DEL,
 * C1 (CSI U+009B), line separators or bidi controls: those become `\uXXXX` escapes. No
 * line starts with `::` (each starts with a bracket, a quote or a value), and `#` is never
 * JSON's own, so every `#` is written `\u0023`: no `##[` a runner would read as a command.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[#\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
