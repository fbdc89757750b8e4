/**
 * Where kernelbuilder tells its user what happens: the action log for the runner, or the
 * terminal for the CLI. Any text given to a Log may carry a tree's text (its file and
 * config names, commit subjects, diagnostics): each front is the one door of its medium
 * and makes every line harmless there (src/text/runner-log.ts, src/text/terminal.ts), so
 * callers pass text as it is. Build output from the container goes through
 * `buildOutput`, between `beginBuildOutput` and `endBuildOutput`, which the action log
 * fences besides.
 */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
  /**
   * kernelbuilder's own line on how the build goes (live progress): a terminal may redraw
   * it in place, any other front prints it as a line. Never build output.
   */
  progress(message: string): void;
  /** Open a phase (plan, build, boot, reports), closing the one open: the action log folds it. */
  group(title: string): void;
  /** Close the phase open, if any. */
  endGroup(): void;
  beginBuildOutput(): void;
  buildOutput(line: string): void;
  endBuildOutput(): void;
}
