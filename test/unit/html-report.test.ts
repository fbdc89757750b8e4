import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { html, href } from '../../src/report/html/escape.ts';
import { renderBuildPage } from '../../src/report/html/build-page.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { renderHistoryPage } from '../../src/report/html/history.ts';
import { readTreeBuilds } from '../../src/report/html/tree-builds.ts';
import { PAGE_LIMITS } from '../../src/report/html/limits.ts';
import { reportDirs, writeReports } from '../../src/report/write-reports.ts';
import { type Issue } from '../../src/types/diagnostics.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { sampleResults, worstSweep, writeBuildDir } from '../support/results-fixture.ts';
import { kunitRun } from '../support/kunit-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';

const HOSTILE = ['<script>alert(1)</script>', `"'><img src=x onerror=alert(1)>`, '</textarea></pre></svg><b>', 'a\u0000b\u001b[31mc\u007fd\u0085e\ud800f', '&amp; &lt;'];

/** Back from entities to text, as a browser reads an attribute or element text. */
function unescape(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
}

test('html: hostile text becomes inert text, unprintable characters U+FFFD, and reads back as it was', () => {
  for (const s of HOSTILE) {
    const out = html(s);
    assert.doesNotMatch(out, /[<>"'\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, JSON.stringify(out));
    assert.equal(unescape(out), s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udfff]/g, '\ufffd'));
  }
  assert.equal(html('tab\tand\nnewline'), 'tab\tand\nnewline');
  assert.equal(html('😀 kept whole'), '😀 kept whole');
  assert.equal(html(undefined), '');
});

test('href: each part percent-encoded; a path that leaves the folder is refused', () => {
  assert.equal(href('x86/defconfig+kvm_guest.config.log'), 'x86/defconfig%2Bkvm_guest.config.log');
  assert.equal(href(`v6.1#"x'/index.html`), 'v6.1%23%22x\'/index.html'.replace("'", '&#39;'));
  for (const bad of ['../etc/passwd', 'a/../../b', '/abs', 'a//b', './a']) assert.throws(() => href(bad), /not a relative path inside the logs folder/);
});

function issue(over: Partial<Issue>): Issue {
  return { kind: 'compiler', severity: 'warning', file: 'kernel/a.c', line: 1, message: 'unused variable', flag: '-Wunused-variable', context: [], signature: 'sig', count: 1, targets: [], noise: false, ...over };
}

/** A build of `arches` × `configs`, every other target failing, with hostile text wherever results carry text. */
function hostileBuild(): BuildResults {
  const names = ['x86/tinyconfig', 'x86/defconfig', 'arm64/tinyconfig'];
  const r = sampleResults(names, { tree: HOSTILE[0], buildId: HOSTILE[1], kernelVersion: HOSTILE[2], result: 'fail' });
  r.image.toolchain = HOSTILE[3];
  r.targets[1] = { ...r.targets[1], status: 'fail', stage: 'build', exitCode: 2, excerpt: { source: 'errors', lines: HOSTILE } };
  r.issues = HOSTILE.map((m, i) => issue({ message: m, file: HOSTILE[(i + 1) % HOSTILE.length], flag: HOSTILE[(i + 2) % HOSTILE.length], signature: `s${i}`, targets: [HOSTILE[i]], severity: i === 0 ? 'error' : 'warning' }));
  r.counts = { errors: 1, warnings: 4, noise: 0, sectionMismatches: 0, syscalls: 0 };
  // KUnit names, expectations, splats and reasons are the console's.
  r.targets[2] = {
    ...r.targets[2],
    kunit: kunitRun([
      { suite: HOSTILE[0], case: HOSTILE[1], param: HOSTILE[2], status: 'fail', diagnostic: { message: HOSTILE[3], file: HOSTILE[4], line: 1, detail: HOSTILE }, runs: { total: 1, passed: 0 } },
      { suite: HOSTILE[2], case: HOSTILE[0], status: 'crashed', reason: HOSTILE[1], runs: { total: 1, passed: 0 } },
      { suite: HOSTILE[4], case: HOSTILE[3], status: 'skip', reason: HOSTILE[0], runs: { total: 1, passed: 0 } },
      { suite: HOSTILE[1], case: HOSTILE[4], status: 'flaky', diagnostic: { message: HOSTILE[2], detail: [] }, runs: { total: 2, passed: 1 } },
    ]),
  };
  return r;
}

