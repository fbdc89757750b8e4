import { escapeCharacter } from './controls.ts';

/**
 * What the GitHub Actions runner reads as a workflow command in a line of a step's output
 * (actions/runner src/Runner.Common/ActionCommand.cs, src/Runner.Worker/ActionCommandManager.cs):
 * - `::name ...::data` when the line, its leading white space trimmed, starts with `::`;
 * - `##[name ...]data` ANYWHERE in the line (the older form, found with IndexOf);
 * and a lone CR ends a line as LF does. A stop-commands fence is closed by its token in
 * either form. The runner finds `::` and `##[` with .NET's culture-sensitive StartsWith
 * and IndexOf, which under ICU skip characters that collate as nothing (NUL, soft hyphen,
 * zero-width spaces, U+FEFF...): `#\u00ad#[error]` can be a command there.
 */

/**
 * Characters that end a line or that ICU may ignore when it compares: controls (but tab),
 * format characters, line and paragraph separators, default-ignorable code points.
 */
const UNSEEN = /(?!\t)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

/** .NET's TrimStart trims char.IsWhiteSpace; `\s` holds every such character that is not shown as an escape already. */
const LEADING_COMMAND = /^(\s*):(?=:)/;

/**
 * One line for the runner's log that the runner cannot read as a command: the unseen
 * characters (CR and LF among them) as visible escapes, then the `[` of every `##[` and
 * the first `:` of a leading `::` as `\x5b` and `\x3a`. Every line bound for the
 * action's log passes here: src/entry/action-log.ts is the one sink.
 */
export function runnerLogLine(text: string): string {
  return text
    .replace(UNSEEN, escapeCharacter)
    .replaceAll('##[', `##${escapeCharacter('[')}`)
    .replace(LEADING_COMMAND, (_, space: string) => `${space}${escapeCharacter(':')}`);
}
