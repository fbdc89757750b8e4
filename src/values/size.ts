import { InputError } from '../errors.ts';

// Sizes as Docker takes them (tmpfs-size, memory, ccache-size, logs-limit).
const SIZE = /^([1-9][0-9]{0,12})([kmg]?)$/i;
const SIZE_UNITS: Record<string, number> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };
const MIN_SIZE = 16 * 2 ** 20;
const MAX_SIZE = 4 * 2 ** 40;

/** A tmpfs size as Docker takes it (`60g`, `512m`), between 16 MiB and 4 TiB. */
export function parseSize(input: string, text: string): string {
  const m = SIZE.exec(text.trim());
  const bytes = m ? Number(m[1]) * SIZE_UNITS[m[2].toLowerCase()] : NaN;
  if (!(bytes >= MIN_SIZE && bytes <= MAX_SIZE)) {
    throw new InputError(input, text, 'a size is a whole number with an optional unit k, m or g, from 16m to 4096g (e.g. 60g)');
  }
  return `${m![1]}${m![2].toLowerCase()}`;
}

/** Bytes of a size parseSize accepted. */
export function sizeInBytes(size: string): number {
  const m = SIZE.exec(size)!;
  return Number(m[1]) * SIZE_UNITS[m[2]];
}
