import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectResults, failedTargets, overallResult, parseTargetStatus, parseToolchains } from '../../src/results/results.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { sampleResults } from '../support/results-fixture.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { emailSubject, renderEmail } from '../../src/report/email.ts';
import { containerSpec, driverTarget } from '../../src/container/spec.ts';
import { buildUser } from '../../src/values/build-user.ts';
import { type BuildPlan } from '../../src/types/plan.ts';
import { imageInfoFromInspect, checkImageArches } from '../../src/images/inspect.ts';
import { type ImageInfo } from '../../src/types/image.ts';
import { parseKernelVersion } from '../../src/ref/kernel-version.ts';
import { DockerError } from '../../src/errors.ts';
import { readableBy } from '../../src/container/readable.ts';
import { CONFIG_CLASSES, targetCosts } from '../../src/plan/costs.ts';

const plan: BuildPlan = {
  source: '/srv/linux',
  sourceMounts: [],
  tree: 'stable',
  ref: { ref: 'stable/linux-6.1.y', kind: 'remote-branch', remote: 'stable', sha: 'a'.repeat(40), buildId: 'v6.1.192' },
  version: parseKernelVersion('6.1.192')!,
  commits: [],
  image: { image: 'kernelbuilder/gcc-12', reason: 'the default image' },
  targets: [
    { arch: 'x86', config: 'tinyconfig' },
    { arch: 'arm64', config: 'tinyconfig' },
    { arch: 'riscv', config: 'tinyconfig' },
  ],
  dropped: [{ arch: 'mips', reason: 'arch/mips does not exist' }],
  logsDir: '/logs/stable/v6.1.192',
  jobs: 4,
  tmpfsSize: '60g',
  limits: { logs: 2 ** 31 },
  makeVars: [],
  keep: ['kernel', 'dtbs'],
  allTargets: ['x86/tinyconfig', 'arm64/tinyconfig', 'riscv/tinyconfig'],
  estimates: { 'x86/tinyconfig': 160, 'arm64/tinyconfig': 160, 'riscv/tinyconfig': 160 },
  costs: {},
  checkout: { kind: 'clone', why: 'a test plan' },
  checkoutBytes: 0,
  spaceLimitBytes: 60 * 2 ** 30 - 512 * 2 ** 20,
};

const image: ImageInfo = imageInfoFromInspect('kernelbuilder/gcc-12', {
  Id: 'sha256:' + 'b'.repeat(64),
  RepoDigests: [],
  Config: {
    Labels: {
      'org.kernelbuilder.toolchain': 'gcc',
      'org.kernelbuilder.toolchain-version': '12',
      'org.kernelbuilder.arches': 'x86 arm arm64 riscv',
      'org.kernelbuilder.cross.x86': '',
      'org.kernelbuilder.cross.arm64': 'aarch64-linux-gnu-',
      'org.kernelbuilder.cross.riscv': 'riscv64-linux-gnu-',
    },
  },
} as never);

test('status lines parse; anything else is no status', () => {
  assert.deepEqual(parseTargetStatus('fail 2 build 1000 4500\n'), { status: 'fail', exitCode: 2, stage: 'build', startMs: 1000, endMs: 4500 });
  assert.equal(parseTargetStatus('pass 0 build 1000 4500 7300')?.cpuMs, 7300);
  for (const bad of ['', 'pass', 'ok 0 build 1 2', 'pass 0 install 1 2', 'pass x build 1 2', 'pass 0 build 1 2x']) assert.equal(parseTargetStatus(bad), undefined, bad);
});

test("status lines: the object dir's bytes and the wait for space; a figure that is no whole number is dropped, the rest stands", () => {
  const head = { status: 'pass', exitCode: 0, stage: 'build', startMs: 1000, endMs: 4500 };
  assert.deepEqual(parseTargetStatus('pass 0 build 1000 4500 7300 31457280 12\n'), { ...head, cpuMs: 7300, objdirBytes: 31457280, spaceWaitSeconds: 12 });
  assert.deepEqual(parseTargetStatus('pass 0 build 1000 4500 7300 -5 12'), { ...head, cpuMs: 7300, spaceWaitSeconds: 12 });
  assert.deepEqual(parseTargetStatus('pass 0 build 1000 4500 7300 31457280 $(id)'), { ...head, cpuMs: 7300, objdirBytes: 31457280 });
  assert.deepEqual(parseTargetStatus('pass 0 build 1000 4500 7300 1e9 0x10'), { ...head, cpuMs: 7300 });
  assert.deepEqual(parseTargetStatus(`pass 0 build 1000 4500 7300 ${'9'.repeat(16)} 1`), { ...head, cpuMs: 7300, spaceWaitSeconds: 1 }, 'past a safe integer');
});

