// Durations as users write them (`90m`, `2h`): parsed in one place, so every input takes the same words.
import { InputError } from '../errors.ts';

const DURATION = /^(\d{1,7})([smhd]?)$/;
const DURATION_UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** A duration in seconds from `90m`, `2h`, `3600` or `3600s`: from 1 second to 7 days. */
export function parseDuration(input: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = DURATION.exec(text.trim());
  const seconds = m ? Number(m[1]) * DURATION_UNITS[m[2]] : NaN;
  if (!(seconds >= 1 && seconds <= 7 * 86400)) {
    throw new InputError(input, text, 'a duration is a whole number with an optional unit s, m, h or d, from 1s to 7d (e.g. 90m)');
  }
  return seconds;
}
