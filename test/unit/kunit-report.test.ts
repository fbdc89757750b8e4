import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type BuildResults } from '../../src/types/results.ts';
import { type KunitCase } from '../../src/types/kunit.ts';
import { neverStartedReason } from '../../src/values/kunit-case.ts';
import { analyseLogs } from '../../src/diagnostics/analyse.ts';
import { defaultNoise } from '../../src/diagnostics/noise.ts';
import { compareWithBaseline } from '../../src/diagnostics/regressions.ts';
import { chooseAnnotations } from '../../src/report/annotations.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { renderEmail, emailSubject } from '../../src/report/email.ts';
import { renderBuildPage } from '../../src/report/html/build-page.ts';
import { renderJunit } from '../../src/report/junit.ts';
import { renderKcidb } from '../../src/report/kcidb.ts';
import { echoFailures } from '../../src/report/echo-failures.ts';
import { changeLines } from '../../src/report/changes.ts';
import { checkResults } from '../../src/results/check-results.ts';
import { readJunit } from '../support/junit-check.ts';
import { validateKcidb } from '../support/kcidb-check.ts';
import { recordingLog } from '../support/recording-log.ts';
import { tempDir } from '../support/temp-dir.ts';
import { writeBuildDir } from '../support/results-fixture.ts';
import { kunitBuild, kunitCases, kunitRun } from '../support/kunit-fixture.ts';

// A target's KUnit cases through the pipeline after the KUnit step: issues, the verdict,
// regressions against a baseline, and every report.

/** The build analysed as the pipeline analyses it (its logs written, read). */
async function analysed(r: BuildResults): Promise<BuildResults> {
  const dir = tempDir('kunit-report');
  writeBuildDir(dir, r);
  return analyseLogs(r, dir, defaultNoise);
}

const SIG = {
  simple: 'kunit|lib/kunit/kunit-example-test.c|example.example_simple_test',
  bug: 'kunit||kbtest.kbtest_bug',
  param: 'kunit|lib/math/rational-test.c|rational.rational_test[Exact answer]',
};

test('analyse: a failed and a crashed case are error issues of kind kunit, at the expectation\'s place; flaky, skipped and passed cases are none', async () => {
  const r = await analysed(kunitBuild());
  const kunit = (r.issues ?? []).filter((i) => i.kind === 'kunit');
  assert.deepEqual(kunit.map((i) => i.signature).sort(), [SIG.bug, SIG.simple, SIG.param].sort());
  const simple = kunit.find((i) => i.signature === SIG.simple)!;
  assert.deepEqual([simple.severity, simple.file, simple.line, simple.message, simple.targets, simple.detail], ['error', 'lib/kunit/kunit-example-test.c', 29, 'example.example_simple_test: EXPECTATION FAILED', ['um/kunit'], ['Expected 1 + 1 == 3, but', '1 + 1 == 2']]);
  assert.equal(kunit.find((i) => i.signature === SIG.bug)!.message, 'kbtest.kbtest_bug: crashed: kernel BUG in kbtest_bug');
  assert.equal(r.counts?.kunit, 3);
  assert.equal(r.counts?.errors, 0, 'a failing case is no build error');
  assert.equal(r.targets[1].errors, 0);
  assert.equal(r.result, 'fail', 'a failed case fails the run');
  // Annotated at the failed expectation's file:line, as a compiler's error is.
  const notes = chooseAnnotations(r.issues ?? []);
  assert.ok(notes.some((a) => a.severity === 'error' && a.file === 'lib/kunit/kunit-example-test.c' && a.startLine === 29 && a.message === 'example.example_simple_test: EXPECTATION FAILED'), JSON.stringify(notes));
  // What analyse wrote passes the schema every reader applies.
  assert.deepEqual(checkResults(JSON.parse(JSON.stringify(r)), '/d'), JSON.parse(JSON.stringify(r)));
});

