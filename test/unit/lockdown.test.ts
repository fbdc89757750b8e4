import { test } from 'node:test';
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import { containerSpec } from '../../src/container/spec.ts';
import { lockdown, lockdownFlags } from '../../src/container/lockdown.ts';
import { bisectContainerSpec } from '../../src/bisect/plan.ts';
import { bootReproducer, bootSpec } from '../../src/boot/boot-spec.ts';
import { defaultMachineTable } from '../../src/boot/machines.ts';
import { userlandCheckSpec } from '../../src/container/userland.ts';
import { imageInfoFromInspect } from '../../src/images/inspect.ts';
import { parseKernelVersion } from '../../src/ref/kernel-version.ts';
import { type BuildPlan } from '../../src/types/plan.ts';

const plan: BuildPlan = {
  source: '/srv/linux',
  sourceMounts: [],
  tree: 'stable',
  ref: { ref: 'stable/linux-6.1.y', kind: 'remote-branch', remote: 'stable', sha: 'a'.repeat(40), buildId: 'v6.1.192' },
  version: parseKernelVersion('6.1.192')!,
  commits: [],
  image: { image: 'kernelbuilder/gcc-12', reason: 'the default image' },
  targets: [{ arch: 'x86', config: 'tinyconfig' }],
  dropped: [],
  logsDir: '/logs/stable/v6.1.192',
  jobs: 4,
  tmpfsSize: '60g',
  limits: { logs: 2 ** 31, memory: 2 ** 33, cpus: 2 },
  makeVars: [],
  keep: [],
  allTargets: ['x86/tinyconfig'],
  estimates: { 'x86/tinyconfig': 160 },
  costs: {},
  checkout: { kind: 'clone', why: 'a test plan' },
  checkoutBytes: 0,
  spaceLimitBytes: 2 ** 34,
};
const image = imageInfoFromInspect('kernelbuilder/gcc-x32', {
  Id: 'sha256:' + 'b'.repeat(64),
  RepoDigests: [],
  Config: { Labels: { 'org.kernelbuilder.toolchain': 'gcc', 'org.kernelbuilder.toolchain-version': '7.3', 'org.kernelbuilder.arches': 'x86', 'org.kernelbuilder.userland': 'x32' } },
} as never);
const bootRequest = {
  keptDir: '/logs/t/b1/x86/tinyconfig',
  machine: defaultMachineTable.machines.find((m) => m.name === 'x86_64')!,
  image: { name: 'kernelbuilder/qemu', id: 'sha256:' + 'c'.repeat(64), boots: ['x86_64'] },
  user: '1000:1000',
  label: 't/b1',
};

/** Every container kernelbuilder starts, by kind, with the tmpfs folders it alone may write. */
const specs: { kind: string; spec: Docker.ContainerCreateOptions; tmpfs: string[] }[] = [
  { kind: 'build', spec: containerSpec(plan, image, '/opt/kb/driver', '1000:1000'), tmpfs: ['/build', '/tmp'] },
  { kind: 'bisect', spec: bisectContainerSpec(plan, image, '/opt/kb/driver', '1000:1000', 'stable/bisect-x'), tmpfs: ['/build', '/tmp'] },
  { kind: 'boot', spec: bootSpec({ ...bootRequest, kvm: false }), tmpfs: ['/tmp'] },
  { kind: 'boot with kvm', spec: bootSpec({ ...bootRequest, kvm: true, kvmGid: 993 }), tmpfs: ['/tmp'] },
  { kind: 'userland check', spec: userlandCheckSpec(image), tmpfs: [] },
];

// Spelled out here, not taken from lockdown(): a lockdown weakened in its one place fails too.
for (const { kind, spec, tmpfs } of specs) {
  test(`the ${kind} container carries the one lockdown`, () => {
    assert.equal(spec.NetworkDisabled, true);
    assert.equal(spec.Tty, false);
    assert.equal(spec.OpenStdin, false);
    assert.equal(spec.AttachStdin, false);
    const host = spec.HostConfig!;
    assert.equal(host.NetworkMode, 'none');
    assert.deepEqual(host.CapDrop, ['ALL']);
    assert.equal(host.CapAdd, undefined);
    assert.equal(host.Privileged, undefined);
    assert.deepEqual(host.SecurityOpt, ['no-new-privileges']);
    assert.equal(host.ReadonlyRootfs, true);
    assert.equal(host.Init, true);
    assert.ok(Number.isInteger(host.PidsLimit) && host.PidsLimit! > 0 && host.PidsLimit! <= 8192, `pids limit ${host.PidsLimit}`);
    assert.deepEqual(Object.keys(host.Tmpfs ?? {}), tmpfs, 'writable only where its kind needs');
    assert.equal(host.Binds, undefined, 'mounts only as Mounts, each with its ReadOnly said');
    assert.ok(!(spec.Env ?? []).some((e) => /^(GITHUB_|ACTIONS_|RUNNER_|PATH=)/.test(e)), 'nothing of the runner\'s environment');
  });
}

test("the boot reproducer's docker run flags are the boot container's lockdown", () => {
  const opts = { pidsLimit: 256, tmpfs: { '/tmp': 'size=64m,mode=1777' } };
  const flags = lockdownFlags(opts);
  const host = lockdown(opts).HostConfig;
  // Each flag read back as the HostConfig field docker run makes of it.
  const value = (flag: string) => flags[flags.indexOf(flag) + 1];
  assert.equal(value('--network'), host.NetworkMode);
  assert.deepEqual([value('--cap-drop')], host.CapDrop);
  assert.deepEqual([value('--security-opt')], host.SecurityOpt);
  assert.equal(flags.includes('--read-only'), host.ReadonlyRootfs);
  assert.equal(Number(value('--pids-limit')), host.PidsLimit);
  assert.equal(flags.includes('--init'), host.Init);
  assert.deepEqual(Object.fromEntries([value('--tmpfs').split(':')]), host.Tmpfs);
  const boot = bootSpec({ ...bootRequest, kvm: false }).HostConfig!;
  assert.ok(bootReproducer({ ...bootRequest, kvm: false }).includes(` ${flags.join(' ')} `));
  assert.equal(boot.PidsLimit, opts.pidsLimit);
  assert.deepEqual(boot.Tmpfs, opts.tmpfs);
});
