import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MachineChoice, chooseMachine, defaultMachineTable, kernelCommandLine, parseMachineTable } from '../../src/boot/machines.ts';
import { InputError } from '../../src/errors.ts';

// What every boot needs, and each machine's console, as a bootable config has them.
const BOOTABLE = ['CONFIG_BLK_DEV_INITRD=y', 'CONFIG_BINFMT_ELF=y', 'CONFIG_PRINTK=y', 'CONFIG_TTY=y'];
const config = (...lines: string[]) => [...BOOTABLE, ...lines].join('\n') + '\n';
const name = (c: MachineChoice) => ('machine' in c ? c.machine.name : `skipped: ${c.skipped}`);

const choices: [string, string, string, RegExp | string][] = [
  ['x86 64-bit', 'x86', config('CONFIG_64BIT=y', 'CONFIG_SERIAL_8250_CONSOLE=y'), 'x86_64'],
  ['x86 32-bit (tinyconfig: 64BIT off)', 'x86', config('# CONFIG_64BIT is not set', 'CONFIG_SERIAL_8250_CONSOLE=y'), 'i386'],
  ['x86 with no 64BIT line at all is 32-bit', 'x86', config('CONFIG_SERIAL_8250_CONSOLE=y'), 'i386'],
  ['arm64', 'arm64', config('CONFIG_64BIT=y', 'CONFIG_SERIAL_AMBA_PL011_CONSOLE=y'), 'arm64'],
  ['arm multi_v7', 'arm', config('CONFIG_MMU=y', 'CONFIG_ARCH_MULTI_V7=y', 'CONFIG_SERIAL_AMBA_PL011_CONSOLE=y'), 'arm'],
  ['arm virt only', 'arm', config('CONFIG_MMU=y', 'CONFIG_ARCH_VIRT=y', 'CONFIG_SERIAL_AMBA_PL011_CONSOLE=y'), 'arm'],
  ['riscv64', 'riscv', config('CONFIG_64BIT=y', 'CONFIG_MMU=y', 'CONFIG_SERIAL_8250_CONSOLE=y', 'CONFIG_SIFIVE_PLIC=y'), 'riscv64'],
  ['riscv64 without the PLIC (its UART never probes)', 'riscv', config('CONFIG_64BIT=y', 'CONFIG_MMU=y', 'CONFIG_SERIAL_8250_CONSOLE=y', '# CONFIG_SIFIVE_PLIC is not set'),
    /^skipped: the config cannot boot on riscv64: CONFIG_SIFIVE_PLIC is not =y \(the UART's interrupt comes through the PLIC/],
  ['arm v5 (versatile) fits no machine', 'arm', config('CONFIG_MMU=y', 'CONFIG_ARCH_MULTI_V5=y', 'CONFIG_SERIAL_AMBA_PL011_CONSOLE=y'),
    /^skipped: the arm config fits no QEMU machine: arm needs CONFIG_ARCH_VIRT=y or CONFIG_ARCH_MULTI_V7=y$/],
  ['riscv 32-bit fits no machine', 'riscv', config('# CONFIG_64BIT is not set', 'CONFIG_MMU=y', 'CONFIG_SERIAL_8250_CONSOLE=y'),
    /^skipped: the riscv config fits no QEMU machine: riscv64 needs CONFIG_64BIT=y$/],
  ['riscv nommu fits no machine', 'riscv', config('CONFIG_64BIT=y', '# CONFIG_MMU is not set'), /riscv64 needs CONFIG_MMU=y$/],
  ['s390x', 's390', config('CONFIG_SCLP_VT220_CONSOLE=y'), 's390x'],
  ['ppc64le on pseries', 'powerpc', config('CONFIG_PPC64=y', 'CONFIG_CPU_LITTLE_ENDIAN=y', 'CONFIG_PPC_PSERIES=y', 'CONFIG_HVC_CONSOLE=y', 'CONFIG_PPC_OF_BOOT_TRAMPOLINE=y'), 'ppc64le'],
  ['big-endian ppc64 fits no machine', 'powerpc', config('CONFIG_PPC64=y', '# CONFIG_CPU_LITTLE_ENDIAN is not set', 'CONFIG_PPC_PSERIES=y'),
    /^skipped: the powerpc config fits no QEMU machine: ppc64le needs CONFIG_CPU_LITTLE_ENDIAN=y$/],
  ['ppc64le without the Open Firmware entry', 'powerpc', config('CONFIG_PPC64=y', 'CONFIG_CPU_LITTLE_ENDIAN=y', 'CONFIG_PPC_PSERIES=y', 'CONFIG_HVC_CONSOLE=y'),
    /^skipped: the config cannot boot on ppc64le: CONFIG_PPC_OF_BOOT_TRAMPOLINE is not =y \(the kernel is entered from the machine's Open Firmware \(SLOF\)\)/],
  ['mips 32-bit little endian on Malta', 'mips', config('CONFIG_MIPS_MALTA=y', 'CONFIG_CPU_LITTLE_ENDIAN=y', 'CONFIG_32BIT=y', 'CONFIG_SERIAL_8250_CONSOLE=y'), 'mipsel'],
  ['mips big endian fits no machine', 'mips', config('CONFIG_MIPS_MALTA=y', 'CONFIG_CPU_BIG_ENDIAN=y', 'CONFIG_32BIT=y'), /^skipped: the mips config fits no QEMU machine: mipsel needs CONFIG_CPU_LITTLE_ENDIAN=y$/],
  ['an arch with no row', 'sparc', config('CONFIG_64BIT=y'), /^skipped: no QEMU machine boots arch sparc \(the machine table has x86, arm64, arm, riscv, s390, powerpc, mips\)$/],
  ['no initramfs support', 'x86', ['CONFIG_64BIT=y', 'CONFIG_BINFMT_ELF=y', 'CONFIG_PRINTK=y', 'CONFIG_TTY=y', 'CONFIG_SERIAL_8250_CONSOLE=y'].join('\n'),
    /^skipped: the config cannot boot on x86_64: CONFIG_BLK_DEV_INITRD is not =y \(the init comes in an initramfs\); the boot fragment sets them$/],
  ['no serial console driver', 'arm64', config('CONFIG_SERIAL_AMBA_PL011=y'), /CONFIG_SERIAL_AMBA_PL011_CONSOLE is not =y \(the console is the PL011 UART ttyAMA0\)/],
  ['a console driver as a module does not count', 'x86', config('CONFIG_64BIT=y', 'CONFIG_SERIAL_8250_CONSOLE=m'), /CONFIG_SERIAL_8250_CONSOLE is not =y/],
  ['plain tinyconfig lacks everything, all named', 'x86', '# CONFIG_64BIT is not set\n',
    /i386: CONFIG_BLK_DEV_INITRD is not =y .*; CONFIG_BINFMT_ELF .*; CONFIG_PRINTK .*; CONFIG_TTY .*; CONFIG_SERIAL_8250_CONSOLE is not =y/],
];

for (const [what, arch, dotConfig, want] of choices) {
  test(`chooseMachine: ${what} → ${want}`, () => {
    const got = name(chooseMachine(defaultMachineTable, arch, dotConfig));
    if (typeof want === 'string') assert.equal(got, want);
    else assert.match(got, want);
  });
}

// The .config `make tinyconfig` makes of the real 6.1 tree (test/fixtures/configs, made by
// the gcc-12 image): it cannot boot on any arch, and the boot says why instead of failing.
const REAL_TINYCONFIGS: [string, string][] = [['x86', 'i386'], ['arm64', 'arm64'], ['riscv', 'riscv64']];
for (const [arch, machine] of REAL_TINYCONFIGS) {
  test(`chooseMachine: the real 6.1 tinyconfig of ${arch} cannot boot on ${machine}: skipped, the initramfs named first`, () => {
    const dotConfig = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'configs', `tinyconfig-6.1-${arch}.config`), 'utf8');
    assert.match(dotConfig, /^# Linux\/\w+ 6\.1\.\d+ Kernel Configuration$/m);
    assert.match(name(chooseMachine(defaultMachineTable, arch, dotConfig)), new RegExp(`^skipped: the config cannot boot on ${machine}: CONFIG_BLK_DEV_INITRD is not =y`));
  });
}

const rows: [string, Partial<Record<string, string>>][] = [
  ['x86_64', { qemu: 'qemu-system-x86_64', machine: 'q35', console: 'ttyS0', image: 'bzImage' }],
  ['i386', { qemu: 'qemu-system-i386', machine: 'q35', console: 'ttyS0', image: 'bzImage' }],
  ['arm64', { qemu: 'qemu-system-aarch64', machine: 'virt,gic-version=3', console: 'ttyAMA0', image: 'Image' }],
  ['arm', { qemu: 'qemu-system-arm', machine: 'virt', cpu: 'cortex-a15', console: 'ttyAMA0', image: 'zImage' }],
  ['riscv64', { qemu: 'qemu-system-riscv64', machine: 'virt', console: 'ttyS0', image: 'Image' }],
];

for (const [machineName, fields] of rows) {
  test(`machines.json: ${machineName} is ${JSON.stringify(fields)}`, () => {
    const m = defaultMachineTable.machines.find((r) => r.name === machineName);
    assert.ok(m, `no row ${machineName}`);
    for (const [k, v] of Object.entries(fields)) assert.equal((m as unknown as Record<string, unknown>)[k], v, k);
  });
}

test('kernelCommandLine: console, panic=-1, then the row\'s parameters (which win)', () => {
  const byName = (n: string) => defaultMachineTable.machines.find((m) => m.name === n)!;
  assert.equal(kernelCommandLine(byName('x86_64')), 'console=ttyS0 panic=-1 earlycon=uart8250,io,0x3f8');
  assert.equal(kernelCommandLine(byName('arm64')), 'console=ttyAMA0 panic=-1 earlycon');
  assert.equal(kernelCommandLine(byName('riscv64')), 'console=ttyS0 panic=-1 earlycon');
});

test('riscv64 boots Debian\'s OpenSBI fw_dynamic', () => {
  const m = defaultMachineTable.machines.find((r) => r.name === 'riscv64')!;
  assert.deepEqual(m.args, ['-bios', '/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin']);
});

const shipped = JSON.parse(readFileSync('src/boot/machines.json', 'utf8')) as { needs: unknown[]; machines: Record<string, unknown>[] };
const withRow = (patch: Record<string, unknown>) => JSON.stringify({ ...shipped, machines: [{ ...shipped.machines[0], ...patch }] });

const bad: [string, string, RegExp][] = [
  ['not JSON', '{', /input 'm\.json': .* it must be JSON/],
  ['no machines', '{"needs":[],"machines":[]}', /non-empty "machines" list/],
  ['needs is not a list', JSON.stringify({ ...shipped, needs: 'CONFIG_TTY' }), /m\.json needs'.*list of \{option, why\}/],
  ['a need without why', JSON.stringify({ ...shipped, needs: [{ option: 'CONFIG_TTY' }] }), /m\.json needs\[0\]'/],
  ['unknown arch', withRow({ arch: 'x86_64' }), /machines\[0\]\.arch': "x86_64" is not allowed; it must be a kernel ARCH/],
  ['a shell word in cpu', withRow({ cpu: 'max;rm -rf /' }), /machines\[0\]\.cpu': "max;rm -rf \/" is not allowed; it must be one plain word/],
  ['a space in args', withRow({ args: ['-bios fw.bin'] }), /machines\[0\]\.args\[0\]'/],
  ['a path as image', withRow({ image: '../vmlinux' }), /machines\[0\]\.image'/],
  ['a bad condition', withRow({ when: ['64BIT=y'] }), /machines\[0\]\.when\[0\]': "64BIT=y".*CONFIG_X=value/],
  ['a bad alternative', withRow({ when: ['CONFIG_A=y|B'] }), /machines\[0\]\.when\[0\]'/],
  ['memory out of range', withRow({ memoryMiB: 8 }), /machines\[0\]\.memoryMiB': "8" is not allowed; it must be a whole number from 64/],
  ['smp not whole', withRow({ smp: 1.5 }), /machines\[0\]\.smp'/],
  ['not a qemu binary', withRow({ qemu: 'bash' }), /machines\[0\]\.qemu'/],
  ['a repeated name', JSON.stringify({ ...shipped, machines: [shipped.machines[0], shipped.machines[0]] }), /m\.json machines': "x86_64".*appears once/],
];

for (const [what, text, want] of bad) {
  test(`parseMachineTable refuses ${what}, naming where`, () => {
    assert.throws(() => parseMachineTable(text, 'm.json'), (e: unknown) => e instanceof InputError && want.test(e.message));
  });
}

test('rows are tried in order: the first whose conditions hold wins', () => {
  const first = { ...shipped.machines[0], name: 'first', when: ['CONFIG_A=y'] };
  const second = { ...shipped.machines[0], name: 'second', when: [] };
  const table = parseMachineTable(JSON.stringify({ needs: [], machines: [first, second] }), 'm.json');
  assert.equal(name(chooseMachine(table, 'x86', 'CONFIG_A=y\nCONFIG_SERIAL_8250_CONSOLE=y\n')), 'first');
  assert.equal(name(chooseMachine(table, 'x86', 'CONFIG_SERIAL_8250_CONSOLE=y\n')), 'second');
});

test('chooseMachine for KUnit: only the machine\'s console is needed (no init, no initramfs); without it, a skip naming the tree\'s qemu_configs', () => {
  const alldefconfig = 'CONFIG_64BIT=y\nCONFIG_PRINTK=y\nCONFIG_SERIAL_8250_CONSOLE=y\n';
  assert.equal(name(chooseMachine(defaultMachineTable, 'x86', alldefconfig, 'kunit')), 'x86_64');
  assert.match(name(chooseMachine(defaultMachineTable, 'x86', alldefconfig)), /^skipped: the config cannot boot on x86_64: CONFIG_BLK_DEV_INITRD is not =y/, 'a boot needs its init');
  assert.match(name(chooseMachine(defaultMachineTable, 'x86', 'CONFIG_64BIT=y\n', 'kunit')), /^skipped: the config cannot boot on x86_64: CONFIG_SERIAL_8250_CONSOLE is not =y .*; the tree's qemu_configs set them$/);
});
