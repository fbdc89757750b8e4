import semver from 'semver';
import { releaseOf } from '../ref/kernel-version.ts';
import { type KernelVersion } from '../types/ref.ts';
import { type ImageTable } from '../types/image.ts';
import { InputError, SourceError } from '../errors.ts';
import { type CompilerImageChoice, type ImageChoice } from '../types/image.ts';
import { Input } from '../constants.ts';

/**
 * Choose the image for a kernel: the first rule of the table, for the toolchain asked
 * for (gcc unless the `toolchain` input says otherwise), whose range holds the
 * kernel's release. Release candidates count as their release (4.19-rc3 needs what 4.19
 * needs), which semver alone would not do. `forced` (the `image` input) wins over the table.
 */
export function selectImage(table: ImageTable, version: KernelVersion, forced?: string, toolchain = 'gcc'): ImageChoice {
  if (forced) return { image: forced, reason: `image ${forced} was given as input` };
  const release = releaseOf(version);
  for (const rule of table.select.filter((r) => r.toolchain === toolchain && r.compilers === undefined)) {
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
      `the table has ${[...new Set(table.select.filter((r) => r.compilers === undefined).map((r) => r.toolchain))].join(', ')} rules; add a rule with "kernels": "*" as the last one`,
  );
}

/**
 * Choose the image for a compiler matrix (the `toolchains` input): the first rule of the
 * table with compilers whose range holds the kernel's release and whose image holds every
 * compiler asked for. A compiler the rule gives no support for this kernel is returned in
 * `unsupported`, with why: its targets are skipped, never failed. `forced` (the `image`
 * input) wins, and is taken to hold what was asked (a compiler it lacks fails its targets).
 */
export function selectCompilerImage(table: ImageTable, version: KernelVersion, compilers: string[], forced?: string): CompilerImageChoice {
  if (forced) return { image: forced, reason: `image ${forced} was given as input`, unsupported: {} };
  const release = releaseOf(version);
  const rules = table.select.filter((r) => r.compilers !== undefined);
  const rule = rules.find((r) => semver.satisfies(release, r.kernels) && compilers.every((c) => r.compilers![c] !== undefined));
  if (rule === undefined) {
    const offered = rules.filter((r) => semver.satisfies(release, r.kernels)).map((r) => `${r.image} (${Object.keys(r.compilers!).join(' ')})`);
    throw new InputError(
      Input.toolchains,
      compilers.join(' '),
      offered.length > 0
        ? `no image of the image table holds them all for kernel ${version.text}; its images for that kernel: ${offered.join(', ')}`
        : `no rule of the image table with compilers matches kernel ${version.text} (release ${release})`,
    );
  }
  const unsupported: Record<string, string> = {};
  for (const c of compilers) {
    const range = rule.compilers![c]!;
    if (!semver.satisfies(release, range)) unsupported[c] = `${c} does not build Linux ${version.text}: the image table gives it kernels '${range}'`;
  }
  const why = rule.why ? `: ${rule.why}` : '';
  return { image: rule.image, reason: `kernel ${version.text} (release ${release}) matches '${rule.kernels}' for compilers ${compilers.join(' ')} in the image table${why}`, unsupported };
}
