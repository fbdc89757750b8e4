import type { Diagnostic } from '../types/diagnostics.ts';
import type { BootVerdict, ConsoleSummary, QemuExit } from './types.ts';
import type { BootFailureReason } from '../types/boot.ts';
import { formatLocation } from '../values/issue-line.ts';

function fail(reason: BootFailureReason, message: string, d?: Diagnostic): BootVerdict {
  return {
    status: 'fail', reason, message,
    ...(d?.file === undefined ? {} : { file: d.file }),
    ...(d?.line === undefined ? {} : { line: d.line }),
    ...(d === undefined ? {} : { signature: d.signature }),
  };
}

function where(d: Diagnostic): string {
  return d.file === undefined ? '' : ` at ${formatLocation(d.file, d.line)}`;
}

function lastSeen(s: ConsoleSummary): string {
  const last = s.lastLines.at(-1);
  return last === undefined ? 'nothing' : `"${last}"`;
}

const PANIC_PREFIX = 'Kernel panic - not syncing: ';

/**
 * The verdict of one boot, from what its console showed and how QEMU ended. Pure: the
 * boot pipeline runs QEMU and the parser, this only decides.
 *
 * A boot passes when the init printed the sentinel, QEMU then exited 0 by itself (the init
 * powers the machine off; QEMU runs with -no-reboot) and the kernel reported no error.
 * WARNINGs do not fail a boot. Otherwise the first that applies of, in this order:
 *
 * 1. `kernel panic` / `oops`: the first crash, whichever came first, whatever followed. An
 *    Oops in init makes the kernel panic ("Attempted to kill init!", "Fatal exception"): the
 *    Oops is the cause, so it is the verdict, its panic named in the message. A panic that
 *    then hangs until the timeout is still a panic.
 * 2. `qemu error`: QEMU exited non-zero (or died of a signal) without being killed for the
 *    timeout. With -no-reboot a guest that powers off, resets or triple-faults makes QEMU
 *    exit 0, so a non-zero exit is QEMU's own failure (bad machine arguments, an image it
 *    cannot load, no memory): calling it "no console output" would send the reader to the
 *    kernel for a fault of the machine.
 * 3. `no console output`: the kernel printed nothing, timed out or not (a wrong console, a
 *    kernel that dies before its console starts); firmware lines alone do not count.
 * 4. `timeout`: killed at the boot timeout, with what was last seen (a spinning initcall
 *    may print an RCU stall first: the timeout is what the reader must know, the stall is
 *    in the message and in the diagnostics).
 * 5. `kernel error`: the machine powered off, but the kernel reported a BUG, KASAN, UBSAN,
 *    hung task or RCU stall.
 * 6. `init not reached`: the machine stopped by itself before init was started.
 * 7. `no sentinel`: init was started, but the machine stopped without the sentinel.
 */
export function bootVerdict(s: ConsoleSummary, qemu: QemuExit): BootVerdict {
  const crash = s.crash;
  if (crash?.kind === 'panic') return fail('kernel panic', crash.message.slice(PANIC_PREFIX.length) || crash.message, crash);
  if (crash !== undefined) {
    const then = s.panicAfterCrash === undefined ? '' : `, then ${s.panicAfterCrash.message}`;
    return fail('oops', `${crash.message}${where(crash)}${then}`, crash);
  }
  if (!qemu.timedOut && qemu.exitCode !== 0) {
    const how = qemu.exitCode === null ? 'QEMU died of a signal' : `QEMU exited with code ${qemu.exitCode}`;
    return fail('qemu error', `${how}; last seen: ${lastSeen(s)}`);
  }
  if (!s.kernelOutput) {
    return fail('no console output', s.output ? `nothing from the kernel; last seen: ${lastSeen(s)}` : 'the console stayed empty');
  }
  if (qemu.timedOut) {
    const stage = s.release !== undefined ? 'the sentinel came but the machine did not power off' : s.initStarted ? 'init started but printed no sentinel' : 'init was not started';
    const error = s.firstError === undefined ? '' : `; ${s.firstError.message}${where(s.firstError)}`;
    return fail('timeout', `killed at the boot timeout: ${stage}${error}; last seen: ${lastSeen(s)}`, s.firstError);
  }
  if (s.firstError !== undefined) return fail('kernel error', `${s.firstError.message}${where(s.firstError)}`, s.firstError);
  if (!s.initStarted && s.release === undefined) return fail('init not reached', `the machine stopped before init; last seen: ${lastSeen(s)}`);
  if (s.release === undefined) return fail('no sentinel', `init started but the machine stopped without the sentinel; last seen: ${lastSeen(s)}`);
  return { status: 'pass', release: s.release, warnings: s.warnings };
}

/** One line for summaries and emails: `pass`, `fail: kernel panic: <message>`, `skipped: <why>`. */
export function formatVerdict(v: BootVerdict): string {
  switch (v.status) {
    case 'pass':
      return v.warnings === 0 ? 'pass' : `pass (${v.warnings} boot warning${v.warnings === 1 ? '' : 's'})`;
    case 'fail':
      return `fail: ${v.reason}: ${v.message}`;
    case 'skipped':
      return `skipped: ${v.message}`;
  }
}
