import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCheckpatch, CHECKPATCH_FINDINGS_KEPT } from '../../src/series/checkpatch.ts';
import { commitChanges } from '../../src/series/changes.ts';
import { breakLine, seriesFailures } from '../../src/series/verdict.ts';
import { stepLine } from '../../src/series/report.ts';
import { readPatches } from '../../src/series/patches.ts';
import { parseAmOutput } from '../../src/series/am-output.ts';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/temp-dir.ts';
import { harmless, toySeries } from '../support/toy-series.ts';
import { pushBase, readPushEvent } from '../../src/series/push-range.ts';
import { gitIn } from '../../src/ref/git.ts';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { patchsetHash, renderSeriesKcidb } from '../../src/series/kcidb.ts';
import { validateKcidb } from '../support/kcidb-check.ts';
import { type FoundDiagnostic } from '../../src/bisect/types.ts';
import { type SeriesResult, type SeriesStep } from '../../src/series/types.ts';
import { renderSeriesJunit } from '../../src/series/junit.ts';
import { renderSeriesPage } from '../../src/series/html-page.ts';
import { readJunit } from '../support/junit-check.ts';
import { SERIES_STEP, simulateSeries, sourcesOf } from '../../src/simulate/series-simulation.ts';
import { simulate } from '../../src/simulate/jobserver.ts';
import { targetCosts } from '../../src/plan/costs.ts';

// What the tree's checkpatch.pl printed on a real commit of the series test (--terse --showfile), and bisect.sh's exit line.
const REAL = [
  ':969: WARNING: A patch subject line should describe the change not the tool that found it',
  'lib/string.c:973: ERROR: trailing whitespace',
  'total: 1 errors, 1 warnings, 4 lines checked',
  'kernelbuilder: checkpatch exit 1',
].join('\n');

test('checkpatch: findings typed with their place (none for the commit message), its own counts', () => {
  assert.deepEqual(parseCheckpatch(REAL), {
    errors: 1,
    warnings: 1,
    checks: 0,
    findings: [
      { type: 'WARNING', message: 'A patch subject line should describe the change not the tool that found it' },
      { type: 'ERROR', file: 'lib/string.c', line: 973, message: 'trailing whitespace' },
    ],
  });
  assert.deepEqual(parseCheckpatch('init/main.c:12: CHECK: Alignment should match open parenthesis\ntotal: 0 errors, 0 warnings, 1 checks, 9 lines checked\nkernelbuilder: checkpatch exit 0').checks, 1);
});

test('checkpatch: a clean commit prints nothing and exits 0; anything else without a total is a problem, never clean', () => {
  assert.deepEqual(parseCheckpatch('kernelbuilder: checkpatch exit 0\n'), { errors: 0, warnings: 0, checks: 0, findings: [] });
  const missing = parseCheckpatch("Can't open perl script \"scripts/checkpatch.pl\": No such file or directory\nkernelbuilder: checkpatch exit 2\n");
  assert.match(missing.problem!, /could not check the commit \(exit 2\): Can't open perl script/);
  assert.match(parseCheckpatch('').problem!, /exit unknown\), no output/);
});

test('checkpatch: findings kept are bounded, the counts are all of them', () => {
  const lines = Array.from({ length: CHECKPATCH_FINDINGS_KEPT + 7 }, (_, i) => `a.c:${i + 1}: WARNING: ${'x'.repeat(2000)}`);
  const r = parseCheckpatch([...lines, `total: 0 errors, ${lines.length} warnings, 0 checks, 99 lines checked`, 'kernelbuilder: checkpatch exit 1'].join('\n'));
  assert.equal(r.findings.length, CHECKPATCH_FINDINGS_KEPT);
  assert.equal(r.more, 7);
  assert.equal(r.warnings, CHECKPATCH_FINDINGS_KEPT + 7);
  assert.ok(r.findings.every((f) => f.message.length <= 500));
});

const d = (signature: string, severity: 'error' | 'warning', file: string, line = 1): FoundDiagnostic => ({ signature, kind: 'compiler', severity, message: signature, file, line });

