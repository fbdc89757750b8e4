import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleParser, MAX_TRACE_LINES, parseConsole } from '../../src/boot/console-parser.ts';
import type { ConsoleSummary, QemuExit } from '../../src/boot/types.ts';
import { bootVerdict, formatVerdict } from '../../src/boot/verdict.ts';
import type { Diagnostic } from '../../src/types/diagnostics.ts';
import { lineBatches } from '../../src/parse/lines.ts';
import { seededRandom } from '../support/seeded-random.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'consoles');

/** The fields a fixture's .expected.json holds of each diagnostic. */
function essentials(d: Diagnostic): Record<string, unknown> {
  const { kind, severity, file, line, column, message, context, detail } = d;
  return Object.fromEntries(Object.entries({ kind, severity, file, line, column, message, context, detail }).filter(([, v]) => v !== undefined));
}

function parse(text: string): { diagnostics: Diagnostic[]; summary: ConsoleSummary } {
  return parseConsole(text.split('\n'));
}

function one(text: string): Diagnostic {
  const { diagnostics } = parse(text);
  assert.equal(diagnostics.length, 1, `expected one diagnostic, got ${JSON.stringify(diagnostics, null, 2)}`);
  return diagnostics[0];
}

/** Lines stamped as printk stamps them. */
function stamped(at: number, lines: string[]): string {
  return lines.map((l) => `[${at.toFixed(6).padStart(12)}] ${l}`).join('\n');
}


const ok: QemuExit = { exitCode: 0, timedOut: false };
const killed: QemuExit = { exitCode: null, timedOut: true };

// ---- fixtures ------------------------------------------------------------------------------

const fixtureNames = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.log'))
  .map((f) => f.slice(0, -4))
  .sort();

test('there are console fixtures for each arch and outcome', () => {
  assert.ok(fixtureNames.length >= 6, `only ${fixtureNames.length} fixtures`);
});

for (const name of fixtureNames) {
  test(`console fixture ${name}`, async () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));
    // Through the streaming path, in odd-sized chunks, as QEMU's output arrives.
    const bytes = readFileSync(join(FIXTURES, `${name}.log`));
    const cuts = [0, 1, 7, 100, 1000, 1001, 4096, bytes.length].filter((n) => n <= bytes.length);
    const chunks = cuts.slice(1).map((cut, i) => bytes.subarray(cuts[i], cut));
    const parser = new ConsoleParser({ target: 'fixture' });
    const got: Diagnostic[] = [];
    for await (const batch of lineBatches(chunks)) for (const line of batch) got.push(...parser.push(line));
    got.push(...parser.end());
    assert.deepEqual(got.map(essentials), expected.diagnostics);
    const summary = parser.summary();
    const { kernelOutput, initStarted, release } = summary;
    assert.deepEqual(Object.fromEntries(Object.entries({ kernelOutput, initStarted, release }).filter(([, v]) => v !== undefined)), expected.summary);
    const verdict = bootVerdict(summary, expected.qemu);
    if (verdict.status === 'fail' && verdict.signature !== undefined) {
      assert.ok(got.some((d) => d.signature === verdict.signature), 'the verdict names a diagnostic of the console');
      delete verdict.signature;
    }
    assert.deepEqual(verdict, expected.verdict);
    for (const d of got) {
      assert.equal(d.target, 'fixture');
      assert.doesNotMatch(d.signature, /0x[0-9a-f]|\d/, 'signatures hold no offsets, addresses or numbers');
    }
  });
}

test('console fixtures are small', () => {
  for (const name of fixtureNames) assert.ok(readFileSync(join(FIXTURES, `${name}.log`)).length < 200 * 1024, name);
});

// ---- each report ---------------------------------------------------------------------------

test('panic: message as printed, call trace as detail, end marker ends it', () => {
  const d = one(stamped(1.5, [
    'Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)',
    'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.192 #1',
    'Call Trace:',
    ' <TASK>',
    ' dump_stack_lvl+0x34/0x48',
    ' panic+0x109/0x2c8',
    ' mount_block_root+0x133/0x1e0',
    ' </TASK>',
    'Kernel Offset: disabled',
    '---[ end Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0) ]---',
  ]));
  assert.equal(d.kind, 'panic');
  assert.equal(d.severity, 'error');
  assert.equal(d.message, 'Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)');
  assert.deepEqual(d.detail, ['<TASK>', 'dump_stack_lvl+0x34/0x48', 'panic+0x109/0x2c8', 'mount_block_root+0x133/0x1e0', '</TASK>']);
  assert.equal(d.signature, 'panic||Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(,)');
});

