import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { runEngine } from '../support/engine-run.ts';
import { git } from '../support/tiny-tree.ts';
import { parseBuildLog } from '../../src/parse/index.ts';
import { parseOutputFile } from '../support/action-run.ts';

// Source repositories as build boxes keep them (shared clones, worktrees), built by the
// real engine, driver and image with the toy kernel.

const ok = 'echo "  CC      init/main.o"; echo "  LD      vmlinux"\n';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A folder the build user can read, removed with everything in it when the test ends. */
function scratch(t: TestContext, prefix: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  chmodSync(dir, 0o755);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A toy kernel removed when the test ends. */
function toy(t: TestContext, script: string): string {
  const dir = makeToyKernel(script, { arches: ['x86'] });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function build(t: TestContext, source: string, extra: Record<string, string> = {}) {
  const logs = scratch(t, 'kb-logs-');
  return runEngine({ source, ref: 'v6.1', arches: 'x86', configs: 'tinyconfig', logs, ...extra });
}

test('a git clone --shared source builds; its origin store is mounted read-only where the alternates file names it', async (t) => {
  const origin = toy(t, ok);
  const source = join(scratch(t, 'kb-clones-'), 'linux');
  execFileSync('git', ['clone', '-q', '--shared', origin, source]);
  const { results } = await build(t, source);
  assert.equal(results.result, 'pass', JSON.stringify(results.error ?? results.targets));
  assert.deepEqual(results.sourceMounts?.map((m) => [m.host, m.container]), [[join(realpathSync(origin), '.git/objects'), join(realpathSync(origin), '.git/objects')]]);
});

test('a git clone --reference of a --shared clone builds: alternates are followed down the chain', async (t) => {
  const origin = toy(t, ok);
  const clones = scratch(t, 'kb-clones-');
  execFileSync('git', ['clone', '-q', '--shared', origin, join(clones, 'mirror')]);
  execFileSync('git', ['clone', '-q', '--no-checkout', '--reference', join(clones, 'mirror'), `file://${origin}`, join(clones, 'linux')]);
  const { results } = await build(t, join(clones, 'linux'));
  assert.equal(results.result, 'pass', JSON.stringify(results.error ?? results.targets));
  assert.equal(results.sourceMounts?.length, 2);
});

test('a git worktree source builds: its .git file names a git dir in the common dir, which is mounted', async (t) => {
  const main = toy(t, ok);
  const source = join(scratch(t, 'kb-worktrees-'), 'wt');
  git(main, 'worktree', 'add', '-q', '--detach', source, 'v6.1');
  const { results } = await build(t, source);
  assert.equal(results.result, 'pass', JSON.stringify(results.error ?? results.targets));
  assert.deepEqual(results.sourceMounts?.map((m) => m.container), [join(realpathSync(main), '.git')]);
});

test('an alternate that does not exist is refused at plan time, before any container', async (t) => {
  const origin = toy(t, ok);
  const source = join(scratch(t, 'kb-clones-'), 'linux');
  execFileSync('git', ['clone', '-q', '--shared', origin, source]);
  const gone = join(tmpdir(), 'kb-no-such-store', 'objects');
  writeFileSync(join(source, '.git/objects/info/alternates'), `${join(origin, '.git/objects')}\n${gone}\n`);
  const logs = scratch(t, 'kb-logs-');
  await assert.rejects(
    runEngine({ source, ref: 'v6.1', arches: 'x86', configs: 'tinyconfig', logs }),
    new RegExp(`^InputError: input 'source': .* the build container could not use this repository: .*/alternates names the object store ${gone}, which is not a folder here$`),
  );
  assert.deepEqual(readdirSync(logs), [], 'nothing was built');
});

test('a set-up failure in the container (checkout into a full tmpfs) is a run error, exit 2 from the CLI, not a kernel failure', async (t) => {
  const source = toy(t, ok);
  // One repeated byte packs small, but the checkout writes it whole (zeros it would write as a
  // sparse file): more than the smallest tmpfs holds.
  writeFileSync(join(source, 'big.bin'), Buffer.alloc(24 * 1024 * 1024, 'x'));
  git(source, 'add', 'big.bin');
  git(source, 'commit', '-q', '-m', 'a big file');
  // The work tree away from master, so that master is checked out in the container, not built in place.
  git(source, 'checkout', '-q', '--detach', 'v6.1');
  const { results } = await build(t, source, { ref: 'master', 'tmpfs-size': '16m' });
  assert.equal(results.result, 'error');
  assert.equal(results.complete, false);
  assert.match(results.error!.message, /set-up in the container failed \(driver exit \d+; checkout or tools\): no verdict on the kernel/);
  assert.ok(results.error!.lines.some((l) => /the checkout of [0-9a-f]{40} is incomplete: 1 files could not be written/.test(l)), results.error!.lines.join('\n'));
  assert.deepEqual(results.targets.map((t) => t.status), ['error']);

  const logs = scratch(t, 'kb-logs-');
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'build', '--source', source, '--ref', 'master', '--arches', 'x86', '--configs', 'tinyconfig', '--tmpfs-size', '16m', '--ccache', 'off', '--logs', logs], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(cli.status, 2, cli.stderr);
  assert.match(cli.stderr, /^error: the build's set-up in the container failed .*; results in /m);
  assert.match(cli.stderr, /==> run error: .*\n(.*\n)*    error: unable to write file 'big.bin'/);

  // The action, from its sources (the bundle is rebuilt apart): output result error, the step failed as a run error.
  const step = scratch(t, 'kb-action-');
  writeFileSync(join(step, 'output'), '');
  const inputs = { source, ref: 'master', arches: 'x86', configs: 'tinyconfig', 'tmpfs-size': '16m', ccache: 'off', logs: join(step, 'logs') };
  const action = spawnSync(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: join(step, 'output'), ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])) },
  });
  assert.equal(action.status, 1, action.stderr);
  assert.equal(parseOutputFile(readFileSync(join(step, 'output'), 'utf8')).result, 'error');
  assert.match(action.stdout, /^::error::run error, not a kernel failure: kb-toy-\w+\/v6\.1-1-g[0-9a-f]+: the build's set-up in the container failed/m);
});

