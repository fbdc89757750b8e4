import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type Docker from 'dockerode';
import { BOOT_MOUNT, bootReproducer, bootSpec, qemuCommand } from '../../src/boot/boot-spec.ts';
import { type BootImageInfo, bootImageFromInspect, bootImageLacks, inspectBootImage } from '../../src/boot/boot-image.ts';
import { kvmDeviceGroup } from '../../src/boot/kvm.ts';
import { defaultMachineTable } from '../../src/boot/machines.ts';
import { CONTAINER_LABEL, OWNER_LABEL } from '../../src/constants.ts';
import { DockerError } from '../../src/errors.ts';
import { inspectImage } from '../../src/images/inspect.ts';

const machine = (n: string) => defaultMachineTable.machines.find((m) => m.name === n)!;
const image: BootImageInfo = { name: 'kernelbuilder/qemu', id: 'sha256:' + 'a'.repeat(64), boots: ['x86_64', 'i386', 'arm64', 'arm', 'riscv64'] };
const request = (n: string, kvm = false) => ({ keptDir: '/logs/t/b1/x86/tinyconfig', machine: machine(n), image, user: '1000:1000', kvm, label: 't/b1' });

const commands: [string, string[]][] = [
  ['x86_64', ['qemu-system-x86_64', '-machine', 'q35', '-cpu', 'max', '-smp', '1', '-m', '512M', '-accel', 'tcg', '-nodefaults', '-no-user-config', '-display', 'none', '-serial', 'stdio', '-no-reboot',
    '-kernel', '/boot/bzImage', '-initrd', '/boot/initramfs.cpio', '-append', 'console=ttyS0 panic=-1 earlycon=uart8250,io,0x3f8']],
  ['i386', ['qemu-system-i386', '-machine', 'q35', '-cpu', 'max', '-smp', '1', '-m', '512M', '-accel', 'tcg', '-nodefaults', '-no-user-config', '-display', 'none', '-serial', 'stdio', '-no-reboot',
    '-kernel', '/boot/bzImage', '-initrd', '/boot/initramfs.cpio', '-append', 'console=ttyS0 panic=-1 earlycon=uart8250,io,0x3f8']],
  ['arm64', ['qemu-system-aarch64', '-machine', 'virt,gic-version=3', '-cpu', 'max,pauth-impdef=on', '-smp', '1', '-m', '512M', '-accel', 'tcg', '-nodefaults', '-no-user-config', '-display', 'none', '-serial', 'stdio', '-no-reboot',
    '-kernel', '/boot/Image', '-initrd', '/boot/initramfs.cpio', '-append', 'console=ttyAMA0 panic=-1 earlycon']],
  ['arm', ['qemu-system-arm', '-machine', 'virt', '-cpu', 'cortex-a15', '-smp', '1', '-m', '512M', '-accel', 'tcg', '-nodefaults', '-no-user-config', '-display', 'none', '-serial', 'stdio', '-no-reboot',
    '-kernel', '/boot/zImage', '-initrd', '/boot/initramfs.cpio', '-append', 'console=ttyAMA0 panic=-1 earlycon']],
  ['s390x', ['qemu-system-s390x', '-machine', 's390-ccw-virtio', '-cpu', 'max', '-smp', '1', '-m', '512M', '-accel', 'tcg', '-nodefaults', '-no-user-config', '-display', 'none', '-serial', 'stdio', '-no-reboot',
    '-kernel', '/boot/bzImage', '-initrd', '/boot/initramfs.cpio', '-append', 'console=ttysclp0 panic=-1']],
  ['ppc64le', ['qemu-system-ppc64', '-machine', 'pseries,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off', '-cpu', 'power9', '-smp', '1', '-m', '512M', '-accel', 'tcg', '-nodefaults', '-no-user-config', '-display', 'none', '-serial', 'stdio', '-no-reboot',
    '-kernel', '/boot/vmlinux', '-initrd', '/boot/initramfs.cpio', '-append', 'console=hvc0 panic=-1']],
  ['mipsel', ['qemu-system-mipsel', '-machine', 'malta', '-cpu', '24Kf', '-smp', '1', '-m', '256M', '-accel', 'tcg', '-nodefaults', '-no-user-config', '-display', 'none', '-serial', 'stdio', '-no-reboot',
    '-kernel', '/boot/vmlinux', '-initrd', '/boot/initramfs.cpio', '-append', 'console=ttyS0 panic=-1']],
  ['riscv64', ['qemu-system-riscv64', '-machine', 'virt', '-cpu', 'rv64', '-smp', '1', '-m', '512M', '-accel', 'tcg', '-nodefaults', '-no-user-config', '-display', 'none', '-serial', 'stdio', '-no-reboot',
    '-bios', '/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin', '-kernel', '/boot/Image', '-initrd', '/boot/initramfs.cpio', '-append', 'console=ttyS0 panic=-1 earlycon']],
];

for (const [name, want] of commands) {
  test(`qemuCommand ${name}: TCG, serial on stdio, no defaults, -no-reboot, the kept image and initramfs`, () => {
    assert.deepEqual(qemuCommand(machine(name), false), want);
  });
}

