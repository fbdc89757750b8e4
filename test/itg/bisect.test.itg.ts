import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/entry/cli.ts';
import { type BisectResult } from '../../src/bisect/types.ts';
import { breaks, harmless, repoChecksums, toySeries, warns } from '../support/toy-series.ts';
import { tempDir } from '../support/temp-dir.ts';

// Bisects of toy series on the real Docker engine, driver and image: each commit of a
// series changes what the toy build prints; the bisect must name the one that matters.

const paths = { driverDir: fileURLToPath(new URL('../../src/driver/', import.meta.url)), imagesDir: fileURLToPath(new URL('../../images/', import.meta.url)) };

async function bisect(source: string, good: string, bad: string, ...more: string[]) {
  const logs = tempDir('bisect-logs');
  let out = '';
  let err = '';
  const code = await runCli(['bisect', '--source', source, '--good', good, '--bad', bad, '--target', 'x86/tinyconfig', '--logs', logs, '--ccache', 'off', ...more], paths, {
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code, out, err, logs };
}

function readResult(err: string): BisectResult {
  const path = /results in (\S+bisect\.json)/.exec(err)?.[1];
  assert.ok(path, err);
  return JSON.parse(readFileSync(path, 'utf8')) as BisectResult;
}

function ourContainers(): string {
  return execFileSync('docker', ['ps', '-aq', '--filter', 'label=org.kernelbuilder.build'], { encoding: 'utf8' }).trim();
}

/** ceil(log2(n)) + 3: the two ends, the steps, the culprit's verification. */
const budget = (n: number) => Math.ceil(Math.log2(n)) + 3;

test('a 16-commit series with a commit that breaks the build: the culprit, verified, within ceil(log2 n)+3 builds; the source unchanged', async () => {
  const culprit = 11;
  const changes = Array.from({ length: 16 }, (_, i) => (i + 1 === culprit ? { 'toy.d/50-main': breaks('init/main.c', 12, "'boot_cpu' undeclared (first use in this function)") } : harmless(i)));
  const { source, shas } = toySeries(changes);
  const before = repoChecksums(source);
  const run = await bisect(source, 'v6.1', 'master', '--what', 'build');
  assert.equal(run.code, 0, run.err);
  const r = readResult(run.err);
  assert.equal(r.culprit?.sha, shas[culprit - 1]);
  assert.deepEqual(r.culprit?.position, { k: culprit, n: 16 });
  assert.equal(r.culprit?.diagnostic?.file, 'init/main.c');
  assert.equal(r.culprit?.diagnostic?.line, 12);
  assert.equal(r.culprit?.verification.culprit, 'bad');
  assert.deepEqual(r.culprit?.verification.parents.map((p) => [p.sha, p.verdict]), [[shas[culprit - 2], 'good']]);
  assert.ok(r.builds <= budget(16), `${r.builds} builds: ${r.steps.map((s) => s.label).join(' ')}`);
  assert.equal(r.builds, r.steps.length);
  assert.match(r.bisectLog, /git bisect start '--no-checkout'/);
  assert.match(r.bisectLog, new RegExp(`first bad commit: \\[${shas[culprit - 1]}\\]`));
  assert.match(run.err, /^\[1\/~4\] [0-9a-f]{12} (good|bad) in [\d.]+s$/m);
  const email = readFileSync(join(run.logs, r.tree, `bisect-${r.good.sha.slice(0, 12)}-${r.bad.sha.slice(0, 12)}-x86-tinyconfig`, 'email.txt'), 'utf8');
  assert.match(email, new RegExp(`^commit: ${shas[culprit - 1]} \\[${culprit}/16\\]`, 'm'));
  assert.deepEqual(repoChecksums(source), before, 'refs, objects, status and files of the source are as they were');
  assert.equal(ourContainers(), '', 'the container is gone');
});