test('WARN(cond, fmt): its text, printed before the WARNING line, is the context', () => {
  const d = one(stamped(2, [
    '------------[ cut here ]------------',
    'kbfix: value 3 out of range',
    'WARNING: CPU: 1 PID: 42 at drivers/misc/kbfix.c:120 kbfix_probe+0x2a/0x40 [kbfix]',
    'Modules linked in: kbfix',
    'CPU: 1 PID: 42 Comm: kworker/1:2 Tainted: G        W          6.1.192 #1',
    'RIP: 0010:kbfix_probe+0x2a/0x40 [kbfix]',
    'Call Trace:',
    ' <TASK>',
    ' really_probe+0xde/0x380',
    ' </TASK>',
    '---[ end trace 0000000000000000 ]---',
  ]));
  assert.deepEqual(essentials(d), {
    kind: 'boot-warning', severity: 'warning', file: 'drivers/misc/kbfix.c', line: 120, message: 'WARNING in kbfix_probe',
    context: ['kbfix: value 3 out of range'], detail: ['<TASK>', 'really_probe+0xde/0x380', '</TASK>'],
  });
  assert.equal(d.signature, 'boot-warning|drivers/misc/kbfix.c|WARNING in kbfix_probe');
});

test('WARNING without a file (no BUGVERBOSE) and without kallsyms', () => {
  const d = one('WARNING: CPU: 0 PID: 1 at 0xffffffff81234567\n---[ end trace 0000000000000000 ]---');
  assert.deepEqual(essentials(d), { kind: 'boot-warning', severity: 'warning', message: 'WARNING', context: [] });
});

test('lockdep WARNINGs are boot warnings', () => {
  const d = one(stamped(3, ['', '======================================================', 'WARNING: possible circular locking dependency detected', '6.1.192 #1 Not tainted']));
  assert.equal(d.kind, 'boot-warning');
  assert.equal(d.message, 'WARNING: possible circular locking dependency detected');
});

test('x86 general protection fault: an Oops named by its header and the faulting function', () => {
  const d = one(stamped(4, [
    'general protection fault, probably for non-canonical address 0xdead000000000122: 0000 [#1] PREEMPT SMP NOPTI',
    'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.192 #1',
    'RIP: 0010:list_del+0x10/0x30',
    'RSP: 0018:ffffc90000013e98 EFLAGS: 00010246',
    'Call Trace:',
    ' <TASK>',
    ' kbfix_init+0x20/0x40',
    ' </TASK>',
    'Modules linked in:',
    '---[ end trace 0000000000000000 ]---',
  ]));
  assert.equal(d.kind, 'oops');
  assert.equal(d.message, 'general protection fault, probably for non-canonical address 0xdead000000000122 in list_del');
  assert.equal(d.signature, 'oops||general protection fault, probably for non-canonical address in list_del');
  assert.deepEqual(d.detail, ['<TASK>', 'kbfix_init+0x20/0x40', '</TASK>']);
});

test('riscv Oops: a page fault whose frames come without a Call Trace line', () => {
  const d = one(stamped(0.2, [
    'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000',
    'Oops [#1]',
    'Modules linked in:',
    'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.192 #1',
    'Hardware name: riscv-virtio,qemu (DT)',
    'epc : kbfix_init+0xe/0x16',
    ' ra : do_one_initcall+0x3a/0x1b8',
    'epc : ffffffff8080260e ra : ffffffff800020c2 sp : ff2000000000bd90',
    'status: 0000000200000120 badaddr: 0000000000000000 cause: 000000000000000f',
    '[<ffffffff8080260e>] kbfix_init+0xe/0x16',
    '[<ffffffff800020c2>] do_one_initcall+0x3a/0x1b8',
    '[<ffffffff80800f6c>] kernel_init_freeable+0x1c4/0x228',
    '---[ end trace 0000000000000000 ]---',
  ]));
  assert.equal(d.message, 'Unable to handle kernel NULL pointer dereference in kbfix_init');
  assert.deepEqual(d.detail, [
    'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000', 'Oops [#1]',
    '[<ffffffff8080260e>] kbfix_init+0xe/0x16', '[<ffffffff800020c2>] do_one_initcall+0x3a/0x1b8', '[<ffffffff80800f6c>] kernel_init_freeable+0x1c4/0x228',
  ]);
});

