import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/entry/cli.ts';
import { type SeriesResult } from '../../src/series/types.ts';
import { commitSeries, kernelRepo } from '../support/kernel-repo.ts';
import { SERIES_BRANCH, SERIES_COMMITS } from '../support/series-commits.ts';
import { tempDir } from '../support/temp-dir.ts';
import { openBrowser, openPage } from '../support/chromium.ts';

// The series of eight commits (test/support/series-commits.ts) on the real 6.1 tree,
// checked on two arches in one run, each commit built on the one before: one adds a warning
// only x86 compiles, one breaks the build and the next fixes it, one adds a line checkpatch
// calls an error, the rest are harmless. The configs are the boot tests': the compiler
// cache holds the base.
const source = kernelRepo();
const arches = 'x86 riscv';
const config = 'tinyconfig+kb-boot.config';
const paths = { driverDir: fileURLToPath(new URL('../../src/driver/', import.meta.url)), imagesDir: fileURLToPath(new URL('../../images/', import.meta.url)) };
const series = SERIES_COMMITS;
const shas = commitSeries(source, SERIES_BRANCH, series);
const base = execFileSync('git', ['-C', source, 'rev-parse', 'refs/remotes/stable/HEAD'], { encoding: 'utf8' }).trim();

/** The first test's series, which the patches' are compared with. */
let ofTheRange: SeriesResult | undefined;

async function cli(...args: string[]) {
  let err = '';
  let out = '';
  const code = await runCli(['series', '--source', source, ...args], paths, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, err, out };
}

