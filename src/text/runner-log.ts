import { escapeCharacter, showControls } from './controls.ts';

/**
 * What the GitHub Actions runner reads as a workflow command in a line of a step's output
 * (actions/runner src/Runner.Common/ActionCommand.cs, src/Runner.Worker/ActionCommandManager.cs):
 * - `::name ...::data` when the line, its leading white space trimmed, starts with `::`;
 * - `##[name ...]data` ANYWHERE in the line (the older form, found with IndexOf);
 * and a lone CR ends a line as LF does. A stop-commands fence is closed by its token in
 * either form. The runner finds `::` and `##[` with .NET's culture-sensitive StartsWith
 * and IndexOf, which under ICU skip characters that collate as nothing: controls (shown
 * as escapes already), format characters and default-ignorables (soft hyphen, zero-width
 * space, U+FEFF...), so `#\u00ad#[error]` is a command there too.
 */

/** A character ICU may skip when it compares, once the controls are escapes. */
const IGNORED = String.raw`[\p{Cf}\p{Default_Ignorable_Code_Point}]`;

/** Every `##[`, skipped characters allowed between: its `[` is escaped. */
const OLD_FORM = new RegExp(String.raw`(#${IGNORED}*#${IGNORED}*)\[`, 'gu');

/** A leading `::` after .NET's white space (`\s` holds all of it that is not an escape already) and skipped characters: its first `:` is escaped. */
const NEW_FORM = new RegExp(String.raw`^((?:\s|${IGNORED})*):(?=${IGNORED}*:)`, 'u');

/**
 * One line for the runner's log that the runner cannot read as a command: controls (CR
 * and LF among them) as visible escapes (see showControls), then the `[` of every `##[`
 * and the first `:` of a leading `::` as `\x5b` and `\x3a`. Every line bound for the
 * action's log passes here: src/entry/action-log.ts is the one sink.
 */
export function runnerLogLine(text: string): string {
  return showControls(text)
    .replace(OLD_FORM, (_, hashes: string) => `${hashes}${escapeCharacter('[')}`)
    .replace(NEW_FORM, (_, space: string) => `${space}${escapeCharacter(':')}`);
}
