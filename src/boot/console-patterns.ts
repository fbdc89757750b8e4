import type { DiagnosticKind, Severity } from '../types/diagnostics.ts';

/**
 * The first line of a kernel report, read: what it is, and where the console says it is.
 * The formats are those of Linux 6.1 (the file that prints each is named beside its pattern).
 */
export interface ReportHeader {
  kind: DiagnosticKind;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /**
   * A report that the arch's die() follows with its own Oops line (a page fault, `kernel
   * BUG at`): that Oops line belongs to this report, it is not a new one.
   */
  expectsOopsLine?: boolean;
  /** The message leaves out part of the line (a fault's address): keep the line as the first of the detail. */
  keepLine?: boolean;
  /** An Oops line itself (x86 `Oops: 0002 [#1]`, arm64 `Internal error: Oops: ... [#1]`, riscv `Oops [#1]`). */
  isOopsLine?: boolean;
}

/** `func+0x1c/0x30`, `func+0x1c/0x30 [module]`, or a bare address when the kernel has no kallsyms. */
const SYMBOL = /^(?:([\w.$]+)\+0x[0-9a-f]+\/0x[0-9a-f]+(?:\s+\[[^\]]*\])?|0x[0-9a-f]+)$/;

/** The function of a `%pS` symbol, or undefined for a bare address. */
export function functionOf(symbol: string): string | undefined {
  return SYMBOL.exec(symbol.trim())?.[1];
}

const error = 'error' as const;

