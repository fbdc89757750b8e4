import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from '../support/action-run.ts';
import { kernelRepo } from '../support/kernel-repo.ts';
import { FAILING_LINE, KUNIT_FAULTS_BRANCH, kunitFaultsCommit, kunitPy, named, ourTotals } from '../support/kunit-faults.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runCli } from '../../src/entry/cli.ts';
import { type BisectResult } from '../../src/bisect/types.ts';

// KUnit on UML on the real 6.1 tree: lib/kunit/.kunitconfig built as kunit.py configures it
// and run in the build container, on a commit adding kernelbuilder's KUnit faults
// (test/fixtures/kunit/faults/kb-kunit-faults.c) after the tree's own lib/kunit suites: a
// failing case, a skipped one, one that fails in the first run only, a panic. One UML build
// (minutes on 2 cores with a cold compiler cache) shows it all: the tree's cases pass or
// are skipped with the kernel's reason, each fault is reported as it should be, and the
// first run's totals equal the tree's own kunit.py parse of the same console. Then a bisect
// on the failing case names the commit that added it.

const source = kernelRepo();
const faulty = kunitFaultsCommit(source);
const target = 'um/kunit-lib-kunit';

test('KUnit on UML, lib/kunit/.kunitconfig of the real tree with kernelbuilder faults: the tree\'s cases pass or skip; failed at file:line, skipped with the reason, flaky on the retry (never an issue), crashed at its place with the panic; totals equal kunit.py parse', () => {
  const logs = tempDir('logs');
  const run = runAction({ source, ref: KUNIT_FAULTS_BRANCH, tree: 'linux', kunit: 'lib/kunit', logs });
  assert.equal(run.status, 1, `a failed case fails the step: ${run.stdout.slice(-3000)}${run.stderr}`);
  const dir = join(run.outputs['results-json'], '..');
  const results = JSON.parse(readFileSync(run.outputs['results-json'], 'utf8')) as BuildResults;
  assert.equal(results.sha, faulty);
  assert.deepEqual(results.targets.map((t) => [t.target, t.status]), [[target, 'pass']], 'KUnit alone (no configs asked for); the build passed');
  const t = results.targets[0];
  // What kunit.py checks before a run: every option the configs asked for is in the final .config.
  const dotConfig = readFileSync(join(dir, t.dotConfig!), 'utf8');
  for (const option of ['CONFIG_KUNIT=y', 'CONFIG_KUNIT_TEST=y', 'CONFIG_KUNIT_EXAMPLE_TEST=y', 'CONFIG_UML_PCI_OVER_VIRTIO=y']) assert.match(dotConfig, new RegExp(`^${option}$`, 'm'));
  const kunit = t.kunit!;
  assert.equal(kunit.status, 'fail');
  assert.equal(kunit.attempts, 3, 'the first run and two retries: a case failed in each');

  // The tree's own suites: every case passes, or is skipped with the kernel's reason.
  const tree = kunit.cases.filter((c) => !c.suite.startsWith('kernelbuilder-'));
  assert.ok(tree.length >= 20, `${tree.length} cases of the tree's suites`);
  for (const c of tree) assert.ok(c.status === 'pass' || (c.status === 'skip' && c.reason), JSON.stringify(c));

  const fails = named(kunit.cases, 'kb_fails')!;
  assert.deepEqual([fails.suite, fails.status, fails.runs], ['kernelbuilder-faults', 'fail', { total: 3, passed: 0 }]);
  assert.equal(fails.diagnostic?.file, 'lib/kunit/kb-kunit-faults.c');
  assert.equal(fails.diagnostic?.line, FAILING_LINE);
  assert.match(fails.diagnostic!.detail.join('\n'), /Expected answer == 42, but/);
  const skips = named(kunit.cases, 'kb_skips')!;
  assert.deepEqual([skips.status, skips.reason], ['skip', 'kernelbuilder: no such hardware here']);
  const flaky = named(kunit.cases, 'kb_first_run_fails')!;
  assert.deepEqual([flaky.status, flaky.runs], ['flaky', { total: 3, passed: 2 }]);
  // UML prints no name for a case that panicked: it has no frame pointers, so every frame of
  // its call trace is a guess ('? '), and 6.1's KTAP names a case only once it ends. Its place is its name.
  const crash = kunit.cases.filter((c) => c.suite === 'kernelbuilder-crash');
  assert.deepEqual(crash.map((c) => [c.case, c.status]), [['case 1 of 2', 'crashed'], ['case 2 of 2', 'crashed']]);
  assert.match(crash[0].diagnostic!.message, /Kernel panic - not syncing: kernelbuilder test: panic in a KUnit case/);
  assert.match(crash[1].reason!, /^never started: the kernel panicked/);
  // A failing case is an issue (so it is new against a baseline, and bisectable); a flaky one never is.
  const issues = (results.issues ?? []).map((i) => i.signature).join('\n');
  assert.match(issues, /kb_fails/);
  assert.doesNotMatch(issues, /kb_first_run_fails/);

  // The first run alone, read as kunit.py reads it: the same totals.
  const first = join(dir, kunit.consoles[0]);
  assert.deepEqual(ourTotals(first), kunitPy(source, first));
});

test('bisect on a KUnit case: kunit:<suite>.<case> on its KUnit target names the commit that added the failing case, verified', async () => {
  const logs = tempDir('bisect');
  let err = '';
  const paths = { driverDir: fileURLToPath(new URL('../../src/driver/', import.meta.url)), imagesDir: fileURLToPath(new URL('../../images/', import.meta.url)) };
  const code = await runCli(
    ['bisect', '--source', source, '--good', 'stable/linux-6.1.y', '--bad', KUNIT_FAULTS_BRANCH, '--target', target, '--kunit', 'lib/kunit', '--what', 'kunit:kernelbuilder-faults.kb_fails', '--logs', logs],
    paths,
    { out: () => undefined, err: (t) => (err += t) },
  );
  assert.equal(code, 0, err);
  const result = JSON.parse(readFileSync(/results in (\S+bisect\.json)/.exec(err)![1], 'utf8')) as BisectResult;
  assert.equal(result.culprit?.sha, faulty, err);
  assert.equal(result.culprit?.verification.culprit, 'bad');
  assert.equal(result.culprit?.diagnostic?.file, 'lib/kunit/kb-kunit-faults.c');
  assert.match(err, /bisecting 1 commits for signature kunit\|lib\/kunit\/kb-kunit-faults\.c\|kernelbuilder-faults\.kb_fails/);
});