test('commit changes: new by signature (a line shift is not new); gone only where the commit recompiled it; errors always settle', () => {
  const known = new Map([
    ['w-a', d('w-a', 'warning', 'a.c', 10)],
    ['w-h', d('w-h', 'warning', 'include/h.h')],
    ['e-b', d('e-b', 'error', 'b.c')],
  ]);
  // a.c touched: its warning printed again 3 lines lower (same), a new one; h.h's warning not printed, h.h untouched: kept; b.c's error gone.
  const r = commitChanges(known, [d('w-a', 'warning', 'a.c', 13), d('w-new', 'warning', 'a.c', 20)], new Set(['a.c']));
  assert.deepEqual(r.added.map((x) => x.signature), ['w-new']);
  assert.deepEqual(r.removed.map((x) => x.signature), ['e-b']);
  assert.deepEqual([...r.known.keys()].sort(), ['w-a', 'w-h', 'w-new']);
  assert.equal(r.known.get('w-a')!.line, 13, 'the latest place');
  // The commit that touches h.h and no longer prints its warning removes it.
  assert.deepEqual(commitChanges(r.known, [], new Set(['include/h.h'])).removed.map((x) => x.signature), ['w-h']);
});

const step = (k: number, targets: SeriesStep['targets'], checkpatchErrors = 0): SeriesStep => ({ k, sha: `${k}`.repeat(40), subject: `commit ${k}`, targets, checkpatch: { errors: checkpatchErrors, warnings: 0, checks: 0, findings: [] }, seconds: 1 });

test('series verdict: breaks in so many words, errors added; new warnings and checkpatch only when fail-on asks', () => {
  const steps = [
    step(1, [{ target: 'x86/tinyconfig', build: 'pass', added: [d('w', 'warning', 'a.c')], removed: [] }], 1),
    step(2, [{ target: 'x86/tinyconfig', build: 'fail', added: [d('e', 'error', 'b.c', 7)], removed: [] }]),
    step(3, [{ target: 'x86/tinyconfig', build: 'pass', added: [], removed: [d('e', 'error', 'b.c', 7)] }]),
  ];
  const breaks = [{ target: 'x86/tinyconfig', at: 2, fixedAt: 3 }];
  assert.equal(breakLine(breaks[0], steps, 3), `x86/tinyconfig: breaks the build at 2/3 ${'2'.repeat(12)} "commit 2", fixed at 3/3 ${'3'.repeat(12)} "commit 3"`);
  assert.deepEqual(seriesFailures({ n: 3, steps, breaks, failOn: [] }), [breakLine(breaks[0], steps, 3), `2/3 ${'2'.repeat(12)} "commit 2" adds an error on x86/tinyconfig: b.c:7: error: e`]);
  const strict = seriesFailures({ n: 3, steps, breaks: [], failOn: ['new-warnings', 'checkpatch'] });
  assert.deepEqual(strict.filter((f) => f.includes('fail-on')), [`1/3 ${'1'.repeat(12)} "commit 1" adds 1 warning on x86/tinyconfig (fail-on new-warnings)`, `1/3 ${'1'.repeat(12)} "commit 1" has 1 checkpatch error (fail-on checkpatch)`]);
  // On a base that did not build, a failing commit is no break, and still fails the series; a base failing fails nothing.
  assert.deepEqual(seriesFailures({ n: 3, steps: steps.slice(1, 2), breaks: [], failOn: [] }), [`2/3 ${'2'.repeat(12)} "commit 2" does not build on x86/tinyconfig`, `2/3 ${'2'.repeat(12)} "commit 2" adds an error on x86/tinyconfig: b.c:7: error: e`]);
  assert.deepEqual(seriesFailures({ n: 3, steps: steps.slice(2), breaks: [], failOn: [] }), []);
  assert.match(stepLine(steps[1], 3), /^\[2\/3\] 2{12} "commit 2": x86\/tinyconfig FAIL \+1 -0; checkpatch 0 errors, 0 warnings, 0 checks \(1s\)$/);
});

