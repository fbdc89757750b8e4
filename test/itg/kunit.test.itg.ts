import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../support/action-run.ts';
import { commitSeries, kernelRepo } from '../support/kernel-repo.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { type KunitCase } from '../../src/types/kunit.ts';
import { tempDir } from '../support/temp-dir.ts';

// KUnit on UML on the real 6.1 tree: lib/kunit/.kunitconfig built as kunit.py configures it
// and run in the build container. First the tree as it is (every case passes or is skipped
// with the kernel's reason; totals equal the tree's own kunit.py parse of the same console),
// then the same branch moved to a commit adding kernelbuilder's KUnit faults
// (test/fixtures/kunit/faults/kb-kunit-faults.c): a failing case, a skipped one, one that
// fails in the first run only, a panic. The first build is the second's baseline.

const source = kernelRepo();
const branch = 'kb-test/kunit';
const faults = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'kunit', 'faults', 'kb-kunit-faults.c'), 'utf8');
const [faulty] = commitSeries(source, 'kb-test/kunit-faults', [
  {
    subject: 'kunit: kernelbuilder faults (kernelbuilder test)',
    edits: {
      'lib/kunit/kb-kunit-faults.c': () => faults.trimEnd(),
      'lib/kunit/Makefile': (t) => `${t}\nobj-$(CONFIG_KUNIT_EXAMPLE_TEST) +=\tkb-kunit-faults.o`,
    },
  },
]);
const logs = tempDir('logs');
const inputs = { source, ref: branch, tree: 'linux', kunit: 'lib/kunit', logs };
const target = 'um/kunit-lib-kunit';

/** The tree's own parser's summary of a console: "Ran N tests: passed: P, skipped: S, ...". */
function kunitPy(console: string): Record<string, number> {
  const out = execFileSync('python3', [join(source, 'tools/testing/kunit/kunit.py'), 'parse', console], { encoding: 'utf8' }).replace(/\x1b\[[0-9;]*m/g, '');
  const m = /Testing complete\. Ran (\d+) tests?(?:: (.*))?$/m.exec(out);
  assert.ok(m, out);
  const said = Object.fromEntries((m[2] ?? '').split(', ').filter(Boolean).map((kv) => [kv.split(': ')[0], Number(kv.split(': ')[1])]));
  return { total: Number(m[1]), pass: said.passed ?? 0, fail: said.failed ?? 0, skip: said.skipped ?? 0, crashed: said.crashed ?? 0 };
}

const named = (cases: KunitCase[], name: string) => cases.find((c) => c.case === name);

test('KUnit on UML, lib/kunit/.kunitconfig of the real tree: built and run in the build container; every case passes or is skipped with the reason; totals equal kunit.py parse', () => {
  const stable = execFileSync('git', ['-C', source, 'rev-parse', 'refs/remotes/stable/HEAD'], { encoding: 'utf8' }).trim();
  execFileSync('git', ['-C', source, 'update-ref', `refs/heads/${branch}`, stable]);
  const run = runAction(inputs);
  assert.equal(run.status, 0, run.stdout.slice(-3000) + run.stderr);
  const results = JSON.parse(readFileSync(run.outputs['results-json'], 'utf8')) as BuildResults;
  assert.deepEqual(results.targets.map((t) => [t.target, t.status]), [[target, 'pass']], 'KUnit alone: no configs were asked for');
  const t = results.targets[0];
  const kunit = t.kunit!;
  assert.equal(kunit.status, 'pass', JSON.stringify({ ...kunit, cases: kunit.cases.filter((c) => c.status !== 'pass') }));
  assert.equal(kunit.attempts, 1, 'nothing failed: one run');
  assert.ok(kunit.totals.pass >= 20, JSON.stringify(kunit.totals));
  for (const c of kunit.cases) assert.ok(c.status === 'pass' || (c.status === 'skip' && c.reason), JSON.stringify(c));
  // What kunit.py checks before a run: every option the configs asked for is in the final .config.
  const dotConfig = readFileSync(join(run.outputs['results-json'], '..', t.dotConfig!), 'utf8');
  for (const option of ['CONFIG_KUNIT=y', 'CONFIG_KUNIT_TEST=y', 'CONFIG_KUNIT_EXAMPLE_TEST=y', 'CONFIG_UML_PCI_OVER_VIRTIO=y']) assert.match(dotConfig, new RegExp(`^${option}$`, 'm'));
  const py = kunitPy(join(run.outputs['results-json'], '..', kunit.consoles[0]));
  assert.deepEqual({ total: kunit.totals.total, pass: kunit.totals.pass, fail: kunit.totals.fail, skip: kunit.totals.skip, crashed: kunit.totals.crashed }, py);
});

test('KUnit faults: failed with its expectation at file:line, skipped with the reason, flaky (passed on the retry) and never new, crashed with the panic; the run fails', () => {
  execFileSync('git', ['-C', source, 'update-ref', `refs/heads/${branch}`, faulty]);
  const run = runAction(inputs);
  assert.equal(run.status, 1, 'a failed case fails the step');
  const results = JSON.parse(readFileSync(run.outputs['results-json'], 'utf8')) as BuildResults;
  const kunit = results.targets[0].kunit!;
  assert.equal(kunit.status, 'fail');
  assert.equal(kunit.attempts, 3, 'the first run and two retries: a case failed in each');
  const fails = named(kunit.cases, 'kb_fails')!;
  assert.deepEqual([fails.suite, fails.status, fails.runs], ['kernelbuilder-faults', 'fail', { total: 3, passed: 0 }]);
  assert.equal(fails.diagnostic?.file, 'lib/kunit/kb-kunit-faults.c');
  const source12 = faults.split('\n').findIndex((l) => l.includes('KUNIT_EXPECT_EQ(test, answer, 42)')) + 1;
  assert.equal(fails.diagnostic?.line, source12);
  assert.match(fails.diagnostic!.detail.join('\n'), /Expected answer == 42, but/);
  const skips = named(kunit.cases, 'kb_skips')!;
  assert.deepEqual([skips.status, skips.reason], ['skip', 'kernelbuilder: no such hardware here']);
  const flaky = named(kunit.cases, 'kb_first_run_fails')!;
  assert.deepEqual([flaky.status, flaky.runs], ['flaky', { total: 3, passed: 2 }]);
  const panics = named(kunit.cases, 'kb_panics')!;
  assert.equal(panics.status, 'crashed', JSON.stringify(panics));
  assert.match(panics.diagnostic!.message, /kernelbuilder test: panic in a KUnit case/);
  // Against the first build: the failing and crashing cases are new, the flaky one is not.
  assert.ok(results.regressions, 'the first build is the baseline');
  const fresh = results.regressions!.newIssues.join('\n');
  assert.match(fresh, /kb_fails/);
  assert.doesNotMatch(fresh, /kb_first_run_fails/);
});