const failing = ok.replace('echo "  LD', `echo "init/main.c:12:5: error: 'toy_undeclared' undeclared (first use in this function)"; exit 1; echo "  LD`);

// Built as root from a root-owned repo: the container runs as the image's build user, to whom the repo is "dubious".
for (const kind of ['the repo itself', 'a --shared clone of it'] as const) {
  test(`the printed reproducer runs as printed and shows the same first error (source: ${kind}, owned by the runner)`, async (t) => {
    const origin = toy(t, failing);
    let source = origin;
    if (kind === 'a --shared clone of it') {
      source = join(scratch(t, 'kb-clones-'), 'linux');
      execFileSync('git', ['clone', '-q', '--shared', origin, source]);
    }
    const { results, logs } = await build(t, source);
    assert.equal(results.result, 'fail');
    const buildDir = join(logs, results.tree, 'v6.1');
    const firstError = (text: string) => parseBuildLog(text.split('\n')).find((d) => d.severity === 'error');
    const first = firstError(readFileSync(join(buildDir, results.targets[0].log), 'utf8'))!;
    assert.deepEqual([first.file, first.line, first.message], ['init/main.c', 12, "'toy_undeclared' undeclared (first use in this function)"]);

    const summary = readFileSync(join(buildDir, 'summary.md'), 'utf8');
    const printed = /<summary>Reproduce<\/summary>\n\n```sh\n([\s\S]*?)\n```/.exec(summary)![1];
    if (kind === 'a --shared clone of it') assert.match(printed, /--mount type=bind,src=.*\.git\/objects,dst=.*\.git\/objects,readonly/);
    const run = spawnSync('bash', ['-c', printed], { encoding: 'utf8', timeout: 120_000 });
    const output = `${run.stdout}${run.stderr}`;
    assert.doesNotMatch(output, /dubious ownership|unable to normalize alternate|fatal:/);
    assert.notEqual(run.status, 0, 'the failing build fails again');
    const again = firstError(output);
    assert.deepEqual(again && [again.file, again.line, again.message], [first.file, first.line, first.message], output);
  });
}