test('an Oops line not announced by a fault or a BUG is a report of its own', () => {
  const { diagnostics } = parse('kernel BUG at mm/slub.c:100!\ninvalid opcode: 0000 [#1] SMP\nModules linked in:\nOops: 0000 [#2] SMP');
  assert.deepEqual(diagnostics.map((d) => [d.kind, d.message, d.file, d.line]), [
    ['oops', 'kernel BUG', 'mm/slub.c', 100],
    ['oops', 'Oops', undefined, undefined],
  ]);
  assert.deepEqual(diagnostics[0].detail, ['invalid opcode: 0000 [#1] SMP']);
});

test('Kernel BUG without debug info', () => {
  assert.equal(one('Kernel BUG at 0xffffffff81234567 [verbose debug info unavailable]').message, 'kernel BUG');
});

test('BUG: sleeping function called from invalid context: the place, the explanation, the trace', () => {
  const d = one(stamped(5, [
    'BUG: sleeping function called from invalid context at /build/src/mm/slab.h:723',
    'in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1, name: swapper/0',
    'preempt_count: 1, expected: 0',
    'RCU nest depth: 0, expected: 0',
    'Preemption disabled at:',
    '[<ffffffff81234567>] kbfix_init+0x10/0x40',
    'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.192 #1',
    'Call Trace:',
    ' <TASK>',
    ' dump_stack_lvl+0x34/0x48',
    ' __might_resched.cold+0xc9/0xdc',
    ' kbfix_init+0x1c/0x40',
    ' </TASK>',
    'Freeing unused kernel image (initmem) memory: 808K',
  ]));
  assert.deepEqual(essentials(d), {
    kind: 'bug', severity: 'error', file: 'mm/slab.h', line: 723, message: 'BUG: sleeping function called from invalid context', context: [],
    detail: [
      'in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1, name: swapper/0', 'preempt_count: 1, expected: 0', 'RCU nest depth: 0, expected: 0',
      'Preemption disabled at:', '[<ffffffff81234567>] kbfix_init+0x10/0x40',
      '<TASK>', 'dump_stack_lvl+0x34/0x48', '__might_resched.cold+0xc9/0xdc', 'kbfix_init+0x1c/0x40', '</TASK>',
    ],
  });
});

test('BUG: spinlock and soft lockup: CPU numbers and PIDs are not in the signature', () => {
  const a = one('BUG: spinlock bad magic on CPU#0, swapper/0/1');
  const b = one('BUG: spinlock bad magic on CPU#1, kworker/1:1/35');
  assert.equal(a.kind, 'bug');
  assert.equal(a.message, 'BUG: spinlock bad magic on CPU#0, swapper/0/1');
  assert.equal(a.signature, 'bug||BUG: spinlock bad magic on CPU#, swapper//');
  assert.notEqual(a.signature, one('BUG: spinlock recursion on CPU#0, swapper/0/1').signature);
  const lockup = one('watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [swapper/0:1]');
  assert.equal(lockup.message, 'BUG: soft lockup - CPU#0 stuck for 22s! [swapper/0:1]');
  assert.equal(lockup.signature, one('watchdog: BUG: soft lockup - CPU#3 stuck for 48s! [swapper/0:1]').signature);
  assert.ok(b.signature.startsWith('bug||BUG: spinlock bad magic'));
});

test('KASAN: the bug type and function, the access as explanation', () => {
  const d = one(stamped(6, [
    '==================================================================',
    'BUG: KASAN: slab-out-of-bounds in kbfix_init+0x2a/0x40',
    'Write of size 4 at addr ffff888003a1b2c4 by task swapper/0/1',
    '',
    'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.192 #1',
    'Call Trace:',
    ' <TASK>',
    ' kasan_report+0xb1/0xe0',
    ' kbfix_init+0x2a/0x40',
    ' </TASK>',
    '',
    'Allocated by task 1:',
    ' kasan_save_stack+0x22/0x50',
  ]));
  assert.equal(d.kind, 'kasan');
  assert.equal(d.message, 'BUG: KASAN: slab-out-of-bounds in kbfix_init+0x2a/0x40');
  assert.equal(d.signature, 'kasan||BUG: KASAN: slab-out-of-bounds in kbfix_init');
  assert.deepEqual(d.detail, ['Write of size 4 at addr ffff888003a1b2c4 by task swapper/0/1', '<TASK>', 'kasan_report+0xb1/0xe0', 'kbfix_init+0x2a/0x40', '</TASK>']);
});

