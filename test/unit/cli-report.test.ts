import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sampleResults, writeBuildDir } from '../support/results-fixture.ts';

// `kernelbuilder report DIR` as a terminal runs it, from the sources.
function report(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'report', ...args], { encoding: 'utf8' });
}

/** <tmp>/logs/stable/v6.1.192 with a passed build in it. */
function buildDir(t: { after: (fn: () => void) => void }): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'kb-cli-report-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, 'logs', 'stable', 'v6.1.192');
  writeBuildDir(dir, sampleResults(['x86/tinyconfig']));
  return { root, dir };
}

test('report refuses an --email-to that would add a header, as every other front does', (t) => {
  const { dir } = buildDir(t);
  const before = readdirSync(dir).sort();
  const run = report(dir, '--email-to', 'a@b.org\nBcc: evil@x.org');
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /input 'email-to': "a@b.org\\nBcc: evil@x.org" is not allowed/);
  assert.deepEqual(readdirSync(dir).sort(), before, 'nothing written');
});

/** Every file below a folder, relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

test('report DIR writes only into DIR, the email and the page too, not the tree\'s history page', (t) => {
  const { root, dir } = buildDir(t);
  const run = report(dir, '--email-to', 'maintainer@example.org');
  assert.equal(run.status, 0, run.stderr);
  const inDir = ['results.json', 'summary.md', 'kcidb.json', 'junit.xml', 'index.html', 'stable-v6.1.192.txt', 'x86/tinyconfig.log'];
  assert.deepEqual(filesBelow(root), inDir.map((f) => join('logs/stable/v6.1.192', f)).sort());
  assert.match(readFileSync(join(dir, 'stable-v6.1.192.txt'), 'utf8'), /^To: maintainer@example.org\nSubject: stable build: 0 warnings 0 failures/);
  assert.match(run.stderr, new RegExp(`reports written: .* ${join(dir, 'stable-v6.1.192.txt')}`));
});
