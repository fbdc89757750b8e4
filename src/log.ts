/**
 * Where kernelbuilder tells its user what happens: the action log through
 * @actions/core, or the terminal for the CLI. Build output from the container is
 * untrusted and goes through `buildOutput`, between `beginBuildOutput` and
 * `endBuildOutput`, so that a front can keep it from being read as commands.
 */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
  beginBuildOutput(): void;
  buildOutput(line: string): void;
  endBuildOutput(): void;
}
