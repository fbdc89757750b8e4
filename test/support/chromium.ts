import { pathToFileURL } from 'node:url';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { tempDir } from './temp-dir.ts';

// Debian's chromium driven by playwright-core: the browser the HTML tests and bench/page-load.ts open pages in.

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function openBrowser(): Promise<BrowserContext> {
  // A new profile each run: nothing of an earlier run (or of a person's chromium) leaks in.
  return chromium.launchPersistentContext(tempDir('chromium-profile'), { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** A page that records every console error and uncaught exception. */
export async function openPage(context: BrowserContext, file: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
  return { page, errors };
}

