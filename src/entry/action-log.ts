import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { type Log } from '../log.ts';

/**
 * The action's log. Build output is echoed between `::stop-commands::<token>` and
 * `::<token>::`, so a tree whose build prints `::set-output` or `::add-mask` lines cannot
 * issue workflow commands; the token is random per build so the tree cannot guess it.
 * Phases are `::group::` folds; the runner cannot nest them, so a new one closes the last.
 */
export function actionLog(write: (text: string) => void = (t) => process.stdout.write(t)): Log {
  let token: string | undefined;
  let grouped = false;
  const endGroup = () => {
    if (grouped) write('::endgroup::\n');
    grouped = false;
  };
  return {
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    progress: (m) => core.info(m),
    group(title) {
      endGroup();
      write(`::group::${title}\n`);
      grouped = true;
    },
    endGroup,
    beginBuildOutput() {
      token = randomUUID();
      write(`::stop-commands::${token}\n`);
    },
    buildOutput: (line) => write(`${line}\n`),
    endBuildOutput() {
      if (token) write(`::${token}::\n`);
      token = undefined;
    },
  };
}
