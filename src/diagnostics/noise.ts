import { RE2JS, RE2JSSyntaxException } from 're2js';
import { InputError } from '../errors.ts';
import { type Diagnostic } from '../types/diagnostics.ts';
import { type NoiseFilter } from '../types/inputs.ts';

/**
 * Known noise: warnings that say nothing about the tree being built. The defaults are the
 * original builder's filter list; users add their own with the `noise` input. Errors are
 * never filtered, and filtered warnings are still counted.
 */
export const DEFAULT_NOISE: readonly string[] = [
  'return_address should use unwind tables',
  'NPTL on non MMU needs fixing',
  '-Wunused-const-variable=',
  String.raw`\.(?:init|fini)_array\b.*section type|section type.*\.(?:init|fini)_array`,
];

const MAX_PATTERN = 500;

/**
 * Parse a user's noise file: one RE2 regular expression a line (https://github.com/google/re2/wiki/Syntax:
 * no backreferences, no lookaround), `#` starts a comment line, blank lines are skipped. Each
 * is added to the defaults. `input` names the file; an error names the line and what is
 * wrong with it, never what it holds.
 */
export function parseNoiseFile(text: string, input: string): NoiseFilter {
  const patterns = [...defaultNoise.patterns];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `line ${i + 1}`;
    if (line.length > MAX_PATTERN) throw new InputError(input, where, `it is ${line.length} characters; a noise pattern is at most ${MAX_PATTERN}`);
    try {
      patterns.push(RE2JS.compile(line));
    } catch (e) {
      // The exception's message quotes the pattern; its `error` is only what is wrong.
      const what = e instanceof RE2JSSyntaxException ? e.error : 'it does not compile';
      throw new InputError(input, where, `it is not a regular expression RE2 accepts (${what}): noise patterns are RE2 patterns, one a line, without backreferences or lookaround`);
    }
  });
  return { patterns };
}

export const defaultNoise: NoiseFilter = { patterns: DEFAULT_NOISE.map((p) => RE2JS.compile(p)) };

/** Whether a diagnostic is known noise: warnings only, matched on location, message and flag. */
export function isNoise(d: Diagnostic, noise: NoiseFilter): boolean {
  if (d.severity !== 'warning') return false;
  const text = `${d.file ?? ''}: ${d.message}${d.flag ? ` [${d.flag}]` : ''}`;
  return noise.patterns.some((p) => p.test(text));
}
