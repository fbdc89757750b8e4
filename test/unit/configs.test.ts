import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planTargets } from '../../src/plan/targets.ts';
import { parseConfigSpec, unmetOptions, optionsOfFragment, globMatches } from '../../src/values/config-spec.ts';
import { type TreeFacts } from '../../src/ref/tree.ts';
import { parseKernelVersion } from '../../src/ref/kernel-version.ts';
import { InputError } from '../../src/errors.ts';
import { inChild } from '../support/in-child.ts';

// A synthetic tree shaped like 6.1: several configs per arch, a fragment per arch.
const tree: TreeFacts = {
  version: parseKernelVersion('6.1.0')!,
  arches: ['arm', 'arm64', 'riscv', 'x86', 'mips'],
  configs: {
    arm: ['multi_v7_defconfig', 'imx_v6_v7_defconfig', 'lpae.config', 'dram_0x00000000.config'],
    arm64: ['defconfig', 'virt.config'],
    riscv: ['defconfig', 'rv32_defconfig', 'nommu_virt_defconfig', 'nommu_k210_defconfig', '32-bit.config'],
    x86: ['x86_64_defconfig', 'i386_defconfig', 'tiny.config', 'xen.config'],
  },
  fragments: {
    arm: {},
    arm64: { 'kvm_guest.config': 'CONFIG_KVM_GUEST=y\nCONFIG_VIRTIO=y\n# CONFIG_DEBUG is not set\n' },
    riscv: {},
    x86: { 'kvm_guest.config': 'CONFIG_KVM_GUEST=y\nCONFIG_VIRTIO=y\n# CONFIG_DEBUG is not set\n', 'xen.config': 'CONFIG_XEN=y\n' },
  },
  commits: [],
};

const names = (r: { targets: { arch: string; config: string }[] }) => r.targets.map((t) => `${t.arch}/${t.config}`);

test("'all' is every defconfig of each arch, allnoconfig, allmodconfig, tinyconfig and the derived variants", () => {
  assert.deepEqual(names(planTargets(['arm', 'arm64', 'riscv', 'x86'], ['all'], tree)), [
    'arm/multi_v7_defconfig', 'arm/imx_v6_v7_defconfig', 'arm/allnoconfig', 'arm/allmodconfig', 'arm/tinyconfig', 'arm/multi_lpae', 'arm/multi_v7_nosmp',
    'arm64/defconfig', 'arm64/allnoconfig', 'arm64/allmodconfig', 'arm64/tinyconfig', 'arm64/nosmp',
    'riscv/defconfig', 'riscv/rv32_defconfig', 'riscv/nommu_virt_defconfig', 'riscv/nommu_k210_defconfig', 'riscv/allnoconfig', 'riscv/allmodconfig', 'riscv/tinyconfig', 'riscv/nosmp', 'riscv/rv32',
    'x86/x86_64_defconfig', 'x86/i386_defconfig', 'x86/allnoconfig', 'x86/allmodconfig', 'x86/tinyconfig',
  ]);
});

test('globs and negations, in order', () => {
  assert.deepEqual(names(planTargets(['arm', 'riscv'], ['multi_*'], tree)), ['arm/multi_v7_defconfig', 'arm/multi_lpae', 'arm/multi_v7_nosmp']);
  assert.deepEqual(names(planTargets(['riscv'], ['all', '!*nommu_*', '!all*'], tree)), ['riscv/defconfig', 'riscv/rv32_defconfig', 'riscv/tinyconfig', 'riscv/nosmp', 'riscv/rv32']);
  assert.ok(globMatches('*_nommu_*', 'x_nommu_y') && !globMatches('multi_?', 'multi_v7'));
});

test('a glob that would backtrack as a regular expression matches a long name at once', { timeout: 30_000 }, async () => {
  const run = await inChild(
    `const { globMatches } = await import(src + 'values/config-spec.ts');
     console.log(globMatches('${'*a'.repeat(12)}b', '${'a'.repeat(40)}'), globMatches('${'*a'.repeat(12)}*', '${'a'.repeat(40)}'));`,
    20_000,
  );
  assert.equal(run.killed, false, 'matching the glob hung');
  assert.equal(run.stdout.trim(), 'false true');
  const cases: [string, string, boolean][] = [['*', '', true], ['a?c', 'ac', false], ['*a*b', 'aXbYb', true], ['*a*b', 'aXbYc', false], ['a.c', 'abc', false], ['**', 'a', true], ['*?', '', false]];
  for (const [glob, name, want] of cases) assert.equal(globMatches(glob, name), want, `${glob} ${name}`);
});

test('derived variants are fragments on a base, asking for their options', () => {
  const [lpae, nosmp] = planTargets(['arm'], ['multi_lpae', 'multi_v7_nosmp'], tree).targets;
  assert.deepEqual(lpae, { arch: 'arm', config: 'multi_lpae', base: 'multi_v7_defconfig', fragments: [{ kind: 'option', option: 'CONFIG_ARM_LPAE', value: 'y' }], requires: ['CONFIG_ARM_LPAE=y'] });
  assert.deepEqual(nosmp.requires, ['CONFIG_SMP=n']);
});

