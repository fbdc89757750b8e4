import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseCheckout } from '../../src/plan/checkout.ts';
import { containerSpec } from '../../src/container/spec.ts';
import { checkoutPlanLine } from '../../src/engine.ts';
import { gitIn } from '../../src/ref/git.ts';
import { imageInfoFromInspect } from '../../src/images/inspect.ts';
import { parseKernelVersion } from '../../src/ref/kernel-version.ts';
import { type BuildPlan } from '../../src/types/plan.ts';
import { git, makeTinyTree } from '../support/tiny-tree.ts';
import { tempDir } from '../support/temp-dir.ts';

// The source's work tree is built in place only when it is exactly the commit: every way it
// can differ, on a real repository, sends the build to a clone and says why.

/** A tiny tree with a second commit and an ignore rule, at its head, clean. */
function tree(): { dir: string; head: string; first: string } {
  const dir = makeTinyTree({ version: '6.1.0', arches: { x86: ['x86_64_defconfig'] }, files: { '.gitignore': '*.o\n', 'init/main.c': 'int main;\n' } });
  const first = git(dir, 'rev-parse', 'HEAD');
  writeFileSync(join(dir, 'init/main.c'), 'int main_changed;\n');
  git(dir, 'commit', '-q', '-am', 'a second commit');
  return { dir, head: git(dir, 'rev-parse', 'HEAD'), first };
}

const choose = (dir: string, sha: string, asOther = false, logs = '/var/tmp/kb-logs') => chooseCheckout(gitIn(dir), dir, sha, asOther, logs);

test('a work tree at the commit and clean is built in place', async (t) => {
  const { dir, head } = tree();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  chmodSync(dir, 0o755);
  assert.deepEqual(await choose(dir, head), { kind: 'in-place' });
  assert.deepEqual(await choose(dir, head, true), { kind: 'in-place' }, 'readable by others: a root runner builds in place too');
});

test('every way the work tree differs from the commit sends the build to a clone, saying why', async (t) => {
  const { dir, head, first } = tree();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const clone = async (sha = head, asOther = false) => {
    const c = await choose(dir, sha, asOther);
    assert.equal(c.kind, 'clone');
    return c.kind === 'clone' ? c.why : '';
  };
  assert.equal(await clone(first), `the source's work tree is at ${head.slice(0, 12)}, not the commit`);

  writeFileSync(join(dir, 'init/main.c'), 'int edited;\n');
  assert.equal(await clone(), "the source's work tree has 1 changed, untracked or ignored files");
  git(dir, 'checkout', '-q', '--', 'init/main.c');

  writeFileSync(join(dir, 'init/new.c'), '');
  assert.equal(await clone(), "the source's work tree has 1 changed, untracked or ignored files");
  rmSync(join(dir, 'init/new.c'));

  // kernelbuilder's own logs folder in the work tree (the action's default, with the source at the workspace's top) is no part of the tree.
  mkdirSync(join(dir, 'kernelbuilder-logs/stable'), { recursive: true });
  writeFileSync(join(dir, 'kernelbuilder-logs/stable/results.json'), '{}');
  assert.deepEqual(await choose(dir, head, false, join(dir, 'kernelbuilder-logs')), { kind: 'in-place' });
  assert.equal(await clone(), "the source's work tree has 1 changed, untracked or ignored files", 'another logs folder: the files are untracked ones');
  rmSync(join(dir, 'kernelbuilder-logs'), { recursive: true });

  // An in-tree build's leftovers are ignored by the tree's rules, and kbuild refuses O= beside them.
  writeFileSync(join(dir, 'init/main.o'), '');
  assert.equal(await clone(), "the source's work tree has 1 changed, untracked or ignored files");
  rmSync(join(dir, 'init/main.o'));

  // git status would not see this file changed.
  git(dir, 'update-index', '--assume-unchanged', 'init/main.c');
  writeFileSync(join(dir, 'init/main.c'), 'int hidden_edit;\n');
  assert.equal(await clone(), "1 files of the source's work tree are marked assume-unchanged or skip-worktree (sparse)");
  git(dir, 'update-index', '--no-assume-unchanged', 'init/main.c');
  git(dir, 'checkout', '-q', '--', 'init/main.c');

  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'init/main.c'), 0o600);
  assert.equal(await clone(head, true), "the build user cannot read all of the source's work tree (not readable by others)");
  assert.deepEqual(await choose(dir, head), { kind: 'in-place' }, 'the runner itself reads it');
});

test('a bare repository has no work tree: a clone', async (t) => {
  const { dir, head } = tree();
  const bare = tempDir('bare');
  t.after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(bare, { recursive: true, force: true });
  });
  execFileSync('git', ['clone', '-q', '--bare', dir, bare]);
  assert.deepEqual(await choose(bare, head), { kind: 'clone', why: 'the source has no work tree' });
});

test('built in place: the work tree is mounted read-only at /build/src and the driver told; a clone has neither', () => {
  const image = imageInfoFromInspect('kernelbuilder/gcc-12', {
    Id: 'sha256:' + 'b'.repeat(64),
    RepoDigests: [],
    Config: { Labels: { 'org.kernelbuilder.toolchain': 'gcc', 'org.kernelbuilder.toolchain-version': '12', 'org.kernelbuilder.arches': 'x86' } },
  } as never);
  const plan = (checkout: BuildPlan['checkout']): BuildPlan => ({
    source: '/srv/linux',
    sourceMounts: [],
    tree: 'stable',
    ref: { ref: 'v6.1', kind: 'tag', sha: 'a'.repeat(40), buildId: 'v6.1' },
    version: parseKernelVersion('6.1.0')!,
    commits: [],
    image: { image: 'kernelbuilder/gcc-12', reason: 'the default image' },
    targets: [{ arch: 'x86', config: 'tinyconfig' }],
    dropped: [],
    logsDir: '/logs/stable/v6.1',
    jobs: 4,
    tmpfsSize: '60g',
    limits: { logs: 2 ** 31 },
    makeVars: [],
    keep: [],
    allTargets: ['x86/tinyconfig'],
    estimates: {},
    costs: {},
    checkout,
    checkoutBytes: checkout.kind === 'clone' ? 1500 * 2 ** 20 : 0,
    spaceLimitBytes: 2 ** 34,
  });
  const inPlace = containerSpec(plan({ kind: 'in-place' }), image, '/opt/kb/driver', '1000:1000');
  assert.deepEqual(inPlace.HostConfig!.Mounts!.filter((m) => m.Source === '/srv/linux'), [
    { Type: 'bind', Source: '/srv/linux', Target: '/src', ReadOnly: true },
    { Type: 'bind', Source: '/srv/linux', Target: '/build/src', ReadOnly: true },
  ]);
  assert.ok(inPlace.Env!.includes('KB_IN_PLACE=1'));
  assert.equal(checkoutPlanLine(plan({ kind: 'in-place' })), "checkout: none, built in place: the source's work tree is at the commit and clean, mounted read-only");

  const cloned = containerSpec(plan({ kind: 'clone', why: 'the bisect checks out each step' }), image, '/opt/kb/driver', '1000:1000');
  assert.deepEqual(cloned.HostConfig!.Mounts!.filter((m) => m.Target === '/build/src'), []);
  assert.ok(!cloned.Env!.some((e) => e.startsWith('KB_IN_PLACE')));
  assert.equal(checkoutPlanLine(plan({ kind: 'clone', why: 'the bisect checks out each step' })), 'checkout: a clone in /build (1,500 MiB): the bisect checks out each step');
});
