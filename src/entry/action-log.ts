import { randomUUID } from 'node:crypto';
import { type Log } from '../log.ts';
import { runnerLogLine } from '../text/runner-log.ts';

/**
 * The action's log, the one sink through which every line reaches the runner: whatever it
 * is given (kernelbuilder's own words with a tree's names, commit subjects, diagnostics,
 * build output) is one line made harmless by `runnerLogLine`, so no text from a tree can
 * issue a workflow command, in either of the runner's forms or after a CR.
 *
 * Build output is also echoed between `::stop-commands::<token>` and `::<token>::`, a
 * fence kept as a second wall: the token is random per build so the tree cannot guess it.
 * Phases are `::group::` folds; the runner cannot nest them, so a new one closes the last.
 *
 * Every line goes through `write` (stdout by default), warnings included: a warning is
 * written as @actions/core's `warning()` writes it (`::warning::` and its data with `%`,
 * CR and LF percent-encoded), so that nothing bypasses this sink.
 */
export function actionLog(write: (text: string) => void = (t) => process.stdout.write(t)): Log {
  let token: string | undefined;
  let grouped = false;
  const line = (text: string) => write(`${runnerLogLine(text)}\n`);
  const endGroup = () => {
    if (grouped) write('::endgroup::\n');
    grouped = false;
  };
  return {
    info: line,
    // runnerLogLine leaves no CR or LF: of the command data's escapes only `%` is left to do.
    warning: (m) => write(`::warning::${runnerLogLine(m).replaceAll('%', '%25')}\n`),
    progress: line,
    group(title) {
      endGroup();
      write(`::group::${runnerLogLine(title)}\n`);
      grouped = true;
    },
    endGroup,
    beginBuildOutput() {
      token = randomUUID();
      write(`::stop-commands::${token}\n`);
    },
    buildOutput: line,
    endBuildOutput() {
      if (token) write(`::${token}::\n`);
      token = undefined;
    },
  };
}
