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
