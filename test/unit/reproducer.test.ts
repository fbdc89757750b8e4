import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getInputs } from '../../src/inputs/inputs.ts';
import { gitIn } from '../../src/ref/git.ts';
import { makePlan } from '../../src/plan/plan.ts';
import { targetName } from '../../src/values/target-name.ts';
import { type Target } from '../../src/types/targets.ts';
import { collectResults } from '../../src/results/results.ts';
import { imageInfoFromInspect } from '../../src/images/inspect.ts';
import { driverTarget } from '../../src/container/spec.ts';
import { reproducer } from '../../src/report/reproducer.ts';
import { makeTinyTree } from '../support/tiny-tree.ts';
import { tempDir } from '../support/temp-dir.ts';
import { projectFragments } from '../support/project-fragments.ts';

// The reproducer against the driver itself: for every kind of config request, the steps
// the printed command runs are the steps steps.sh ran, with the same fragment texts.

const driverDir = fileURLToPath(new URL('../../src/driver/', import.meta.url));
const image = imageInfoFromInspect('kernelbuilder/gcc-12', {
  Id: 'sha256:' + 'b'.repeat(64),
  RepoDigests: [],
  Config: {
    Labels: {
      'org.kernelbuilder.toolchain': 'gcc',
      'org.kernelbuilder.toolchain-version': '12',
      'org.kernelbuilder.arches': 'x86 arm arm64 riscv',
      'org.kernelbuilder.cross.arm': 'arm-linux-gnueabi-',
      'org.kernelbuilder.cross.arm64': 'aarch64-linux-gnu-',
      'org.kernelbuilder.cross.riscv': 'riscv64-linux-gnu-',
      'org.kernelbuilder.make-vars': 'W=1',
    },
  },
} as never);

const requests = [
  'defconfig',
  // kb-boot.config: kernelbuilder's on x86, arm and riscv; arm64's tree has its own, which wins.
  'tinyconfig+kb-boot.config',
  "tinyconfig+kb-boot.config+kvm_guest.config+CONFIG_PCI=y+CONFIG_DEBUG_INFO=n+CONFIG_E1000=m+CONFIG_NR_CPUS=4+CONFIG_BASE_SMALL=-1",
  'multi_lpae',
  'rv32',
];

/** A build of the requests on a tiny tree, all targets failed, as results.json records it. */
async function plannedBuild() {
  const dir = makeTinyTree({
    version: '6.1.0',
    arches: { x86: ['x86_64_defconfig'], arm: ['multi_v7_defconfig'], arm64: ['defconfig'], riscv: ['rv32_defconfig'] },
    // A comment with a quote: the heredoc's text goes through two rounds of shell quoting.
    files: {
      'arch/x86/configs/kvm_guest.config': "# the tree's own\nCONFIG_KVM_GUEST=y\n",
      'arch/arm64/configs/kb-boot.config': 'CONFIG_TREE_OWN=y\n',
      'lib/kunit/.kunitconfig': 'CONFIG_KUNIT=y\nCONFIG_KUNIT_TEST=y\n',
    },
  });
  const inputs = getInputs((n) => ({ source: dir, ref: 'master', arches: 'x86 arm arm64 riscv', configs: requests.join(' '), logs: '/tmp/kb-logs' })[n] ?? '');
  const plan = await makePlan(inputs, gitIn(dir), projectFragments);
  const statuses = new Map(plan.targets.map((t) => [targetName(t), 'fail 2 build 0 1000']));
  const results = collectResults({ plan, image, statuses, startedAt: new Date(0), finishedAt: new Date(1000), driverExitCode: 0 });
  // What results.json holds, as a report reads it back.
  return { dir, plan, results: JSON.parse(JSON.stringify(results)) as typeof results };
}

