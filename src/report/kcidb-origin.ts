import { InputError } from '../errors.ts';
import { Input } from '../constants.ts';

/** The origin kcidb.json's ids start with when the kcidb-origin input is not given. */
export const DEFAULT_KCIDB_ORIGIN = 'kernelbuilder';

/** A KCIDB origin: what the I/O schema allows in the part of an id before the colon. */
export function parseKcidbOrigin(text: string): string {
  if (!/^[a-z0-9_]{1,64}$/.test(text)) throw new InputError(Input.kcidbOrigin, text, 'a KCIDB origin is lower-case letters, digits and _ (e.g. kernelbuilder), at most 64 characters');
  return text;
}
