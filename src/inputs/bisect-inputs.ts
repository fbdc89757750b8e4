import { Input } from '../constants.ts';
import { InputError } from '../errors.ts';
import { type BisectMode, type BisectSettings } from '../types/inputs.ts';

// Every BisectMode of the floor's union: a Record makes the compiler refuse one left out.
const MODES: Record<BisectMode, true> = { 'new-failures': true, 'new-errors': true };
/**
 * What a build bisects after it is compared with its baseline: `new-failures` the targets
 * that newly fail to build and the boots that newly fail, `new-errors` also the new error
 * signatures.
 */
export const BISECT_MODES: readonly string[] = ['off', ...Object.keys(MODES)];
export const DEFAULT_BISECT_LIMIT = '1';
export const MAX_BISECT_LIMIT = 20;
export const DEFAULT_BISECT_TIMEOUT = '2h';

/**
 * The bisect request from `bisect` (off, new-failures, new-errors), `bisect-limit` (0 to
 * 20) and `bisect-timeout` (seconds, from parseDuration); undefined when nothing is
 * bisected. The limit is checked whatever the mode, so a typo shows before it matters.
 */
export function parseBisect(mode: string | undefined, limit: string | undefined, timeoutSeconds: number): BisectSettings | undefined {
  const text = mode ?? 'off';
  if (!(BISECT_MODES as readonly string[]).includes(text)) {
    throw new InputError(Input.bisect, text, 'bisect is off (the default), new-failures (targets and boots that newly fail) or new-errors (also new error signatures)');
  }
  const count = limit ?? DEFAULT_BISECT_LIMIT;
  if (!/^\d{1,2}$/.test(count) || Number(count) > MAX_BISECT_LIMIT) {
    throw new InputError(Input.bisectLimit, count, `bisect-limit is a whole number from 0 to ${MAX_BISECT_LIMIT}: how many distinct new regressions to bisect`);
  }
  if (text === 'off') return undefined;
  return { mode: text as BisectMode, limit: Number(count), timeoutSeconds };
}
