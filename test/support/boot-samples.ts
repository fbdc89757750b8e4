import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A kept folder of a real built kernel: its boot image, initramfs.cpio and its .config (as `config`). */
export interface BootSample {
  /** Kernel ARCH, the folder's name. */
  arch: string;
  dir: string;
  dotConfig: string;
}

/** The variable that points the boot tests at real kernels: a folder with one kept folder per arch (`x86/`, `arm64/`, `riscv/`). */
export const BOOT_SAMPLES_VAR = 'KB_BOOT_SAMPLES';

/**
 * The real kernels to boot, from $KB_BOOT_SAMPLES/<arch>/ (each with the boot image, initramfs.cpio
 * and `config`), or a reason to skip the tests that need them. Real kernels are built by the
 * pipeline (a small bootable config of the 6.1 tree); this only finds them.
 */
export function bootSamples(env = process.env): { samples: BootSample[] } | { skip: string } {
  const root = env[BOOT_SAMPLES_VAR];
  if (!root) return { skip: `no real kernels to boot: set ${BOOT_SAMPLES_VAR} to a folder of kept folders <arch>/{image,initramfs.cpio,config}` };
  if (!existsSync(root) || !statSync(root).isDirectory()) return { skip: `${BOOT_SAMPLES_VAR}=${root} is not a folder` };
  const samples = readdirSync(root)
    .filter((arch) => existsSync(join(root, arch, 'config')) && existsSync(join(root, arch, 'initramfs.cpio')))
    .sort()
    .map((arch) => ({ arch, dir: join(root, arch), dotConfig: readFileSync(join(root, arch, 'config'), 'utf8') }));
  if (samples.length === 0) return { skip: `${BOOT_SAMPLES_VAR}=${root} has no <arch>/ folder with config and initramfs.cpio` };
  return { samples };
}
