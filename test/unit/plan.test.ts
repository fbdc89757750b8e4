import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectFragments } from '../support/project-fragments.ts';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gitIn } from '../../src/ref/git.ts';
import { makePlan } from '../../src/plan/plan.ts';
import { pathSafe } from '../../src/logs-layout.ts';
import { getInputs } from '../../src/inputs/inputs.ts';
import { planTargets } from '../../src/plan/targets.ts';
import { type TreeFacts } from '../../src/ref/tree.ts';
import { parseKernelVersion } from '../../src/ref/kernel-version.ts';
import { InputError, SourceError } from '../../src/errors.ts';
import { git, makeTinyTree } from '../support/tiny-tree.ts';


function facts(arches: Record<string, string[]>, version = '6.1.0'): TreeFacts {
  return { version: parseKernelVersion(version)!, arches: Object.keys(arches), configs: arches, commits: [], fragments: {} };
}

const tree = facts({ x86: ['x86_64_defconfig', 'i386_defconfig'], arm: ['multi_v7_defconfig'], arm64: ['defconfig'] });

const planCases: { name: string; arches: string[]; configs: string[]; targets: string[]; dropped: string[] }[] = [
  { name: 'generic config on every arch', arches: ['x86', 'arm64'], configs: ['tinyconfig'], targets: ['x86/tinyconfig', 'arm64/tinyconfig'], dropped: [] },
  {
    name: 'arch missing from the tree is dropped with a reason',
    arches: ['x86', 'riscv'],
    configs: ['allnoconfig'],
    targets: ['x86/allnoconfig'],
    dropped: ['riscv: arch/riscv does not exist in Linux 6.1.0'],
  },
  {
    name: 'named config only where the arch has it',
    arches: ['x86', 'arm'],
    configs: ['multi_v7_defconfig', 'defconfig'],
    targets: ['x86/defconfig', 'arm/multi_v7_defconfig', 'arm/defconfig'],
    dropped: ['x86/multi_v7_defconfig: arch/x86/configs/multi_v7_defconfig does not exist'],
  },
];

for (const c of planCases) {
  test(`planTargets: ${c.name}`, () => {
    const { targets, dropped } = planTargets(c.arches, c.configs, tree);
    assert.deepEqual(targets.map((t) => `${t.arch}/${t.config}`), c.targets);
    assert.deepEqual(dropped.map((d) => `${d.arch}${d.config ? `/${d.config}` : ''}: ${d.reason}`), c.dropped);
  });
}

test('a config no arch has is an input error', () => {
  assert.throws(() => planTargets(['x86'], ['nonesuch_defconfig'], tree), (e: unknown) => e instanceof InputError && /'configs'.*"nonesuch_defconfig"/.test((e as Error).message));
});

test('no arch asked for in the tree: an input error naming arches, the value and the tree\'s arches', () => {
  for (const arches of [['sparc'], ['sparc', 'riscv']]) {
    assert.throws(
      () => planTargets(arches, ['tinyconfig'], tree),
      (e: unknown) => e instanceof InputError && e.input === 'arches' && e.message === `input 'arches': "${arches.join(' ')}" is not allowed; Linux 6.1.0 has no arch/ of ${arches.length === 1 ? 'it' : 'them'}; its arches are x86 arm arm64`,
    );
  }
});

test('configs that leave nothing on the arches the tree has: an input error naming configs, with every reason', () => {
  assert.throws(
    () => planTargets(['x86', 'arm64'], ['defconfig+nonesuch.config'], tree),
    (e: unknown) => e instanceof InputError && e.input === 'configs' && /^input 'configs': "defconfig\+nonesuch\.config" is not allowed; it leaves nothing to build on x86 arm64 in Linux 6\.1\.0: fragment nonesuch\.config is in neither arch\/x86\/configs\/ .*; fragment nonesuch\.config is in neither arch\/arm64\/configs\//.test((e as Error).message),
  );
  assert.throws(() => planTargets(['x86'], ['all', '!*'], tree), /^InputError: input 'configs': "all !\*" is not allowed; it leaves nothing to build on x86 in Linux 6\.1\.0: the patterns removed every config$/);
});

test('pathSafe keeps build ids and makes tag names with slashes one folder', () => {
  assert.equal(pathSafe('v6.1.192'), 'v6.1.192');
  assert.equal(pathSafe('next-20260105'), 'next-20260105');
  assert.equal(pathSafe('release/v1'), 'release_v1');
  assert.equal(pathSafe('..'), '_');
});

test('makePlan on a real repo: 4.14 plans the GCC 7.3 image, riscv is dropped', async () => {
  const dir = makeTinyTree({ version: '4.14.336', arches: { x86: ['x86_64_defconfig'], arm64: ['defconfig'] } });
  git(dir, 'tag', '-a', '-m', 'v4.14.336', 'v4.14.336');
  const inputs = getInputs((n) => ({ source: dir, ref: 'v4.14.336', arches: 'x86 arm64 riscv', configs: 'tinyconfig', logs: '/tmp/kb-logs' })[n] ?? '');
  const plan = await makePlan(inputs, gitIn(dir), projectFragments);
  assert.equal(plan.image.image, 'kernelbuilder/gcc-7.3');
  assert.match(plan.image.reason, /kernel 4\.14\.336 .*>=4\.2\.0 <4\.19\.0/);
  assert.deepEqual(plan.targets, [{ arch: 'x86', config: 'tinyconfig' }, { arch: 'arm64', config: 'tinyconfig' }]);
  assert.deepEqual(plan.dropped, [{ arch: 'riscv', reason: 'arch/riscv does not exist in Linux 4.14.336' }]);
  assert.equal(plan.logsDir, join('/tmp/kb-logs', plan.tree, 'v4.14.336'));
  assert.equal(plan.version.text, '4.14.336');
});

