import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { BuildProgress, type WorkItem, formatProgress, secondsLeft } from '../../src/report/progress.ts';
import { type LiveClock, startLiveProgress } from '../../src/report/live-progress.ts';
import { type ExpectedWork } from '../../src/types/plan.ts';
import { type TargetCost } from '../../src/types/targets.ts';
import { recordingLog } from '../support/recording-log.ts';
import { tempDir } from '../support/temp-dir.ts';
import { sampleResults } from '../support/results-fixture.ts';
import { analyse } from '../../src/diagnostics/analyse.ts';
import { defaultNoise } from '../../src/diagnostics/noise.ts';

/** A work item: set-up, compile and tail seconds, and the share done of each. */
const item = (setup: number, compile: number, tail: number, done: [number, number, number] = [0, 0, 0], finished = false): WorkItem => ({
  setupCpuSeconds: setup,
  compileCpuSeconds: compile,
  tailSeconds: tail,
  setupFraction: done[0],
  compileFraction: done[1],
  tailFraction: done[2],
  done: finished,
});

test('ETA: set-up and compile left at the pace, the tails at their own, over the cores; the longest tail left runs alone at the end', () => {
  const cases: { name: string; work: WorkItem[]; cores: number; pace: number; eta: number }[] = [
    { name: 'nothing started: all the work over the cores', work: [item(0, 600, 0), item(0, 200, 0)], cores: 4, pace: 1, eta: 200 },
    { name: 'set-ups count as work', work: [item(50, 150, 0), item(50, 150, 0)], cores: 2, pace: 1, eta: 200 },
    // (200 + 30 - 20) / 2 + 20: the shorter tail beside the other's compile, the longer alone.
    { name: 'the longest tail runs alone at the end', work: [item(0, 100, 20), item(0, 100, 10)], cores: 2, pace: 1, eta: 125 },
    // A twice faster pace halves the compile, not the link: (100 + 10) / 2 + 20.
    { name: 'the pace scales set-up and compile, not the tails', work: [item(0, 100, 20), item(0, 100, 10)], cores: 2, pace: 2, eta: 75 },
    // x86 has half its set-up (20 of 40), 300 of its 400 compile and half its tail (10) left: (320 + 10 - 10) / 2 + 10. arm64 is done.
    { name: 'what each part has done is off', work: [item(40, 400, 20, [0.5, 0.25, 0.5]), item(40, 400, 20, [1, 1, 1], true)], cores: 2, pace: 1, eta: 170 },
    { name: 'all done', work: [item(10, 100, 10, [1, 1, 1], true)], cores: 2, pace: 1, eta: 0 },
  ];
  for (const c of cases) assert.equal(Math.round(secondsLeft(c.work, c.cores, c.pace)), c.eta, c.name);
});

const expected = (cpuSeconds: number, objects: number, objectsCounted = true, setupCpuSeconds = 0, tailSeconds = 0): ExpectedWork => ({ cpuSeconds, objects, objectsCounted, setupCpuSeconds, tailSeconds });
/** A cost table's row measured by a previous build, as the plan hands it to the live progress. */
const cost = (cpuSeconds: number, objects: number): TargetCost => ({
  cpuSeconds,
  serialSeconds: 0,
  setupCpuSeconds: 0,
  tailSeconds: 0,
  objects,
  objdirBytes: 2 ** 20,
  memoryPerJobBytes: 2 ** 20,
  measured: { cpuSeconds: true, objects: true, objdirBytes: true },
});

/** `n` objects of `target` compiled evenly from `from` to `to` (ms). */
function compileEvenly(p: BuildProgress, target: string, n: number, from: number, to: number): void {
  for (let i = 1; i <= n; i++) p.compiled(target, from + ((to - from) * i) / n);
}

test('progress model: done, running and waiting targets, objects against the expected count, the ETA at the expected pace', () => {
  const p = new BuildProgress({ 'x86/defconfig': expected(1200, 2400), 'arm64/tinyconfig': expected(160, 240, false), 'riscv/tinyconfig': expected(160, 240) }, 2, 0);
  // 1520 CPU s over 2 cores.
  assert.equal(formatProgress(p.snapshot(10_000)), 'progress 10 s: 0/3 done, 0 running, 3 waiting; ETA ~13 min');
  p.start('x86/defconfig', 20_000);
  p.start('arm64/tinyconfig', 20_000);
  // 20 objects: too few for a pace of their own. 1200 × (1 - 10/2400) + 160 × (1 - 10/240) + 160 = 1508 left, over 2 cores: 12.6 min.
  compileEvenly(p, 'x86/defconfig', 10, 20_000, 60_000);
  compileEvenly(p, 'arm64/tinyconfig', 10, 20_000, 60_000);
  assert.equal(formatProgress(p.snapshot(60_000)), 'progress 60 s: 0/3 done, 2 running, 1 waiting; x86/defconfig 10/2400 objects, arm64/tinyconfig 10/~240; ETA ~13 min');
  p.finish('arm64/tinyconfig', 130_000);
  p.finish('riscv/tinyconfig', 140_000);
  assert.match(formatProgress(p.snapshot(140_000)), /^progress 2 min: 2\/3 done, 1 running, 0 waiting; x86\/defconfig 10\/2400 objects; ETA ~/);
  p.finish('x86/defconfig', 400_000);
  assert.equal(formatProgress(p.snapshot(400_000)), 'progress 7 min: 3/3 done, 0 running, 0 waiting; all done');
});

