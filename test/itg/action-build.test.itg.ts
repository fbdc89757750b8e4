import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../support/action-run.ts';
import { commitOnBranch, kernelRepo } from '../support/kernel-repo.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { tempDir } from '../support/temp-dir.ts';

const source = kernelRepo();

test('the action builds the real 6.1 kernel, tinyconfig, for x86, arm64 and riscv; plain tinyconfig cannot boot: skipped, with the reason', () => {
  const logs = tempDir('logs');
  const run = runAction({ source, ref: 'stable/linux-6.1.y', arches: 'x86 arm64 riscv', configs: 'tinyconfig', boot: 'all', logs });
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
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as BuildResults;
  assert.equal(results.complete, true);
  assert.equal(results.sha, run.outputs.sha);
  assert.match(results.image.id, /^sha256:[0-9a-f]{64}$/);
  assert.deepEqual(
    results.targets.map((t) => [t.target, t.status, t.stage, t.exitCode]),
    [
      ['x86/tinyconfig', 'pass', 'build', 0],
      ['arm64/tinyconfig', 'pass', 'build', 0],
      ['riscv/tinyconfig', 'pass', 'build', 0],
    ],
  );
  for (const t of results.targets) {
    assert.ok(t.durationSeconds! > 10, `${t.target} took ${t.durationSeconds} s`);
    const log = readFileSync(join(dir, t.log), 'utf8');
    assert.match(log, /LD\s+vmlinux/, `${t.target} linked vmlinux`);
    assert.match(readFileSync(join(dir, t.dotConfig!), 'utf8'), /^# Linux\/\w+ 6\.1\.192 Kernel Configuration/m);
    // Files in the logs dir belong to the runner, whoever the build ran as.
    assert.equal(statSync(join(dir, t.log)).uid, process.getuid!());
    // tinyconfig has no initramfs, no ELF and no serial console: no boot, never a failure.
    assert.equal(t.boot?.status, 'skipped', JSON.stringify(t.boot));
    assert.match(t.boot!.message!, /^the config cannot boot on (i386|arm64|riscv64): CONFIG_BLK_DEV_INITRD is not =y/);
  }
  assert.match(run.summary, /\| x86\/tinyconfig \| ✅ pass \| build \|/);
  // Build output reached the action log, fenced so it cannot issue workflow commands.
  const token = /::stop-commands::(\S+)/.exec(run.stdout)?.[1];
  assert.ok(token && run.stdout.includes(`::${token}::`));
  assert.match(run.stdout, /kernelbuilder: x86\/tinyconfig pass/);
});

test('a tree with a compile error fails the right target; the others still build', () => {
  commitOnBranch(
    source,
    'kb-test/x86-compile-error',
    'arch/x86/kernel/setup.c',
    (text) => `${text}\nint kernelbuilder_broken(void) { return undeclared_on_purpose; }`,
    'x86: break the build on purpose (kernelbuilder test)',
  );
  const logs = tempDir('logs');
  const run = runAction({ source, ref: 'kb-test/x86-compile-error', tree: 'linux', arches: 'x86 arm64', configs: 'tinyconfig', logs });
  assert.equal(run.status, 1, 'the step fails');
  assert.match(run.stdout, /::error::1 of 2 targets failed: x86\/tinyconfig/);
  assert.equal(run.outputs.result, 'fail');
  assert.equal(run.outputs['failed-targets'], 'x86/tinyconfig');

  const results = JSON.parse(readFileSync(run.outputs['results-json'], 'utf8')) as BuildResults;
  assert.equal(results.complete, true);
  assert.deepEqual(
    results.targets.map((t) => [t.target, t.status, t.stage]),
    [
      ['x86/tinyconfig', 'fail', 'build'],
      ['arm64/tinyconfig', 'pass', 'build'],
    ],
  );
  const dir = join(logs, 'linux', run.outputs['build-id']);
  const x86Log = readFileSync(join(dir, 'x86/tinyconfig.log'), 'utf8');
  assert.match(x86Log, /arch\/x86\/kernel\/setup\.c:\d+:\d+: error: 'undeclared_on_purpose' undeclared/);
  // -k: the rest of the tree was still compiled after the error.
  assert.match(x86Log, /CC\s+kernel\//);
  assert.ok(existsSync(join(dir, 'arm64/tinyconfig.log')));

  // The summary names the file, line and message; the annotation points at them.
  const error = results.issues!.find((i) => i.severity === 'error' && i.kind === 'compiler')!;
  assert.equal(error.file, 'arch/x86/kernel/setup.c');
  assert.match(error.message, /'undeclared_on_purpose' undeclared/);
  assert.deepEqual(error.targets, ['x86/tinyconfig']);
  assert.match(run.summary, new RegExp(`arch/x86/kernel/setup\\.c:${error.line}:\\d+: error: 'undeclared_on_purpose' undeclared`));
  assert.match(run.stdout, new RegExp(`::error title=compiler error in x86/tinyconfig,file=arch/x86/kernel/setup\\.c,line=${error.line},col=\\d+::'undeclared_on_purpose' undeclared`));
  // The email, in the original builder's layout.
  const email = readFileSync(run.outputs.email, 'utf8');
  assert.equal(run.outputs.email, join(logs, 'emails', `linux-${run.outputs['build-id']}.txt`));
  assert.match(email, new RegExp(`^Subject: linux build: \\d+ warnings 1 failures \\(linux/${run.outputs['build-id']}\\)`, 'm'));
  assert.match(email, /Failed configs:\n  x86\/tinyconfig \(failed at build, exit 2\)/);
  assert.match(email, /arch\/x86\/kernel\/setup\.c:\d+:\d+: error: 'undeclared_on_purpose' undeclared/);
  // The reproducer beside the log is a shell script the shell accepts.
  const repro = readFileSync(join(dir, 'x86/tinyconfig.reproduce.sh'), 'utf8');
  assert.match(repro, new RegExp(`checkout -q --detach ${results.sha}`));
  assert.equal(spawnSync('sh', ['-n', join(dir, 'x86/tinyconfig.reproduce.sh')]).status, 0);
});
