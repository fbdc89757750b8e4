import { type BootFailureReason } from './types.ts';

/** How one target's boot ended, as kept in results.json. */
export type BootStatus = 'pass' | 'fail' | 'skipped';

/**
 * One target's boot, as kept in results.json: how QEMU ran (machine, exit, timeout) and the
 * verdict its console gave (see bootVerdict), which `report` can read again from the console.
 */
export interface BootResult {
  status: BootStatus;
  /** For `fail`: why, one of the verdict's reasons. */
  reason?: BootFailureReason | 'console not read';
  /** For `fail`, what the console said of it (the panic message, what was last seen); for `skipped`, why. */
  message?: string;
  /** Where the report that decided a failure placed itself, and its signature. */
  file?: string;
  line?: number;
  signature?: string;
  /** The QEMU machine it booted on, e.g. `qemu-system-x86_64 -M q35`. */
  machine?: string;
  durationSeconds?: number;
  /** QEMU's exit code (null: killed by a signal) and whether it was killed at the boot timeout. */
  exitCode?: number | null;
  timedOut?: boolean;
  /** The console log, relative to the results folder. */
  console?: string;
  /** The release (`uname -r`) the init printed. */
  release?: string;
  /** Error-class splats (panics, oopses, BUGs, ...) and WARNINGs the console showed. */
  errors?: number;
  warnings?: number;
  /** The `docker run ... qemu-system-...` line that boots the kept kernel again, on the build machine. */
  reproducer?: string;
}