test('progress model: once objects flow, the pace is the rate of the last minute against the CPU the cost table expects of them', () => {
  // One target, 1 CPU s an object expected, on 2 cores.
  const p = new BuildProgress({ 'x86/defconfig': expected(1000, 1000) }, 2, 0);
  p.start('x86/defconfig', 0);
  // The first 5% of the objects set no pace (their rate is the build's start, not its
  // course): 40 objects in 40 s, at half the expected rate, leave the expected pace. 960 left / 2.
  compileEvenly(p, 'x86/defconfig', 40, 0, 40_000);
  assert.equal(Math.round(p.snapshot(40_000).etaSeconds!), 480);
  // 60 more in the next 10 s, then a minute of 240: twice the expected rate (2 objects a
  // core-second). The window (50 s to 110 s) began past 5%: the pace is 2. 660 left / 2 cores / 2.
  compileEvenly(p, 'x86/defconfig', 60, 40_000, 50_000);
  compileEvenly(p, 'x86/defconfig', 240, 50_000, 110_000);
  assert.equal(Math.round(p.snapshot(110_000).etaSeconds!), 165);
  // A slower minute after it: 60 objects, half the expected rate: 600 left at 0.5.
  compileEvenly(p, 'x86/defconfig', 60, 110_000, 170_000);
  assert.equal(Math.round(p.snapshot(170_000).etaSeconds!), 600);
});

test('progress model: the cores are shared by processes: a set-up is one, the compiles take the jobserver\'s other slots', () => {
  // Two targets on 2 cores, 4 slots: x86 compiles (3 slots), arm64 sets up (1): the compiles have 1.5 cores.
  const p = new BuildProgress({ 'x86/defconfig': expected(1000, 1000), 'arm64/defconfig': expected(1100, 1000, true, 100) }, 2, 0, 4);
  p.start('x86/defconfig', 0);
  p.start('arm64/defconfig', 0);
  compileEvenly(p, 'x86/defconfig', 110, 0, 60_000);
  // 40 more in 60 s on 1.5 cores, past the first 5% of the 2000 objects: 40 in 90 core-seconds, at 1 CPU s each expected.
  compileEvenly(p, 'x86/defconfig', 40, 60_000, 120_000);
  const pace = 40 / 90;
  // arm64's set-up: 120 s on half a core (4 processes on 2 cores), at the pace, of 100 expected CPU s.
  const setupDone = Math.min(0.9, (120 * 0.5 * pace) / 100);
  const left = (850 + 100 * (1 - setupDone) + 1000) / pace;
  assert.ok(Math.abs(p.snapshot(120_000).etaSeconds! - left / 2) < 1, `${p.snapshot(120_000).etaSeconds} against ${left / 2}`);
});

test('progress model: the config phase is on the clock: a set-up counts by the time spent in it, on its share of the cores, never past 90%', () => {
  const p = new BuildProgress({ 'x86/tinyconfig': expected(200, 100, true, 40), 'arm64/tinyconfig': expected(200, 100, true, 40) }, 1, 0);
  p.start('x86/tinyconfig', 0);
  p.start('arm64/tinyconfig', 0);
  // Two set-ups on one core: 20 s is 10 CPU s of each. 400 - 2 × 10 left, on 1 core.
  assert.equal(Math.round(p.snapshot(20_000).etaSeconds!), 380);
  // Past their set-up's time they stay at 90% of it: 400 - 2 × 36.
  assert.equal(Math.round(p.snapshot(500_000).etaSeconds!), 328);
});

test('progress model: a target that stopped compiling near its count is in its tail: its objects done, the tail counting down alone', () => {
  const p = new BuildProgress({ 'x86/tinyconfig': expected(130, 100, true, 0, 30) }, 2, 0);
  p.start('x86/tinyconfig', 0);
  compileEvenly(p, 'x86/tinyconfig', 95, 0, 95_000);
  // Still compiling, at half the expected pace (the last minute: 60 objects in 120 core-seconds
  // of 1 CPU s each): 5 CPU s left over 2 cores at 0.5, then the 30 s tail alone.
  assert.equal(Math.round(p.snapshot(100_000).etaSeconds!), 35);
  // 20 s without an object at 95 of 100: its tail, 25 s of 30 spent.
  assert.equal(Math.round(p.snapshot(120_000).etaSeconds!), 5);
  // Far from its count, a pause is no tail: the objects left stay.
  const q = new BuildProgress({ 'x86/defconfig': expected(100, 100) }, 2, 0);
  q.start('x86/defconfig', 0);
  compileEvenly(q, 'x86/defconfig', 50, 0, 50_000);
  assert.ok(q.snapshot(200_000).etaSeconds! > 20);
});

