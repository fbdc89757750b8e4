import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { runEngine } from '../support/engine-run.ts';
import { git } from '../support/tiny-tree.ts';
import { tempDir } from '../support/temp-dir.ts';

// Real faults, injected by a toy tree's build into the real driver, container and engine.

const ok = 'echo "  CC      init/main.o"; echo "  LD      vmlinux"\n';

function perArch(cases: Record<string, string>): string {
  return `case $ARCH in\n${Object.entries(cases).map(([arch, body]) => `${arch}) ${body} ;;`).join('\n')}\nesac\n`;
}

test('a target past target-timeout is failed by timeout; the other target passes', async () => {
  const src = makeToyKernel(perArch({ x86: ok, arm64: 'echo "  CC      slow.o"; sleep 300' }));
  const started = Date.now();
  const { results } = await runEngine({ source: src, ref: 'v6.1', arches: 'x86 arm64', configs: 'tinyconfig', 'target-timeout': '5s' });
  assert.ok(Date.now() - started < 120_000, 'the run did not wait for the sleeping target');
  assert.deepEqual(results.targets.map((t) => [t.target, t.status, t.reason, t.stage]), [
    ['x86/tinyconfig', 'pass', undefined, 'build'],
    ['arm64/tinyconfig', 'fail', 'timeout', 'build'],
  ]);
  assert.equal(results.complete, true);
  assert.ok(results.targets[0].cpuSeconds! >= 0, 'CPU time is recorded');
  assert.match(results.toolchains!.x86, /^gcc .*12\.\d+\.\d+/);
  assert.match(results.toolchains!.arm64, /^aarch64-linux-gnu-gcc .*12\.\d+\.\d+/);
});

test('a target killed for memory is failed by out of memory', async () => {
  const src = makeToyKernel(perArch({ x86: `python3 -c "b = bytearray(1024 ** 3); print(len(b))"`, arm64: ok }));
  const { results } = await runEngine({ source: src, ref: 'v6.1', arches: 'x86 arm64', configs: 'tinyconfig', memory: '96m', jobs: '2' });
  const x86 = results.targets[0];
  assert.equal(x86.status, 'fail');
  assert.equal(x86.reason, 'out of memory', JSON.stringify(x86.excerpt));
  assert.equal(results.targets[1].status, 'pass');
});

test('a full tmpfs is failed by no space left on /build', async () => {
  const src = makeToyKernel(perArch({ x86: 'dd if=/dev/zero of=$O/big bs=1M count=64', arm64: ok }));
  const { results } = await runEngine({ source: src, ref: 'v6.1', arches: 'x86', configs: 'tinyconfig', 'tmpfs-size': '32m' });
  assert.equal(results.targets[0].status, 'fail');
  assert.equal(results.targets[0].reason, 'no space left on /build');
  assert.ok(results.targets[0].excerpt!.lines.some((l) => /No space left on device/.test(l)));
});

test('a build that floods its logs folder is stopped once past logs-limit', async () => {
  // Written straight into /logs, past anything the driver could cap: only the watch from outside sees it.
  const flood = 'while :; do head -c 1048576 /dev/zero >> /logs/flood; sleep 0.05; done';
  const src = makeToyKernel(perArch({ x86: flood, arm64: 'sleep 300' }));
  const started = Date.now();
  const { results, log } = await runEngine({ source: src, ref: 'v6.1', arches: 'x86 arm64', configs: 'tinyconfig', 'logs-limit': '16m' });
  assert.ok(Date.now() - started < 60_000, 'the build was stopped, not waited for');
  assert.deepEqual(results.targets.map((t) => [t.target, t.status, t.reason]), [
    ['x86/tinyconfig', 'error', 'logs over limit'],
    ['arm64/tinyconfig', 'error', 'logs over limit'],
  ]);
  assert.equal(results.complete, false);
  assert.ok(log.lines.some((l) => /^warning: stopping the build: its logs folder .* past the limit of 16777216 bytes \(input logs-limit\)/.test(l)), log.lines.join('\n'));
});

