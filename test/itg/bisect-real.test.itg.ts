import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/entry/cli.ts';
import { type BisectResult } from '../../src/bisect/types.ts';
import { type SeriesCommit, commitSeries, kernelRepo } from '../support/kernel-repo.ts';
import { tempDir } from '../support/temp-dir.ts';

// Bisects on the real 6.1 tree: one series of 8 commits on top of stable, each touching a
// file x86 tinyconfig compiles. Commit 5 adds a new warning, 7 a panic at boot (both in
// init/main.c). The config is the one the boot tests build, so the compiler cache holds
// most of every step. A build bisect through a skipped break is the toy kernel's
// (bisect.test.itg.ts): here each bisect costs minutes.
const source = kernelRepo();
const target = 'x86/tinyconfig+kb-boot.config';
const paths = { driverDir: fileURLToPath(new URL('../../src/driver/', import.meta.url)), imagesDir: fileURLToPath(new URL('../../images/', import.meta.url)) };

const touch = (path: string, i: number): SeriesCommit => ({ subject: `${path}: a harmless change ${i} (kernelbuilder test)`, edits: { [path]: (t) => `${t}\n/* kernelbuilder series: change ${i} */` } });
const panicInitcall = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'consoles', 'faults', 'panic.c'), 'utf8');
const series: SeriesCommit[] = [
  touch('kernel/exit.c', 1),
  touch('mm/memory.c', 2),
  touch('fs/exec.c', 3),
  touch('lib/string.c', 4),
  { subject: 'init: a new warning (kernelbuilder test)', edits: { 'init/main.c': (t) => `${t}\nstatic int kernelbuilder_series_unused;` } },
  touch('kernel/exit.c', 6),
  { subject: 'init: panic at boot (kernelbuilder test)', edits: { 'init/main.c': (t) => `${t}\n${panicInitcall}` } },
  touch('mm/memory.c', 8),
];
const shas = commitSeries(source, 'kb-test/bisect-series', series);
const base = execFileSync('git', ['-C', source, 'rev-parse', 'refs/remotes/stable/HEAD'], { encoding: 'utf8' }).trim();

/** ceil(log2(n)) + 3: the two ends, the steps, the culprit's verification. */
const budget = (n: number) => Math.ceil(Math.log2(n)) + 3;

/** The source repository's refs, objects, git dir files and working tree state: a bisect must change none of them. */
function checksums(): Record<string, string> {
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  const run = (...args: string[]) => execFileSync('git', ['-C', source, ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return {
    refs: hash(run('for-each-ref')),
    objects: hash(run('count-objects', '-v')),
    index: hash(run('ls-files', '-s')),
    status: hash(run('status', '--porcelain', '--ignored')),
    gitDir: hash(execFileSync('find', [join(source, '.git'), '-not', '-name', 'kb-test-index'], { encoding: 'utf8' }).split('\n').sort().join('\n')),
  };
}

async function bisect(good: string, bad: string, ...more: string[]) {
  const logs = tempDir('bisect-real');
  let err = '';
  const code = await runCli(['bisect', '--source', source, '--good', good, '--bad', bad, '--target', target, '--logs', logs, ...more], paths, { out: () => undefined, err: (t) => (err += t) });
  const path = /results in (\S+bisect\.json)/.exec(err)?.[1];
  assert.ok(path, err);
  return { code, err, result: JSON.parse(readFileSync(path, 'utf8')) as BisectResult };
}

test('the commit that adds a warning, found without being told what to look for, verified, within ceil(log2 n)+3 builds; the source unchanged', async () => {
  const before = checksums();
  const { code, err, result } = await bisect(base, shas[7]);
  assert.equal(code, 0, err);
  assert.equal(result.culprit?.sha, shas[4], err);
  assert.deepEqual(result.culprit?.position, { k: 5, n: 8 });
  assert.match(result.culprit!.diagnostic!.message, /'kernelbuilder_series_unused' defined but not used/);
  assert.equal(result.culprit?.diagnostic?.file, 'init/main.c');
  assert.equal(result.culprit?.verification.culprit, 'bad');
  assert.ok(result.builds <= budget(8), `${result.builds} builds: ${result.steps.map((s) => `${s.label}:${s.verdict}`).join(' ')}`);
  assert.match(err, /\[1\/~3\] [0-9a-f]{12} (good|bad|skip) in [\d.]+s/);
  assert.deepEqual(checksums(), before, 'the source repository is unchanged');
});

test('the commit that makes the kernel panic at boot, found by booting each step', async () => {
  // Two commits, the panic's the first: every kind of step (the ends, one bisect step, the
  // culprit from scratch) boots, at the least cost a boot bisect has.
  const { code, err, result } = await bisect(shas[5], shas[7], '--what', 'boot');
  assert.equal(code, 0, err);
  assert.equal(result.culprit?.sha, shas[6], err);
  assert.deepEqual(result.culprit?.position, { k: 1, n: 2 });
  assert.ok(result.builds <= budget(2), `${result.builds} builds: ${result.steps.map((s) => `${s.label}:${s.verdict}`).join(' ')}`);
});