test('progress model: a target that builds more than last time is never counted done while it compiles', () => {
  const p = new BuildProgress({ 'x86/defconfig': expected(100, 10) }, 1, 0);
  for (let i = 0; i < 50; i++) p.compiled('x86/defconfig', 1000);
  assert.equal(p.snapshot(5_000).etaSeconds! > 0, true);
  assert.equal(formatProgress(p.snapshot(5_000)).includes('x86/defconfig 50/10 objects'), true);
});

test('progress model: a guessed count a target has passed grows with it: most of the way, never done, the ETA keeps its work', () => {
  const p = new BuildProgress({ 'x86/tinyconfig': expected(300, 240, false), 'arm64/tinyconfig': expected(300, 240, false) }, 2, 0);
  for (let i = 0; i < 120; i++) p.compiled('x86/tinyconfig', 1000);
  assert.match(formatProgress(p.snapshot(60_000)), /x86\/tinyconfig 120\/~240 objects/, 'under the guess: the guess');
  for (let i = 0; i < 280; i++) p.compiled('x86/tinyconfig', 1000);
  const past = p.snapshot(61_000);
  assert.match(formatProgress(past), /x86\/tinyconfig 400\/~420 objects/, 'past it: a twentieth more than built so far');
  assert.ok(past.etaSeconds! > 0);
  // A counted target that builds more than its count stays at 99%, as before.
  const counted = new BuildProgress({ 'x86/tinyconfig': expected(300, 240) }, 2, 0);
  for (let i = 0; i < 400; i++) counted.compiled('x86/tinyconfig', 1000);
  assert.match(formatProgress(counted.snapshot(120_000)), /x86\/tinyconfig 400\/240 objects/);
});

/** A clock the test moves; `every` timers fire as it passes their times. */
function fakeClock(): LiveClock & { advance(to: number): void } {
  let now = 0;
  const timers: { ms: number; next: number; fn: () => void; on: boolean }[] = [];
  return {
    now: () => now,
    every(ms, fn) {
      const t = { ms, next: now + ms, fn, on: true };
      timers.push(t);
      return () => {
        t.on = false;
      };
    },
    advance(to) {
      for (;;) {
        const due = timers.filter((t) => t.on && t.next <= to).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        now = due.next;
        due.next += due.ms;
        due.fn();
      }
      now = to;
    },
  };
}

test('live progress on a recorded timeline: the lines printed, at a steady pace and at each end, and each first error once', () => {
  const logs = tempDir('live');
  mkdirSync(join(logs, 'x86'));
  mkdirSync(join(logs, 'arm64'));
  const clock = fakeClock();
  const log = recordingLog();
  const plan = {
    targets: [
      { arch: 'x86', config: 'defconfig' },
      { arch: 'arm64', config: 'tinyconfig' },
    ],
    costs: { 'x86/defconfig': cost(400, 8), 'arm64/tinyconfig': cost(100, 2) },
    jobs: 2,
    limits: { logs: 1 << 30 },
    logsDir: logs,
  };
  const live = startLiveProgress(plan, log, { clock, cores: 8, pollMs: 2000, progressMs: 30_000 });
  const write = (at: number, rel: string, text: string) => {
    clock.advance(at);
    appendFileSync(join(logs, rel), text);
  };
  // The timeline: at each time, what the build wrote or the driver said.
  write(5_000, 'x86/defconfig.log', '  CC      init/main.o\n  CC      init/');
  write(9_000, 'x86/defconfig.log', 'version.o\ninit/calibrate.c:12:5: error: expected ; before }\n');
  write(12_000, 'x86/defconfig.log', '  CC      kernel/fork.o\ninit/x.c:1:1: error: a second error\n  CC      kernel/exit.o\n');
  write(20_000, 'arm64/tinyconfig.log', '  CC      init/main.o\n');
  clock.advance(31_000);
  write(40_000, 'arm64/tinyconfig.log', '  CC      init/do_mounts.o\n  LD      vmlinux\n');
  live.driverLine('kernelbuilder: arm64/tinyconfig pass (stage build, exit 0) in 21s');
  clock.advance(61_000);
  write(62_000, 'x86/defconfig.log', 'make: *** [Makefile:1] Error 2\n');
  live.driverLine('kernelbuilder: x86/defconfig fail (stage build, exit 2) in 57s');
  live.stop();
  clock.advance(200_000);
  assert.deepEqual(log.lines, [
    // 2 cores (jobs 2 of 8); five objects are too few for a pace: the expected one.
    // At 30 s: x86 4/8 (200 CPU-s left) and arm64 1/2 (50 left): 250 / 2 = 125 s.
    'progress 30 s: 0/2 done, 2 running, 0 waiting; x86/defconfig 4/8 objects, arm64/tinyconfig 1/2; ETA ~2 min',
    // At arm64's end, 40 s: x86's 200 left / 2 = 100 s; at 60 s, nothing more built, half its objects short of a tail: the same.
    'progress 40 s: 1/2 done, 1 running, 0 waiting; x86/defconfig 4/8 objects; ETA ~2 min',
    'progress 60 s: 1/2 done, 1 running, 0 waiting; x86/defconfig 4/8 objects; ETA ~2 min',
    'progress 62 s: 2/2 done, 0 running, 0 waiting; all done',
  ]);
  // The error seen at the 10 s poll, printed as build output: once per target.
  assert.deepEqual(log.buildLines, ['first error in x86/defconfig after 10 s: init/calibrate.c:12:5: error: expected ; before }']);
});

