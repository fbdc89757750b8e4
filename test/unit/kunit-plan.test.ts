import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { getInputs } from '../../src/inputs/inputs.ts';
import { gitIn } from '../../src/ref/git.ts';
import { KUNIT_QEMU_CONFIGS, KUNIT_TREE, kunitConfigName, planKunitTargets } from '../../src/plan/kunit-targets.ts';
import { defaultMachineTable } from '../../src/boot/machines.ts';
import { driverTarget } from '../../src/container/spec.ts';
import { InputError } from '../../src/errors.ts';
import { type KunitSettings } from '../../src/types/kunit.ts';
import { git, makeTinyTree } from '../support/tiny-tree.ts';

// KUnit's inputs and targets: what a maintainer writes, what it plans, and what it refuses
// before any container starts. The tree's files as 6.1 has them.
const KUNIT_FILES = {
  [KUNIT_TREE.default]: 'CONFIG_KUNIT=y\nCONFIG_KUNIT_ALL_TESTS=y\n',
  [KUNIT_TREE.all]: 'CONFIG_KUNIT=y\nCONFIG_KUNIT_ALL_TESTS=y\nCONFIG_EXT4_FS=y\n',
  [KUNIT_TREE.umlArch]: '# Config options which are added to UML builds by default\nCONFIG_VIRTIO_UML=y\nCONFIG_UML_PCI_OVER_VIRTIO=y\n',
  'lib/kunit/.kunitconfig': 'CONFIG_KUNIT=y\nCONFIG_KUNIT_TEST=y\nCONFIG_KUNIT_EXAMPLE_TEST=y\n',
};
const inputs = (extra: Record<string, string>) => getInputs((n) => ({ source: '/src', ref: 'master', ccache: 'off', ...extra })[n] ?? '');
const settings = (words: string[]): KunitSettings => inputs({ kunit: words.join(' ') }).kunit!;
const tree = (files: Record<string, string> = KUNIT_FILES) => {
  const dir = makeTinyTree({ version: '6.1.0', arches: { um: [], x86: [] }, files });
  return { dir, git: gitIn(dir), sha: git(dir, 'rev-parse', 'HEAD').trim() };
};

test('kunit inputs: off by default; default, all and tree paths; um by default, 2 retries, 5 min a run; KUnit alone when no configs are given', () => {
  assert.equal(inputs({}).kunit, undefined);
  assert.deepEqual(inputs({}).configs, ['defconfig']);
  const on = inputs({ kunit: 'default lib/kunit/ all' });
  assert.deepEqual(on.kunit, { requests: [{ kind: 'default' }, { kind: 'file', path: 'lib/kunit' }, { kind: 'all' }], arches: ['um'], retries: 2, timeoutSeconds: 300 });
  assert.deepEqual(on.configs, [], 'no configs asked for: KUnit is the run');
  assert.deepEqual(inputs({ kunit: 'default', configs: 'tinyconfig' }).configs, ['tinyconfig']);
  assert.deepEqual(inputs({ kunit: 'default', 'test-retries': '0', 'kunit-timeout': '90s' }).kunit, { requests: [{ kind: 'default' }], arches: ['um'], retries: 0, timeoutSeconds: 90 });
});

const refused: [string, Record<string, string>, RegExp][] = [
  ['a path out of the tree', { kunit: '../etc/.kunitconfig' }, /^input 'kunit': "\.\.\/etc\/\.kunitconfig" is not allowed; it is no path of the tree/],
  ['an absolute path', { kunit: '/etc/passwd' }, /^input 'kunit': "\/etc\/passwd" is not allowed; it is no path of the tree/],
  ['a path with a shell word', { kunit: 'lib/$(id)' }, /^input 'kunit': "lib\/\$\(id\)" is not allowed/],
  ['an arch KUnit does not run on', { kunit: 'default', 'kunit-arches': 'vax' }, /^input 'kunit-arches': "vax" is not allowed; KUnit runs on um/],
  ['retries out of range', { kunit: 'default', 'test-retries': '6' }, /^input 'test-retries': "6" is not allowed; test-retries is a whole number from 0 to 5/],
  ['retries that are no number', { kunit: 'default', 'test-retries': '-1' }, /^input 'test-retries': "-1" is not allowed/],
  ['a timeout that is no duration', { kunit: 'default', 'kunit-timeout': 'soon' }, /^input 'kunit-timeout': "soon" is not allowed; a duration/],
  ['retries out of range with kunit off: a typo shows before it matters', { 'test-retries': '9' }, /^input 'test-retries'/],
];
for (const [what, given, message] of refused) {
  test(`kunit inputs refused: ${what}, naming the input`, () => {
    assert.throws(() => inputs(given), (e: Error) => e instanceof InputError && message.test(e.message));
  });
}

