import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openBrowser, openPage } from '../support/chromium.ts';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { runEngine } from '../support/engine-run.ts';
import { git } from '../support/tiny-tree.ts';
import { worstSweep } from '../support/results-fixture.ts';
import { renderBuildPage } from '../../src/report/html/build-page.ts';
import { tempDir } from '../support/temp-dir.ts';

// Two real builds of a toy tree through the engine (a baseline, then a commit that adds a
// warning), their pages opened from file:// in Debian's chromium, as a person would.

/** Where the screenshots go: kept after the run for a person to look at (ignored by git). */
const SHOTS = resolve(fileURLToPath(new URL('../../test-output/html-report/', import.meta.url)));

// x86/tinyconfig fails with a compiler error; x86/defconfig passes with a warning (and a
// vmlinux, so that it has sizes); each file of toy.d/ adds to the build.
const TOY = [
  'echo "  CC      init/main.o"',
  'case $O in *-tinyconfig) echo "init/main.c:12:5: error: \'kb_undeclared\' undeclared (first use in this function)"; exit 1 ;; esac',
  'echo "kernel/fork.c:10:3: warning: unused variable \'kb_old\' [-Wunused-variable]"',
  'for f in "$(dirname "$0")"/toy.d/*; do . "$f"; done',
  'printf "int main(void) { return 0; }\\n" > $O/v.c && $CC $O/v.c -o $O/vmlinux',
  'echo "  LD      vmlinux"',
  '',
].join('\n');

/** Every link of the page: a file link must name a file that exists, an anchor an element of the page. */
async function checkLinks(page: Page): Promise<number> {
  // SVG links too: their href is resolved as the browser resolves it, against the page.
  const links = await page.$$eval('a[href]', (as) => as.map((a) => ({ raw: a.getAttribute('href')!, url: new URL(a.getAttribute('href')!, document.baseURI).href })));
  for (const { raw, url } of links) {
    if (raw.startsWith('#')) {
      assert.ok(await page.$(`[id="${raw.slice(1)}"]`), `anchor ${raw} has its element`);
      continue;
    }
    assert.ok(url.startsWith('file://'), `${raw} is a file link, not the network`);
    const path = fileURLToPath(url);
    assert.ok(existsSync(path) && statSync(path).isFile(), `${raw} -> ${path} exists`);
  }
  return links.length;
}

