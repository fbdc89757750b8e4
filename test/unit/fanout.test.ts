import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimateTargets, longestFirst, shardTargets, staticEstimate } from '../../src/plan/estimate.ts';
import { CONFIG_CLASSES } from '../../src/plan/costs.ts';
import { targetName } from '../../src/values/target-name.ts';
import { type Target } from '../../src/types/targets.ts';
import { buildMatrix } from '../../src/fanout/matrix.ts';
import { findShards, mergeShards } from '../../src/fanout/merge.ts';
import { parseShard } from '../../src/inputs/inputs.ts';
import { type BuildPlan } from '../../src/types/plan.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { InputError } from '../../src/errors.ts';
import { tempDir } from '../support/temp-dir.ts';

// A realistic cost table: the original builder's sweep of four arches on 6.1, durations
// in seconds as a 2-core machine would see them (allmodconfig hours, tinyconfig minutes).
const sweep: [string, number][] = [
  ...Array.from({ length: 70 }, (_, i): [string, number] => [`arm/board${i}_defconfig`, 600 + ((i * 397) % 1500)]),
  ['arm/multi_v7_defconfig', 2400], ['arm/allmodconfig', 9000], ['arm/allnoconfig', 200], ['arm/tinyconfig', 150], ['arm/multi_lpae', 2500], ['arm/multi_v7_nosmp', 2300],
  ['arm64/defconfig', 3000], ['arm64/allmodconfig', 11000], ['arm64/allnoconfig', 210], ['arm64/tinyconfig', 165], ['arm64/nosmp', 2900],
  ['riscv/defconfig', 1500], ['riscv/rv32_defconfig', 1400], ['riscv/nommu_virt_defconfig', 300], ['riscv/allmodconfig', 8000], ['riscv/allnoconfig', 150], ['riscv/tinyconfig', 125], ['riscv/nosmp', 1450], ['riscv/rv32', 1400],
  ['x86/x86_64_defconfig', 2000], ['x86/i386_defconfig', 1900], ['x86/allmodconfig', 10000], ['x86/allnoconfig', 220], ['x86/tinyconfig', 185],
];
const targets: Target[] = sweep.map(([name]) => ({ arch: name.split('/')[0], config: name.split('/')[1] }));
const durations = new Map(sweep);

for (const shards of [2, 3, 5, 8, 16]) {
  test(`${shards} shards of a 4-arch sweep: the costliest within 10% of the ideal, every target once`, () => {
    const parts = shardTargets(targets, durations, shards);
    const costs = parts.map((p) => p.reduce((s, t) => s + durations.get(targetName(t))!, 0));
    const total = [...durations.values()].reduce((a, b) => a + b, 0);
    const ideal = Math.max(total / shards, Math.max(...durations.values()));
    assert.ok(Math.max(...costs) <= ideal * 1.1, `max ${Math.max(...costs)} vs ideal ${ideal}`);
    assert.deepEqual(parts.flat().map(targetName).sort(), targets.map(targetName).sort());
  });
}

test('estimates: previous durations first, static otherwise; static puts allmodconfig first and tinyconfig last', () => {
  const est = estimateTargets([{ arch: 'x86', config: 'tinyconfig' }, { arch: 'x86', config: 'defconfig' }], new Map([['x86/defconfig', 42]]));
  assert.deepEqual([...est], [['x86/tinyconfig', CONFIG_CLASSES.tiny.cpuSeconds], ['x86/defconfig', 42]]);
  const order = longestFirst(
    ['tinyconfig', 'defconfig', 'allnoconfig', 'allmodconfig'].map((config) => ({ arch: 'arm64', config })),
    estimateTargets(['tinyconfig', 'defconfig', 'allnoconfig', 'allmodconfig'].map((config) => ({ arch: 'arm64', config }))),
  );
  assert.deepEqual(order.map((t) => t.config), ['allmodconfig', 'defconfig', 'allnoconfig', 'tinyconfig']);
  assert.ok(staticEstimate({ arch: 'arm', config: 'multi_lpae', base: 'multi_v7_defconfig' }) > staticEstimate({ arch: 'arm', config: 'tinyconfig' }));
});

test('matrix: one job a shard a ref, each with its targets, at most 256 jobs', () => {
  const plan = { ref: { ref: 'next/master', buildId: 'next-20260105' }, targets, estimates: Object.fromEntries(durations) } as unknown as BuildPlan;
  const { include } = buildMatrix([plan, { ...plan, ref: { ref: 'mainline/master', buildId: 'v6.19-rc4' } } as BuildPlan], 3);
  assert.equal(include.length, 6);
  assert.deepEqual(include.map((j) => j.shard), ['1/3', '2/3', '3/3', '1/3', '2/3', '3/3']);
  assert.equal(include.slice(0, 3).flatMap((j) => j.targets.split(' ')).length, targets.length);
  assert.throws(() => buildMatrix([plan, plan, plan], 100), (e: unknown) => e instanceof InputError && /256 jobs/.test((e as Error).message));
});

