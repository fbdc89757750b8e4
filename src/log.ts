/**
 * Where kernelbuilder tells its user what happens: the action log through
 * @actions/core, or the terminal for the CLI. Build output from the container is
 * untrusted and goes through `buildOutput`, between `beginBuildOutput` and
 * `endBuildOutput`, so that a front can keep it from being read as commands.
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
