import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../support/action-run.ts';
import { commitOnBranch, kernelRepo } from '../support/kernel-repo.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { tempDir } from '../support/temp-dir.ts';

// The real 6.1 kernel booted, and its boot faults: a commit on top of stable that adds
// initcalls to init/main.c, built for x86_64 only with the config the first test boots, so
// the compiler cache makes the build a rebuild of init/main.c and a link. A real kernel
// killed at the boot timeout is boot-run.test.itg.ts's (it hangs after a panic).
const source = kernelRepo();
const config = 'tinyconfig+kb-boot.config';
const target = `x86/${config}`;

/** A commit on top of stable that appends the faults' initcalls (test/fixtures/consoles/faults/), in order, to init/main.c. */
function bootFault(name: string, faults: ('panic' | 'warn')[]): string {
  const initcalls = faults.map((f) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'consoles', 'faults', `${f}.c`), 'utf8'));
  return commitOnBranch(source, `kb-test/boot-${name}`, 'init/main.c', (text) => `${text}\n${initcalls.join('\n')}`, `init: ${faults.join(' and ')} at boot on purpose (kernelbuilder test)`);
}

function bootBuild(name: string) {
  const logs = tempDir('logs');
  const run = runAction({ source, ref: `kb-test/boot-${name}`, tree: 'linux', arches: 'x86', configs: config, boot: 'all', logs });
  const results = JSON.parse(readFileSync(run.outputs['results-json'], 'utf8')) as BuildResults;
  const t = results.targets.find((x) => x.target === target)!;
  assert.equal(t.status, 'pass', `the kernel builds: ${run.stdout.slice(-2000)}`);
  return { run, results, t, dir: join(logs, 'linux', results.buildId) };
}

/** The source line of a marker in the branch's init/main.c, for file:line checks. */
function lineOf(branch: string, marker: string): number {
  const text = execFileSync('git', ['-C', source, 'cat-file', 'blob', `${branch}:init/main.c`], { encoding: 'utf8' });
  return text.split('\n').findIndex((l) => l.includes(marker)) + 1;
}

