import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { BuildProgress, formatProgress, secondsLeft } from '../../src/report/progress.ts';
import { type LiveClock, startLiveProgress } from '../../src/report/live-progress.ts';
import { type ExpectedWork } from '../../src/types/plan.ts';
import { type TargetCost } from '../../src/types/targets.ts';
import { recordingLog } from '../support/recording-log.ts';
import { tempDir } from '../support/temp-dir.ts';
import { sampleResults } from '../support/results-fixture.ts';
import { analyse } from '../../src/diagnostics/analyse.ts';
import { defaultNoise } from '../../src/diagnostics/noise.ts';

test('ETA: the work left over the cores, at the expected pace until a tenth is done, then at the pace shown', () => {
  const cases: { name: string; work: [number, number][]; cores: number; busy: number; eta: number }[] = [
    { name: 'nothing started: all the work over the cores', work: [[600, 0], [200, 0]], cores: 4, busy: 0, eta: 200 },
    { name: 'under a tenth done: the expected pace', work: [[1000, 0.05], [1000, 0]], cores: 2, busy: 500, eta: 975 },
    // 400 CPU-s done in 100 s on 2 cores: twice the expected pace.
    { name: 'a fast machine: the pace shown halves the ETA', work: [[800, 0.5], [200, 0]], cores: 2, busy: 100, eta: 150 },
    // 200 CPU-s done in 400 s on 2 cores: a quarter of the pace.
    { name: 'a slow machine: the pace shown quadruples the ETA', work: [[1000, 0.2], [1000, 0]], cores: 2, busy: 400, eta: 3600 },
    { name: 'one target left among finished ones, at the expected pace', work: [[100, 1], [100, 1], [200, 0.5]], cores: 2, busy: 150, eta: 50 },
    { name: 'all done', work: [[100, 1]], cores: 2, busy: 50, eta: 0 },
  ];
  for (const c of cases) {
    const eta = secondsLeft(c.work.map(([cpuSeconds, fraction]) => ({ cpuSeconds, fraction })), c.cores, c.busy);
    assert.equal(Math.round(eta), c.eta, c.name);
  }
});

const expected = (cpuSeconds: number, objects: number, objectsCounted = true): ExpectedWork => ({ cpuSeconds, objects, objectsCounted });
/** A cost table's row measured by a previous build, as the plan hands it to the live progress. */
const cost = (cpuSeconds: number, objects: number): TargetCost => ({
  cpuSeconds,
  serialSeconds: 0,
  objects,
  objdirBytes: 2 ** 20,
  memoryPerJobBytes: 2 ** 20,
  measured: { cpuSeconds: true, objects: true, objdirBytes: true },
});

test('progress model: done, running and waiting targets, objects against the expected count, the ETA', () => {
  const p = new BuildProgress({ 'x86/defconfig': expected(1200, 2400), 'arm64/tinyconfig': expected(160, 240, false), 'riscv/tinyconfig': expected(160, 240) }, 2, 0);
  assert.equal(formatProgress(p.snapshot(10_000)), 'progress 10 s: 0/3 done, 0 running, 3 waiting; ETA ~13 min');
  p.start('x86/defconfig', 20_000);
  p.start('arm64/tinyconfig', 20_000);
  for (let i = 0; i < 600; i++) p.compiled('x86/defconfig', 60_000);
  for (let i = 0; i < 120; i++) p.compiled('arm64/tinyconfig', 60_000);
  // 300 + 80 CPU-s done of 1520 (a quarter) in 100 s on 2 cores: 1.9 times the expected pace; 1140 left / 3.8 = 300 s.
  assert.equal(formatProgress(p.snapshot(120_000)), 'progress 2 min: 0/3 done, 2 running, 1 waiting; x86/defconfig 600/2400 objects, arm64/tinyconfig 120/~240; ETA ~5 min');
  p.finish('arm64/tinyconfig', 130_000);
  p.finish('riscv/tinyconfig', 140_000);
  assert.match(formatProgress(p.snapshot(140_000)), /^progress 2 min: 2\/3 done, 1 running, 0 waiting; x86\/defconfig 600\/2400 objects; ETA ~/);
  p.finish('x86/defconfig', 400_000);
  assert.equal(formatProgress(p.snapshot(400_000)), 'progress 7 min: 3/3 done, 0 running, 0 waiting; all done');
});

test('progress model: a target that builds more than last time is never counted done before it ends', () => {
  const p = new BuildProgress({ 'x86/defconfig': expected(100, 10) }, 1, 0);
  for (let i = 0; i < 50; i++) p.compiled('x86/defconfig', 1000);
  assert.equal(p.snapshot(100_000).etaSeconds! > 0, true);
  assert.equal(formatProgress(p.snapshot(100_000)).includes('x86/defconfig 50/10 objects'), true);
});

test('progress model: a guessed count a target has passed grows with it: most of the way, never done, the ETA keeps its work', () => {
  const p = new BuildProgress({ 'x86/tinyconfig': expected(300, 240, false), 'arm64/tinyconfig': expected(300, 240, false) }, 2, 0);
  for (let i = 0; i < 120; i++) p.compiled('x86/tinyconfig', 1000);
  assert.match(formatProgress(p.snapshot(60_000)), /x86\/tinyconfig 120\/~240 objects/, 'under the guess: the guess');
  for (let i = 0; i < 280; i++) p.compiled('x86/tinyconfig', 1000);
  const past = p.snapshot(120_000);
  assert.match(formatProgress(past), /x86\/tinyconfig 400\/~500 objects/, 'past it: a quarter more than built so far');
  // 80% of x86's 300 CPU s done and none of arm64's: 360 CPU s left over 2 cores, at the pace shown (240 CPU s in 119 s busy on 2 cores).
  const pace = 240 / (119 * 2);
  assert.ok(Math.abs(past.etaSeconds! - 360 / (2 * pace)) < 1, String(past.etaSeconds));
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
    // Busy since the poll at 6 s that found the first log; 2 cores (jobs 2 of 8).
    // At 30 s: x86 4/8 (200 CPU-s) and arm64 1/2 (50) done in 24 s: pace 250/48; 250 left / (2 × pace) = 24 s.
    'progress 30 s: 0/2 done, 2 running, 0 waiting; x86/defconfig 4/8 objects, arm64/tinyconfig 1/2; ETA ~24 s',
    // At arm64's end, 40 s: 300 done in 34 s, 200 left: 200 / (2 × 300/68) = 23 s.
    'progress 40 s: 1/2 done, 1 running, 0 waiting; x86/defconfig 4/8 objects; ETA ~23 s',
    // At 60 s x86 has built nothing more: the pace drops, the ETA grows: 200 / (2 × 300/108) = 36 s.
    'progress 60 s: 1/2 done, 1 running, 0 waiting; x86/defconfig 4/8 objects; ETA ~36 s',
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