/** The bash script a printed reproducer hands the container, as the shell unquotes it: docker is a fake that writes it out. */
function scriptOf(printed: string, work: string): string {
  const bin = join(work, 'docker-bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'docker'), '#!/bin/sh\nfor a; do last=$a; done\nprintf %s "$last" >"$KB_SCRIPT"\n');
  chmodSync(join(bin, 'docker'), 0o755);
  execFileSync('sh', ['-c', printed], { env: { PATH: `${bin}:${process.env.PATH}`, KB_SCRIPT: join(work, 'script') } });
  return readFileSync(join(work, 'script'), 'utf8');
}

/**
 * Run steps with make, git and scripts/config faked (each logs its words; make also logs the
 * fragment file it merges), /build moved under `work`, on a fresh checkout of the tree.
 */
function runLogged(work: string, source: string, argv: string[], env: Record<string, string>): string {
  const build = join(work, 'build');
  rmSync(build, { recursive: true, force: true });
  execFileSync('git', ['clone', '-q', source, join(build, 'src')]);
  const bin = join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  const fake = (path: string, text: string) => {
    writeFileSync(path, `#!/bin/sh\n${text}`);
    chmodSync(path, 0o755);
  };
  fake(join(bin, 'make'), [
    'echo "make $*" >>"$KB_LOG"',
    'for a; do case $a in ARCH=*) arch=${a#ARCH=} ;; O=*) mkdir -p "${a#O=}" ;; KCONFIG_ALLCONFIG=*) cat "${a#KCONFIG_ALLCONFIG=}" >>"$KB_LOG" ;; esac; last=$a; done',
    `case $last in *.config) { cat "${build}/src/arch/$arch/configs/$last" 2>/dev/null || cat "${build}/src/kernel/configs/$last"; } >>"$KB_LOG" ;; esac`,
    '',
  ].join('\n'));
  fake(join(bin, 'git'), 'exit 0\n');
  mkdirSync(join(build, 'src/scripts'), { recursive: true });
  fake(join(build, 'src/scripts/config'), 'echo "scripts/config $*" >>"$KB_LOG"\n');
  // The merge of a shipped fragment: where it ran, its options and the fragment's text (its path is the driver's or the reproducer's).
  mkdirSync(join(build, 'src/scripts/kconfig'), { recursive: true });
  fake(join(build, 'src/scripts/kconfig/merge_config.sh'), 'echo "merge_config.sh in $(pwd) $1 $2" >>"$KB_LOG"; cat "$3" >>"$KB_LOG"\n');
  const log = join(work, 'log');
  writeFileSync(log, '');
  // No stdin: bash on a socket (node's pipes) takes itself for an rsh session and reads ~/.bashrc.
  execFileSync('bash', argv, { env: { PATH: `${bin}:${process.env.PATH}`, KB_LOG: log, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return readFileSync(log, 'utf8').replaceAll(build, '/build');
}

/** What the driver's steps.sh runs for a target, with the image's cross prefixes and make variables. */
function driverSteps(work: string, source: string, target: Target): string {
  const driver = join(work, 'driver');
  rmSync(driver, { recursive: true, force: true });
  cpSync(join(driverDir, 'configs'), join(driver, 'configs'), { recursive: true });
  writeFileSync(join(driver, 'steps.sh'), readFileSync(join(driverDir, 'steps.sh'), 'utf8').replaceAll('/build/', `${join(work, 'build')}/`));
  const [arch, , base, , , , ...fragments] = driverTarget(target).split('|');
  const cross = Object.fromEntries(Object.entries(image.cross).map(([a, prefix]) => [`KB_CROSS_${a}`, prefix]));
  // target.sh makes the object dir before its steps run.
  const argv = ['-c', 'mkdir -p "$3" && exec bash "$0" "$@"', join(driver, 'steps.sh'), arch, base, join(work, 'build/out'), join(work, 'stage'), ...fragments];
  return runLogged(work, source, argv, { ...cross, KB_MAKE_VARS: image.makeVars.join(' ') });
}

test('reproducer: runs the config steps the driver ran, for base, tree and shipped fragments, options and derived configs', async (t) => {
  const work = tempDir('repro');
  const { dir, plan, results } = await plannedBuild();
  t.after(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });
  assert.deepEqual(plan.targets.map(targetName).sort(), [
    'arm/defconfig', 'arm/multi_lpae', 'arm/tinyconfig+kb-boot.config',
    'arm64/defconfig', 'arm64/tinyconfig+kb-boot.config',
    'riscv/defconfig', 'riscv/rv32', 'riscv/tinyconfig+kb-boot.config',
    'x86/defconfig', 'x86/tinyconfig+kb-boot.config', `x86/${requests[2]}`,
  ]);
  for (const target of plan.targets) {
    const result = results.targets.find((r) => r.target === targetName(target))!;
    const script = scriptOf(reproducer(results, result), work);
    const ran = runLogged(work, dir, ['-c', script.replaceAll('/build/', `${join(work, 'build')}/`)], {});
    const driverRan = driverSteps(work, dir, target);
    // The one difference: the driver's make runs inside the driver's jobserver, the reproducer's on its own.
    assert.equal(ran, driverRan.replace(/ -k\n$/, ' -k -j' + execFileSync('nproc', { encoding: 'utf8' }).trim() + '\n'), `${result.target}:\n${script}`);
  }
});

test('reproducer: a KUnit target in QEMU, its options seeded with the tree\'s .kunitconfig as kunit.py seeds them: one Kconfig run, no olddefconfig', async (t) => {
  const work = tempDir('repro');
  const { dir, plan } = await plannedBuild();
  t.after(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });
  const kunit: Target = {
    arch: 'x86',
    config: 'kunit-lib-kunit',
    base: 'alldefconfig',
    fragments: [{ kind: 'tree', path: 'lib/kunit/.kunitconfig' }, { kind: 'option', option: 'CONFIG_SERIAL_8250', value: 'y' }, { kind: 'option', option: 'CONFIG_MODULES', value: 'n' }],
    test: 'kunit-qemu',
  };
  const kunitPlan = { ...plan, targets: [kunit] };
  const results = JSON.parse(JSON.stringify(collectResults({ plan: kunitPlan, image, statuses: new Map([['x86/kunit-lib-kunit', 'fail 2 build 0 1000']]), startedAt: new Date(0), finishedAt: new Date(1000), driverExitCode: 0 }))) as ReturnType<typeof collectResults>;
  const script = scriptOf(reproducer(results, results.targets[0]), work);
  const ran = runLogged(work, dir, ['-c', script.replaceAll('/build/', `${join(work, 'build')}/`)], {});
  const make = 'make -C /build/src O=/build/out ARCH=x86 W=1';
  assert.equal(ran, [
    `${make} KCONFIG_ALLCONFIG=/build/out/kb-allconfig alldefconfig`,
    'CONFIG_KUNIT=y', 'CONFIG_KUNIT_TEST=y', 'CONFIG_SERIAL_8250=y', '# CONFIG_MODULES is not set',
    `${make} -k -j${execFileSync('nproc', { encoding: 'utf8' }).trim()}`,
    '',
  ].join('\n'));
  assert.equal(ran.replace(/ -j\d+\n$/, '\n'), driverSteps(work, dir, kunit));
});

test('reproducer: the printed steps per kind of config', async (t) => {
  const work = tempDir('repro');
  const { dir, results } = await plannedBuild();
  t.after(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });
  const steps = (name: string) => {
    const lines = scriptOf(reproducer(results, results.targets.find((r) => r.target === name)!), work).split('\n');
    assert.deepEqual(lines.slice(0, 4), ['set -e', "git config --global safe.directory '*'", 'git clone -q --shared --no-checkout /src /build/src', `git -C /build/src checkout -q --detach ${results.sha}`]);
    assert.match(lines.at(-1)!, / -k -j\$\(nproc\)$/);
    return lines.slice(4, -1);
  };
  const make = (arch: string, cross = '') => `make -C /build/src O=/build/out ARCH=${arch}${cross && ` CROSS_COMPILE=${cross}`} W=1`;
  assert.deepEqual(steps('x86/defconfig'), [`${make('x86')} defconfig`]);
  assert.deepEqual(steps(`x86/${requests[2]}`), [
    `${make('x86')} tinyconfig`,
    "cat >/build/kb-boot.config <<'EOF'",
    ...readFileSync(join(driverDir, 'configs/x86/kb-boot.config'), 'utf8').trimEnd().split('\n'),
    'EOF',
    '(cd /build/out && sh /build/src/scripts/kconfig/merge_config.sh -m .config /build/kb-boot.config)',
    `${make('x86')} kvm_guest.config`,
    '/build/src/scripts/config --file /build/out/.config --enable CONFIG_PCI',
    '/build/src/scripts/config --file /build/out/.config --disable CONFIG_DEBUG_INFO',
    '/build/src/scripts/config --file /build/out/.config --module CONFIG_E1000',
    '/build/src/scripts/config --file /build/out/.config --set-val CONFIG_NR_CPUS 4',
    '/build/src/scripts/config --file /build/out/.config --set-val CONFIG_BASE_SMALL -1',
    `${make('x86')} olddefconfig`,
  ]);
  // A merged fragment last leaves the .config for olddefconfig; a make config target last resolves it.
  assert.deepEqual(steps('x86/tinyconfig+kb-boot.config').slice(-2), ['(cd /build/out && sh /build/src/scripts/kconfig/merge_config.sh -m .config /build/kb-boot.config)', `${make('x86')} olddefconfig`]);
  // The tree's own fragment of that name wins: nothing is written.
  assert.deepEqual(steps('arm64/tinyconfig+kb-boot.config'), [`${make('arm64', 'aarch64-linux-gnu-')} tinyconfig`, `${make('arm64', 'aarch64-linux-gnu-')} kb-boot.config`]);
  assert.deepEqual(steps('arm/multi_lpae'), [`${make('arm', 'arm-linux-gnueabi-')} multi_v7_defconfig`, '/build/src/scripts/config --file /build/out/.config --enable CONFIG_ARM_LPAE', `${make('arm', 'arm-linux-gnueabi-')} olddefconfig`]);
  assert.deepEqual(steps('riscv/rv32'), [`${make('riscv', 'riscv64-linux-gnu-')} rv32_defconfig`]);
});