test('analyse: the cases a crash kept from starting are listed (crashed, as kunit.py counts them) but are no issues of their own: the crash is', async () => {
  const notStarted: KunitCase = { suite: 'kbtest', case: 'case 4 of 4', status: 'crashed', reason: neverStartedReason('the kernel panicked in kbtest.kbtest_bug'), runs: { total: 3, passed: 0 } };
  const r = await analysed(kunitBuild([...kunitCases(), notStarted]));
  assert.deepEqual((r.issues ?? []).filter((i) => i.kind === 'kunit').map((i) => i.signature).sort(), [SIG.bug, SIG.simple, SIG.param].sort());
  assert.equal(r.counts?.kunit, 3);
  assert.deepEqual(r.targets[1].kunit?.cases.find((c) => c.case === 'case 4 of 4')?.status, 'crashed');
});

test('the verdict: flaky and skipped cases pass the run; a run that could not be read fails it; one not run (skipped) does not', async () => {
  const quiet = kunitCases().filter((c) => c.status !== 'fail' && c.status !== 'crashed');
  const passing = await analysed(kunitBuild(quiet));
  assert.equal(passing.result, 'pass');
  assert.equal(passing.counts?.kunit, 0);
  assert.deepEqual(passing.issues, []);
  const error = kunitBuild([]);
  error.targets[1].kunit = kunitRun([], { status: 'error', reason: 'run 1 printed no KTAP (exit 1): mmap: Operation not permitted' });
  assert.equal((await analysed(error)).result, 'fail');
  const skipped = kunitBuild([]);
  skipped.targets[1].kunit = kunitRun([], { status: 'skipped', reason: 'no tools/testing/kunit in the tree' });
  assert.equal((await analysed(skipped)).result, 'pass');
  // Results without KUnit keep the counts they had.
  const plain = await analysed({ ...kunitBuild(), targets: [kunitBuild().targets[0]] });
  assert.equal(plain.counts && 'kunit' in plain.counts, false);
});

/** A baseline where `simple` and `bug` failed and `gone` failed, and the build now. */
async function withBaseline(now: KunitCase[]): Promise<BuildResults> {
  const before = kunitCases().filter((c) => c.status !== 'flaky' && !(c.param === 'Exact answer'));
  before.push({ suite: 'demo', case: 'demo_sometimes', status: 'fail', diagnostic: { message: 'EXPECTATION FAILED', file: 'lib/demo.c', line: 42, detail: [] }, runs: { total: 3, passed: 0 } });
  before.push({ suite: 'demo', case: 'demo_fixed', status: 'fail', diagnostic: { message: 'EXPECTATION FAILED', file: 'lib/demo.c', line: 50, detail: [] }, runs: { total: 3, passed: 0 } });
  before.push({ suite: 'demo', case: 'demo_removed', status: 'fail', diagnostic: { message: 'EXPECTATION FAILED', file: 'lib/demo.c', line: 60, detail: [] }, runs: { total: 3, passed: 0 } });
  const baseline = await analysed(kunitBuild(before, { buildId: 'v6.1.191', sha: 'b'.repeat(40) }));
  const current = await analysed(kunitBuild(now));
  return { ...current, regressions: compareWithBaseline(current, baseline, '/logs/stable/v6.1.191/results.json') };
}

const nowCases = (): KunitCase[] => [...kunitCases(), { suite: 'demo', case: 'demo_fixed', status: 'pass', runs: { total: 1, passed: 1 } }];

test('regressions per case: a newly failing case is new; a case failing before is known; one that passes now is fixed; flaky and not run are neither', async () => {
  const r = await withBaseline(nowCases());
  const reg = r.regressions!;
  assert.deepEqual(reg.newIssues, [SIG.param], 'only the parameterised case newly fails; the flaky one is never new');
  // demo_sometimes is flaky now, demo_removed did not run: neither is fixed.
  assert.deepEqual(reg.fixedIssues.map((i) => i.signature), ['kunit|lib/demo.c|demo.demo_fixed']);
  assert.match(changeLines(r).join('\n'), /^>> lib\/math\/rational-test\.c:41: error: rational\.rational_test\[Exact answer\]: EXPECTATION FAILED {2}\[um\/kunit\]$/m);
});