test('KUnit targets: one per config and arch, seeded as kunit.py seeds its .config (arch_uml.config, then the config), every option required, run on UML', async () => {
  const t = tree();
  const { targets, dropped } = await planKunitTargets(settings(['default', 'lib/kunit', 'all']), t.git, t.sha, '6.1.0');
  assert.deepEqual(dropped, []);
  assert.deepEqual(targets.map((x) => `${x.arch}/${x.config}`), ['um/kunit', 'um/kunit-lib-kunit', 'um/kunit-all']);
  const lib = targets[1];
  assert.deepEqual(lib.fragments, [{ kind: 'tree', path: KUNIT_TREE.umlArch }, { kind: 'tree', path: 'lib/kunit/.kunitconfig' }]);
  assert.deepEqual(lib.requires, ['CONFIG_VIRTIO_UML=y', 'CONFIG_UML_PCI_OVER_VIRTIO=y', 'CONFIG_KUNIT=y', 'CONFIG_KUNIT_TEST=y', 'CONFIG_KUNIT_EXAMPLE_TEST=y']);
  assert.equal(lib.base, 'alldefconfig');
  assert.equal(driverTarget(lib), `um|kunit-lib-kunit|alldefconfig||kunit-uml||tree:${KUNIT_TREE.umlArch}|tree:lib/kunit/.kunitconfig`);
});

test('KUnit targets: a tree without tools/testing/kunit drops default and all with the reason, never a failure', async () => {
  const t = tree({ 'lib/kunit/.kunitconfig': 'CONFIG_KUNIT=y\n' });
  const { targets, dropped } = await planKunitTargets(settings(['default', 'all', 'lib/kunit/.kunitconfig']), t.git, t.sha, '4.19.0');
  assert.deepEqual(targets.map((x) => x.config), ['kunit-lib-kunit']);
  assert.deepEqual(targets[0].fragments, [{ kind: 'tree', path: 'lib/kunit/.kunitconfig' }], 'no arch_uml.config in the tree: none added');
  assert.deepEqual(dropped, [
    { arch: 'um', config: 'kunit', reason: `Linux 4.19.0 has no ${KUNIT_TREE.default}` },
    { arch: 'um', config: 'kunit-all', reason: `Linux 4.19.0 has no ${KUNIT_TREE.all}` },
  ]);
});

test('KUnit targets: a path not in the tree, a link, or a folder without a .kunitconfig is refused, naming the input', async () => {
  const t = tree();
  symlinkSync('/etc/passwd', join(t.dir, 'lib', 'kunit', 'linked'));
  git(t.dir, 'add', '-A');
  git(t.dir, 'commit', '-q', '-m', 'a link');
  const sha = git(t.dir, 'rev-parse', 'HEAD').trim();
  const cases: [string, RegExp][] = [
    ['fs/ext4', /^input 'kunit': "fs\/ext4" is not allowed; fs\/ext4 is not in the tree at [0-9a-f]{12}/],
    ['lib/kunit/linked', /lib\/kunit\/linked is a link in the tree \(never followed\)/],
    ['tools', /tools\/\.kunitconfig is not in the tree/],
  ];
  for (const [path, message] of cases) {
    await assert.rejects(planKunitTargets(settings([path]), t.git, sha, '6.1.0'), (e: Error) => e instanceof InputError && message.test(e.message), path);
  }
});

test('kunitConfigName: short names a target can go by', () => {
  assert.equal(kunitConfigName({ kind: 'default' }), 'kunit');
  assert.equal(kunitConfigName({ kind: 'all' }), 'kunit-all');
  assert.equal(kunitConfigName({ kind: 'file', path: 'fs/ext4/.kunitconfig' }), 'kunit-fs-ext4');
  assert.equal(kunitConfigName({ kind: 'file', path: 'drivers/foo/my.kunitconfig' }), 'kunit-drivers-foo-my.kunitconfig');
  assert.throws(() => kunitConfigName({ kind: 'file', path: `${'d/'.repeat(60)}.kunitconfig` }), /longer than 100 characters/);
});