const FIXTURE_LOGS = fileURLToPath(new URL('../fixtures/logs/', import.meta.url));

test('each log is read once: the live scan handed on gives the analysis the file gives; a log that changed after is read again', async () => {
  const logs = tempDir('scan-once');
  mkdirSync(join(logs, 'x86'));
  const clock = fakeClock();
  const plan = {
    targets: [
      { arch: 'x86', config: 'defconfig' },
      { arch: 'x86', config: 'tinyconfig' },
    ],
    costs: { 'x86/defconfig': cost(10, 2), 'x86/tinyconfig': cost(10, 2) },
    jobs: 2,
    limits: { logs: 1 << 30 },
    logsDir: logs,
  };
  const live = startLiveProgress(plan, recordingLog(), { clock, cores: 2, pollMs: 1000, progressMs: 30_000 });
  const log = [
    '  CC      init/main.o',
    "init/main.c:12:5: warning: unused variable 'x' [-Wunused-variable]",
    '   12 |     int x;',
    '      |         ^',
    'kernel/fork.c:3:1: error: expected declaration',
    'WARNING: modpost: vmlinux: section mismatch in reference: a (section: .text) -> b (section: .init.text)',
    'ld: kernel/fork.o: undefined reference to `gone',
  ];
  for (const [i, line] of log.entries()) {
    clock.advance(1000 * (i + 1));
    appendFileSync(join(logs, 'x86/tinyconfig.log'), `${line}\n`);
  }
  // defconfig's: every real-build fixture log, written in pieces that split lines anywhere.
  const real = Buffer.concat(readdirSync(FIXTURE_LOGS).filter((f) => f.endsWith('.log')).sort().map((f) => readFileSync(join(FIXTURE_LOGS, f))));
  for (let at = 0, tick = 8000; at < real.length; at += 997, tick += 1000) {
    clock.advance(tick);
    appendFileSync(join(logs, 'x86/defconfig.log'), real.subarray(at, at + 997));
  }
  clock.advance(clock.now() + 20_000);
  const scanned = live.stop();
  assert.deepEqual([...scanned.keys()].sort(), ['x86/defconfig', 'x86/tinyconfig']);
  // After the scan, tinyconfig's log gains a line: its scan no longer matches the file.
  appendFileSync(join(logs, 'x86/tinyconfig.log'), 'drivers/x.c:1:1: error: written after the scan\n');
  const results = sampleResults(['x86/defconfig', 'x86/tinyconfig'], { result: 'fail' });
  results.targets = results.targets.map((t) => ({ ...t, status: 'fail' as const }));
  const handed = await analyse(results, logs, defaultNoise, scanned);
  const read = await analyse(results, logs, defaultNoise);
  assert.deepEqual(handed.results, read.results, 'the same analysis, from the scans as from the files');
  assert.deepEqual([...handed.firstErrors], [...read.firstErrors]);
  assert.ok(read.results.targets[0].errors! > 5 && read.results.issues!.length > 20, 'the real logs have their errors and warnings');
  assert.equal(handed.results.targets[1].errors, 3, 'the line written after the scan is counted: the log was read again');
  // The proof that the scan was taken: a scan that lies is believed when its bytes match.
  const lying = new Map(scanned);
  lying.set('x86/defconfig', { ...scanned.get('x86/defconfig')!, diagnostics: [] });
  assert.equal((await analyse(results, logs, defaultNoise, lying)).results.targets[0].errors, 0);
  assert.equal(read.results.targets[1].errors, 3);
});
