// Boots in the real boot image on the real Docker engine. Without a kernel: QEMU refusing a
// kernel it cannot load, and a machine that never stops (riscv's OpenSBI jumping into an
// image of zeros) killed at the timeout or on cancel. With real kernels ($KB_BOOT_SAMPLES, or
// else built once from $KB_KERNEL_REPO, which scripts/test.sh sets, and cached under
// $KB_WORK: see test/support/boot-samples.ts): each boots to a clean power-off or restart
// under TCG, its wall time printed, and one that panics with panic=0 hangs until the
// timeout. After every boot the container must be gone.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { CONTAINER_LABEL } from '../../src/constants.ts';
import { buildUser } from '../../src/values/build-user.ts';
import { type BootImageInfo, bootImageLacks, inspectBootImage } from '../../src/boot/boot-image.ts';
import { type BootRequest, bootReproducer } from '../../src/boot/boot-spec.ts';
import { type Machine, chooseMachine, defaultMachineTable } from '../../src/boot/machines.ts';
import { runBoot } from '../../src/boot/run-boot.ts';
import { type BootSample, bootSamples } from '../support/boot-samples.ts';

const docker = new Docker();
const user = buildUser(process.getuid!(), process.getgid!());
const byName = (n: string) => defaultMachineTable.machines.find((m) => m.name === n)!;
let boots = 0;

/** A kept folder of zeros named as the machine's image, with an empty initramfs: no kernel at all. */
function zerosFolder(t: TestContext, machine: Machine): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-boot-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  chmodSync(dir, 0o755); // the boot user (uid 1001 under a root runner) reads it
  writeFileSync(join(dir, machine.image), Buffer.alloc(64 * 1024));
  writeFileSync(join(dir, 'initramfs.cpio'), '');
  return dir;
}

async function request(keptDir: string, machine: Machine): Promise<BootRequest> {
  const image: BootImageInfo = await inspectBootImage(docker);
  assert.equal(bootImageLacks(image, machine), undefined);
  return { keptDir, machine, image, user, kvm: false, label: `test/boot-run/${process.pid}/${++boots}` };
}

async function assertGone(label: string): Promise<void> {
  const left = await docker.listContainers({ all: true, filters: { label: [`${CONTAINER_LABEL}=${label}`] } });
  assert.deepEqual(left.map((c) => c.Id), [], `boot containers left behind for ${label}`);
}

test('QEMU that cannot load the kernel ends the boot with its own message on stderr; the container is gone', async (t) => {
  const machine = byName('x86_64');
  const req = await request(zerosFolder(t, machine), machine);
  const lines: [string, string][] = [];
  const run = await runBoot(docker, req, { timeoutSeconds: 60, onLine: (stream, line) => lines.push([stream, line]) });
  assert.equal(run.timedOut, false);
  assert.equal(run.cancelled, false);
  assert.notEqual(run.exitCode, 0);
  assert.ok(lines.some(([s, l]) => s === 'stderr' && /^qemu(-system-x86_64)?: /.test(l)), JSON.stringify(lines));
  await assertGone(req.label);
});

test('a machine that never stops is killed at the timeout; the console streamed until then; the container is gone', async (t) => {
  const machine = byName('riscv64');
  const req = await request(zerosFolder(t, machine), machine);
  const lines: string[] = [];
  const run = await runBoot(docker, req, { timeoutSeconds: 8, onLine: (_s, line) => lines.push(line) });
  assert.equal(run.timedOut, true);
  assert.equal(run.cancelled, false);
  assert.equal(run.exitCode, 137, 'killed');
  assert.ok(run.durationSeconds >= 8 && run.durationSeconds < 30, `took ${run.durationSeconds} s`);
  assert.ok(lines.some((l) => /OpenSBI v\d/.test(l)), 'the firmware banner came through the serial console');
  await assertGone(req.label);
});