test('fragments: files from the tree and single options, with what they ask for', () => {
  const { targets, dropped } = planTargets(['x86', 'arm64', 'arm'], ['defconfig+kvm_guest.config+CONFIG_PCI=y'], tree);
  assert.deepEqual(targets[0], {
    arch: 'x86',
    config: 'defconfig+kvm_guest.config+CONFIG_PCI=y',
    base: 'defconfig',
    fragments: [{ kind: 'file', name: 'kvm_guest.config' }, { kind: 'option', option: 'CONFIG_PCI', value: 'y' }],
    requires: ['CONFIG_KVM_GUEST=y', 'CONFIG_VIRTIO=y', 'CONFIG_DEBUG=n', 'CONFIG_PCI=y'],
  });
  assert.deepEqual(names({ targets }), ['x86/defconfig+kvm_guest.config+CONFIG_PCI=y', 'arm64/defconfig+kvm_guest.config+CONFIG_PCI=y']);
  assert.deepEqual(dropped, [{ arch: 'arm', config: 'defconfig+kvm_guest.config+CONFIG_PCI=y', reason: 'fragment kvm_guest.config is in neither arch/arm/configs/ nor kernel/configs/' }]);
});

const badSpecs = ['defconfig+', 'defconfig+../x.config', 'defconfig+CONFIG_x=y', 'defconfig+CONFIG_X=yes please', 'defconfig+CONFIG_X="s"', 'a/b', '+x.config', 'defconfig+foo', '**/x'];
for (const spec of badSpecs) {
  test(`config ${JSON.stringify(spec)} is refused by name`, () => {
    assert.throws(() => (spec.includes('*') ? planTargets(['x86'], [spec], tree) : parseConfigSpec('configs', spec)), (e: unknown) => e instanceof InputError && /input 'configs'/.test((e as Error).message));
  });
}

test("configs: all never builds a tree config whose name a user could not give: it is dropped with the reason", () => {
  const hostile = ['foo;rm -rf /_defconfig', 'a|b_defconfig', '$(shell touch /tmp/kb-pwned)_defconfig', 'x\n::stop-commands::y_defconfig', '-x_defconfig', '..defconfig'];
  const evil: TreeFacts = { ...tree, configs: { ...tree.configs, x86: [...tree.configs.x86, ...hostile] } };
  const { targets, dropped } = planTargets(['x86'], ['all'], evil);
  assert.deepEqual(names({ targets }), ['x86/x86_64_defconfig', 'x86/i386_defconfig', 'x86/allnoconfig', 'x86/allmodconfig', 'x86/tinyconfig']);
  assert.deepEqual(
    dropped.map((d) => [d.arch, d.config, d.reason]),
    hostile.map((name) => ['x86', undefined, `arch/x86/configs/ holds ${JSON.stringify(name)}, a name kernelbuilder does not build: config names are letters, digits and _ . - (not starting with . or -, no ..), at most 100 characters`]),
  );
  // A glob drops only what it chose; a negation takes a refused name back out.
  assert.deepEqual(planTargets(['x86'], ['a*'], evil).dropped.map((d) => d.reason.split(',')[0]), ['arch/x86/configs/ holds "a|b_defconfig"']);
  assert.deepEqual(planTargets(['x86'], ['all', '!*shell*', '!*rm*', '!*|*', '!x*', '!-*', '!.*'], evil).dropped, []);
  // Named by the user, the same names are input errors, as before.
  for (const name of hostile) assert.throws(() => planTargets(['x86'], [name], evil), InputError, name);
});

test('a pattern that matches nothing anywhere is an input error', () => {
  assert.throws(() => planTargets(['x86'], ['zzz*'], tree), /input 'configs': "zzz\*" is not allowed; it matches no config/);
});

test('options that did not reach .config are found, with what they became', () => {
  const dotConfig = '# Linux/x86 6.1.0 Kernel Configuration\nCONFIG_KVM_GUEST=y\nCONFIG_VIRTIO=m\n# CONFIG_PCI is not set\nCONFIG_NR_CPUS=8\n';
  assert.deepEqual(unmetOptions(['CONFIG_KVM_GUEST=y', 'CONFIG_VIRTIO=y', 'CONFIG_DEBUG=n', 'CONFIG_PCI=y', 'CONFIG_NR_CPUS=8'], dotConfig), [
    { option: 'CONFIG_VIRTIO', want: 'y', got: 'm' },
    { option: 'CONFIG_PCI', want: 'y', got: 'not set' },
  ]);
  assert.deepEqual(optionsOfFragment('CONFIG_A=y\n# CONFIG_B is not set\n# comment\n'), ['CONFIG_A=y', 'CONFIG_B=n']);
});
