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

/**
 * How a duration is written: `exact` `1h 2m 3s` (a build's runtime), `wall` `2h 05m`,
 * `7m 30s`, `42s` (a simulated wall at a glance), `rough` `45 s` under 90 s, else whole
 * minutes `12 min` (a live progress line, where seconds would only flicker).
 */
export type DurationStyle = 'exact' | 'wall' | 'rough';

/** Seconds as a person reads them, in one of the styles the reports use. */
export function formatDuration(seconds: number, style: DurationStyle = 'exact'): string {
  if (style === 'rough') return seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
  const whole = style === 'wall' ? Math.round(seconds) : seconds;
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = Math.round(whole % 60);
  if (style === 'wall') {
    const pad = (n: number) => String(n).padStart(2, '0');
    return h > 0 ? `${h}h ${pad(m)}m` : m > 0 ? `${m}m ${pad(s)}s` : `${s}s`;
  }
  return h > 0 ? `${h}h ${m}m ${s}s` : m > 0 ? `${m}m ${s}s` : `${s}s`;
}
