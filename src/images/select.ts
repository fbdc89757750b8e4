import semver from 'semver';
import { releaseOf } from '../ref/kernel-version.ts';
import { type KernelVersion } from '../types/ref.ts';
import { type ImageTable } from '../types/image.ts';
import { SourceError } from '../errors.ts';
import { type ImageChoice } from '../types/image.ts';

/**
 * Choose the image for a kernel: the first rule of the table, for the toolchain asked
 * for (gcc unless the `toolchain` input says otherwise), whose range holds the
 * kernel's release. Release candidates count as their release (4.19-rc3 needs what 4.19
 * needs), which semver alone would not do. `forced` (the `image` input) wins over the table.
 */
export function selectImage(table: ImageTable, version: KernelVersion, forced?: string, toolchain = 'gcc'): ImageChoice {
  if (forced) return { image: forced, reason: `image ${forced} was given as input` };
  const release = releaseOf(version);
  for (const rule of table.select.filter((r) => r.toolchain === toolchain)) {
    if (semver.satisfies(release, rule.kernels)) {
      const why = rule.why ? `: ${rule.why}` : '';
      return {
        image: rule.image,
        reason: `kernel ${version.text} (release ${release}) matches '${rule.kernels}' for ${toolchain} in the image table${why}`,
      };
    }
  }
  throw new SourceError(
    `no ${toolchain} rule of the image table matches kernel ${version.text} (release ${release}); ` +
      `the table has ${[...new Set(table.select.map((r) => r.toolchain))].join(', ')} rules; add a rule with "kernels": "*" as the last one`,
  );
}
