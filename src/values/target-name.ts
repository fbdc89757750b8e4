// `arch/config`, the name a target goes by in logs, reports and outputs, and the arches it may name.
import { InputError } from '../errors.ts';
import { type Target } from '../types/targets.ts';
import { parseConfigSpec } from './config-spec.ts';
import { COMPILER_SYNTAX, isCompilerName, splitCompiler } from './compiler.ts';

/** The ARCH values of mainline Linux, past and present. */
export const KERNEL_ARCHES = [
  'alpha', 'arc', 'arm', 'arm64', 'csky', 'hexagon', 'ia64', 'loongarch', 'm68k', 'microblaze', 'mips',
  'nios2', 'openrisc', 'parisc', 'powerpc', 'riscv', 's390', 'sh', 'sparc', 'um', 'x86', 'xtensa',
];

/** `arch/config`, the name a target goes by in logs, reports and outputs (`arch/config@compiler` in a compiler matrix). */
export function targetName(t: Target): string {
  return `${t.arch}/${t.config}`;
}

/**
 * The arch and config of a target name already checked (a plan's, a results.json's): split
 * at the first slash, as a config spec may hold none and an arch never does.
 */
export function splitTargetName(name: string): { arch: string; config: string } {
  const slash = name.indexOf('/');
  return { arch: name.slice(0, slash), config: name.slice(slash + 1) };
}

/**
 * An `arch/config` name a user wrote: a kernel arch and a config spec, and after `@` the
 * compiler of a matrix build. `allowed` is what the error tells of the input that refused
 * it; a bad config spec gets parseConfigSpec's.
 */
export function parseTargetName(input: string, text: string, allowed: string): { arch: string; config: string; compiler?: string } {
  const { arch, config } = splitTargetName(text);
  if (!text.includes('/') || !KERNEL_ARCHES.includes(arch)) throw new InputError(input, text, allowed);
  const { spec, compiler } = splitCompiler(config);
  parseConfigSpec(input, spec);
  if (compiler !== undefined && !isCompilerName(compiler)) throw new InputError(input, text, `${allowed}; after @, ${COMPILER_SYNTAX}`);
  return { arch, config, ...(compiler ? { compiler } : {}) };
}