test('an abort cancels the boot at once; not a timeout; the container is gone', async (t) => {
  const machine = byName('riscv64');
  const req = await request(zerosFolder(t, machine), machine);
  const cancel = new AbortController();
  const run = await runBoot(docker, req, {
    timeoutSeconds: 120,
    signal: cancel.signal,
    onLine: (_s, line) => {
      if (/OpenSBI v\d/.test(line)) cancel.abort();
    },
  });
  assert.equal(run.cancelled, true);
  assert.equal(run.timedOut, false);
  assert.ok(run.durationSeconds < 60, `took ${run.durationSeconds} s`);
  await assertGone(req.label);
});

test('a kept folder without its image is an error naming what is missing, before any container', async (t) => {
  const machine = byName('arm64');
  const dir = zerosFolder(t, byName('x86_64')); // has bzImage, not Image
  await assert.rejects(runBoot(docker, await request(dir, machine), { timeoutSeconds: 10, onLine: () => undefined }), /cannot boot arm64 from .*: it has no Image/);
});

const found = bootSamples();
if ('skip' in found) {
  test('real kernels boot to a clean end under TCG', { skip: found.skip }, () => undefined);
  test('a real kernel that hangs after a panic is killed at the timeout', { skip: found.skip }, () => undefined);
} else {
  const sampleOf = async (arch: string): Promise<BootSample> => (await found.load()).find((s) => s.arch === arch)!;
  for (const arch of found.arches) {
    test(`real kernel: ${arch} boots to a clean end under TCG; the container is gone`, async (t) => {
      const sample = await sampleOf(arch);
      const choice = chooseMachine(defaultMachineTable, sample.arch, sample.dotConfig);
      assert.ok('machine' in choice, `skipped: ${'skipped' in choice ? choice.skipped : ''}`);
      const req = await request(sample.dir, choice.machine);
      const lines: string[] = [];
      const run = await runBoot(docker, req, { timeoutSeconds: 300, onLine: (_s, line) => lines.push(line) });
      t.diagnostic(`${choice.machine.name} (${sample.dir}): boot wall ${run.durationSeconds} s under TCG, ${lines.length} console lines`);
      t.diagnostic(`reproduce: ${bootReproducer({ ...req, keptDir: sample.dir })}`);
      assert.equal(run.timedOut, false, `timed out; the console ended with:\n${lines.slice(-20).join('\n')}`);
      assert.equal(run.exitCode, 0, lines.slice(-20).join('\n'));
      assert.ok(lines.some((l) => /Linux version \d/.test(l)), 'the kernel printed its banner');
      // The init prints on /dev/console: a kernel whose serial console never came up cannot show it.
      assert.ok(!lines.some((l) => /unable to open an initial console/.test(l)), 'the kernel had no console for the init');
      // The init powers off or restarts (a kernel without ACPI cannot power a PC off); -no-reboot ends QEMU either way.
      assert.ok(lines.some((l) => /reboot: (Power down|Restarting system)/.test(l)), `no clean power-off or restart; the console ended with:\n${lines.slice(-20).join('\n')}`);
      assert.ok(!lines.some((l) => /Kernel panic - not syncing/.test(l)), 'a panic');
      await assertGone(req.label);
    });
  }

  test(`real kernel: ${found.arches[0]} that hangs after a panic (panic=0, no init) is killed at the timeout; the container is gone`, async () => {
    const sample = await sampleOf(found.arches[0]!);
    const choice = chooseMachine(defaultMachineTable, sample.arch, sample.dotConfig);
    assert.ok('machine' in choice);
    // The row's parameters come last and win: the kernel finds no init, panics and, with panic=0, waits forever.
    const hangs = { ...choice.machine, append: [...choice.machine.append, 'rdinit=/kb-no-such-init', 'panic=0'] };
    const req = await request(sample.dir, hangs);
    const lines: string[] = [];
    const run = await runBoot(docker, req, { timeoutSeconds: 45, onLine: (_s, line) => lines.push(line) });
    assert.equal(run.timedOut, true, `${JSON.stringify(run)}\n${lines.slice(-10).join('\n')}`);
    assert.ok(lines.some((l) => /Kernel panic - not syncing/.test(l)), lines.slice(-10).join('\n'));
    await assertGone(req.label);
  });
}
