import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runAction } from '../support/action-run.ts';
import { breaks, harmless, repoChecksums, toySeries } from '../support/toy-series.ts';
import { tempDir } from '../support/temp-dir.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { type BisectResult } from '../../src/bisect/types.ts';

// The action's build mode with a baseline and input bisect, on a toy series: the real
// action (dist/), engine, driver and image. A baseline build at the good commit, then a
// build of the bad tip that bisects what newly broke.

const CULPRIT = 7;
const COMMITS = 12;

function series() {
  const changes = Array.from({ length: COMMITS }, (_, i) => (i + 1 === CULPRIT ? { 'toy.d/50-main': breaks('init/main.c', 12, "'boot_cpu' undeclared (first use in this function)") } : harmless(i)));
  return toySeries(changes);
}

const common = (source: string, logs: string) => ({ source, arches: 'x86', configs: 'tinyconfig', ccache: 'off', logs, upload: 'false' });

/** The baseline: a build of the series' base (tag v6.1, the parent of its first commit), which passes. */
function baseline(source: string, good: string, logs: string): string {
  const run = runAction({ ...common(source, logs), ref: good });
  assert.equal(run.status, 0, run.stdout);
  return run.outputs['results-json'];
}

/** This file's containers: kernelbuilder's label on a bisect's folder of a toy tree (other runs may share the engine). */
function ourContainers(): string {
  const all = execFileSync('docker', ['ps', '-a', '--filter', 'label=org.kernelbuilder.build', '--format', '{{.ID}} {{.Label "org.kernelbuilder.build"}}'], { encoding: 'utf8' });
  return all.split('\n').filter((l) => /^\S+ kb-toy-[^/]+\/bisect-/.test(l)).join('\n');
}

test('bisect new-failures: the build of the bad tip names the commit that broke it, in results.json, the summary, the email, an annotation and the output', () => {
  const { source, shas } = series();
  const logs = tempDir('action-bisect-logs');
  const base = baseline(source, 'v6.1', logs);
  const before = repoChecksums(source);
  const run = runAction({ ...common(source, logs), ref: 'master', baseline: base, bisect: 'new-failures' });
  assert.equal(run.status, 1, 'the build failed: the step fails, bisect or not');
  const culprit = shas[CULPRIT - 1];
  assert.equal(run.outputs['first-bad-commits'], culprit, run.stdout);
  const results = JSON.parse(readFileSync(run.outputs['results-json'], 'utf8')) as BuildResults;
  assert.equal(results.bisects?.length, 1);
  const [b] = results.bisects!;
  assert.deepEqual([b.regression, b.target, b.what, b.result], ["x86/tinyconfig newly fails to build (compiler|init/main.c|'boot_cpu' undeclared (first use in this function))", 'x86/tinyconfig', 'build', 'found']);
  assert.equal(b.culprit?.sha, culprit);
  assert.deepEqual(b.culprit?.position, { k: CULPRIT, n: COMMITS }, 'the range is the baseline (v6.1) .. the tip');
  assert.equal(b.culprit?.subject, `change ${CULPRIT}: toy.d/50-main`);
  // The bisect's own folder, beside the build's, with its verified result.
  const bisect = JSON.parse(readFileSync(join(dirname(run.outputs['results-json']), b.folder!, 'bisect.json'), 'utf8')) as BisectResult;
  assert.equal(bisect.culprit?.sha, culprit);
  assert.equal(bisect.good.sha, execFileSync('git', ['-C', source, 'rev-parse', 'v6.1^{commit}'], { encoding: 'utf8' }).trim());
  assert.equal(bisect.culprit?.verification.culprit, 'bad');
  assert.ok(bisect.builds <= Math.ceil(Math.log2(COMMITS)) + 3, `${bisect.builds} builds`);
  for (const text of [run.summary, readFileSync(run.outputs.email, 'utf8')]) {
    assert.match(text, /First bad commit/);
    assert.match(text, new RegExp(`^  commit: ${culprit} \\[${CULPRIT}/${COMMITS}\\]$`, 'm'));
    assert.match(text, new RegExp(`^  subject: change ${CULPRIT}: toy\\.d/50-main$`, 'm'));
  }
  // A property's ':' is escaped as the runner reads it.
  assert.match(run.stdout, new RegExp(`^::error title=first bad commit for x86/tinyconfig%3A ${culprit.slice(0, 12)} \\[${CULPRIT}/${COMMITS}\\],file=init/main\\.c,line=12::`, 'm'));
  assert.deepEqual(repoChecksums(source), before, 'the source is as it was');
  assert.equal(ourContainers(), '', 'the bisect container is gone');
});

/**
 * The series, with every commit before the culprit slow to build: the baseline (v6.1) and
 * the tip stay quick, but any step a bisect must take, inside 1..CULPRIT-1, is not, so a
 * short bisect-timeout is passed whatever the machine's speed.
 */
function slowBeforeCulprit() {
  const slow = '[ -e "$(dirname "$0")/toy.d/50-main" ] || sleep 120\n';
  const changes = Array.from({ length: COMMITS }, (_, i) => {
    if (i + 1 === CULPRIT) return { 'toy.d/50-main': breaks('init/main.c', 12, "'boot_cpu' undeclared (first use in this function)") };
    return i === 0 ? { 'toy.d/10-slow': slow } : harmless(i);
  });
  return toySeries(changes);
}

test('bisect-timeout: a bisect past it is stopped, its container gone, and reported as not found: timeout; without a baseline, no bisect and why', () => {
  const { source } = slowBeforeCulprit();
  const logs = tempDir('action-bisect-logs');
  const base = baseline(source, 'v6.1', logs);
  const run = runAction({ ...common(source, logs), ref: 'master', baseline: base, bisect: 'new-failures', 'bisect-timeout': '2s' });
  assert.equal(run.status, 1, run.stdout);
  assert.equal(run.outputs['first-bad-commits'], '');
  const results = JSON.parse(readFileSync(run.outputs['results-json'], 'utf8')) as BuildResults;
  assert.equal(results.bisects?.[0].result, 'not found', JSON.stringify(results.bisects));
  assert.match(results.bisects![0].reason!, /^timeout/);
  assert.match(run.summary, /no culprit \(not found\): timeout/);
  assert.equal(ourContainers(), '', 'the bisect container was killed and removed');

  // A fresh logs folder: no earlier build to compare with.
  const alone = runAction({ ...common(source, tempDir('action-bisect-logs')), ref: 'master', bisect: 'new-failures' });
  assert.equal(alone.status, 1);
  assert.match(alone.stdout, /not bisecting: there is no baseline to compare with/);
  assert.equal(alone.outputs['first-bad-commits'], '');
});

test('bad bisect inputs fail the step before any container starts', () => {
  const logs = tempDir('action-bisect-logs');
  const run = runAction({ source: '/nonexistent', ref: 'master', logs, bisect: 'new-failures', 'bisect-limit': '99' });
  assert.equal(run.status, 1);
  assert.match(run.stdout, /::error::input 'bisect-limit': "99" is not allowed; bisect-limit is a whole number from 0 to 20/);
});
