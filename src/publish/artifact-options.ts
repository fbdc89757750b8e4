import { InputError } from '../errors.ts';
import { type InputReader } from '../types/inputs.ts';
import { type ArtifactOptions } from '../types/inputs.ts';

/** Names of the artifact inputs, as action.yml will have them. */
export const ArtifactInput = {
  retentionDays: 'artifact-retention-days',
  compressionLevel: 'artifact-compression-level',
} as const;

/** Build logs are plain text that packs well; the service's own default is 6 too. */
export const DEFAULT_COMPRESSION_LEVEL = 6;

/**
 * Read and check the artifact inputs. Pure: the values come through `read`, errors
 * name the input and what is allowed.
 */
export function parseArtifactOptions(read: InputReader): ArtifactOptions {
  const retention = read(ArtifactInput.retentionDays).trim();
  const compression = read(ArtifactInput.compressionLevel).trim();
  return {
    retentionDays: retention === '' ? undefined : wholeNumber(ArtifactInput.retentionDays, retention, 1, 90, 'days to keep the artifacts'),
    compressionLevel:
      compression === ''
        ? DEFAULT_COMPRESSION_LEVEL
        : wholeNumber(ArtifactInput.compressionLevel, compression, 0, 9, 'zlib level: 0 stores, 9 packs hardest'),
  };
}

function wholeNumber(input: string, text: string, min: number, max: number, what: string): number {
  // Digits only: Number() would take '1e1', '0x5' and ' 7 ' too.
  const n = /^[0-9]{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw new InputError(input, text, `a whole number from ${min} to ${max} (${what})`);
  return n;
}
