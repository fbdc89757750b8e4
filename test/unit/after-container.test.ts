import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildResults } from '../../src/types/results.ts';
import { type AfterContainer, afterContainer } from '../../src/pipeline/after-container.ts';
import { reportDirs, writeReports } from '../../src/report/write-reports.ts';
import { defaultNoise } from '../../src/diagnostics/noise.ts';
import { recordingLog } from '../support/recording-log.ts';

const collected: BuildResults = {
  schema: 1,
  complete: true,
  result: 'fail',
  tree: 'next',
  ref: 'next/master',
  refKind: 'remote-branch',
  sha: 'c'.repeat(40),
  buildId: 'next-20260105',
  kernelVersion: '6.19.0',
  image: { name: 'kernelbuilder/gcc-12', id: 'sha256:' + 'd'.repeat(64), digest: 'sha256:' + 'd'.repeat(64), toolchain: 'gcc 12', reason: 'default', cross: { x86: '' }, makeVars: [] },
  tmpfsSize: '60g',
  commits: [],
  startedAt: '2026-01-05T00:00:00Z',
  finishedAt: '2026-01-05T00:10:00Z',
  durationSeconds: 600,
  driverExitCode: 0,
  targets: [
    { target: 'x86/defconfig', arch: 'x86', config: 'defconfig', status: 'fail', stage: 'build', exitCode: 2, log: 'x86/defconfig.log' },
    { target: 'x86/tinyconfig', arch: 'x86', config: 'tinyconfig', status: 'pass', stage: 'build', exitCode: 0, log: 'x86/tinyconfig.log' },
  ],
  targetOrder: ['x86/defconfig', 'x86/tinyconfig'],
  dropped: [],
};

/** A logs root with one build folder and the targets' logs, removed when the test ends. */
function buildFolder(t: { after: (fn: () => void) => void }): { root: string; logsDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'kb-report-build-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const logsDir = join(root, 'next', 'next-20260105');
  mkdirSync(join(logsDir, 'x86'), { recursive: true });
  writeFileSync(join(logsDir, 'x86/defconfig.log'), "kernel/fork.c:1:1: error: 'x' undeclared\n");
  writeFileSync(join(logsDir, 'x86/tinyconfig.log'), '  LD      vmlinux\n');
  return { root, logsDir };
}

/** The pipeline after a container with nothing to admit: the collected results, analysed and reported. */
async function reportAfter(logsDir: string, root: string, baseline: string, log: AfterContainer['log']) {
  const { results, reports } = await afterContainer({ dir: logsDir, admit: [], results: () => collected, noise: defaultNoise, baseline, reports: { dirs: reportDirs(root, logsDir) }, log });
  return { results, reports: reports! };
}

function writtenResults(logsDir: string): BuildResults {
  return JSON.parse(readFileSync(join(logsDir, 'results.json'), 'utf8')) as BuildResults;
}

test('after the build: analysis, baseline and every report, with no warning when all is well', async (t) => {
  const { root, logsDir } = buildFolder(t);
  const log = recordingLog();
  const { results, reports } = await reportAfter(logsDir, root, join(root, 'next'), log);
  assert.deepEqual(log.lines, []);
  assert.equal(results.counts?.errors, 1);
  assert.deepEqual(writtenResults(logsDir), results);
  for (const path of [reports.summary, reports.email, join(logsDir, 'x86/defconfig.reproduce.sh')]) assert.ok(existsSync(path), path);
});

test('a baseline that fails after the build is a warning: results.json and the reports are still written', async (t) => {
  const { root, logsDir } = buildFolder(t);
  // Valid when the inputs were read, replaced while the build ran.
  const baseline = join(root, 'baseline.json');
  writeFileSync(baseline, '{"not": "results"}');
  const log = recordingLog();
  const { results, reports } = await reportAfter(logsDir, root, baseline, log);
  assert.equal(log.lines.length, 1, log.lines.join('\n'));
  assert.match(log.lines[0], /^warning: could not compare with the baseline .*baseline\.json \(.*not a kernelbuilder results\.json\); the reports say nothing of what changed$/);
  assert.equal(results.complete, true);
  assert.equal(results.regressions, undefined);
  assert.equal(writtenResults(logsDir).counts?.errors, 1, 'the analysis is kept');
  assert.ok(existsSync(reports.summary) && existsSync(reports.email));
});

test("a target log the build turned into a folder is a warning: the results keep every target's status", async (t) => {
  const { root, logsDir } = buildFolder(t);
  rmSync(join(logsDir, 'x86/defconfig.log'));
  mkdirSync(join(logsDir, 'x86/defconfig.log'));
  const log = recordingLog();
  const { results } = await reportAfter(logsDir, root, join(root, 'next'), log);
  assert.equal(log.lines.length, 1, log.lines.join('\n'));
  assert.match(log.lines[0], /^warning: could not read the targets' logs into diagnostics \(.*EISDIR.*\)/);
  assert.deepEqual(
    writtenResults(logsDir).targets.map((x) => [x.target, x.status]),
    [
      ['x86/defconfig', 'fail'],
      ['x86/tinyconfig', 'pass'],
    ],
  );
  assert.equal(results.result, 'fail');
});

test('a report that cannot be written is a warning; results.json and the other reports are written', async (t) => {
  const { root, logsDir } = buildFolder(t);
  // A folder where the reproducer goes: rename onto it fails.
  mkdirSync(join(logsDir, 'x86/defconfig.reproduce.sh/inside'), { recursive: true });
  const log = recordingLog();
  const { reports } = await reportAfter(logsDir, root, join(root, 'next'), log);
  assert.equal(log.lines.length, 1, log.lines.join('\n'));
  assert.match(log.lines[0], /^warning: could not write .*x86\/defconfig\.reproduce\.sh: /);
  assert.equal(writtenResults(logsDir).complete, true);
  assert.ok(existsSync(reports.summary) && existsSync(reports.email));
  // Without a warn hook (merge, report): the same failure is thrown, once results.json and the rest are written.
  rmSync(join(logsDir, 'results.json'));
  rmSync(reports.summary);
  assert.throws(() => writeReports(collected, reportDirs(root, logsDir)), /could not write .*reproduce\.sh/);
  assert.ok(existsSync(join(logsDir, 'results.json')) && existsSync(reports.summary));
});