test('containment: non-root, no capabilities, read-only root and /src, no network, no runner secrets', async () => {
  const probe = [
    'echo "uid=$(id -u)"',
    'grep CapEff /proc/self/status',
    'grep NoNewPrivs /proc/self/status',
    'touch /etc/kb-probe 2>&1 || echo "rootfs: read-only"',
    'touch /src/kb-pwned 2>&1 || echo "src: read-only"',
    'git -C /src update-ref refs/heads/pwned HEAD 2>&1 || echo "src refs: read-only"',
    'echo "interfaces: $(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d " " | tr "\\n" " ")"',
    'env | sort',
  ].join('\n');
  const src = makeToyKernel(perArch({ x86: probe }));
  const refsBefore = git(src, 'for-each-ref', '--format=%(refname) %(objectname)');
  const objectsBefore = git(src, 'count-objects', '-v');
  const filesBefore = git(src, 'status', '--porcelain', '--ignored');
  process.env.ACTIONS_RUNTIME_TOKEN = 'kb-secret-token';
  process.env.GITHUB_TOKEN = 'kb-secret-github-token';
  let out;
  try {
    out = await runEngine({ source: src, ref: 'v6.1', arches: 'x86', configs: 'tinyconfig' });
  } finally {
    delete process.env.ACTIONS_RUNTIME_TOKEN;
    delete process.env.GITHUB_TOKEN;
  }
  const dir = join(out.logs, readdirSync(out.logs).find((d) => d !== 'emails')!, 'v6.1');
  const log = readFileSync(join(dir, 'x86/tinyconfig.log'), 'utf8');
  assert.match(log, /^uid=[1-9]\d*$/m, 'not root');
  assert.match(log, /^CapEff:\s+0000000000000000$/m, 'no capabilities');
  assert.match(log, /^NoNewPrivs:\s+1$/m);
  assert.match(log, /^rootfs: read-only$/m);
  assert.match(log, /^src: read-only$/m);
  assert.match(log, /^src refs: read-only$/m);
  assert.match(log, /^interfaces: lo $/m, 'loopback only');
  assert.doesNotMatch(log, /kb-secret|ACTIONS_|GITHUB_|RUNNER_/);
  // The source repository is exactly as it was.
  assert.equal(git(src, 'for-each-ref', '--format=%(refname) %(objectname)'), refsBefore);
  assert.equal(git(src, 'count-objects', '-v'), objectsBefore);
  assert.equal(git(src, 'status', '--porcelain', '--ignored'), filesBefore);
  // Every file the build wrote belongs to the runner.
  for (const f of ['x86/tinyconfig.log', 'x86/tinyconfig.status', 'results.json', 'driver.log']) {
    assert.equal(statSync(join(dir, f)).uid, process.getuid!(), f);
  }
});

test('fragments: files and options reach the build tree; options olddefconfig dropped are warned about', async () => {
  const src = makeToyKernel(perArch({ x86: 'cat $O/.config' }), { arches: ['x86'], fragments: { 'kvm_guest.config': 'CONFIG_KVM_GUEST=y\n' } });
  const { results, logs } = await runEngine({
    source: src,
    ref: 'v6.1',
    arches: 'x86',
    configs: 'defconfig+kvm_guest.config+CONFIG_PCI=y+CONFIG_DROPPED_BY_OLDDEFCONFIG=y',
  });
  const t = results.targets[0];
  assert.equal(t.status, 'pass');
  const log = readFileSync(join(logs, readdirSync(logs).find((d) => d !== 'emails')!, 'v6.1', t.log), 'utf8');
  assert.match(log, /^CONFIG_KVM_GUEST=y$/m);
  assert.match(log, /^CONFIG_PCI=y$/m);
  const unmet = results.issues!.filter((i) => i.kind === 'kconfig');
  assert.deepEqual(unmet.map((i) => [i.severity, i.message, i.targets]), [
    ['warning', 'requested CONFIG_DROPPED_BY_OLDDEFCONFIG=y did not reach .config (it is not set)', ['x86/defconfig+kvm_guest.config+CONFIG_PCI=y+CONFIG_DROPPED_BY_OLDDEFCONFIG=y']],
  ]);
  assert.equal(results.counts!.warnings, 1);
});

test('ccache: the cache folder is mounted, compiles go through it, a rebuild hits', async () => {
  const src = makeToyKernel(perArch({ x86: 'printf "int f(void) { return 1; }\\n" > $O/a.c && $CC -c $O/a.c -o $O/a.o && echo "  CC      a.o"' }));
  const cacheDir = tempDir('ccache');
  const first = await runEngine({ source: src, ref: 'v6.1', arches: 'x86', configs: 'tinyconfig', ccache: 'host', 'ccache-dir': cacheDir });
  assert.equal(first.results.targets[0].status, 'pass', JSON.stringify(first.results.targets[0]));
  assert.deepEqual(first.results.ccache, { hits: 0, misses: 1, hitRate: 0 });
  const again = await runEngine({ source: src, ref: 'v6.1', arches: 'x86', configs: 'tinyconfig', ccache: 'host', 'ccache-dir': cacheDir, logs: first.logs, force: 'true' });
  assert.equal(again.skipped, false);
  assert.deepEqual(again.results.ccache, { hits: 1, misses: 0, hitRate: 1 });
  // Without force the same sha, image and targets are already built.
  const skipped = await runEngine({ source: src, ref: 'v6.1', arches: 'x86', configs: 'tinyconfig', ccache: 'host', 'ccache-dir': cacheDir, logs: first.logs });
  assert.equal(skipped.skipped, true);
});