test('patches: an mbox of git format-patch mails, a folder of *.patch files in name order; subjects without [PATCH k/n]', () => {
  const dir = tempDir('patches');
  const mail = (k: number, subject: string) =>
    `From ${String(k).repeat(40)} Mon Sep 17 00:00:00 2001\nFrom: A U Thor <a@example.org>\nDate: Thu, 1 Jan 2026 00:00:00 +0000\nSubject: [PATCH ${k}/2] ${subject}\n\nWhy.\n\nSigned-off-by: A U Thor <a@example.org>\n---\n a.c | 1 +\n\ndiff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1 +1,2 @@\n x\n+y\n-- \n2.39.5\n\n`;
  writeFileSync(join(dir, 'series.mbox'), mail(1, 'first') + mail(2, 'a long subject\n folded on two lines'));
  const mbox = readPatches(join(dir, 'series.mbox'), 50);
  assert.deepEqual(
    mbox.patches.map(({ sha256: _, ...p }) => p),
    [
      { k: 1, subject: 'first', author: 'A U Thor <a@example.org>', files: ['a.c'] },
      { k: 2, subject: 'a long subject folded on two lines', author: 'A U Thor <a@example.org>', files: ['a.c'] },
    ],
  );
  // Each patch's hash is its mail's, as KCIDB's patchset hash takes it.
  assert.equal(mbox.patches[0].sha256, createHash('sha256').update(mail(1, 'first')).digest('hex'));
  assert.equal(mbox.mbox, mail(1, 'first') + mail(2, 'a long subject\n folded on two lines'));
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  writeFileSync(join(folder, '0002-b.patch'), mail(2, 'second'));
  writeFileSync(join(folder, '0001-a.patch'), mail(1, 'first'));
  writeFileSync(join(folder, 'cover.txt'), 'not a patch');
  assert.deepEqual(readPatches(folder, 50).patches.map((p) => p.subject), ['first', 'second']);
  // A subject's controls are shown, never obeyed, wherever it goes.
  writeFileSync(join(dir, 'esc.mbox'), mail(1, 'evil\x1b]8;;x\x07'));
  assert.equal(readPatches(join(dir, 'esc.mbox'), 50).patches[0].subject, 'evil\\x1b]8;;x\\x07');
  assert.throws(() => readPatches(join(dir, 'series.mbox'), 1), /input 'patches'.*2 patches, more than commits-limit \(1\)/);
  writeFileSync(join(dir, 'empty'), '');
  assert.throws(() => readPatches(join(dir, 'empty'), 50), /input 'patches'.*holds no mail/);
  const empty = join(dir, 'no-patches');
  mkdirSync(empty);
  assert.throws(() => readPatches(empty, 50), /input 'patches'.*no \*\.patch file/);
  symlinkSync('/etc/passwd', join(folder, '0003-link.patch'));
  assert.throws(() => readPatches(folder, 50), /input 'patches'.*0003-link\.patch/);
});

test("git am's output: each applied commit with its files, the reason it stopped without git am's advice; bounded by the patches' count", () => {
  const a = 'a'.repeat(40);
  const b = 'b'.repeat(40);
  const text = [
    'kernelbuilder: am: Applying: kernel/exit.c: a harmless change 1',
    'kernelbuilder: am: error: patch failed: init/main.c:1623',
    'kernelbuilder: am: error: init/main.c: patch does not apply',
    'kernelbuilder: am: Patch failed at 0002 init: fix the build',
    'kernelbuilder: am: hint: Use \'git am --show-current-patch=diff\' to see the failed patch',
    'kernelbuilder: am: When you have resolved this problem, run "git am --continue".',
    `kernelbuilder: applied ${a}`,
    'kernelbuilder: file kernel/exit.c',
    `kernelbuilder: applied ${b}`,
    'something else the tree printed',
  ].join('\n');
  assert.deepEqual(parseAmOutput(text, 5), {
    applied: [{ sha: a, files: ['kernel/exit.c'] }, { sha: b, files: [] }],
    failure: 'error: patch failed: init/main.c:1623 | error: init/main.c: patch does not apply | Patch failed at 0002 init: fix the build',
  });
  assert.equal(parseAmOutput(text, 1).applied.length, 1);
  assert.deepEqual(parseAmOutput(`kernelbuilder: applied ${a}\n`, 1), { applied: [{ sha: a, files: [] }] });
});

