import { type Log } from '../log.ts';
import { terminalLine } from '../text/terminal.ts';

/** Erase the line the cursor is on and go back to its start. */
const ERASE_LINE = '\r\x1b[K';

/**
 * The CLI's log, on stderr. On a terminal the progress line is redrawn in place (and
 * erased before any other line, which then scrolls above it); elsewhere (a file, a pipe,
 * a CI log) every line is a plain line of its own. Phases are headed `== build ==`.
 * Every text it is given passes `terminalLine`: a tree's build output, names and commit
 * subjects reach the terminal with no control character of theirs; the only ones
 * written are this log's own (ERASE_LINE).
 */
export function terminalLog(write: (text: string) => void, isTerminal: boolean): Log {
  let drawn = false;
  const line = (text: string) => {
    if (drawn) write(ERASE_LINE);
    drawn = false;
    write(`${terminalLine(text)}\n`);
  };
  return {
    info: line,
    warning: (m) => line(`warning: ${m}`),
    progress(m) {
      if (!isTerminal) return line(m);
      write(`${ERASE_LINE}${terminalLine(m)}`);
      drawn = true;
    },
    group: (title) => line(`== ${title} ==`),
    endGroup: () => undefined,
    beginBuildOutput: () => undefined,
    buildOutput: line,
    endBuildOutput: () => undefined,
  };
}