test('UBSAN: kind, file, line and column; its explanation before the trace', () => {
  const d = one(stamped(7, [
    '================================================================================',
    'UBSAN: array-index-out-of-bounds in /build/src/kernel/kbfix.c:21:9',
    "index 5 is out of range for type 'int [4]'",
    'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.192 #1',
    'Call Trace:',
    ' <TASK>',
    ' ubsan_epilogue+0x5/0x40',
    ' kbfix_init+0x3c/0x50',
    ' </TASK>',
    '================================================================================',
  ]));
  assert.deepEqual(essentials(d), {
    kind: 'ubsan', severity: 'error', file: 'kernel/kbfix.c', line: 21, column: 9, message: 'UBSAN: array-index-out-of-bounds', context: [],
    detail: ["index 5 is out of range for type 'int [4]'", '<TASK>', 'ubsan_epilogue+0x5/0x40', 'kbfix_init+0x3c/0x50', '</TASK>'],
  });
});

test('hung task: the task, not its pid, in the signature', () => {
  const text = (pid: number, secs: number): string => stamped(secs + 0.5, [
    `INFO: task kbfix:${pid} blocked for more than ${secs} seconds.`,
    '      Not tainted 6.1.192 #1',
    '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
    `task:kbfix           state:D stack:0     pid:${pid}     ppid:2      flags:0x00004000`,
    'Call Trace:',
    ' <TASK>',
    ' __schedule+0x2e0/0x7c0',
    ' schedule+0x5a/0xd0',
    ' kbfix_thread+0x16/0x20',
    ' </TASK>',
  ]);
  const a = one(text(57, 122));
  assert.equal(a.kind, 'hung-task');
  assert.equal(a.message, 'INFO: task kbfix blocked for more than 122 seconds');
  assert.deepEqual(a.detail, ['<TASK>', '__schedule+0x2e0/0x7c0', 'schedule+0x5a/0xd0', 'kbfix_thread+0x16/0x20', '</TASK>']);
  assert.equal(one(text(61, 245)).signature, a.signature);
});

test('RCU stall, with a trace that changes stacks and dumps registers in the middle', () => {
  const d = one(stamped(26, [
    'rcu: INFO: rcu_preempt self-detected stall on CPU',
    'rcu: \t0-....: (21000 ticks this GP) idle=d4c/1/0x4000000000000000 softirq=120/120 fqs=5250',
    '\t(t=21003 jiffies g=-1191 q=3 ncpus=1)',
    'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.192 #1',
    'RIP: 0010:kbfix_init+0x5/0x10',
    'Call Trace:',
    ' <IRQ>',
    ' rcu_sched_clock_irq+0x6ad/0xc50',
    ' update_process_times+0x63/0xa0',
    ' </IRQ>',
    ' <TASK>',
    'RIP: 0010:kbfix_init+0x5/0x10',
    'Code: cc cc cc cc eb fe cc cc',
    'RSP: 0018:ffffc90000013e98 EFLAGS: 00000246',
    ' do_one_initcall+0x41/0x200',
    ' kernel_init+0x16/0x120',
    ' </TASK>',
  ]));
  assert.equal(d.kind, 'rcu-stall');
  assert.equal(d.message, 'rcu: INFO: rcu_preempt self-detected stall on CPU');
  assert.deepEqual(d.detail, ['<IRQ>', 'rcu_sched_clock_irq+0x6ad/0xc50', 'update_process_times+0x63/0xa0', '</IRQ>', '<TASK>', 'do_one_initcall+0x41/0x200', 'kernel_init+0x16/0x120', '</TASK>']);
  assert.equal(one('INFO: rcu_sched detected stalls on CPUs/tasks:').message, 'rcu: INFO: rcu_sched detected stalls on CPUs/tasks');
});

test('the trace is bounded', () => {
  const frames = Array.from({ length: 500 }, (_, i) => ` f${i}+0x1/0x2`);
  const d = one(['Kernel panic - not syncing: deep', 'Call Trace:', ...frames].join('\n'));
  assert.equal(d.detail?.length, MAX_TRACE_LINES);
  assert.equal(d.detail?.[0], 'f0+0x1/0x2');
});