test('qemuCommand: KVM takes the host CPU; several vCPUs under TCG get multi-threaded TCG', () => {
  const kvm = qemuCommand(machine('x86_64'), true);
  assert.deepEqual(kvm.slice(kvm.indexOf('-cpu'), kvm.indexOf('-cpu') + 2), ['-cpu', 'host']);
  assert.deepEqual(kvm.slice(kvm.indexOf('-accel'), kvm.indexOf('-accel') + 2), ['-accel', 'kvm']);
  const smp = qemuCommand({ ...machine('arm64'), smp: 2 }, false);
  assert.deepEqual(smp.slice(smp.indexOf('-smp'), smp.indexOf('-smp') + 2), ['-smp', '2']);
  assert.deepEqual(smp.slice(smp.indexOf('-accel'), smp.indexOf('-accel') + 2), ['-accel', 'tcg,thread=multi']);
});

test('qemuCommand for a KUnit run: no init archive (the tests run before any init), its parameters after console= and panic=-1, before the machine\'s', () => {
  const cmd = qemuCommand(machine('x86_64'), false, { initramfs: false, parameters: ['kunit.enable=1', 'kunit_shutdown=reboot'] });
  assert.ok(!cmd.includes('-initrd'), cmd.join(' '));
  assert.deepEqual(cmd.slice(-4), ['-kernel', '/boot/bzImage', '-append', 'console=ttyS0 panic=-1 kunit.enable=1 kunit_shutdown=reboot earlycon=uart8250,io,0x3f8']);
  assert.ok(cmd.includes('-no-reboot'), 'the reboot at the end of the tests ends QEMU');
});

test('bootSpec: locked down — no network, no capabilities, no privilege gain, read-only root, pids limit, init, non-root', () => {
  const spec = bootSpec(request('x86_64'), 4242);
  const host = spec.HostConfig!;
  assert.equal(spec.Image, image.id, 'by id: a re-tag mid-run changes nothing');
  assert.deepEqual(spec.Cmd, qemuCommand(machine('x86_64'), false));
  assert.equal(spec.Entrypoint, undefined);
  assert.equal(spec.User, '1000:1000');
  assert.equal(spec.NetworkDisabled, true);
  assert.equal(host.NetworkMode, 'none');
  assert.deepEqual(host.CapDrop, ['ALL']);
  assert.equal(host.CapAdd, undefined);
  assert.deepEqual(host.SecurityOpt, ['no-new-privileges']);
  assert.equal(host.ReadonlyRootfs, true);
  assert.equal(host.Privileged, undefined);
  assert.ok(host.PidsLimit! > 0 && host.PidsLimit! <= 1024, `pids limit ${host.PidsLimit}`);
  assert.equal(host.Init, true);
  assert.deepEqual(Object.keys(host.Tmpfs!), ['/tmp']);
  assert.match(host.Tmpfs!['/tmp']!, /^size=\d+m,/);
  assert.equal(host.Devices, undefined, 'no /dev/kvm unless asked');
  assert.equal(host.GroupAdd, undefined);
  assert.equal(host.Binds, undefined);
  assert.deepEqual(spec.Labels, { [CONTAINER_LABEL]: 't/b1', [OWNER_LABEL]: '4242' });
  assert.deepEqual(spec.Env, [], 'nothing of the runner\'s environment');
});

test('bootSpec: only the kept folder is mounted, read-only, at /boot', () => {
  assert.deepEqual(bootSpec(request('arm64')).HostConfig!.Mounts, [{ Type: 'bind', Source: '/logs/t/b1/x86/tinyconfig', Target: BOOT_MOUNT, ReadOnly: true }]);
});

test('bootSpec with kvm: the device, the group that may open it, -accel kvm', () => {
  const spec = bootSpec({ ...request('x86_64', true), kvmGid: 993 });
  assert.deepEqual(spec.HostConfig!.Devices, [{ PathOnHost: '/dev/kvm', PathInContainer: '/dev/kvm', CgroupPermissions: 'rwm' }]);
  assert.deepEqual(spec.HostConfig!.GroupAdd, ['993']);
  assert.ok(spec.Cmd!.includes('kvm'));
  assert.deepEqual(spec.HostConfig!.CapDrop, ['ALL'], 'still no capabilities');
});

test('bootReproducer: one docker run line with the same lockdown, quoted for a shell', () => {
  const line = bootReproducer({ machine: machine('x86_64'), image, kvm: false, keptDir: "/home/me/kb logs/x86/tiny'config", user: '1000:1000' });
  assert.equal(
    line,
    "docker run --rm --network none --cap-drop ALL --security-opt no-new-privileges --read-only --tmpfs /tmp:size=64m,mode=1777 --pids-limit 256 --init --user 1000:1000 " +
      "--mount 'type=bind,src=/home/me/kb logs/x86/tiny'\\''config,dst=/boot,readonly' kernelbuilder/qemu " +
      "qemu-system-x86_64 -machine q35 -cpu max -smp 1 -m 512M -accel tcg -nodefaults -no-user-config -display none -serial stdio -no-reboot " +
      "-kernel /boot/bzImage -initrd /boot/initramfs.cpio -append 'console=ttyS0 panic=-1 earlycon=uart8250,io,0x3f8'",
  );
  // A shell reads it back into exactly these words.
  const words = execFileSync('sh', ['-c', `set -- ${line}; printf '%s\\n' "$@"`], { encoding: 'utf8' });
  assert.ok(words.includes("src=/home/me/kb logs/x86/tiny'config,dst=/boot,readonly\n"));
  assert.ok(words.endsWith('-append\nconsole=ttyS0 panic=-1 earlycon=uart8250,io,0x3f8\n'));
});