test('makePlan: a folder that is not a git repository is named', async () => {
  const inputs = getInputs((n) => ({ source: '/proc', ref: 'master' })[n] ?? '');
  await assert.rejects(makePlan(inputs, gitIn('/proc'), projectFragments), /input 'source': "\/proc" is not allowed; it must be a kernel git repository/);
});

test('makePlan: a commit whose Makefile is not a kernel one', async () => {
  const dir = makeTinyTree({ version: '6.1.0', arches: { x86: [] }, files: { Makefile: 'all:\n' } });
  const inputs = getInputs((n) => ({ source: dir, ref: 'master' })[n] ?? '');
  await assert.rejects(makePlan(inputs, gitIn(dir), projectFragments), /is not a kernel tree/);
});

test('makePlan: the boot fragment kernelbuilder ships is planned on every arch, with its options required', async () => {
  const dir = makeTinyTree({ version: '6.1.0', arches: { x86: [], arm64: [], riscv: [] } });
  const inputs = getInputs((n) => ({ source: dir, ref: 'master', arches: 'x86 arm64 riscv', configs: 'tinyconfig+kb-boot.config', logs: '/tmp/kb-logs' })[n] ?? '');
  const plan = await makePlan(inputs, gitIn(dir), projectFragments);
  assert.deepEqual(plan.dropped, []);
  assert.deepEqual(plan.targets.map((t) => `${t.arch}/${t.config}`), ['x86/tinyconfig+kb-boot.config', 'arm64/tinyconfig+kb-boot.config', 'riscv/tinyconfig+kb-boot.config']);
  const x86 = plan.targets[0].requires ?? [];
  assert.ok(x86.includes('CONFIG_64BIT=y') && x86.includes('CONFIG_SERIAL_8250_CONSOLE=y'), x86.join(' '));
  const arm64 = plan.targets[1].requires ?? [];
  assert.ok(arm64.includes('CONFIG_SERIAL_AMBA_PL011_CONSOLE=y') && !arm64.includes('CONFIG_64BIT=y'), arm64.join(' '));
});

test('makePlan: a tree fragment of the same name wins over the one kernelbuilder ships', async () => {
  const dir = makeTinyTree({ version: '6.1.0', arches: { x86: [] }, files: { 'kernel/configs/kb-boot.config': 'CONFIG_TREE_OWN=y\n' } });
  const inputs = getInputs((n) => ({ source: dir, ref: 'master', arches: 'x86', configs: 'tinyconfig+kb-boot.config', logs: '/tmp/kb-logs' })[n] ?? '');
  const plan = await makePlan(inputs, gitIn(dir), projectFragments);
  assert.deepEqual(plan.targets[0].requires, ['CONFIG_TREE_OWN=y']);
});

test('makePlan: a commit without arch/ is no kernel tree, said without a stack', async (t) => {
  const dir = makeTinyTree({ version: '6.1.0', arches: {} });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const inputs = getInputs((n) => ({ source: dir, ref: 'master' })[n] ?? '');
  await assert.rejects(makePlan(inputs, gitIn(dir), projectFragments), (e: unknown) => e instanceof SourceError && /is not a kernel tree: it has no arch\/ folder/.test((e as Error).message));
});

test('makePlan: a subfolder of a repository is refused as source, naming the top level', async (t) => {
  const dir = makeTinyTree({ version: '6.1.0', arches: { x86: [] } });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const sub = join(dir, 'arch');
  const inputs = getInputs((n) => ({ source: sub, ref: 'master' })[n] ?? '');
  await assert.rejects(
    makePlan(inputs, gitIn(sub), projectFragments),
    (e: unknown) => e instanceof InputError && e.message.includes(`input 'source': ${JSON.stringify(sub)} is not allowed; it is a folder inside the repository at ${dir}`),
  );
  const inGitDir = getInputs((n) => ({ source: join(dir, '.git'), ref: 'master' })[n] ?? '');
  await assert.rejects(makePlan(inGitDir, gitIn(join(dir, '.git')), projectFragments), /input 'source': .* inside a repository's git folder/);
});

test('makePlan: the top level, also through a link, and a bare repository are sources', async (t) => {
  const dir = makeTinyTree({ version: '6.1.0', arches: { x86: [] } });
  const bare = `${dir}.git`;
  const link = `${dir}-link`;
  t.after(() => [dir, bare, link].forEach((p) => rmSync(p, { recursive: true, force: true })));
  git(dir, 'clone', '-q', '--bare', dir, bare);
  symlinkSync(dir, link);
  for (const source of [dir, link, bare]) {
    const plan = await makePlan(getInputs((n) => ({ source, ref: 'master', arches: 'x86' })[n] ?? ''), gitIn(source), projectFragments);
    assert.equal(plan.targets.length, 1, source);
  }
});
