// Sizes as users write them (`60g`, `512m`): parsed in one place, so every input and field takes the same words.
import { InputError } from '../errors.ts';

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

/** A size as Docker writes it (`20g`) as ccache reads it (`20Gi`: binary units, upper case). */
export function ccacheSize(size: string): string {
  const m = SIZE.exec(size);
  if (!m || m[2] === '') return size;
  return `${m[1]}${m[2].toUpperCase()}i`;
}


/**
 * Bytes as a report writes a size: whole MiB (`31 MiB`, `2,048 MiB`), one decimal under
 * one MiB (`0.5 MiB`); with `largest` GiB, sizes from 1 GiB up in GiB, one decimal below
 * 100 GiB (`59.5 GiB`), as the simulator's summary of a whole /build writes them.
 */
export function formatBytes(bytes: number, largest: 'MiB' | 'GiB' = 'MiB'): string {
  const mib = bytes / 2 ** 20;
  if (mib < 1) return `${mib.toFixed(1)} MiB`;
  if (largest === 'MiB' || mib < 1024) return `${Math.round(mib).toLocaleString('en-US')} MiB`;
  const gib = mib / 1024;
  return `${gib < 100 ? gib.toFixed(1) : Math.round(gib)} GiB`;
}
