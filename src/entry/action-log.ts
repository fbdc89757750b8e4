import { randomUUID } from 'node:crypto';
import { type Log } from '../log.ts';
import { runnerLogLine } from '../text/runner-log.ts';
import { showControls } from '../text/controls.ts';
import { type Annotation } from '../report/annotations.ts';

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
    warning: (m) => write(`::warning::${commandData(m)}\n`),
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

/**
 * A command's data as @actions/core escapes it, its controls first shown as escapes (so no
 * CR or LF is left, and only `%` is to do). The runner reads no command inside another's
 * data, so `##[` and `::` are left as they are there.
 */
function commandData(text: string): string {
  return showControls(text).replaceAll('%', '%25');
}

/** A command's property value: its data escapes and `:` and `,`, which would end the value. */
function commandProperty(text: string): string {
  return commandData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * An annotation's command line, as @actions/core's error() and warning() write it
 * (`::error title=..,file=..,line=..,col=..::message`), every text of it (a diagnostic
 * from the build, a commit's subject and author) first made one visible line by
 * `showControls`: @actions/core would escape CR and LF but write ESC and the other
 * controls raw.
 */
export function annotationLine(a: Annotation): string {
  const properties = Object.entries({ title: a.title, file: a.file, line: a.startLine, col: a.startColumn })
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${commandProperty(String(v))}`);
  return `::${a.severity}${properties.length > 0 ? ` ${properties.join(',')}` : ''}::${commandData(a.message)}\n`;
}

/**
 * Fail the step with `message`, as @actions/core's setFailed does (an error annotation and
 * exit code 1), its text through annotationLine's escaping: the message may quote a tree
 * (target names, a run error's output).
 */
export function failStep(message: string, write: (text: string) => void = (t) => process.stdout.write(t)): void {
  process.exitCode = 1;
  write(annotationLine({ severity: 'error', title: '', message }));
}
