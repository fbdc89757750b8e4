/** How one target's boot ended, as kept in results.json. */
export type BootStatus = 'pass' | 'fail' | 'skipped';

/** One target's boot, as kept in results.json. */
export interface BootResult {
  status: BootStatus;
  /** For `fail`: kernel panic, oops, timeout, no console output, init not reached, ...; for `skipped`: why. */
  reason?: string;
  /** What the console said of it: the panic message, the last line before a timeout, ... */
  message?: string;
  /** The QEMU machine it booted on, e.g. `qemu-system-x86_64 -M q35`. */
  machine?: string;
  durationSeconds?: number;
  /** The console log, relative to the results folder. */
  console?: string;
  /** The release (`uname -r`) the init printed. */
  release?: string;
  /** Error-class splats (panics, oopses, BUGs, ...) and WARNINGs its console showed. */
  errors?: number;
  warnings?: number;
}