test('a build page and a tree history page, opened from file:// in chromium', async (t) => {
  assert.ok(existsSync('/usr/bin/chromium'), 'Debian chromium is installed (.ci/run installs it)');
  const source = makeToyKernel(TOY, { arches: ['x86'] });
  mkdirSync(join(source, 'toy.d'));
  writeFileSync(join(source, 'toy.d', '00-base'), 'true\n');
  git(source, 'add', '-A');
  git(source, 'commit', '-q', '-m', 'toy: source toy.d');
  const logs = tempDir('logs');
  const inputs = { source, ref: 'master', tree: 'toy', arches: 'x86', configs: 'tinyconfig defconfig', logs };

  const baseline = await runEngine(inputs);
  assert.equal(baseline.results.result, 'fail', baseline.log.lines.join('\n'));
  writeFileSync(join(source, 'toy.d', '01-new'), 'echo "mm/slab.c:77:9: warning: comparison is always true [-Wtype-limits]"\n');
  git(source, 'add', '-A');
  git(source, 'commit', '-q', '-m', 'mm: a new warning');
  const second = await runEngine(inputs);
  assert.equal(second.results.regressions?.baseline.buildId, baseline.results.buildId);
  const buildPage = second.reports.html;
  const historyPage = second.reports.history!;
  assert.equal(historyPage, join(logs, 'toy', 'index.html'));

  mkdirSync(SHOTS, { recursive: true });
  t.diagnostic(`screenshots in ${SHOTS}`);
  const context = await openBrowser();
  t.after(() => context.close());

  const { page, errors } = await openPage(context, buildPage);
  // The matrix: one arch, two configs, coloured by status.
  const cells = await page.$$eval('#matrix td', (tds) => tds.map((td) => [td.getAttribute('data-target'), td.textContent, getComputedStyle(td).backgroundColor]));
  assert.deepEqual(cells, [
    ['x86/tinyconfig', 'fail', 'rgb(248, 208, 208)'],
    ['x86/defconfig', 'pass', 'rgb(215, 240, 216)'],
  ]);
  assert.match((await page.textContent('#failures'))!, /Failures/);
  assert.match((await page.textContent('h3[id^="failure-"]'))!, /x86\/tinyconfig: failed at build/);
  assert.match((await page.textContent('pre'))!, /init\/main.c:12:5: error: 'kb_undeclared' undeclared/);

  // The warnings: all shown, then narrowed by the filter, then all again.
  const visible = () => page.$$eval('#issues tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden && getComputedStyle(r).display !== 'none').map((r) => r.textContent));
  const all = await visible();
  assert.equal(all.length, 3, all.join('\n'));
  await page.fill('#filter', 'type-limits');
  const narrowed = await visible();
  assert.equal(narrowed.length, 1);
  assert.match(narrowed[0]!, /mm\/slab\.c:77.*comparison is always true \[-Wtype-limits\].*x86\/defconfig/);
  assert.equal(await page.textContent('#shown'), '1');
  assert.equal(await page.$eval('#issues tbody tr:not([hidden]) .mark-new', (e) => e.textContent), 'new', 'the new warning is marked');
  await page.fill('#filter', 'nothing-has-this');
  assert.equal((await visible()).length, 0);
  await page.screenshot({ path: join(SHOTS, 'build-filtered.png'), fullPage: true });
  await page.fill('#filter', '');
  assert.equal((await visible()).length, 3);
  await page.screenshot({ path: join(SHOTS, 'build.png'), fullPage: true });
  assert.ok((await checkLinks(page)) >= 5);
  assert.deepEqual(errors, []);

  // The history: one point per build on each plot, each a link to the build's page.
  const history = await openPage(context, historyPage);
  for (const plot of ['plot-errors', 'plot-warnings', 'plot-failed', 'plot-wall', 'plot-size']) {
    const points = await history.page.$$eval(`#${plot} a.point`, (as) => as.map((a) => (a as unknown as SVGAElement).href.baseVal));
    assert.deepEqual(points, [`${baseline.results.buildId}/index.html`, `${second.results.buildId}/index.html`], plot);
  }
  await checkLinks(history.page);
  await history.page.click('#plot-warnings a.point >> nth=1');
  assert.equal(fileURLToPath(history.page.url()), buildPage, 'a point opens its build');
  await history.page.goBack();
  await history.page.screenshot({ path: join(SHOTS, 'history.png'), fullPage: true });
  assert.deepEqual(history.errors, []);
});

// How fast it loads is a figure of bench/page-load.ts, not a timed test here.
test('the page of the worst 300-target sweep opens in chromium, its filter working over the page\'s first 500 findings', async (t) => {
  const dir = tempDir('sweep-page');
  const file = join(dir, 'index.html');
  writeFileSync(file, renderBuildPage(worstSweep(), () => true));
  const context = await openBrowser();
  t.after(() => context.close());
  const { page, errors } = await openPage(context, file);
  const loaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  t.diagnostic(`${statSync(file).size} bytes, loaded in ${Math.round(loaded)} ms`);
  assert.ok(loaded > 0, 'the page finished loading');
  await page.fill('#filter', ' 4999');
  assert.equal(await page.textContent('#shown'), '0', 'the 5000th warning is past the page\'s 500');
  await page.fill('#filter', ' 499');
  assert.equal(await page.textContent('#shown'), '1');
  assert.deepEqual(errors, []);
});