test('a series of eight commits on x86 and riscv: the one-arch warning, the break and its fix, the checkpatch error each named at its commit, nothing at the others', async () => {
  const logs = tempDir('series');
  const { code, err } = await cli('--range', `stable/linux-6.1.y..${shas[7]}`, '--arches', arches, '--configs', config, '--logs', logs);
  assert.equal(code, 1, err);
  const path = /results in (\S+series\.json)/.exec(err)?.[1];
  assert.ok(path && existsSync(path), err);
  const r = JSON.parse(readFileSync(path, 'utf8')) as SeriesResult;
  ofTheRange = r;
  const x86 = `x86/${config}`;
  const riscv = `riscv/${config}`;
  assert.equal(r.base.sha, base);
  assert.deepEqual(r.base.targets, [{ target: x86, build: 'pass' }, { target: riscv, build: 'pass' }]);
  assert.deepEqual(r.steps.map((s) => s.sha), shas);
  const at = (k: number, target: string) => r.steps[k - 1].targets.find((t) => t.target === target)!;
  // 2: the warning, on x86 only, at its file and line.
  assert.deepEqual(at(2, x86).added.map((d) => [d.severity, d.file, d.message]), [['warning', 'arch/x86/kernel/setup.c', "'kernelbuilder_series_unused' defined but not used"]]);
  assert.ok(at(2, x86).added[0].line! > 1000);
  assert.deepEqual(at(2, riscv).added, []);
  // 4 breaks both, 5 fixes both: said in so many words, and the error is 4's, gone at 5.
  for (const t of [x86, riscv]) {
    assert.equal(at(4, t).build, 'fail');
    assert.match(at(4, t).added.map((d) => d.message).join('\n'), /'kernelbuilder_undeclared' undeclared/);
    assert.equal(at(5, t).build, 'pass');
    assert.deepEqual(at(5, t).added, []);
    assert.match(at(5, t).removed.map((d) => d.message).join('\n'), /'kernelbuilder_undeclared' undeclared/);
  }
  assert.deepEqual(r.breaks, [{ target: x86, at: 4, fixedAt: 5 }, { target: riscv, at: 4, fixedAt: 5 }]);
  assert.ok(r.failures.some((f) => f.startsWith(`${x86}: breaks the build at 4/8 ${shas[3].slice(0, 12)} "init: break the build", fixed at 5/8 ${shas[4].slice(0, 12)}`)), r.failures.join('\n'));
  // 6: checkpatch's error, at its place; no compiler finding.
  assert.equal(r.steps[5].checkpatch?.errors, 1, JSON.stringify(r.steps[5].checkpatch));
  assert.deepEqual(r.steps[5].checkpatch?.findings.map((f) => [f.type, f.file]), [['ERROR', 'lib/string.c']]);
  assert.match(r.steps[5].checkpatch!.findings[0].message, /trailing whitespace/);
  // Nothing at the others: built, nothing added or removed, checkpatch clean.
  for (const k of [1, 3, 6, 7, 8]) for (const t of [x86, riscv]) assert.deepEqual([at(k, t).build, at(k, t).added, at(k, t).removed], ['pass', [], []], `${k} ${t}`);
  for (const k of [1, 2, 3, 4, 5, 7, 8]) assert.deepEqual([r.steps[k - 1].checkpatch?.errors, r.steps[k - 1].checkpatch?.warnings], [0, 0], `${k}: ${JSON.stringify(r.steps[k - 1].checkpatch)}`);
  // Each commit after the base is a small rebuild: the log says so.
  assert.match(err, /\[4\/8\] [0-9a-f]{12} "init: break the build": x86\/tinyconfig\+kb-boot\.config FAIL \+\d+ -0/);
  const summary = readFileSync(path.replace(/series\.json$/, 'summary.md'), 'utf8');
  assert.match(summary, /breaks the build at 4\/8/);
  // The series' page in a real browser: no error, the verdict, a row per commit, the broken cells linked to their logs.
  const context = await openBrowser();
  try {
    const { page, errors } = await openPage(context, path.replace(/series\.json$/, 'index.html'));
    assert.equal(await page.textContent('#result'), 'fail');
    assert.equal(await page.locator('#commits tr[id^="commit-"]').count(), 8);
    const broken = page.locator(`#commit-4 td[data-target="${x86}"]`);
    assert.equal(await broken.getAttribute('class'), 'cell-fail');
    const log = await broken.locator('a').getAttribute('href');
    assert.ok(log && existsSync(join(path.replace(/series\.json$/, ''), decodeURIComponent(log))), `${log} is a file of the series' folder`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  const email = readFileSync(path.replace(/series\.json$/, 'email.txt'), 'utf8');
  assert.match(email, /\[2\/8\] [0-9a-f]{12} \("x86: a new warning"\)\n  x86\/tinyconfig\+kb-boot\.config:\n    >> arch\/x86\/kernel\/setup\.c:\d+: warning: 'kernelbuilder_series_unused' defined but not used/);
});

/** What a series said of each commit, by position: builds, what each added and removed (messages), checkpatch's counts. */
const perCommit = (r: SeriesResult, target: string) =>
  r.steps.map((s) => {
    const t = s.targets.find((x) => x.target === target)!;
    return [s.k, s.subject, t.build, t.added.map((d) => d.message), t.removed.map((d) => d.message), s.checkpatch?.errors, s.checkpatch?.warnings];
  });

function seriesJson(err: string): SeriesResult {
  const path = /results in (\S+series\.json)/.exec(err)?.[1];
  assert.ok(path && existsSync(path), err);
  return JSON.parse(readFileSync(path, 'utf8')) as SeriesResult;
}

test('the same series as patches (an mbox of git format-patch) gives the same report; an mbox with a patch that does not apply stops the series there with git am\'s reason', async () => {
  const logs = tempDir('series-patches');
  const x86 = `x86/${config}`;
  // The range's run is the first test's, on x86 and riscv; the patches are checked on x86.
  const fromRange = ofTheRange!;
  assert.ok(fromRange, 'the first test ran');
  const mbox = join(logs, 'series.mbox');
  writeFileSync(mbox, execFileSync('git', ['-C', source, 'format-patch', '--stdout', `${base}..${shas[7]}`], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 }));
  const patched = await cli('--patches', mbox, '--ref', 'stable/linux-6.1.y', '--arches', 'x86', '--configs', config, '--logs', logs);
  assert.equal(patched.code, 1, patched.err);
  const fromPatches = seriesJson(patched.err);
  assert.equal(fromPatches.n, 8);
  assert.deepEqual(perCommit(fromPatches, x86), perCommit(fromRange, x86));
  assert.deepEqual(fromPatches.breaks, [{ target: x86, at: 4, fixedAt: 5 }]);
  // git am made new commits in the container's clone: none of them is in the source.
  assert.ok(fromPatches.steps.every((s, i) => s.sha !== shas[i]));

  // One mbox of patches 1, 2, 3 and 5 (the fix of a break that is not there): the fourth does not apply; the three before it are built.
  const formatPatch = (range: string) => execFileSync('git', ['-C', source, 'format-patch', '--stdout', range], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const stopping = join(logs, 'stopping.mbox');
  writeFileSync(stopping, formatPatch(`${base}..${shas[2]}`) + formatPatch(`${shas[3]}..${shas[4]}`));
  const stopped = await cli('--patches', stopping, '--ref', 'stable/linux-6.1.y', '--arches', 'x86', '--configs', config, '--logs', logs);
  assert.equal(stopped.code, 1, stopped.err);
  const r = seriesJson(stopped.err);
  assert.equal(r.n, 4);
  assert.deepEqual(r.steps.map((s) => s.subject), series.slice(0, 3).map((c) => c.subject.split('\n')[0]));
  assert.equal(r.patches?.notApplied?.k, 4);
  assert.equal(r.patches?.notApplied?.subject, 'init: fix the build');
  assert.match(r.patches!.notApplied!.reason, /patch does not apply|Patch failed at 0004/);
  assert.match(r.failures[0], /^patch 4\/4 "init: fix the build" does not apply to stable\/linux-6\.1\.y: /);
  assert.match(stopped.err, /does not apply to stable\/linux-6\.1\.y .*the patches from it on are not built/);
});

test('bad series inputs are refused before any container starts, naming the input', async () => {
  const logs = tempDir('series-bad');
  const inputs = tempDir('series-bad-inputs');
  const notPatch = join(inputs, 'notes.txt');
  writeFileSync(notPatch, 'just some notes\n');
  const noDiff = join(inputs, 'no-diff.mbox');
  writeFileSync(noDiff, 'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\nFrom: a <a@b>\nSubject: [PATCH] words only\n\nno diff here\n');
  const cases: [string[], RegExp][] = [
    [['--range', `${shas[3]}..${shas[3]}`], /input 'range'.*empty/],
    [['--range', `${shas[7]}..stable/linux-6.1.y`], /input 'range'.*base must be an ancestor/],
    [['--range', `stable/linux-6.1.y..${shas[7]}`, '--commits-limit', '5'], /input 'range'.*more than 5 commits/],
    [['--range', 'stable/linux-6.1.y'], /input 'range'.*BASE\.\.HEAD/],
    [['--range', `stable/linux-6.1.y..${shas[7]}`, '--commits-limit', '0'], /input 'commits-limit'/],
    [['--range', `stable/linux-6.1.y..${shas[7]}`, '--checkpatch', 'loud'], /input 'checkpatch'/],
    [['--range', `stable/linux-6.1.y..${shas[7]}`, '--fail-on', 'warnings'], /input 'fail-on'/],
    [['--patches', notPatch, '--ref', 'stable/linux-6.1.y'], /input 'patches'.*mail 1 has no Subject header/],
    [['--patches', noDiff, '--ref', 'stable/linux-6.1.y'], /input 'patches'.*has no diff/],
    [['--patches', '/dev/zero', '--ref', 'stable/linux-6.1.y'], /input 'patches'/],
    [['--patches', '/nonexistent/x.mbox', '--ref', 'stable/linux-6.1.y'], /input 'patches'.*does not exist/],
    [['--patches', noDiff], /input 'ref'.*patches are applied on a ref/],
    [['--patches', noDiff, '--range', `stable/linux-6.1.y..${shas[7]}`], /input 'range'.*exactly one of range/],
  ];
  for (const [args, error] of cases) {
    const { code, err } = await cli(...args, '--arches', 'x86', '--configs', 'tinyconfig', '--logs', logs);
    assert.equal(code, 2, `${args.join(' ')}: ${err}`);
    assert.match(err, error, args.join(' '));
  }
  assert.deepEqual(execFileSync('find', [logs, '-mindepth', '1'], { encoding: 'utf8' }), '', 'nothing written');
});