test("results: the object dir's bytes and the wait per target, the run's peak memory from the driver's file", () => {
  const statuses = new Map([
    ['x86/tinyconfig', 'pass 0 build 0 1000 900 31457280 0'],
    ['arm64/tinyconfig', 'pass 0 build 0 1000 900 31461376 6'],
    ['riscv/tinyconfig', 'pass 0 build 0 1000 900'],
  ]);
  const r = collectResults({ plan, image, statuses, startedAt: new Date(0), finishedAt: new Date(1000), driverExitCode: 0, memoryPeak: '106274816\n' });
  assert.deepEqual(r.targets.map((t) => [t.target, t.objdirBytes, t.spaceWaitSeconds]), [
    ['x86/tinyconfig', 31457280, 0],
    ['arm64/tinyconfig', 31461376, 6],
    ['riscv/tinyconfig', undefined, undefined],
  ]);
  assert.equal(r.peakMemoryBytes, 106274816);
  for (const bad of [undefined, '', 'max', '-1', '0', '12 34', '1'.repeat(16)]) {
    assert.equal(collectResults({ plan, image, statuses, startedAt: new Date(0), finishedAt: new Date(1000), driverExitCode: 0, memoryPeak: bad }).peakMemoryBytes, undefined, String(bad));
  }
});

test('results: pass, fail, and a target with no status is an error and the run incomplete', () => {
  const statuses = new Map([
    ['x86/tinyconfig', 'pass 0 build 0 183000'],
    ['arm64/tinyconfig', 'fail 2 build 0 99950'],
    ['riscv/tinyconfig', undefined],
  ]);
  const r = collectResults({ plan, image, statuses, startedAt: new Date(0), finishedAt: new Date(200_000), driverExitCode: 0 });
  assert.equal(r.result, 'fail');
  assert.equal(r.complete, false);
  assert.deepEqual(
    r.targets.map((t) => [t.target, t.status, t.durationSeconds, t.log]),
    [
      ['x86/tinyconfig', 'pass', 183, 'x86/tinyconfig.log'],
      ['arm64/tinyconfig', 'fail', 100, 'arm64/tinyconfig.log'],
      ['riscv/tinyconfig', 'error', undefined, 'riscv/tinyconfig.log'],
    ],
  );
  assert.deepEqual(failedTargets(r), ['arm64/tinyconfig', 'riscv/tinyconfig']);
  assert.equal(r.image.toolchain, 'gcc 12');
  assert.equal(r.durationSeconds, 200);
  const summary = renderSummary(r);
  assert.match(summary, /\| arm64\/tinyconfig \| ❌ fail \| build \| 100 s \|  \|  \| `arm64\/tinyconfig.log` \|/);
  assert.match(summary, /did not complete/);
  assert.match(summary, /- mips: arch\/mips does not exist/);
});

test('all targets passed: pass and complete', () => {
  const statuses = new Map(plan.targets.map((t) => [`${t.arch}/${t.config}`, 'pass 0 build 0 1000']));
  const r = collectResults({ plan, image, statuses, startedAt: new Date(0), finishedAt: new Date(1000), driverExitCode: 0 });
  assert.equal(r.result, 'pass');
  assert.equal(r.complete, true);
});

test('container spec: the contract and the lock-down', () => {
  const spec = containerSpec(plan, image, '/opt/kb/driver', '1000:1000');
  assert.equal(spec.Image, image.id);
  assert.equal(spec.Tty, false);
  assert.equal(spec.User, '1000:1000');
  // No cost table: no prediction, so the driver never holds a target back.
  assert.deepEqual(spec.Cmd, ['/opt/kernelbuilder/driver.sh', 'a'.repeat(40), '4', 'x86|tinyconfig|tinyconfig|||', 'arm64|tinyconfig|tinyconfig|||', 'riscv|tinyconfig|tinyconfig|||']);
  assert.ok(spec.Env!.includes('ARCH=x86 arm64 riscv'));
  assert.ok(spec.Env!.includes('KB_CROSS_arm64=aarch64-linux-gnu-'));
  assert.ok(!spec.Env!.some((e) => /^(GITHUB_|ACTIONS_|RUNNER_)/.test(e)), 'no runner variables');
  const host = spec.HostConfig!;
  assert.equal(host.NetworkMode, 'none');
  assert.deepEqual(host.Mounts!.map((m) => [m.Source, m.Target, m.ReadOnly]), [
    ['/srv/linux', '/src', true],
    ['/logs/stable/v6.1.192', '/logs', false],
    ['/opt/kb/driver', '/opt/kernelbuilder', true],
  ]);
  assert.match(host.Tmpfs!['/build'], /^size=60g,exec/);
  assert.equal(host.ReadonlyRootfs, true);
  assert.deepEqual(host.CapDrop, ['ALL']);
  assert.deepEqual(host.SecurityOpt, ['no-new-privileges']);
  assert.ok(host.PidsLimit! > 0);
});