test("a push's base: commits-base, else its before when an ancestor, else where it left origin's default branch, else a clear error", async () => {
  const { source, shas } = toySeries([harmless(1), harmless(2), harmless(3)]);
  const git = gitIn(source);
  const head = shas[2];
  assert.deepEqual(await pushBase({ commitsBase: '', event: { before: shas[0], forced: false, defaultBranch: 'master' }, git, head }), { base: shas[0], why: `the push's before, ${shas[0].slice(0, 12)}` });
  const tag = (await git.run(['rev-parse', 'v6.1^{commit}'])).trim();
  assert.deepEqual(await pushBase({ commitsBase: 'v6.1', event: { before: shas[0] }, git, head }), { base: tag, why: 'commits-base v6.1' });
  // A new branch, a forced push: the commits not in origin/<default branch>.
  execFileSync('git', ['-C', source, 'update-ref', 'refs/remotes/origin/master', shas[0]]);
  assert.deepEqual(await pushBase({ commitsBase: '', event: { before: '0'.repeat(40), defaultBranch: 'master' }, git, head }), { base: shas[0], why: `a new branch: the commits not in origin/master (from ${shas[0].slice(0, 12)})` });
  assert.match((await pushBase({ commitsBase: '', event: { before: shas[1], forced: true, defaultBranch: 'master' }, git, head })).why, /^a forced push: the commits not in origin\/master/);
  await assert.rejects(pushBase({ commitsBase: '', event: { before: '0'.repeat(40) }, git, head }), /input 'commits-base'.*a new branch, and the event names no default branch; give commits-base/);
  await assert.rejects(pushBase({ commitsBase: '../x', event: {}, git, head }), /input 'commits-base'/);
  // The payload's fields checked by type; anything else is none of them.
  const dir = tempDir('event');
  writeFileSync(join(dir, 'push.json'), JSON.stringify({ before: shas[0], forced: 'yes', repository: { default_branch: 7 } }));
  assert.deepEqual(readPushEvent(join(dir, 'push.json')), { before: shas[0] });
  writeFileSync(join(dir, 'bad.json'), '{ not json');
  assert.deepEqual(readPushEvent(join(dir, 'bad.json')), {});
  assert.deepEqual(readPushEvent(undefined), {});
});

/** A series of two commits on x86: one adds a warning (its subject hostile), one breaks the build and has a checkpatch error. */
function twoCommitSeries(): SeriesResult {
  const steps = [
    { ...step(1, [{ target: 'x86/tinyconfig', build: 'pass', added: [d('w', 'warning', 'a.c', 3)], removed: [] }]), subject: 'evil <b>\x1b[31m' },
    step(2, [{ target: 'x86/tinyconfig', build: 'fail', added: [d('e', 'error', 'b.c', 7)], removed: [] }], 1),
  ];
  steps[1].checkpatch!.findings.push({ type: 'ERROR', file: 'b.c', line: 7, message: 'trailing whitespace' });
  return {
    schema: 1,
    tree: 'linux',
    source: '/src',
    range: 'v6.0..v6.1',
    base: { ref: 'v6.0', sha: 'f'.repeat(40), targets: [{ target: 'x86/tinyconfig', build: 'pass' }], seconds: 30 },
    head: { ref: 'v6.1', sha: '2'.repeat(40) },
    n: 2,
    targets: ['x86/tinyconfig'],
    image: { name: 'kernelbuilder/gcc-12', id: 'sha256:1' },
    steps,
    breaks: [{ target: 'x86/tinyconfig', at: 2 }],
    result: 'fail',
    failures: [],
    startedAt: '2026-12-05T18:00:00.000Z',
    finishedAt: '2026-12-05T18:01:00.000Z',
    durationSeconds: 60,
  };
}

test('junit.xml of a series, read by junit2json: a testsuite per target and one for checkpatch, a testcase per commit; a break a failure with its error; fail-on turns warnings and checkpatch errors into failures', async () => {
  const r = twoCommitSeries();
  const suites = await readJunit(renderSeriesJunit(r, []));
  assert.deepEqual(suites.map((s) => [s.name, s.tests, s.failures]), [['x86/tinyconfig', 2, 1], ['checkpatch', 2, 0]]);
  const [one, two] = suites[0].testcase!;
  assert.equal(one.name, `1/2 ${'1'.repeat(12)} evil <b>\uFFFD[31m`);
  assert.equal(one.failure, undefined);
  assert.equal(two.failure![0].message, 'b.c:7: error: e');
  assert.match(String(suites[1].testcase![1]['system-out']), /ERROR b\.c:7: trailing whitespace/);
  const strict = await readJunit(renderSeriesJunit(r, ['new-warnings', 'checkpatch']));
  assert.deepEqual(strict.map((s) => s.failures), [2, 1]);
});

