// `arch/config`, the name a target goes by in logs, reports and outputs, and the arches it may name.
import { type Target } from '../types/targets.ts';

/** The ARCH values of mainline Linux, past and present. */
export const KERNEL_ARCHES = [
  'alpha', 'arc', 'arm', 'arm64', 'csky', 'hexagon', 'ia64', 'loongarch', 'm68k', 'microblaze', 'mips',
  'nios2', 'openrisc', 'parisc', 'powerpc', 'riscv', 's390', 'sh', 'sparc', 'um', 'x86', 'xtensa',
];

/** `arch/config`, the name a target goes by in logs, reports and outputs. */
export function targetName(t: Target): string {
  return `${t.arch}/${t.config}`;
}