test('container spec: ccache in depend mode, in its own folder per image; nothing of it when off', () => {
  const withCache = containerSpec({ ...plan, ccache: { dir: '/cache', maxSize: '20g' } }, image, '/opt/kb/driver', '1000:1000');
  for (const v of ['KB_CCACHE=1', 'CCACHE_DIR=/ccache', 'CCACHE_MAXSIZE=20Gi', 'CCACHE_DEPEND=1']) assert.ok(withCache.Env!.includes(v), v);
  assert.ok(withCache.HostConfig!.Mounts!.some((m) => m.Target === '/ccache' && m.Source.startsWith('/cache/') && !m.ReadOnly));
  const without = containerSpec(plan, image, '/opt/kb/driver', '1000:1000');
  assert.ok(!without.Env!.some((e) => /CCACHE/.test(e)));
  assert.ok(!without.HostConfig!.Mounts!.some((m) => m.Target === '/ccache'));
});

test('driver targets carry base, predicted object-dir bytes, tests, compiler and fragments', () => {
  const lpae = { arch: 'arm', config: 'multi_lpae', base: 'multi_v7_defconfig', fragments: [{ kind: 'file' as const, name: 'lpae.config' }, { kind: 'option' as const, option: 'CONFIG_SMP', value: 'n' }] };
  assert.equal(driverTarget(lpae, 123456789), 'arm|multi_lpae|multi_v7_defconfig|123456789|||lpae.config|CONFIG_SMP=n');
  assert.equal(driverTarget(lpae), 'arm|multi_lpae|multi_v7_defconfig||||lpae.config|CONFIG_SMP=n');
});

test('container spec: the space limit and each target its predicted object dir, from the plan\'s cost table', () => {
  const measured = new Map([['arm64/tinyconfig', { target: 'arm64/tinyconfig', arch: 'arm64', config: 'tinyconfig', log: '', status: 'pass' as const, objdirBytes: 31_500_000 }]]);
  const costs = Object.fromEntries(targetCosts(plan.targets, measured));
  const spec = containerSpec({ ...plan, costs, spaceLimitBytes: 1000 }, image, '/opt/kb/driver', '1000:1000');
  assert.ok(spec.Env!.includes('KB_SPACE_LIMIT=1000'));
  const tiny = CONFIG_CLASSES.tiny.objdirBytes;
  assert.deepEqual(spec.Cmd!.slice(3), [`x86|tinyconfig|tinyconfig|${tiny}||`, 'arm64|tinyconfig|tinyconfig|31500000||', `riscv|tinyconfig|tinyconfig|${tiny}||`]);
});

test('root runners build as the images build user', () => {
  assert.equal(buildUser(0, 0), '1001:1001');
  assert.equal(buildUser(1000, 1000), '1000:1000');
});

test('an image that lacks an arch is refused before any container', () => {
  const small = { ...image, arches: ['x86'] };
  assert.throws(() => checkImageArches(small, ['x86', 'arm64']), (e: unknown) => e instanceof DockerError && /cannot build arm64/.test((e as Error).message));
});

test('um (UML) is built by an image that builds x86 with its native compiler, and by no other', () => {
  checkImageArches({ ...image, arches: ['x86'], cross: { x86: '' } }, ['um']);
  assert.throws(() => checkImageArches({ ...image, arches: ['x86'], cross: { x86: 'x86_64-linux-gnu-' } }, ['um']), /cannot build um/);
  assert.throws(() => checkImageArches({ ...image, arches: ['arm64'], cross: {} }, ['um']), /cannot build um/);
});

test('readable by: owner, group and other bits', () => {
  assert.equal(readableBy(0o700, 0, 0, 1001, 1001), false);
  assert.equal(readableBy(0o755, 0, 0, 1001, 1001), true);
  assert.equal(readableBy(0o750, 0, 1001, 1001, 1001), true);
  assert.equal(readableBy(0o700, 1000, 1000, 1000, 1000), true);
  assert.equal(readableBy(0o744, 0, 0, 1001, 1001), false, 'r without x cannot be listed');
  assert.equal(readableBy(0o644, 0, 0, 1001, 1001, false), true, 'a file needs r only');
  assert.equal(readableBy(0o600, 0, 0, 1001, 1001, false), false);
});

