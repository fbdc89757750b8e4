/**
 * The GitHub Actions runner's reading of a step's output, to check what a run printed
 * with the runner's own rules (actions/runner src/Runner.Common/ActionCommand.cs,
 * src/Runner.Worker/ActionCommandManager.cs), stricter where the runner is culture-bound:
 * - a line ends at LF, CR or CRLF;
 * - `::name props::data` is a command when the line, its leading white space trimmed,
 *   starts with `::` and a second `::` follows;
 * - `##[name props]data` is a command ANYWHERE in a line (the first `##[` with a `]` after it);
 * - after `stop-commands` with data T, nothing is a command until a command named T
 *   (either form, any case) resumes them.
 * The runner compares with .NET's culture-sensitive StartsWith/IndexOf, which under ICU
 * skip characters that collate as nothing; so does this reader, by deleting every such
 * character (controls, format characters, default-ignorables) before it looks.
 * Unlike the runner, every name counts as a command (not only registered ones): a test
 * should find no name of the tree's, known to the runner today or not.
 */

/** One workflow command the runner would act on, and the line it came from. */
export interface RunnerCommand {
  name: string;
  properties: string;
  data: string;
  line: string;
  form: '::' | '##[';
}

/** What ICU may ignore when it compares (tab and the line ends are handled apart). */
const IGNORABLE = /(?![\t\r\n])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** .NET's char.IsWhiteSpace, as TrimStart uses it. */
const DOTNET_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

/** The commands in one line as the runner parses it, or undefined. */
export function parseCommandLine(line: string): RunnerCommand | undefined {
  const seen = line.replace(IGNORABLE, '');
  const trimmed = seen.replace(DOTNET_SPACE, '');
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end >= 0) {
      const info = trimmed.slice(2, end);
      const space = info.indexOf(' ');
      return { name: space < 0 ? info : info.slice(0, space), properties: space < 0 ? '' : info.slice(space + 1), data: trimmed.slice(end + 2), line, form: '::' };
    }
  }
  const prefix = seen.indexOf('##[');
  if (prefix >= 0) {
    const rb = seen.indexOf(']', prefix);
    if (rb >= 0) {
      const info = seen.slice(prefix + 3, rb);
      const space = info.indexOf(' ');
      return { name: space < 0 ? info : info.slice(0, space), properties: space < 0 ? '' : info.slice(space + 1), data: seen.slice(rb + 1), line, form: '##[' };
    }
  }
  return undefined;
}

/**
 * Every command the runner would act on in `output` (a step's stdout), in order,
 * stop-commands and its resuming token included; what a fence silences is left out.
 */
export function runnerCommands(output: string): RunnerCommand[] {
  const found: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const line of output.split(/\r\n|\r|\n/)) {
    const command = parseCommandLine(line);
    if (!command) continue;
    if (stopToken !== undefined) {
      // An empty token is never matched: the runner then stays silent to the end.
      if (stopToken !== '' && command.name.toLowerCase() === stopToken.toLowerCase()) {
        found.push(command);
        stopToken = undefined;
      }
      continue;
    }
    found.push(command);
    if (command.name.toLowerCase() === 'stop-commands') stopToken = command.data;
  }
  return found;
}

/**
 * The commands in `output` that kernelbuilder did not write: ours are the phase groups,
 * the build-output fence and its token, warnings and annotations, and the post step's
 * state (save-state, when the runner gives no GITHUB_STATE file), each on a line of its
 * own that it begins. A command inside a line, or one named otherwise, is the tree's.
 */
export function foreignCommands(output: string): RunnerCommand[] {
  const ours = /^(group|endgroup|warning|error|notice|save-state|stop-commands|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
  const fences = new Set<string>();
  return runnerCommands(output).filter((c) => {
    if (c.form !== '::' || !c.line.startsWith('::') || !ours.test(c.name)) return true;
    if (c.name === 'stop-commands') {
      // Our fence's token is a fresh UUID, opened once and closed by `::<token>::` alone.
      if (!/^[0-9a-f-]{36}$/.test(c.data) || fences.has(c.data)) return true;
      fences.add(c.data);
      return false;
    }
    if (/^[0-9a-f-]{36}$/.test(c.name)) return !fences.has(c.name) || c.line !== `::${c.name}::`;
    return false;
  });
}