const badShards = ['0/0', '5/3', '0/3', '1/0', '1/257', '-1/3', '1/3/4', 'a/b', '1.5/3', ''];
for (const s of badShards.filter(Boolean)) {
  test(`shard ${JSON.stringify(s)} is refused by name`, () => {
    assert.throws(() => parseShard(s), (e: unknown) => e instanceof InputError && /input 'shard'/.test((e as Error).message));
  });
}

test('merge: shards become one build in the plan order; a missing shard leaves it incomplete', () => {
  const dir = tempDir('shards');
  const order = ['x86/tinyconfig', 'arm64/tinyconfig', 'riscv/tinyconfig'];
  const shard = (n: string, names: string[], startedAt: string, finishedAt: string): BuildResults => ({
    schema: 1, complete: true, result: 'pass', tree: 'stable', ref: 'stable/linux-6.1.y', refKind: 'remote-branch', sha: 'a'.repeat(40), buildId: 'v6.1.192', kernelVersion: '6.1.192',
    image: { name: 'kernelbuilder/gcc-12', id: 'sha256:1', digest: 'sha256:1', toolchain: 'gcc 12', reason: '', cross: {}, makeVars: [] }, tmpfsSize: '60g', commits: [],
    startedAt, finishedAt, durationSeconds: 0, driverExitCode: 0, shard: n, targetOrder: order, dropped: [],
    ccache: { hits: 10, misses: 5, hitRate: 0.667 },
    targets: names.map((t) => ({ target: t, arch: t.split('/')[0], config: 'tinyconfig', status: 'pass' as const, log: `${t}.log`, errors: 0, warnings: 0 })),
  });
  const put = (sub: string, r: BuildResults) => {
    mkdirSync(join(dir, sub, r.targets[0].arch), { recursive: true });
    writeFileSync(join(dir, sub, 'results.json'), JSON.stringify(r));
    for (const t of r.targets) {
      mkdirSync(join(dir, sub, t.arch), { recursive: true });
      writeFileSync(join(dir, sub, t.log), `log of ${t.target}\n`);
    }
  };
  put('kernelbuilder-stable-v6.1.192-shard-2of2-logs', shard('2/2', ['riscv/tinyconfig', 'x86/tinyconfig'], '2026-01-05T00:00:10.000Z', '2026-01-05T00:05:00.000Z'));
  const partial = mergeShards(findShards(dir)[0]);
  assert.equal(partial.complete, false, 'arm64 is missing');
  assert.equal(partial.result, 'fail');
  put('kernelbuilder-stable-v6.1.192-shard-1of2-logs', shard('1/2', ['arm64/tinyconfig'], '2026-01-05T00:00:00.000Z', '2026-01-05T00:04:00.000Z'));
  const [set] = findShards(dir);
  const merged = mergeShards(set);
  assert.deepEqual(merged.targets.map((t) => t.target), order);
  assert.equal(merged.complete, true);
  assert.equal(merged.result, 'pass');
  assert.equal(merged.shard, undefined);
  assert.equal(merged.durationSeconds, 300);
  assert.deepEqual(merged.ccache, { hits: 20, misses: 10, hitRate: 0.667 });
});

test("merge: one shard's run error is the merged build's, named by shard", () => {
  const dir = tempDir('shards');
  const order = ['x86/tinyconfig', 'arm64/tinyconfig'];
  const shard = (n: string, target: string, run: Pick<BuildResults, 'result' | 'complete' | 'error'>): BuildResults => ({
    schema: 1, tree: 'stable', ref: 'stable/linux-6.1.y', refKind: 'remote-branch', sha: 'a'.repeat(40), buildId: 'v6.1.192', kernelVersion: '6.1.192',
    image: { name: 'kernelbuilder/gcc-12', id: 'sha256:1', digest: 'sha256:1', toolchain: 'gcc 12', reason: '', cross: {}, makeVars: [] }, tmpfsSize: '60g', commits: [],
    startedAt: '2026-01-05T00:00:00.000Z', finishedAt: '2026-01-05T00:01:00.000Z', durationSeconds: 60, driverExitCode: run.result === 'error' ? 128 : 0, shard: n, targetOrder: order, dropped: [],
    targets: [{ target, arch: target.split('/')[0], config: 'tinyconfig', status: run.result === 'error' ? 'error' : 'pass', log: `${target}.log` }],
    ...run,
  });
  for (const r of [
    shard('1/2', 'x86/tinyconfig', { result: 'pass', complete: true }),
    shard('2/2', 'arm64/tinyconfig', { result: 'error', complete: false, error: { message: 'the set-up failed', lines: ['fatal: x'] } }),
  ]) {
    mkdirSync(join(dir, r.shard!.replace('/', 'of')), { recursive: true });
    writeFileSync(join(dir, r.shard!.replace('/', 'of'), 'results.json'), JSON.stringify(r));
  }
  const merged = mergeShards(findShards(dir)[0]);
  assert.equal(merged.result, 'error');
  assert.equal(merged.complete, false);
  assert.deepEqual(merged.error, { message: 'shard 2/2: the set-up failed', lines: ['fatal: x'] });
});