test('bootReproducer with kvm passes the device and its group', () => {
  const line = bootReproducer({ machine: machine('x86_64'), image, kvm: true, kvmGid: 993, keptDir: '/k' });
  assert.match(line, / --device \/dev\/kvm --group-add 993 --mount type=bind,src=\/k,dst=\/boot,readonly kernelbuilder\/qemu qemu-system-x86_64 .* -cpu host .* -accel kvm /);
  assert.doesNotMatch(line, /--user/);
});

const inspectOf = (labels: Record<string, string>, tags = ['kernelbuilder/qemu:latest']) =>
  ({ Id: 'sha256:' + 'b'.repeat(64), RepoTags: tags, Config: { Labels: labels } }) as unknown as Docker.ImageInspectInfo;

test('bootImageFromInspect: reads the boots label; refuses a builder image', () => {
  const info = bootImageFromInspect('kernelbuilder/qemu', inspectOf({ 'org.kernelbuilder.role': 'boot', 'org.kernelbuilder.boots': 'x86_64  arm64' }));
  assert.deepEqual(info.boots, ['x86_64', 'arm64']);
  assert.throws(() => bootImageFromInspect('kernelbuilder/gcc-12', inspectOf({ 'org.kernelbuilder.arches': 'x86' })), /kernelbuilder\/gcc-12 is not a boot image.*org\.kernelbuilder\.role=boot/);
});

test('inspectBootImage: a missing image, or an id prefix answered for a name, gets the command that builds it', async () => {
  const fake = (inspect: () => Promise<Docker.ImageInspectInfo>) => ({ getImage: () => ({ inspect }) }) as unknown as Pick<Docker, 'getImage'>;
  await assert.rejects(inspectBootImage(fake(() => Promise.reject(Object.assign(new Error('no such image'), { statusCode: 404 })))), (e: unknown) =>
    e instanceof DockerError && /boot image kernelbuilder\/qemu is not present.*images build --only kernelbuilder\/qemu/.test(e.message));
  await assert.rejects(inspectBootImage(fake(async () => inspectOf({ 'org.kernelbuilder.role': 'boot' }, ['other/image:latest'])), 'b'), /boot image b is not present/);
  await assert.rejects(inspectBootImage(fake(() => Promise.reject(new Error('socket hang up')))), /could not inspect boot image kernelbuilder\/qemu: socket hang up/);
  const ok = await inspectBootImage(fake(async () => inspectOf({ 'org.kernelbuilder.role': 'boot', 'org.kernelbuilder.boots': 'riscv64' })));
  assert.deepEqual(ok.boots, ['riscv64']);
});

test('bootImageLacks: a machine the image does not boot is a reason, one it boots is none', () => {
  assert.equal(bootImageLacks(image, machine('riscv64')), undefined);
  assert.match(bootImageLacks({ ...image, boots: ['x86_64'] }, machine('riscv64')) ?? '', /cannot boot riscv64: it boots x86_64 \(label org\.kernelbuilder\.boots\)/);
});

const char = (mode: number, gid = 993) => () => ({ mode: 0o20000 | mode, uid: 0, gid, isCharacterDevice: () => true });

test('kvmDeviceGroup: the group of a 0660 device; refuses a root-only device, a missing one and a plain file', () => {
  assert.equal(kvmDeviceGroup('/dev/kvm', char(0o660)), 993);
  assert.throws(() => kvmDeviceGroup('/dev/kvm', char(0o600, 0)), (e: unknown) => e instanceof DockerError && /\/dev\/kvm is mode 0600 \(uid 0, gid 0\).*non-root.*or boot with TCG/.test(e.message));
  assert.throws(() => kvmDeviceGroup('/nonexistent/kvm'), /\/nonexistent\/kvm cannot be used: ENOENT; boot with TCG/);
  assert.throws(() => kvmDeviceGroup('package.json'), /package\.json is not a character device/);
});

test('the boot image is refused as a builder (the image input), saying what it is', async () => {
  const fake = { getImage: () => ({ inspect: async () => inspectOf({ 'org.kernelbuilder.role': 'boot', 'org.kernelbuilder.boots': 'x86_64' }) }) } as unknown as Docker;
  await assert.rejects(inspectImage(fake, 'kernelbuilder/qemu'), (e: unknown) =>
    e instanceof DockerError && /kernelbuilder\/qemu is a boot image \(label org\.kernelbuilder\.role=boot\): it builds no kernel/.test(e.message));
});