test('a report whose trace never comes ends on its own', () => {
  const { diagnostics } = parse(['BUG: scheduling while atomic: swapper/0/1/0x00000002', ...Array(300).fill('some line'), 'BUG: again'].join('\n'));
  assert.deepEqual(diagnostics.map((d) => d.message), ['BUG: scheduling while atomic: swapper/0/1/0x00000002', 'BUG: again']);
});

// ---- console lines -------------------------------------------------------------------------

test('the same splat in two boots has one signature', () => {
  const boot = (t: number, cpu: number, pid: number, addr: string): Diagnostic[] => parse(stamped(t, [
    '------------[ cut here ]------------',
    `WARNING: CPU: ${cpu} PID: ${pid} at kernel/kbfix.c:${9 + cpu} kbfix_init+0x${(28 + cpu).toString(16)}/0x30`,
    `CPU: ${cpu} PID: ${pid} Comm: swapper/${cpu} Tainted: G        W          6.1.192 #1`,
    `pc : kbfix_init+0x1c/0x30`,
    `sp : ${addr}`,
    'Call trace:',
    ' kbfix_init+0x1c/0x30',
    '---[ end trace 0000000000000000 ]---',
    `BUG: kernel NULL pointer dereference, address: ${addr}`,
    `Oops: 0002 [#${cpu + 1}] PREEMPT SMP NOPTI`,
    `RIP: 0010:kbfix_init+0x${(5 + cpu).toString(16)}/0x10`,
    `Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000${cpu + 9}`,
  ])).diagnostics;
  const a = boot(1.25, 0, 1, '0000000000000000');
  const b = boot(3.5, 1, 77, 'ffff888003a1b2c4');
  assert.equal(a.length, 3);
  assert.deepEqual(a.map((d) => d.signature), b.map((d) => d.signature));
  assert.notDeepEqual(a.map((d) => d.message), b.map((d) => d.message));
});

test('lines with carriage returns, NULs, ANSI escapes, printk levels and callers', () => {
  const { diagnostics, summary } = parseConsole([
    '\x00\x00\x1b[0m\x1b[1;31m[    1.000000][    T1] Kernel panic - not syncing: colourful\x1b[0m\r\r',
    'garbage overwritten\r<0>[    2.000000] Kernel panic - not syncing: after a return',
    'Kernel panic - not syncing: no timestamp\x07',
  ]);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    'Kernel panic - not syncing: colourful', 'Kernel panic - not syncing: after a return', 'Kernel panic - not syncing: no timestamp',
  ]);
  assert.equal(summary.lines, 3);
  assert.equal(summary.kernelOutput, true);
});

test('init and the sentinel, with and without the kernel\'s own line', () => {
  const viaKernel = parse(stamped(0.2, ['Run /init as init process'])).summary;
  assert.equal(viaKernel.initStarted, true);
  assert.equal(viaKernel.release, undefined);
  const viaInit = parse('kernelbuilder-init: started\nkernelbuilder-boot: ok 6.1.192-00001-gabcdef\r').summary;
  assert.equal(viaInit.initStarted, true);
  assert.equal(viaInit.release, '6.1.192-00001-gabcdef');
  // Interleaved with the kernel's output on one line.
  assert.equal(parse('[    0.3] randkernelbuilder-boot: ok 6.1.0om: crng init done').summary.release, '6.1.0om:');
});

test('firmware output is output, not the kernel\'s', () => {
  const s = parse('\nOpenSBI v1.2\nPlatform Name             : riscv-virtio,qemu\n').summary;
  assert.equal(s.output, true);
  assert.equal(s.kernelOutput, false);
  assert.deepEqual(s.lastLines, ['OpenSBI v1.2', 'Platform Name             : riscv-virtio,qemu']);
  assert.equal(parse('Linux version 6.1.192 (kb@x) #1').summary.kernelOutput, true);
  const empty = parseConsole(['', '\r', '\x00\x00']).summary;
  assert.equal(empty.output, false);
  assert.equal(empty.lines, 3);
});

// ---- verdict -------------------------------------------------------------------------------

function summaryOf(text: string): ConsoleSummary {
  return parse(text).summary;
}

const BOOTED = stamped(0.1, ['Linux version 6.1.192 (kb@x) #1', 'Run /init as init process']) + '\nkernelbuilder-init: started\nkernelbuilder-boot: ok 6.1.192\n[    0.2] reboot: Power down';