test('the series simulated: the base, then each commit a step of all targets on one jobserver, a step after another', () => {
  const targets = [{ arch: 'x86', config: 'tinyconfig' }, { arch: 'riscv', config: 'tinyconfig' }];
  const costs = targetCosts(targets);
  const machine = { cores: 2, jobs: 4 };
  const one = simulateSeries({ targets: targets.slice(0, 1), costs, commits: [{ sources: 1 }, { sources: 30 }], machine });
  assert.equal(one.wallSeconds, one.baseSeconds + one.commitSeconds[0] + one.commitSeconds[1]);
  assert.equal(one.baseSeconds, simulate([{ name: 'x86/tinyconfig', cost: costs.get('x86/tinyconfig')! }], machine).wallSeconds);
  // One source: the step's serial work and its fixed cost; thirty: their CPU besides, two at a time.
  assert.ok(Math.abs(one.commitSeconds[0] - (SERIES_STEP.serialSeconds + SERIES_STEP.fixedSeconds)) < 1, String(one.commitSeconds[0]));
  assert.ok(one.commitSeconds[1] > one.commitSeconds[0] + 5, String(one.commitSeconds[1]));
  // Two targets share the cores: a step of both is longer than of one, shorter than two of them.
  const two = simulateSeries({ targets, costs, commits: [{ sources: 30 }], machine });
  assert.ok(two.commitSeconds[0] > one.commitSeconds[1] && two.commitSeconds[0] < 2 * one.commitSeconds[1], `${two.commitSeconds[0]} against ${one.commitSeconds[1]}`);
  assert.deepEqual([sourcesOf(['init/main.c', 'include/linux/x.h', 'arch/x86/entry/entry_64.S', 'Documentation/a.rst', 'Makefile'])], [3]);
});

test('kcidb.json of a series is valid KCIDB I/O 5.3: a checkout per commit (patches: the base and the patchset hash so far), a build per commit and target, an issue and incident per finding a commit added', () => {
  const r = twoCommitSeries();
  const data = renderSeriesKcidb(r, '/srv/logs/linux/series-x', 'kb');
  assert.ok(validateKcidb(data), JSON.stringify(validateKcidb.errors));
  assert.deepEqual(data.checkouts.map((c) => c.git_commit_hash), ['1'.repeat(40), '2'.repeat(40)]);
  assert.deepEqual(data.builds.map((b) => [b.architecture, b.config_name, b.status, b.log_url]), [
    ['x86', 'tinyconfig', 'PASS', 'file:///srv/logs/linux/series-x/commits/1/x86/tinyconfig.log'],
    ['x86', 'tinyconfig', 'FAIL', 'file:///srv/logs/linux/series-x/commits/2/x86/tinyconfig.log'],
  ]);
  assert.deepEqual(data.incidents.map((i) => i.build_id), [`kb:linux:${'1'.repeat(40)}:x86/tinyconfig`, `kb:linux:${'2'.repeat(40)}:x86/tinyconfig`]);
  assert.equal(data.issues.length, 2);
  const patches = renderSeriesKcidb({ ...r, patches: { path: 'v2.mbox', sha256: ['a'.repeat(64), 'b'.repeat(64)] } }, '/srv/logs/linux/series-x', 'kb');
  assert.ok(validateKcidb(patches), JSON.stringify(validateKcidb.errors));
  assert.deepEqual(patches.checkouts.map((c) => [c.git_commit_hash, c.patchset_hash]), [
    ['f'.repeat(40), patchsetHash(['a'.repeat(64)])],
    ['f'.repeat(40), patchsetHash(['a'.repeat(64), 'b'.repeat(64)])],
  ]);
  assert.equal(patchsetHash(['a'.repeat(64)]), createHash('sha256').update(`${'a'.repeat(64)}\n`).digest('hex'));
});

test("a series' page: the verdict, a row per commit, a cell per target linked to its log, what each commit did; the tree's text escaped", () => {
  const page = renderSeriesPage(twoCommitSeries());
  assert.match(page, /<span class="result cell-fail" id="result">fail<\/span>/);
  assert.match(page, /<tr id="commit-2">.*<td class="cell-fail" data-target="x86\/tinyconfig"><a href="commits\/2\/x86\/tinyconfig\.log">fail<\/a> \+1 -0<\/td><td>1 errors, 0 warnings, 0 checks<\/td><\/tr>/);
  assert.match(page, /<span class="mark mark-new">new<\/span> <code>b\.c:7: error: e<\/code>/);
  assert.match(page, /<code>ERROR b\.c:7: trailing whitespace<\/code>/);
  // The hostile subject: its markup as text, its escape sequence shown as U+FFFD.
  assert.ok(page.includes('evil &lt;b&gt;\uFFFD[31m'));
  assert.ok(!page.includes('<b>\x1b'));
});
