import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildResults } from '../../src/types/results.ts';
import { type Issue } from '../../src/types/diagnostics.ts';
import { compareWithBaseline } from '../../src/diagnostics/regressions.ts';
import { withRegressions } from '../../src/diagnostics/with-regressions.ts';
import { alreadyBuilt, findBaseline } from '../../src/results/previous.ts';
import { changeLines } from '../../src/report/changes.ts';
import { renderEmail } from '../../src/report/email.ts';
import { type BuildPlan } from '../../src/types/plan.ts';
import { type ImageInfo } from '../../src/types/image.ts';
import { tempDir } from '../support/temp-dir.ts';

function issue(signature: string, severity: 'error' | 'warning', extra: Partial<Issue> = {}): Issue {
  const [kind, file, message] = signature.split('|');
  return { signature, kind: kind as Issue['kind'], severity, file, line: 10, message, context: [], count: 1, targets: ['x86/defconfig'], noise: false, ...extra };
}

function results(over: Partial<BuildResults>): BuildResults {
  return {
    schema: 1, complete: true, result: 'pass', tree: 'next', ref: 'next/master', refKind: 'remote-branch', sha: 'a'.repeat(40), buildId: 'next-20260104',
    kernelVersion: '6.19.0', image: { name: 'i', id: 'sha256:1', digest: 'sha256:1', toolchain: 'gcc 12', reason: '', cross: {}, makeVars: [] }, tmpfsSize: '60g',
    commits: [], startedAt: '2026-01-04T00:00:00.000Z', finishedAt: '2026-01-04T01:00:00.000Z', durationSeconds: 3600, driverExitCode: 0,
    targets: [
      { target: 'x86/defconfig', arch: 'x86', config: 'defconfig', status: 'pass', log: 'x86/defconfig.log' },
      { target: 'arm64/defconfig', arch: 'arm64', config: 'defconfig', status: 'fail', log: 'arm64/defconfig.log' },
    ],
    targetOrder: ['x86/defconfig', 'arm64/defconfig', 'riscv/defconfig'],
    dropped: [],
    ...over,
  };
}

const baseline = results({
  issues: [issue('compiler|mm/slub.c|unused variable x', 'warning'), issue('compiler|fs/old.c|gone warning', 'warning'), issue('compiler|noise.c|n', 'warning', { noise: true })],
});
const current = results({
  sha: 'b'.repeat(40),
  buildId: 'next-20260105',
  startedAt: '2026-01-05T00:00:00.000Z',
  result: 'fail',
  targets: [
    { target: 'x86/defconfig', arch: 'x86', config: 'defconfig', status: 'fail', log: 'x86/defconfig.log' },
    { target: 'arm64/defconfig', arch: 'arm64', config: 'defconfig', status: 'pass', log: 'arm64/defconfig.log' },
    { target: 'riscv/defconfig', arch: 'riscv', config: 'defconfig', status: 'fail', log: 'riscv/defconfig.log' },
  ],
  issues: [
    issue('compiler|kernel/fork.c|new error', 'error', { line: 99 }),
    issue('compiler|mm/slub.c|unused variable x', 'warning', { line: 12 }),
    issue('compiler|fs/new.c|new warning', 'warning'),
  ],
});

test('regressions: new, still present and fixed by signature; newly failing and passing targets', () => {
  const r = compareWithBaseline(current, baseline, '/logs/next/next-20260104/results.json');
  assert.deepEqual(r.newIssues, ['compiler|kernel/fork.c|new error', 'compiler|fs/new.c|new warning']);
  assert.deepEqual(r.fixedIssues.map((i) => i.signature), ['compiler|fs/old.c|gone warning']);
  assert.deepEqual(r.newlyFailing, ['x86/defconfig']);
  assert.deepEqual(r.newlyPassing, ['arm64/defconfig']);
  const lines = changeLines({ ...current, regressions: r });
  assert.equal(lines[0], 'New since next-20260104 (aaaaaaaaaaaa):');
  assert.ok(lines.includes(">> kernel/fork.c:99: error: new error  [x86/defconfig]"), lines.join('\n'));
  assert.ok(!lines.some((l) => l.includes('unused variable')), 'a warning still present is not new, even on another line');
  const email = renderEmail({ ...current, regressions: r });
  assert.match(email, /New since next-20260104 \(aaaaaaaaaaaa\):\n  newly failing: x86\/defconfig\n>> kernel\/fork\.c:99: error: new error/);
});

test('the baseline is the newest earlier complete build of the same ref at another sha', () => {
  const treeDir = tempDir('tree-logs');
  const put = (dir: string, r: BuildResults) => {
    mkdirSync(join(treeDir, dir));
    writeFileSync(join(treeDir, dir, 'results.json'), JSON.stringify(r));
  };
  put('next-20260103', results({ buildId: 'next-20260103', sha: 'c'.repeat(40), startedAt: '2026-01-03T00:00:00.000Z' }));
  put('next-20260104', baseline);
  put('next-20260104-partial', results({ buildId: 'x', sha: 'd'.repeat(40), startedAt: '2026-01-04T12:00:00.000Z', complete: false }));
  put('mainline', results({ ref: 'mainline/master', sha: 'e'.repeat(40), startedAt: '2026-01-04T13:00:00.000Z' }));
  put('same-sha', results({ sha: 'b'.repeat(40), startedAt: '2026-01-04T14:00:00.000Z' }));
  assert.equal(findBaseline(treeDir, current)?.results.buildId, 'next-20260104');
  assert.equal(withRegressions(current, treeDir, treeDir).regressions?.baseline.buildId, 'next-20260104');
  assert.equal(withRegressions(current, join(treeDir, 'next-20260103'), treeDir).regressions?.baseline.buildId, 'next-20260103', 'a folder with results.json');
  assert.equal(withRegressions(current, tempDir('empty'), treeDir).regressions, undefined, 'no baseline, no regressions');
});

test('already built: same sha, image and targets, and complete; a partial run never counts', () => {
  const plan = { ref: { sha: 'b'.repeat(40) }, targets: current.targets.map((t) => ({ arch: t.arch, config: t.config })) } as unknown as BuildPlan;
  const image = { id: 'sha256:1' } as ImageInfo;
  assert.equal(alreadyBuilt(current, plan, image.id), true);
  assert.equal(alreadyBuilt({ ...current, complete: false }, plan, image.id), false);
  assert.equal(alreadyBuilt(current, plan, 'sha256:2'), false);
  assert.equal(alreadyBuilt(current, plan, undefined), false, 'no image id, no proof');
  assert.equal(alreadyBuilt(current, { ...plan, targets: plan.targets.slice(1) }, image.id), false);
  assert.equal(alreadyBuilt(current, { ...plan, ref: { sha: 'f'.repeat(40) } } as unknown as BuildPlan, image.id), false);
});