test('verdict: pass needs the sentinel, a clean exit and no error; WARNINGs are counted', () => {
  assert.deepEqual(bootVerdict(summaryOf(BOOTED), ok), { status: 'pass', release: '6.1.192', warnings: 0 });
  const warned = summaryOf(`WARNING: CPU: 0 PID: 1 at kernel/kbfix.c:9 kbfix_init+0x1c/0x30\n---[ end trace 0000000000000000 ]---\n${BOOTED}`);
  assert.deepEqual(bootVerdict(warned, ok), { status: 'pass', release: '6.1.192', warnings: 1 });
  assert.equal(formatVerdict(bootVerdict(warned, ok)), 'pass (1 boot warning)');
});

test('verdict: each failure is distinct', () => {
  const cases: [string, string, QemuExit, string][] = [
    ['panic then timeout', stamped(1, ['Linux version 6.1.192', 'Kernel panic - not syncing: No working init found.']), killed, 'kernel panic: No working init found.'],
    ['panic after the sentinel', `${BOOTED}\nKernel panic - not syncing: late`, ok, 'kernel panic: late'],
    ['oops then panic', 'Oops: 0000 [#1] SMP\nRIP: 0010:f+0x1/0x2\nKernel panic - not syncing: Fatal exception', ok, 'oops: Oops in f, then Kernel panic - not syncing: Fatal exception'],
    ['qemu failed to start', '', { exitCode: 1, timedOut: false }, 'qemu error: QEMU exited with code 1; last seen: nothing'],
    ['qemu killed by a signal', BOOTED, { exitCode: null, timedOut: false }, 'qemu error: QEMU died of a signal; last seen: "reboot: Power down"'],
    ['silence until the timeout', '', killed, 'no console output: the console stayed empty'],
    ['only firmware', 'OpenSBI v1.2', ok, 'no console output: nothing from the kernel; last seen: "OpenSBI v1.2"'],
    ['hang before init', stamped(1, ['Linux version 6.1.192', 'kbfix: spinning']), killed, 'timeout: killed at the boot timeout: init was not started; last seen: "kbfix: spinning"'],
    ['hang in init', stamped(1, ['Linux version 6.1.192', 'Run /init as init process']), killed, 'timeout: killed at the boot timeout: init started but printed no sentinel; last seen: "Run /init as init process"'],
    ['no power-off', BOOTED, killed, 'timeout: killed at the boot timeout: the sentinel came but the machine did not power off; last seen: "reboot: Power down"'],
    ['stall then timeout', stamped(30, ['Linux version 6.1.192', 'rcu: INFO: rcu_sched self-detected stall on CPU']), killed,
      'timeout: killed at the boot timeout: init was not started; rcu: INFO: rcu_sched self-detected stall on CPU; last seen: "rcu: INFO: rcu_sched self-detected stall on CPU"'],
    ['a UBSAN report in a clean boot', `UBSAN: shift-out-of-bounds in kernel/kbfix.c:3:7\n${BOOTED}`, ok, 'kernel error: UBSAN: shift-out-of-bounds at kernel/kbfix.c:3'],
    ['reset before init', stamped(1, ['Linux version 6.1.192', 'smpboot: CPU0: Intel QEMU Virtual CPU']), ok, 'init not reached: the machine stopped before init; last seen: "smpboot: CPU0: Intel QEMU Virtual CPU"'],
    ['init without sentinel', stamped(1, ['Run /init as init process', 'reboot: Power down']), ok, 'no sentinel: init started but the machine stopped without the sentinel; last seen: "reboot: Power down"'],
  ];
  const reasons = new Set<string>();
  for (const [what, text, qemu, expected] of cases) {
    const v = bootVerdict(summaryOf(text), qemu);
    assert.equal(formatVerdict(v), `fail: ${expected}`, what);
    if (v.status === 'fail') reasons.add(v.reason);
  }
  assert.equal(reasons.size, 8, 'every failure reason is reachable');
});

test('verdict: the place and signature of the deciding report', () => {
  const { diagnostics, summary } = parse('kernel BUG at kernel/kbfix.c:11!\nInternal error: Oops - BUG: 00000000f2000800 [#1] PREEMPT SMP\npc : kbfix_init+0x10/0x14');
  assert.deepEqual(bootVerdict(summary, killed), {
    status: 'fail', reason: 'oops', message: 'kernel BUG in kbfix_init at kernel/kbfix.c:11', file: 'kernel/kbfix.c', line: 11, signature: diagnostics[0].signature,
  });
  assert.equal(formatVerdict({ status: 'skipped', message: 'no machine for s390' }), 'skipped: no machine for s390');
});

