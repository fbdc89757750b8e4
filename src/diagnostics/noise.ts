import { InputError } from '../errors.ts';
import { type Diagnostic } from '../parse/diagnostic.ts';

/**
 * Known noise: warnings that say nothing about the tree being built. The defaults are the
 * original builder's filter list; users add their own with the `noise` input. Errors are
 * never filtered, and filtered warnings are still counted.
 */
export const DEFAULT_NOISE: readonly RegExp[] = [
  /return_address should use unwind tables/,
  /NPTL on non MMU needs fixing/,
  /-Wunused-const-variable=/,
  /\.(?:init|fini)_array\b.*section type|section type.*\.(?:init|fini)_array/,
];

/** A noise list: patterns matched against a warning's one-line text (location, message and flag). */
export interface NoiseFilter {
  patterns: readonly RegExp[];
}

/**
 * Parse a user's noise file: one regular expression a line, `#` starts a comment line,
 * blank lines are skipped. Each is added to the defaults. Errors name the line.
 */
export function parseNoiseFile(text: string, input: string): NoiseFilter {
  const patterns = [...DEFAULT_NOISE];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.length > 500) throw new InputError(`${input} line ${i + 1}`, line, 'a noise pattern is at most 500 characters');
    try {
      patterns.push(new RegExp(line));
    } catch (e) {
      throw new InputError(`${input} line ${i + 1}`, line, `each line must be a regular expression: ${(e as Error).message}`);
    }
  });
  return { patterns };
}

export const defaultNoise: NoiseFilter = { patterns: DEFAULT_NOISE };

/** Whether a diagnostic is known noise: warnings only, matched on location, message and flag. */
export function isNoise(d: Diagnostic, noise: NoiseFilter): boolean {
  if (d.severity !== 'warning') return false;
  const text = `${d.file ?? ''}: ${d.message}${d.flag ? ` [${d.flag}]` : ''}`;
  return noise.patterns.some((p) => p.test(text));
}