// kernel/panic.c panic()
const PANIC = /^Kernel panic - not syncing: (.*)$/;
// kernel/panic.c __warn(), with and without the file of the WARN.
const WARNING_AT = /^WARNING: CPU: \d+ PID: \d+ at (?:(\S+):(\d+) )?(.+)$/;
// Other WARNINGs: lockdep ("possible circular locking dependency detected"), RCU-lockdep.
const WARNING = /^WARNING: (.+)$/;
// arch/x86/mm/fault.c show_fault_oops(); arm64, arm and riscv die_kernel_fault().
const X86_FAULT = /^(BUG: (?:kernel NULL pointer dereference|unable to handle (?:page fault|kernel \w[\w ]*?)))(?:, address:| at| for address:) (\S+)$/;
const FAULT = /^(Unable to handle kernel .+?) at virtual address (\S+)$/;
// lib/bug.c report_bug().
const KERNEL_BUG_AT = /^kernel BUG at (\S+?):(\d+)!$/i;
const KERNEL_BUG_UNAVAILABLE = /^Kernel BUG at (\S+) \[verbose debug info unavailable\]$/;
// arch/x86/kernel/dumpstack.c __die_header(): "<what>: <error code> [#N] <flags>".
const X86_OOPS = /^(.+?): [0-9a-f]{4} \[#\d+\]/;
// arch/arm64/kernel/traps.c and arch/arm/kernel/traps.c __die().
const ARM_OOPS = /^Internal error: (.+?): [0-9a-f]+ \[#\d+\]/;
// arch/riscv/kernel/traps.c die(): "<what> [#N]".
const RISCV_OOPS = /^((?:Oops|Kernel BUG)\b.*?) \[#\d+\]$/;
// mm/kasan/report.c print_error_description().
const KASAN = /^BUG: KASAN: (.+)$/;
// kernel/watchdog.c prints its soft lockup BUG after its pr_fmt.
const BUG = /^(?:watchdog: )?(BUG: .+)$/;
// The place some BUGs name at their end: kernel/sched/core.c __might_resched() and others.
const BUG_AT = /^(.+?) at (\S+?):(\d+)$/;
// lib/ubsan.c ubsan_prologue().
const UBSAN = /^UBSAN: (.+?) in (\S+?):(\d+):(\d+)$/;
// kernel/hung_task.c check_hung_task().
const HUNG_TASK = /^INFO: task (.+):\d+ blocked for more than (\d+) seconds\.$/;
// kernel/rcu/tree_stall.h print_other_cpu_stall() and print_cpu_stall().
const RCU_STALL = /^(?:rcu: )?INFO: (rcu_\w+ (?:detected stalls? on .+?|self-detected stall on CPU)):?$/;

// What every pattern below starts with (x86's Oops line has its "[#N]"): one test passes
// over the ordinary boot lines.
const MAYBE_HEADER = /^(?:Kernel (?:panic|BUG)|kernel BUG|WARNING: |BUG: |Unable to handle|Internal error: |watchdog: BUG|UBSAN: |INFO: |rcu: INFO: |Oops)| \[#\d+\]/;

/** Reads the first line of a kernel report (printk prefix removed); null if the line starts none. */
export function matchHeader(text: string): ReportHeader | null {
  if (!MAYBE_HEADER.test(text)) return null;

  let m = PANIC.exec(text);
  if (m !== null) return { kind: 'panic', severity: error, message: text };
  if ((m = WARNING_AT.exec(text)) !== null) {
    const fn = functionOf(m[3]);
    return {
      kind: 'boot-warning', severity: 'warning', message: fn === undefined ? 'WARNING' : `WARNING in ${fn}`,
      ...(m[1] === undefined ? {} : { file: m[1], line: Number(m[2]) }),
    };
  }
  if ((m = X86_FAULT.exec(text) ?? FAULT.exec(text)) !== null) {
    return { kind: 'oops', severity: error, message: m[1], expectsOopsLine: true, keepLine: true };
  }
  if ((m = KERNEL_BUG_AT.exec(text)) !== null) {
    return { kind: 'oops', severity: error, message: 'kernel BUG', file: m[1], line: Number(m[2]), expectsOopsLine: true };
  }
  if (KERNEL_BUG_UNAVAILABLE.test(text)) return { kind: 'oops', severity: error, message: 'kernel BUG', expectsOopsLine: true };
  if ((m = ARM_OOPS.exec(text)) !== null) return { kind: 'oops', severity: error, message: `Internal error: ${m[1]}`, isOopsLine: true };
  if ((m = KASAN.exec(text)) !== null) return { kind: 'kasan', severity: error, message: `BUG: KASAN: ${m[1]}` };
  if ((m = BUG.exec(text)) !== null) {
    const at = BUG_AT.exec(m[1]);
    if (at === null) return { kind: 'bug', severity: error, message: m[1] };
    return { kind: 'bug', severity: error, message: at[1], file: at[2], line: Number(at[3]) };
  }
  if ((m = UBSAN.exec(text)) !== null) {
    return { kind: 'ubsan', severity: error, message: `UBSAN: ${m[1]}`, file: m[2], line: Number(m[3]), column: Number(m[4]) };
  }
  if ((m = HUNG_TASK.exec(text)) !== null) {
    return { kind: 'hung-task', severity: error, message: `INFO: task ${m[1]} blocked for more than ${m[2]} seconds` };
  }
  if ((m = RCU_STALL.exec(text)) !== null) return { kind: 'rcu-stall', severity: error, message: `rcu: INFO: ${m[1]}` };
  if (WARNING.test(text)) return { kind: 'boot-warning', severity: 'warning', message: text };
  if ((m = RISCV_OOPS.exec(text) ?? X86_OOPS.exec(text)) !== null) {
    return { kind: 'oops', severity: error, message: m[1], isOopsLine: true };
  }
  return null;
}

/** `------------[ cut here ]------------` (include/asm-generic/bug.h), and arm's `8<--- cut here ---`. */
export const CUT_HERE = /^(?:-+\[ cut here \]-+|8<-+ cut here -+)$/;
/** The lines that end a report: kernel/panic.c print_oops_end_marker() and the end of panic(). */
export const END_MARKER = /^---\[ end (?:trace [0-9a-f]+|Kernel panic - not syncing: .*) \]---$/;
/** The line before a call trace: x86, riscv `Call Trace:`, arm64 `Call trace:`, arm `Backtrace:`. */
export const TRACE_START = /^(?:Call [Tt]race:|Backtrace:)$/;
/**
 * One frame of a call trace: x86 and arm64 ` func+0x1c/0x30`, x86's unreliable `? func`,
 * riscv and arm `[<ffffffff80001234>] func+...`, a bare address without kallsyms, and x86's
 * stack names `<TASK>`, `</IRQ>`.
 */
export const FRAME = /^(?:\[<[0-9a-f]+>\]\s*)?(?:\? )?(?:[\w.$]+\+0x[0-9a-f]+\/0x[0-9a-f]+(?:\s+\[[^\]]*\])?|0x[0-9a-f]+|<\/?[A-Z]+>)$/;
/** The riscv and arm frames, which riscv's die() prints without a `Call Trace:` line before them. */
export const BRACKETED_FRAME = /^\[<[0-9a-f]+>\]/;
/**
 * A register dump line, which x86 prints inside a trace where it changes stacks (`RIP:`,
 * `Code:`, `RAX: ...`), as do arm64 (`Code:`) and NMI backtraces (`CPU: 1 PID: 0 ...`).
 */
export const REGISTERS = /^(?:[A-Z][A-Z0-9]{1,3}|Code|NMI backtrace for cpu \d+|Sending NMI from CPU \d+ to CPUs [\d,-]+):/;
/** The line naming the faulting instruction: x86 `RIP: 0010:func+0x5/0x10`, i386 `EIP:`, arm64 `pc :`, riscv `epc :`. */
export const PC = /^(?:RIP: [0-9a-f]{4}:|EIP: |pc : |epc : )(\S+(?: \[[^\]]*\])?)$/;
/**
 * Lines where a report's explanation stops and its standard dump begins: dump_stack's
 * `CPU: 0 PID: 1 Comm: ...`, `Hardware name:`, `Modules linked in:`, registers (a trace too).
 */
export const DUMP_START = /^(?:CPU: \d+ PID: \d+|Hardware name:|Modules linked in:)|^(?:[A-Z][A-Z0-9]{1,3}|[a-z0-9]{2,3} ?|Code): /;