// ---- garbage -------------------------------------------------------------------------------

const SPLAT_STARTS = [
  'Kernel panic - not syncing: ', 'WARNING: CPU: 0 PID: 1 at ', 'BUG: ', 'BUG: KASAN: ', 'UBSAN: x in a.c:1:2', 'kernel BUG at a.c:1!',
  'Oops: 0000 [#1]', 'Internal error: Oops: 0 [#1]', 'INFO: task a:1 blocked for more than 1 seconds.', 'rcu: INFO: rcu_sched detected stalls on CPUs/tasks:',
  'Call Trace:', ' f+0x1/0x2', '[<ffffffff81000000>] f+0x1/0x2', '---[ end trace 0000000000000000 ]---', '------------[ cut here ]------------',
  'RIP: 0010:f+0x1/0x2', 'kernelbuilder-boot: ok ', 'Run /init as init process', '[    1.000000] ', '\x1b[', '\r', '\x00',
];

test('garbage consoles never throw, stay bounded and get a verdict', () => {
  const rnd = seededRandom(20241202);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  for (let round = 0; round < 200; round++) {
    const parser = new ConsoleParser();
    const lines = Math.floor(rnd() * 300);
    for (let i = 0; i < lines; i++) {
      let line = '';
      const parts = Math.floor(rnd() * 4);
      for (let p = 0; p < parts; p++) {
        line += rnd() < 0.5
          ? pick(SPLAT_STARTS)
          : String.fromCharCode(...Array.from({ length: Math.floor(rnd() * 40) }, () => Math.floor(rnd() * (rnd() < 0.9 ? 128 : 0xffff))));
      }
      // Truncated splats: a header cut anywhere.
      if (rnd() < 0.1) line = line.slice(0, Math.floor(rnd() * line.length));
      for (const d of parser.push(line)) {
        assert.ok((d.detail?.length ?? 0) <= MAX_TRACE_LINES + 6);
        assert.ok(d.context.length <= 4);
      }
    }
    parser.end();
    const summary = parser.summary();
    assert.ok(summary.lastLines.length <= 5);
    const v = bootVerdict(summary, pick([ok, killed, { exitCode: 1, timedOut: false }]));
    assert.ok(['pass', 'fail'].includes(v.status));
  }
});

test('100k lines and very long lines: fast, and the parser holds no more than one report', () => {
  const rnd = seededRandom(7);
  const parser = new ConsoleParser();
  const started = performance.now();
  let reports = 0;
  const long = 'x'.repeat(1024 * 1024);
  for (let i = 0; i < 100_000; i++) {
    const r = rnd();
    const line = r < 0.001 ? long
      : r < 0.01 ? 'Kernel panic - not syncing: ' + long.slice(0, 100_000)
      : r < 0.05 ? ` frame${i}+0x1/0x2`
      : r < 0.06 ? 'Call Trace:'
      : r < 0.07 ? '------------[ cut here ]------------'
      : `[${(i / 1000).toFixed(6).padStart(12)}] some driver: probe of device ${i} done`;
    reports += parser.push(line).length;
  }
  // The parser's whole state, serialised: the open report, the cut lines, the last lines.
  assert.ok(JSON.stringify(parser).length < 200 * 1024, `parser state ${JSON.stringify(parser).length} bytes`);
  reports += parser.end().length;
  assert.ok(reports > 0);
  const ms = performance.now() - started;
  // A bound against quadratic work (hours at this size), not a speed target: that is bench/parse.ts.
  assert.ok(ms < 30_000, `took ${ms} ms`);
  assert.equal(parser.summary().lines, 100_000);
});

test('random bytes through the line splitter', async () => {
  const rnd = seededRandom(99);
  const bytes = Buffer.from(Array.from({ length: 2 * 1024 * 1024 }, () => Math.floor(rnd() * 256)));
  const chunks = [bytes.subarray(0, 12345), bytes.subarray(12345)];
  const parser = new ConsoleParser();
  for await (const batch of lineBatches(chunks)) for (const line of batch) parser.push(line);
  parser.end();
  const v = bootVerdict(parser.summary(), killed);
  assert.equal(v.status, 'fail');
});