test('a set-up failure in the container is a run error, not a kernel failure', () => {
  const tail = ['kernelbuilder: checking out ' + 'a'.repeat(40), `fatal: reference is not a tree: ${'a'.repeat(40)}`];
  const r = collectResults({ plan, image, statuses: new Map(), startedAt: new Date(0), finishedAt: new Date(1000), driverExitCode: 128, driverTail: tail });
  assert.equal(r.result, 'error');
  assert.equal(r.complete, false);
  assert.deepEqual(r.error, { message: "the build's set-up in the container failed (driver exit 128; checkout or tools): no verdict on the kernel", lines: tail });
  assert.deepEqual(r.targets.map((t) => t.status), ['error', 'error', 'error']);
  const summary = renderSummary(r);
  assert.match(summary, /^## kernelbuilder: stable\/v6\.1\.192 — ERROR$/m);
  assert.match(summary, /^### ⚠️ Run error: the build's set-up in the container failed \(driver exit 128/m);
  assert.match(summary, /^fatal: reference is not a tree/m);
  assert.doesNotMatch(summary, /### ⚠️ x86\/tinyconfig/, 'no per-target block for targets the run error left without a verdict');
  assert.equal(emailSubject({ ...r, counts: { errors: 0, warnings: 0, noise: 0, sectionMismatches: 0, syscalls: 0 } }), 'stable build: run error, no verdict (stable/v6.1.192)');
  assert.match(renderEmail(r), /^ERROR: the build's set-up .*\nThe end of the driver's output \(driver\.log\):\n  kernelbuilder: checking out a+\n  fatal: reference is not a tree/m);
});

test('a build stopped from outside is not a run error; the verdict over builds puts errors first', () => {
  const stopped = collectResults({ plan, image, statuses: new Map(), startedAt: new Date(0), finishedAt: new Date(1000), driverExitCode: 137, stoppedBy: 'cancelled' });
  assert.equal(stopped.result, 'fail');
  assert.equal(stopped.error, undefined);
  const of = (result: BuildResults['result']) => ({ ...stopped, result });
  assert.equal(overallResult([of('pass'), of('pass')]), 'pass');
  assert.equal(overallResult([of('pass'), of('fail')]), 'fail');
  assert.equal(overallResult([of('fail'), of('error'), of('pass')]), 'error');
});

test('container spec and results: the folders the source needs are mounted read-only where its files point', () => {
  const sourceMounts = [{ host: '/srv/main/.git', container: '/home/u/main/.git', why: 'the common git dir /srv/main/.git' }];
  const spec = containerSpec({ ...plan, sourceMounts }, image, '/opt/kb/driver', '1000:1000');
  assert.deepEqual(spec.HostConfig!.Mounts!.slice(0, 2).map((m) => [m.Type, m.Source, m.Target, m.ReadOnly]), [
    ['bind', '/srv/linux', '/src', true],
    ['bind', '/srv/main/.git', '/home/u/main/.git', true],
  ]);
  const r = collectResults({ plan: { ...plan, sourceMounts }, image, statuses: new Map(), startedAt: new Date(0), finishedAt: new Date(0), driverExitCode: 0 });
  assert.deepEqual(r.sourceMounts, sourceMounts);
  assert.equal(collectResults({ plan, image, statuses: new Map(), startedAt: new Date(0), finishedAt: new Date(0), driverExitCode: 0 }).sourceMounts, undefined);
});

test('toolchains: one version line per arch', () => {
  assert.deepEqual(parseToolchains('x86\tgcc (Debian 12.2.0-14) 12.2.0\narm64\taarch64-linux-gnu-gcc (Debian 12.2.0-14) 12.2.0\n\nbad line\n'), {
    x86: 'gcc (Debian 12.2.0-14) 12.2.0',
    arm64: 'aarch64-linux-gnu-gcc (Debian 12.2.0-14) 12.2.0',
  });
});

test('a toolchains.txt the build rewrote cannot put markdown into summary.md: no backtick leaves the code span, no control character, no odd arch', () => {
  const planted = 'x86\tgcc 12` ![pwned](https://evil.example/x.png) [click](https://evil.example) `\u001b[31m\n<img src=x>\tgcc\nx86 64\tgcc\n';
  const toolchains = parseToolchains(planted);
  assert.deepEqual(Object.keys(toolchains), ['x86']);
  assert.ok(!toolchains.x86.includes('`') && !/[\u0000-\u001f]/.test(toolchains.x86), toolchains.x86);
  const r = sampleResults(['x86/tinyconfig'], { toolchains });
  const line = renderSummary(r).split('\n').find((l) => l.startsWith('Toolchains:'))!;
  assert.equal(line.split('`').length, 3, `the line is one code span: ${line}`);
});