// The action's main job on the real tree, three arches in one run, built and booted: its
// outputs, results, logs and summary, and each boot. (Plain tinyconfig cannot boot: the
// real .configs of that are unit-tested in boot-machines.test.ts, without a build.)
// The arches are chosen for what each tests that the others do not: x86_64 (bzImage, q35,
// the cache every other x86 test reuses), riscv64 (virt with OpenSBI, the tree's nolibc
// init) and s390x (s390-ccw-virtio, the init from our own entry and system calls: 6.1's
// nolibc has no s390). arm64, arm, powerpc and mips are rows and fragments of the same kind,
// booted for real once and kept as console fixtures (test/fixtures/consoles/); each costs a
// cold build here and tests nothing these three do not.
test('the action builds tinyconfig with the boot fragment for x86_64, riscv64 and s390x and boots each: all pass; outputs, logs, consoles and sizes kept', () => {
  const logs = tempDir('logs');
  const run = runAction({ source, ref: 'stable/linux-6.1.y', arches: 'x86 riscv s390', configs: config, boot: 'all', logs });
  assert.equal(run.status, 0, run.stdout.slice(-3000) + run.stderr);
  const dir = join(logs, 'stable', 'v6.1.192');
  assert.deepEqual(
    { ...run.outputs, sha: run.outputs.sha.length },
    {
      sha: 40,
      'build-id': 'v6.1.192',
      'kernel-version': '6.1.192',
      image: 'kernelbuilder/gcc-12',
      result: 'pass',
      'failed-targets': '',
      'failed-boots': '',
      'first-bad-commits': '',
      'results-json': join(dir, 'results.json'),
      summary: join(dir, 'summary.md'),
      email: join(logs, 'emails', 'stable-v6.1.192.txt'),
      'kcidb-json': join(dir, 'kcidb.json'),
      'junit-xml': join(dir, 'junit.xml'),
      skipped: 'false',
    },
  );
  const results = JSON.parse(readFileSync(run.outputs['results-json'], 'utf8')) as BuildResults;
  assert.equal(results.complete, true);
  assert.equal(results.sha, run.outputs.sha);
  assert.match(results.image.id, /^sha256:[0-9a-f]{64}$/);
  assert.deepEqual(
    results.targets.map((t) => [t.target, t.status, t.stage, t.exitCode]),
    ['x86', 'riscv', 's390'].map((arch) => [`${arch}/${config}`, 'pass', 'build', 0]),
  );
  const images: Record<string, string> = { x86: 'bzImage', riscv: 'Image', s390: 'bzImage' };
  const machines: Record<string, RegExp> = { x86: /^qemu-system-x86_64 -M q35/, riscv: /^qemu-system-riscv64 -M virt/, s390: /^qemu-system-s390x -M s390-ccw-virtio/ };
  for (const t of results.targets) {
    assert.ok(t.durationSeconds! > 10, `${t.target} took ${t.durationSeconds} s`);
    assert.match(readFileSync(join(dir, t.log), 'utf8'), /LD\s+vmlinux/, `${t.target} linked vmlinux`);
    assert.match(readFileSync(join(dir, t.dotConfig!), 'utf8'), /^# Linux\/\w+ 6\.1\.192 Kernel Configuration/m);
    // Files in the logs dir belong to the runner, whoever the build ran as.
    assert.equal(statSync(join(dir, t.log)).uid, process.getuid!());
    assert.equal(t.boot?.status, 'pass', `${t.target}: ${JSON.stringify(t.boot)}`);
    assert.equal(t.boot?.release, '6.1.192');
    assert.match(t.boot!.machine!, machines[t.arch]);
    const console = readFileSync(join(dir, t.boot!.console!), 'utf8');
    // Our init ran (on s390 from our own entry) and printed the sentinel.
    assert.match(console, /^kernelbuilder-init: started$/m);
    assert.match(console, /kernelbuilder-boot: ok 6\.1\.192/);
    // What the target kept, and its sizes from size vmlinux and the image.
    for (const f of [images[t.arch], 'System.map', 'config', 'initramfs.cpio']) assert.ok(t.kept?.files.includes(f), `${t.target} kept ${f}: ${t.kept?.files}`);
    assert.ok(t.sizes && t.sizes.text > 100_000 && t.sizes.imageBytes > 100_000, JSON.stringify(t.sizes));
    assert.equal(statSync(join(dir, t.kept!.dir, images[t.arch])).size, t.sizes.imageBytes);
  }
  assert.match(run.summary, /\| target \| status \| stage \| time \| errors \| warnings \| boot \| log \|/);
  assert.match(readFileSync(join(dir, results.targets[2].dotConfig!), 'utf8'), /^CONFIG_SCLP_VT220_CONSOLE=y$/m, "s390's console from its fragment");
  assert.match(run.summary, /\| x86\/tinyconfig\+kb-boot\.config \| ✅ pass \|.*\| ✅ pass \(6\.1\.192\) \|/);
  assert.match(readFileSync(run.outputs.email, 'utf8'), /^Boot: 3 passed, 0 failed, 0 skipped$/m);
  // Build output reached the action log, fenced so it cannot issue workflow commands.
  const token = /::stop-commands::(\S+)/.exec(run.stdout)?.[1];
  assert.ok(token && run.stdout.includes(`::${token}::`));
  assert.match(run.stdout, /kernelbuilder: x86\/tinyconfig\+kb-boot\.config pass/);
});

test('a kernel that WARNs and then panics in its initcalls: fail: kernel panic, with the panic message; one boot warning at its file and line; the step fails', () => {
  bootFault('warn-panic', ['warn', 'panic']);
  const { run, results, t, dir } = bootBuild('warn-panic');
  assert.equal(t.boot?.status, 'fail', JSON.stringify(t.boot));
  assert.equal(t.boot?.reason, 'kernel panic');
  assert.match(t.boot!.message!, /kernelbuilder test: panic in an initcall/);
  assert.equal(t.boot?.warnings, 1);
  assert.equal(results.result, 'fail');
  assert.equal(run.status, 1);
  assert.equal(run.outputs['failed-boots'], target);
  assert.equal(run.outputs['failed-targets'], '', 'the build itself passed');
  assert.match(readFileSync(join(dir, t.boot!.console!), 'utf8'), /Kernel panic - not syncing: kernelbuilder test: panic in an initcall/);
  const panic = results.issues!.find((i) => i.kind === 'panic');
  assert.ok(panic && panic.targets.includes(target), JSON.stringify(results.issues));
  const warning = results.issues!.find((i) => i.kind === 'boot-warning');
  assert.ok(warning, JSON.stringify(results.issues));
  assert.equal(warning.file, 'init/main.c');
  assert.equal(warning.line, lineOf('kb-test/boot-warn-panic', 'kernelbuilder-warn-here'));
  assert.match(run.summary, /fail: kernel panic: kernelbuilder test: panic in an initcall/);
  assert.match(readFileSync(run.outputs.email, 'utf8'), /^Boot: 0 passed, 1 failed, 0 skipped\n {2}x86\/tinyconfig\+kb-boot\.config: fail: kernel panic: kernelbuilder test: panic in an initcall/m);
  // The reproducer boots the kept kernel again, as printed, and it panics again.
  const again = execFileSync('bash', ['-c', `${t.boot!.reproducer!} 2>&1 || true`], { encoding: 'utf8', timeout: 120_000 });
  assert.match(again, /Kernel panic - not syncing: kernelbuilder test: panic in an initcall/);
});