test('summary.md: the tests line in the headline; per target failed (new first, >>), crashed, skipped, flaky, fixed, in that order', async () => {
  const md = renderSummary(await withBaseline(nowCases()));
  assert.match(md, /^\*\*KUnit: 3 passed, 2 failed, 1 crashed, 1 skipped, 1 flaky\*\*$/m);
  assert.match(md, /^### ❌ KUnit on um\/kunit: 3 passed, 2 failed, 1 crashed, 1 skipped, 1 flaky$/m);
  const block = md.slice(md.indexOf('### ❌ KUnit on'));
  const order = ['Failed:', '>> rational.rational_test[Exact answer]: EXPECTATION FAILED at lib/math/rational-test.c:41', '   example.example_simple_test: EXPECTATION FAILED at lib/kunit/kunit-example-test.c:29', '       Expected 1 + 1 == 3, but', 'Crashed:', '   kbtest.kbtest_bug: kernel BUG in kbtest_bug at lib/kbtest.c:31 (the console ended while it ran)', 'Skipped:', '   example.example_skip_test: this test should be skipped', 'Flaky (not counted as failures):', '   demo.demo_sometimes: passed 1 of 2 runs; failed with EXPECTATION FAILED at lib/demo.c:42', 'Fixed since v6.1.191:', '   demo.demo_fixed'];
  let at = 0;
  for (const line of order) {
    const found = block.indexOf(`\n${line}\n`, at);
    assert.ok(found >= at, `${line} after the lines before it:\n${block}`);
    at = found;
  }
  assert.doesNotMatch(block, />> demo\.demo_sometimes/, 'a flaky case is never new');
});

test('email: the tests line with the counts, each run\'s cases in the same order, new ones >>; the subject counts failing cases', async () => {
  const r = await withBaseline(nowCases());
  const email = renderEmail(r);
  assert.match(email, /^KUnit: {4}3 passed, 2 failed, 1 crashed, 1 skipped, 1 flaky$/m);
  assert.match(email, /^um\/kunit: 3 passed, 2 failed, 1 crashed, 1 skipped, 1 flaky \[uml, 3 runs, 4\.2 s\]\n {2}Failed:\n {2}>> rational\.rational_test\[Exact answer\]: EXPECTATION FAILED at lib\/math\/rational-test\.c:41\n/m);
  assert.match(email, /^ {2}Crashed:\n {5}kbtest\.kbtest_bug: kernel BUG in kbtest_bug at lib\/kbtest\.c:31/m);
  assert.match(email, /^ {2}Fixed since v6\.1\.191:\n {5}demo\.demo_fixed$/m);
  assert.match(emailSubject(r), / 3 failing KUnit cases /);
});

test('build page: a tests section with the same order and marks, linked from the headline', async () => {
  const page = renderBuildPage(await withBaseline(nowCases()), () => true);
  assert.match(page, /<p><b>KUnit: 3 passed, 2 failed, 1 crashed, 1 skipped, 1 flaky<\/b> \(<a href="#tests">the cases<\/a>\)<\/p>/);
  const section = page.slice(page.indexOf('<h2 id="tests">'));
  const heads = [...section.matchAll(/<h4>([^<]*)<\/h4>/g)].map((m) => m[1]);
  assert.deepEqual(heads, ['Failed (2)', 'Crashed (1)', 'Skipped (1)', 'Flaky (not counted as failures) (1)', 'Fixed since the baseline']);
  assert.match(section, /<li><code>rational\.rational_test\[Exact answer\]<\/code><span class="mark mark-new">new<\/span>: EXPECTATION FAILED at lib\/math\/rational-test\.c:41<pre>Expected n == param-&gt;exp_num, but<\/pre><\/li>\n<li><code>example\.example_simple_test<\/code>:/);
  assert.equal([...section.matchAll(/mark-new/g)].length, 1);
  assert.match(section, /<li><code>demo\.demo_fixed<\/code><span class="mark mark-fixed">fixed<\/span><\/li>/);
  assert.match(section, /<a href="um\/kunit\/kunit-1\.log">run 1<\/a>/);
});

test('junit.xml: a testcase per case, classname <target>.<suite>; failure, error, skipped as JUnit has them; a flaky case passes with its output', async () => {
  const suites = await readJunit(renderJunit(await analysed(kunitBuild())));
  const um = suites.find((s) => s.name === 'um')!;
  assert.deepEqual([um.tests, um.failures, um.errors, um.skipped], [8, 2, 1, 1]);
  const cases = um.testcase ?? [];
  assert.deepEqual(cases.map((c) => [c.classname, c.name]), [
    ['um/kunit', 'build'],
    ['um/kunit.example', 'example_simple_test'],
    ['um/kunit.example', 'example_pass'],
    ['um/kunit.example', 'example_skip_test'],
    ['um/kunit.kbtest', 'kbtest_bug'],
    ['um/kunit.demo', 'demo_sometimes'],
    ['um/kunit.rational', 'rational_test[Exact answer]'],
    ['um/kunit.rational', 'rational_test[Second]'],
  ]);
  assert.equal(cases[1].failure![0].message, 'EXPECTATION FAILED at lib/kunit/kunit-example-test.c:29');
  assert.equal(cases[1].failure![0].inner, 'Expected 1 + 1 == 3, but\n1 + 1 == 2');
  assert.equal(cases[3].skipped![0].message, 'this test should be skipped');
  assert.equal(cases[4].error![0].type, 'crashed');
  assert.equal(cases[5].failure, undefined);
  assert.match(String(cases[5]['system-out']), /flaky: passed 1 of 2 runs/);
  const none = kunitBuild([]);
  none.targets[1].kunit = kunitRun([], { status: 'error', reason: 'no KTAP' });
  const [, errored] = await readJunit(renderJunit(none));
  assert.deepEqual(errored.testcase!.map((c) => [c.name, c.error?.[0].message]), [['build', undefined], ['kunit', 'no KTAP']]);
});

test('kcidb.json: a test per case, path kunit.<suite>.<case>[.<param>] made path-safe, its status and diagnostic; the case\'s issue points at its test', async () => {
  const r = await analysed(kunitBuild());
  const data = renderKcidb(r, '/logs/stable/v6.1.192', 'kernelbuilder');
  assert.ok(validateKcidb(data), JSON.stringify(validateKcidb.errors, null, 1));
  assert.deepEqual(data.tests.map((t) => [t.path, t.status]), [
    ['kunit.example.example_simple_test', 'FAIL'],
    ['kunit.example.example_pass', 'PASS'],
    ['kunit.example.example_skip_test', 'SKIP'],
    ['kunit.kbtest.kbtest_bug', 'ERROR'],
    ['kunit.demo.demo_sometimes', 'PASS'],
    ['kunit.rational.rational_test.Exact_answer', 'FAIL'],
    ['kunit.rational.rational_test.Second', 'PASS'],
  ]);
  const failed = data.tests[0];
  assert.equal(failed.log_excerpt, 'EXPECTATION FAILED at lib/kunit/kunit-example-test.c:29\nExpected 1 + 1 == 3, but\n1 + 1 == 2');
  assert.equal(failed.log_url, 'file:///logs/stable/v6.1.192/um/kunit/kunit-1.log');
  assert.equal(data.tests[4].comment, 'passed 1 of 2 runs; failed with EXPECTATION FAILED at lib/demo.c:42');
  const issue = data.issues.find((i) => (i.misc as { signature: string }).signature === SIG.simple)!;
  assert.deepEqual(issue.categories, ['test.kunit']);
  assert.deepEqual(data.incidents.filter((x) => x.issue_id === issue.id).map((x) => x.test_id), [failed.id]);
  assert.equal(new Set(data.tests.map((t) => t.id)).size, data.tests.length, 'test ids are unique');
});

test('the runner\'s log: each failing case of a run, through the build-output channel', async () => {
  const log = recordingLog();
  echoFailures(await analysed(kunitBuild()), log);
  assert.deepEqual(log.buildLines, [
    '<<begin>>',
    '==> KUnit on um/kunit: 2 passed, 2 failed, 1 crashed, 1 skipped, 1 flaky',
    '    FAIL example.example_simple_test: EXPECTATION FAILED at lib/kunit/kunit-example-test.c:29',
    '    CRASHED kbtest.kbtest_bug: kernel BUG in kbtest_bug at lib/kbtest.c:31 (the console ended while it ran)',
    '    FAIL rational.rational_test[Exact answer]: EXPECTATION FAILED at lib/math/rational-test.c:41',
    '<<end>>',
  ]);
});