test('build page: nothing from the results is markup; the one script is the filter, allowed by its hash', () => {
  const page = renderBuildPage(hostileBuild(), () => true);
  assert.equal(page.match(/<script/g)?.length, 1);
  assert.doesNotMatch(page, /<img|<\/textarea|<\/pre><\/svg>|onerror=alert\(1\)>/);
  assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(page, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  assert.match(page, /<h2 id="tests">[^]*<li><code>&lt;script&gt;alert\(1\)&lt;\/script&gt;\.&quot;&#39;&gt;&lt;img src=x onerror=alert\(1\)&gt;\[&lt;\/textarea&gt;/, 'the KUnit section is there, its names as text');
  assert.match(page, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-[A-Za-z0-9+/=]+';"/);
  // No network: nothing is fetched from anywhere.
  assert.doesNotMatch(page, /(src|href)="(https?:)?\/\//);
});

test('build page: matrix cells by arch and config, coloured by status; links only to files that exist', () => {
  const r = hostileBuild();
  r.tree = 'stable';
  r.targets[0].boot = { status: 'fail', reason: 'kernel panic', console: 'x86/tinyconfig/console.log' };
  r.regressions = { baseline: { buildId: 'v6.1.191', sha: 'b'.repeat(40), results: '' }, newIssues: ['s1'], fixedIssues: [issue({ message: 'gone now', signature: 'g' })], newlyFailing: ['x86/defconfig'], newlyPassing: [], newlyFailingBoots: [], newlyPassingBoots: [], sizes: [] };
  const there = new Set(['x86/defconfig.log', 'results.json']);
  const page = renderBuildPage(r, (rel) => there.has(rel));
  const cells = [...page.matchAll(/<td class="(cell-[a-z-]+)" data-target="([^"]*)">/g)].map((m) => [m[2], m[1]]);
  assert.deepEqual(cells, [['x86/tinyconfig', 'cell-boot-fail'], ['x86/defconfig', 'cell-fail'], ['arm64/tinyconfig', 'cell-pass']]);
  assert.match(page, /<tr><th>arm64<\/th><td class="cell-pass"[^]*?<\/td><td class="cell-none">—<\/td><\/tr>/, 'arm64 has no defconfig');
  const links = [...page.matchAll(/href="([^"#][^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(links)].sort(), ['results.json', 'x86/defconfig.log']);
  assert.match(page, /x86\/defconfig.config \(missing\)/);
  assert.match(page, /<h3 id="failure-1">.*x86\/defconfig<\/a>: failed at build, exit 2<span class="mark mark-new">new<\/span>/);
  assert.match(page, /<h3>Gone since the baseline<\/h3>[^]*gone now/);
  assert.equal([...page.matchAll(/mark-new">new<\/span><\/td><td><code>/g)].length, 1, 'one new warning, marked');
});

test('build page: a 300-target sweep with every target failing and thousands of warnings stays under 3 MB', () => {
  const r = worstSweep();
  const started = Date.now();
  const page = renderBuildPage(r, () => true);
  const bytes = Buffer.byteLength(page);
  assert.ok(bytes < 3 * 2 ** 20, `${bytes} bytes`);
  assert.ok(Date.now() - started < 5000, 'rendered in seconds');
  assert.equal([...page.matchAll(/<tr class="sev-/g)].length, PAGE_LIMITS.issues);
  assert.equal([...page.matchAll(/<h3 id="failure-/g)].length, PAGE_LIMITS.failures);
  assert.match(page, /250 more failed targets are not detailed here/);
  assert.equal([...page.matchAll(/<td class="cell-fail" data-target=/g)].length, 300, 'the matrix has every target');
});

test('history page: one linked point per build on each plot, oldest first; gaps where a build has no value', () => {
  const build = (id: string, startedAt: string, over: Partial<BuildResults>) => sampleResults(['x86/tinyconfig'], { buildId: id, startedAt, ...over });
  const page = renderHistoryPage('stable', [
    { folder: 'v2', hasPage: true, results: build('v2', '2026-01-02T00:00:00Z', { counts: { errors: 2, warnings: 5, noise: 0, sectionMismatches: 0, syscalls: 0 } }) },
    { folder: 'v1#"<x>', hasPage: false, results: build(HOSTILE[0], '2026-01-01T00:00:00Z', {}) },
    { folder: 'v3', hasPage: true, results: build('v3', '2026-01-03T00:00:00Z', { durationSeconds: 'soon' as unknown as number }) },
  ]);
  const plot = (id: string) => page.slice(page.indexOf(`id="${id}"`), page.indexOf('</svg>', page.indexOf(`id="${id}"`)));
  const points = (id: string) => [...plot(id).matchAll(/<a href="([^"]*)" class="point">/g)].map((m) => m[1]);
  assert.deepEqual(points('plot-failed'), ['v1%23%22%3Cx%3E/results.json', 'v2/index.html', 'v3/index.html']);
  assert.deepEqual(points('plot-errors'), ['v2/index.html'], 'builds without counts have no point');
  assert.deepEqual(points('plot-wall'), ['v1%23%22%3Cx%3E/results.json', 'v2/index.html'], 'a wall time that is not a number is no point');
  assert.deepEqual(points('plot-size'), []);
  assert.equal(page.match(/<script/g), null);
  assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('tree builds: real folders with a results.json only; a link to a folder is never followed', () => {
  const tree = tempDir('tree');
  writeBuildDir(join(tree, 'v1'), sampleResults(['x86/tinyconfig'], { buildId: 'v1' }));
  writeFileSync(join(tree, 'v1', 'index.html'), '');
  writeBuildDir(join(tree, 'v2'), sampleResults(['x86/tinyconfig'], { buildId: 'v2' }));
  const elsewhere = tempDir('elsewhere');
  writeBuildDir(join(elsewhere, 'b'), sampleResults(['x86/tinyconfig'], { buildId: 'linked' }));
  symlinkSync(join(elsewhere, 'b'), join(tree, 'linked'));
  mkdirSync(join(tree, 'empty'));
  writeFileSync(join(tree, 'index.html'), 'the history page itself');
  const builds = readTreeBuilds(tree).sort((a, b) => a.folder.localeCompare(b.folder));
  assert.deepEqual(builds.map((b) => [b.folder, b.hasPage, b.results.buildId]), [['v1', true, 'v1'], ['v2', false, 'v2']]);
});

test('writeReports: the build page in its folder and the tree\'s history page over the tree\'s builds', () => {
  const logs = tempDir('logs');
  const older = join(logs, 'stable', 'v6.1.191');
  writeBuildDir(older, sampleResults(['x86/tinyconfig'], { buildId: 'v6.1.191', startedAt: '2026-01-01T00:00:00.000Z' }));
  const dir = join(logs, 'stable', 'v6.1.192');
  const r = sampleResults(['x86/tinyconfig']);
  writeBuildDir(dir, r);
  const paths = writeReports(r, reportDirs(logs, dir));
  assert.equal(paths.html, join(dir, 'index.html'));
  assert.equal(paths.history, join(logs, 'stable', 'index.html'));
  assert.match(readFileSync(paths.html, 'utf8'), /<a href="x86\/tinyconfig.log">log<\/a>/);
  const history = readFileSync(paths.history!, 'utf8');
  assert.deepEqual([...history.matchAll(/<a href="([^"]*)" class="point">/g)].map((m) => m[1]).slice(0, 2), ['v6.1.191/results.json', 'v6.1.192/index.html']);
});

test('writeReports: a history page that cannot be written is a warning; results.json and the build page are kept', () => {
  const logs = tempDir('logs');
  const dir = join(logs, 'stable', 'v6.1.192');
  const r = sampleResults(['x86/tinyconfig']);
  writeBuildDir(dir, r);
  // The tree's folder's place is a file: nothing can be written below it.
  const blocked = join(logs, 'not-a-folder');
  writeFileSync(blocked, '');
  const warnings: string[] = [];
  const paths = writeReports(r, { ...reportDirs(logs, dir), historyDir: blocked }, { warn: (m) => warnings.push(m) });
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], new RegExp(`^could not write ${join(blocked, 'index.html')}: `));
  assert.ok(existsSync(paths.results) && existsSync(paths.html));
});

test("object dirs, waits for space and the run's peak memory show where sizes and durations are", () => {
  const r = sampleResults(['x86/tinyconfig', 'arm64/tinyconfig'], { peakMemoryBytes: 812 * 2 ** 20 });
  r.targets[0] = { ...r.targets[0], durationSeconds: 40, objdirBytes: 31 * 2 ** 20, spaceWaitSeconds: 0 };
  r.targets[1] = { ...r.targets[1], durationSeconds: 42, objdirBytes: 45 * 2 ** 20, spaceWaitSeconds: 38 };
  const page = renderBuildPage(r, () => true);
  assert.match(page, /<th>CPU<\/th><th>object dir<\/th>/);
  assert.match(page, /<td class="num">40 s<\/td><td class="num"><\/td><td class="num">31 MiB<\/td>/);
  assert.match(page, /<td class="num">42 s \(\+38 s waiting for space\)<\/td><td class="num"><\/td><td class="num">45 MiB<\/td>/);
  assert.match(page, /; peak memory 812 MiB\.<\/p>/);
  const summary = renderSummary(r);
  assert.match(summary, / Peak memory 812 MiB; largest object dir 45 MiB \(arm64\/tinyconfig\); 1 target waited for space on \/build\./);
  assert.match(summary, /\| arm64\/tinyconfig \| .* \| 42 s \(\+38 s waiting for space\) \|/);
  assert.doesNotMatch(renderSummary(sampleResults(['x86/tinyconfig'])), /Peak memory|object dir|waited/, 'a build that measured none of them says nothing');
});