// The tree's qemu_configs as 6.1 has them (x86_64.py; arm64.py in part), Python read for its kconfig string only.
const QEMU_FILES = {
  ...KUNIT_FILES,
  [`${KUNIT_TREE.qemuConfigs}/x86_64.py`]: "from ..qemu_config import QemuArchParams\n\nQEMU_ARCH = QemuArchParams(linux_arch='x86_64',\n\t\t\t   kconfig='''\nCONFIG_SERIAL_8250=y\nCONFIG_SERIAL_8250_CONSOLE=y''',\n\t\t\t   qemu_arch='x86_64',\n\t\t\t   kernel_path='arch/x86/boot/bzImage',\n\t\t\t   kernel_command_line='console=ttyS0',\n\t\t\t   extra_qemu_params=['-bios', 'qboot.rom'])\n",
};

test('kunit inputs: the arches a machine runs KUnit on are taken (booted in QEMU); one with no such machine is refused naming the input', () => {
  assert.deepEqual(inputs({ kunit: 'default', 'kunit-arches': 'um x86 arm64' }).kunit!.arches, ['um', 'x86', 'arm64']);
  assert.throws(
    () => inputs({ kunit: 'default', 'kunit-arches': 'mips' }),
    (e: Error) => e instanceof InputError && /^input 'kunit-arches': "mips" is not allowed; KUnit runs on um x86 arm64 arm riscv \(um: UML/.test(e.message),
  );
});

test('KUnit targets in QEMU: the config seeded, the kconfig of the tree\'s qemu_configs/<machine>.py set after the base, every option required, run in QEMU', async () => {
  const t = tree(QEMU_FILES);
  const { targets, dropped } = await planKunitTargets(inputs({ kunit: 'lib/kunit', 'kunit-arches': 'um x86' }).kunit!, t.git, t.sha, '6.1.0');
  assert.deepEqual(dropped, []);
  assert.deepEqual(targets.map((x) => [`${x.arch}/${x.config}`, x.test]), [['um/kunit-lib-kunit', 'kunit-uml'], ['x86/kunit-lib-kunit', 'kunit-qemu']]);
  const x86 = targets[1];
  assert.deepEqual(x86.requires, ['CONFIG_KUNIT=y', 'CONFIG_KUNIT_TEST=y', 'CONFIG_KUNIT_EXAMPLE_TEST=y', 'CONFIG_SERIAL_8250=y', 'CONFIG_SERIAL_8250_CONSOLE=y']);
  assert.equal(driverTarget(x86), 'x86|kunit-lib-kunit|alldefconfig||kunit-qemu||tree:lib/kunit/.kunitconfig|CONFIG_SERIAL_8250=y|CONFIG_SERIAL_8250_CONSOLE=y');
});

test('KUnit targets in QEMU: an arch whose qemu_config the tree lacks is dropped with the reason; a qemu_config\'s line the driver would not take is left out', async () => {
  const t = tree({ ...QEMU_FILES, [`${KUNIT_TREE.qemuConfigs}/x86_64.py`]: "QemuArchParams(kconfig='''\nCONFIG_SERIAL_8250=y\nCONFIG_CMDLINE=\"$(reboot)\"\nCONFIG_X|Y=y''')\n" });
  const { targets, dropped } = await planKunitTargets(inputs({ kunit: 'lib/kunit', 'kunit-arches': 'x86 arm64' }).kunit!, t.git, t.sha, '6.1.0');
  assert.deepEqual(targets.map((x) => x.fragments), [[{ kind: 'tree', path: 'lib/kunit/.kunitconfig' }, { kind: 'option', option: 'CONFIG_SERIAL_8250', value: 'y' }]]);
  assert.deepEqual(dropped, [{ arch: 'arm64', config: 'kunit-lib-kunit', reason: `Linux 6.1.0 has no ${KUNIT_TREE.qemuConfigs}/arm64.py` }]);
});

test('KUnit in QEMU: each arch of KUNIT_QEMU_CONFIGS is one a machine of the table boots, and its qemu_config is in the real 6.1 tree', () => {
  const repo = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
  for (const [arch, file] of Object.entries(KUNIT_QEMU_CONFIGS)) {
    assert.ok(defaultMachineTable.machines.some((m) => m.arch === arch), `no machine boots ${arch}`);
    assert.ok(git(repo, 'ls-tree', '--name-only', 'refs/remotes/stable/HEAD', `${KUNIT_TREE.qemuConfigs}/${file}.py`).trim(), `${file}.py`);
  }
});
