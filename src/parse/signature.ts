import type { DiagnosticKind } from '../types/diagnostics.ts';

// Order matters: offsets go first so that "(.text+0x1a3)" becomes "(.text)".
const HEX_OFFSET = /\+?0x[0-9a-fA-F]+(?:\/0x[0-9a-fA-F]+)?/g;
// "sys.c:123:", "Makefile.build:250:", dtc's "x.dts:12.3-20": a position after a name.
const POSITION = /([^\s:]):\d+(?:[.:]\d+)*(?:-\d+(?:\.\d+)?)?(?=[:\s,)\]'"]|$)/g;
// gcc quotes with ‘’ in UTF-8 locales and ' in C; ld quotes with `'.
const QUOTES = /[‘’`]/g;
const SPACES = /\s+/g;

/**
 * Reduce a message to what stays the same when the code around it moves: no line or
 * column numbers, no hex addresses or offsets, one quoting style, single spaces.
 */
export function normaliseMessage(message: string): string {
  return message
    .replace(HEX_OFFSET, '')
    .replace(POSITION, '$1')
    .replace(QUOTES, "'")
    .replace(SPACES, ' ')
    .trim();
}

/**
 * The stable identity of a diagnostic: kind, file and normalised message. sparse's
 * messages name no symbol ("incorrect type in assignment (different address spaces)"), its
 * `expected`/`got` detail names the types: for sparse the detail is part of the identity,
 * joined with " @@ " as the 0-day robot joins them.
 */
export function signatureOf(kind: DiagnosticKind, file: string | undefined, message: string, detail: readonly string[] = []): string {
  const text = kind === 'sparse' && detail.length > 0 ? [message, ...detail].join(' @@ ') : message;
  return `${kind}|${file ?? ''}|${normaliseMessage(text)}`;
}
