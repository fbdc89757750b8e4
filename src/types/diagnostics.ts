// Types only: what the log parser finds and the diagnostics stage makes of it. Imports
// nothing, so that any module may import it.

/**
 * Which tool of a kernel build reported a diagnostic, or, for the kinds after `directive`,
 * which kernel report a boot console printed (src/boot/console-parser.ts).
 */
export type DiagnosticKind =
  | 'compiler'
  | 'linker'
  | 'modpost'
  | 'section-mismatch'
  | 'kconfig'
  | 'dtc'
  | 'assembler'
  | 'make'
  | 'syscall'
  | 'directive'
  /**
   * scripts/kernel-doc, which W=1 runs on each C file after compiling it (cmd_checkdoc):
   * "file:line: warning: ..." as the compiler's, but never with a column or a [-Wflag],
   * which gcc and clang always print. Counted as warnings: they are W=1's.
   */
  | 'kernel-doc'
  /**
   * kbuild's checker (make C=1 / C=2 runs sparse on each C file after compiling it): its
   * findings print like the compiler's, so the parser tells them apart by the `CHECK` line
   * before them (src/parse/sparse.ts). They never fail a build.
   */
  | 'sparse'
  /**
   * A KUnit case that failed or crashed in every run it was in (src/diagnostics/kunit-issues.ts
   * makes one of each from results.json's kunit cases): its message `<suite>.<case>: ...`,
   * its place the failed expectation's. Counted apart, never as a build's error.
   */
  | 'kunit'
  // Boot console reports.
  /** `Kernel panic - not syncing: ...` */
  | 'panic'
  /** An Oops (x86 `Oops: 0002 [#1]`, arm64 `Internal error: Oops: ...`, a page fault, `kernel BUG at file:line!`). */
  | 'oops'
  /** `BUG: <what>` reports that do not kill the task: sleeping in atomic context, spinlock debugging, soft lockups. */
  | 'bug'
  /** `WARNING: CPU: N PID: N at file:line function` and other `WARNING:` reports (lockdep): they do not fail a boot. */
  | 'boot-warning'
  | 'kasan'
  | 'ubsan'
  /** `INFO: task <comm>:<pid> blocked for more than N seconds.` */
  | 'hung-task'
  /** `rcu: INFO: rcu_sched detected stalls on CPUs/tasks:` and self-detected stalls. */
  | 'rcu-stall';

/** Severity as reported by the tool; gcc's "fatal error" is an `error`. */
export type Severity = 'error' | 'warning' | 'note';

/** One problem found in a kernel build log or boot console. */
export interface Diagnostic {
  kind: DiagnosticKind;
  severity: Severity;
  /** Path relative to the kernel tree (build prefixes and leading `../` removed). */
  file?: string;
  line?: number;
  column?: number;
  /** The tool's message, without the location, the severity and a trailing `[-Wflag]`. */
  message: string;
  /** The warning option that controls it, as `-Wname` even when reported as `-Werror=name`. */
  flag?: string;
  /** Lines printed before the diagnostic that locate it: "In function", "In file included from", "in function" of ld. */
  context: string[];
  /** Lines printed after it that explain it: gcc notes, ld.lld `>>>` lines, Kconfig dependency lines, sparse's `expected`/`got`. */
  detail?: string[];
  /** The build target the log came from, e.g. "x86/tinyconfig", as given to the parser. */
  target?: string;
  /** kind + file + message with line numbers, columns and hex offsets removed: equal across builds and targets. */
  signature: string;
}

/**
 * One distinct problem of a build: the diagnostics that share a signature, across
 * targets. Place and text are the first occurrence's; another target may report another
 * line for the same problem.
 */
export interface Issue extends Omit<Diagnostic, 'target'> {
  /** How many times it was reported, over all targets. */
  count: number;
  /** Targets that reported it, in build order. */
  targets: string[];
  /** Filtered as known noise: counted, not shown as a problem. */
  noise: boolean;
  /** In a compiler matrix, the compilers that reported it when not all of the run's did ("clang-19 only"). */
  onlyCompilers?: string[];
}

/** Why a target failed, when the cause is the machine rather than the code. */
export type FailureReason = 'timeout' | 'out of memory' | 'no space left on /build';

/** One symbol's growth between two builds. */
export interface SymbolChange {
  name: string;
  before: number;
  after: number;
  delta: number;
}
