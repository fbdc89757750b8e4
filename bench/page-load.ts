/**
 * How fast the build page of the worst 300-target sweep (5000 warnings, 300 targets) loads
 * in Debian's chromium from file://, the way a maintainer opens it: a new browser
 * profile, the page rendered once, then opened N times; prints each load time and their
 * minimum, median and maximum (navigation loadEventEnd, ms).
 * Run: node --import tsx bench/page-load.ts [loads]
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderBuildPage } from '../src/report/html/build-page.ts';
import { openBrowser, openPage } from '../test/support/chromium.ts';
import { worstSweep } from '../test/support/results-fixture.ts';
import { tempDir } from '../test/support/temp-dir.ts';

const loads = Number(process.argv[2] ?? 9);
const file = join(tempDir('page-load'), 'index.html');
writeFileSync(file, renderBuildPage(worstSweep(), () => true));

const context = await openBrowser();
const times: number[] = [];
try {
  for (let i = 0; i < loads; i++) {
    const { page } = await openPage(context, file);
    times.push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
    await page.close();
  }
} finally {
  await context.close();
}
times.sort((a, b) => a - b);
console.log(`page: ${statSync(file).size} bytes; loads (ms): ${times.map((t) => Math.round(t)).join(' ')}`);
console.log(`load min ${Math.round(times[0]!)} ms, median ${Math.round(times[Math.floor(times.length / 2)]!)} ms, max ${Math.round(times.at(-1)!)} ms (target: median under 1000 ms)`);
