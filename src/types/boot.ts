// The floor: booting a built kernel, asked for and as results.json keeps it. Imports only src/types, so any module may import it.

/** Why a boot failed; each a distinct verdict. See bootVerdict() for which wins when several apply. */
export type BootFailureReason =
  | 'kernel panic'
  | 'oops'
  | 'qemu error'
  | 'no console output'
  | 'timeout'
  | 'kernel error'
  | 'init not reached'
  | 'no sentinel';

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

/** What a target can keep of what it built, besides System.map and the .config (KEEP_ITEMS lists them in order). */
export type KeepItem = 'kernel' | 'modules' | 'dtbs' | 'debug';

/** Which built targets boot, for how long, and whether QEMU gets /dev/kvm. */
export interface BootSettings {
  /** `all`, or arch/config names of the plan. */
  targets: 'all' | string[];
  timeoutSeconds: number;
  kvm: boolean;
}
