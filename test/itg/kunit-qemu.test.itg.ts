import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../support/action-run.ts';
import { kernelRepo } from '../support/kernel-repo.ts';
import { FAILING_LINE, KUNIT_FAULTS_BRANCH, kunitFaultsCommit, kunitPy, named, ourTotals } from '../support/kunit-faults.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { tempDir } from '../support/temp-dir.ts';

// KUnit booted in QEMU on the real 6.1 tree: lib/kunit/.kunitconfig with kernelbuilder's
// faults (the UML test's commit), configured as kunit.py configures it for riscv (the
// config seeded, the kconfig of the tree's qemu_configs/riscv.py set after the base), built,
// then booted once built on the machine a riscv boot uses, with no init, under TCG. riscv
// because its alldefconfig is the smallest of the arches we boot (about half x86's, whose
// alldefconfig is a quarter of an hour of this machine cold): what runs in QEMU is the
// same code for every arch. One build shows it all, as on UML: the tree's cases pass or
// skip, each fault is reported as it should be (the panic reboots the kernel, which ends
// QEMU), and the first run's totals equal kunit.py parse's.

const ARCH = 'riscv';
const source = kernelRepo();
const faulty = kunitFaultsCommit(source);

test(`KUnit in QEMU (${ARCH}), lib/kunit/.kunitconfig of the real tree with kernelbuilder faults: the qemu_config's options in the .config; the tree's cases pass or skip; failed at file:line, skipped, flaky, crashed with the panic; every run's console written by the host; totals equal kunit.py parse`, () => {
  const logs = tempDir('logs');
  const run = runAction({ source, ref: KUNIT_FAULTS_BRANCH, tree: 'linux', kunit: 'lib/kunit', 'kunit-arches': ARCH, logs });
  assert.equal(run.status, 1, `a failed case fails the step: ${run.stdout.slice(-3000)}${run.stderr}`);
  const dir = join(run.outputs['results-json'], '..');
  const results = JSON.parse(readFileSync(run.outputs['results-json'], 'utf8')) as BuildResults;
  assert.equal(results.sha, faulty);
  assert.deepEqual(results.targets.map((t) => [t.target, t.status]), [[`${ARCH}/kunit-lib-kunit`, 'pass']]);
  const t = results.targets[0];
  const dotConfig = readFileSync(join(dir, t.dotConfig!), 'utf8');
  for (const option of ['CONFIG_KUNIT_TEST=y', 'CONFIG_SOC_VIRT=y', 'CONFIG_SERIAL_8250_CONSOLE=y']) assert.match(dotConfig, new RegExp(`^${option}$`, 'm'));
  assert.equal(t.boot, undefined, 'not booted: run');
  const kunit = t.kunit!;
  assert.deepEqual([kunit.mode, kunit.status, kunit.attempts], ['qemu', 'fail', 3], JSON.stringify({ ...kunit, cases: kunit.cases.length }));
  assert.match(run.stdout, new RegExp(`KUnit ${ARCH}/kunit-lib-kunit: qemu-system-riscv64 -M virt, timeout 300 s a run`));
  assert.equal(readFileSync(join(dir, `${ARCH}/kunit-lib-kunit/kunit.status`), 'utf8').split('\n').filter(Boolean).length, 3);

  const tree = kunit.cases.filter((c) => !c.suite.startsWith('kernelbuilder-'));
  assert.ok(tree.length >= 20, `${tree.length} cases of the tree's suites`);
  for (const c of tree) assert.ok(c.status === 'pass' || (c.status === 'skip' && c.reason), JSON.stringify(c));

  const fails = named(kunit.cases, 'kb_fails')!;
  assert.deepEqual([fails.status, fails.runs, fails.diagnostic?.file, fails.diagnostic?.line], ['fail', { total: 3, passed: 0 }, 'lib/kunit/kb-kunit-faults.c', FAILING_LINE]);
  assert.deepEqual([named(kunit.cases, 'kb_skips')?.status, named(kunit.cases, 'kb_skips')?.reason], ['skip', 'kernelbuilder: no such hardware here']);
  assert.deepEqual([named(kunit.cases, 'kb_first_run_fails')?.status, named(kunit.cases, 'kb_first_run_fails')?.runs], ['flaky', { total: 3, passed: 2 }]);
  const crash = kunit.cases.filter((c) => c.suite === 'kernelbuilder-crash');
  assert.equal(crash[0].status, 'crashed', JSON.stringify(crash));
  assert.match(crash[0].diagnostic!.message, /Kernel panic - not syncing: kernelbuilder test: panic in a KUnit case/);
  assert.match(crash[1].reason!, /^never started: the kernel panicked/);

  const first = join(dir, kunit.consoles[0]);
  assert.deepEqual(ourTotals(first), kunitPy(source, first));
});
