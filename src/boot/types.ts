import type { Diagnostic } from '../types/diagnostics.ts';
import { type BootFailureReason } from '../types/boot.ts';

/** What a boot console showed, as far as the verdict needs it; small whatever the console's length. */
export interface ConsoleSummary {
  /** Console lines read. */
  lines: number;
  /** Whether any line held text at all (firmware such as OpenSBI prints before the kernel). */
  output: boolean;
  /** Whether the kernel printed: its banner, a printk-timestamped line, a report, init or the sentinel. */
  kernelOutput: boolean;
  /** Whether init was started: `kernelbuilder-init: started`, or the kernel's `Run /init as init process`. */
  initStarted: boolean;
  /** The `uname -r` of the sentinel `kernelbuilder-boot: ok <release>`; undefined if it never came. */
  release?: string;
  /** The first panic or Oops: the crash that ended the boot. */
  crash?: Diagnostic;
  /** The first panic, when the crash was an Oops that the kernel then panicked on. */
  panicAfterCrash?: Diagnostic;
  /** The first error that is neither a panic nor an Oops (BUG, KASAN, UBSAN, hung task, RCU stall). */
  firstError?: Diagnostic;
  /** Reports found, by severity. */
  errors: number;
  warnings: number;
  /** The last lines with text, oldest first, cut to a readable length: what was last seen. */
  lastLines: string[];
}

/** How QEMU ended. */
export interface QemuExit {
  /** Its exit code; null if it died of a signal. */
  exitCode: number | null;
  /** True if it was killed because the boot outlived the boot timeout. */
  timedOut: boolean;
}

/** The outcome of booting one target, as results.json keeps it. */
export type BootVerdict =
  | {
      status: 'pass';
      /** The release the booted kernel reported. */
      release: string;
      /** Boot warnings (WARNING splats): counted, they do not fail a boot. */
      warnings: number;
    }
  | {
      status: 'fail';
      reason: BootFailureReason;
      /** What a reader needs to know first: the panic message, the Oops, what was last seen. */
      message: string;
      /** Where the console placed the report that decided it, when it names a place. */
      file?: string;
      line?: number;
      /** The signature of that report, to match it with issues and regressions. */
      signature?: string;
    }
  | {
      status: 'skipped';
      /** Why the target was not booted, e.g. no machine for its arch. */
      message: string;
    };
