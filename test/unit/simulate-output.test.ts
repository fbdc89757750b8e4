import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { simulate } from '../../src/simulate/jobserver.ts';
import { simulateShards } from '../../src/simulate/shards.ts';
import { simulatePlan } from '../../src/simulate/plan-simulation.ts';
import { simulationSummary } from '../../src/simulate/summary.ts';
import { TIMELINE_COLUMNS, textTimeline } from '../../src/simulate/text-timeline.ts';
import { svgTimeline } from '../../src/simulate/svg-timeline.ts';
import { type SimTarget } from '../../src/simulate/types.ts';
import { targetName } from '../../src/values/target-name.ts';
import { type Target } from '../../src/types/targets.ts';
import { targetCosts } from '../../src/plan/costs.ts';
import { estimateTargets } from '../../src/plan/estimate.ts';
import { type TargetResult } from '../../src/types/results.ts';

const MIB = 2 ** 20;
const GIB = 2 ** 30;

function target(name: string, cpu: number, objdirBytes = 100 * MIB): SimTarget {
  return { name, cost: { cpuSeconds: cpu, serialSeconds: 20, objects: 80, objdirBytes, memoryPerJobBytes: 200 * MIB } };
}

/** Three targets, the third held back by the space rule. */
const waited = simulate([target('x86/allmodconfig', 100, 600 * MIB), target('arm64/allmodconfig', 100, 600 * MIB), target('riscv/<tiny>&"config"', 50)], {
  cores: 2,
  jobs: 3,
  spaceLimitBytes: 1000 * MIB,
});

test('the text timeline: a row per target in start order, each bar of the same width, # building and ~ waiting, then the axis', () => {
  const rows = textTimeline(waited).split('\n');
  assert.equal(rows.length, 4);
  const bars = rows.slice(0, 3).map((r) => /\|(.*)\|/.exec(r)![1]);
  for (const bar of bars) assert.equal(bar.length, TIMELINE_COLUMNS);
  assert.ok(rows[0].startsWith('x86/allmodconfig '));
  assert.match(bars[0], /^#+ +$/, 'the first builds from the start');
  assert.match(bars[1], /^~+#+ *$/, 'the second waits, then builds');
  assert.ok(bars[0].indexOf(' ') <= bars[1].indexOf('#') + 1, 'the second starts when the first ends');
  assert.match(rows[3], /^ +0 +\d+m \d{2}s$/, 'the axis: 0 to the wall');
  assert.equal(rows[3].length, rows[0].indexOf('|') + 1 + TIMELINE_COLUMNS, 'the axis ends under the bars\' end');
});

test('the SVG timeline is well-formed, escapes names, and has a bar per target and one per wait', () => {
  const svg = svgTimeline(waited, 'predicted build', 'sim-1');
  assert.equal(XMLValidator.validate(svg), true, 'well-formed XML');
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['rect', 'text'].includes(name) }).parse(svg);
  const rects = doc.svg.rect as { class: string; width: string }[];
  assert.equal(rects.filter((r) => r.class === 'run').length, 3);
  assert.equal(rects.filter((r) => r.class === 'wait').length, 1);
  assert.ok(rects.every((r) => Number(r.width) > 0));
  assert.ok(svg.includes('riscv/&lt;tiny&gt;&amp;&quot;config&quot;'), 'a hostile name escaped');
  assert.equal(doc.svg.xmlns, 'http://www.w3.org/2000/svg');
});

const targets: Target[] = ['tinyconfig', 'allnoconfig', 'defconfig', 'allmodconfig'].flatMap((config) => ['x86', 'arm64'].map((arch) => ({ arch, config })));

test('shards: split as the matrix splits, each runner simulated; the matrix wall is the slowest, balance max over mean', () => {
  const costs = targetCosts(targets);
  const estimates = estimateTargets(targets);
  const one = simulateShards(targets, costs, estimates, 1, { cores: 32, jobs: 34 });
  const two = simulateShards(targets, costs, estimates, 2, { cores: 32, jobs: 34 });
  assert.equal(one.runners.length, 1);
  assert.equal(one.balance, 1);
  assert.equal(two.runners.length, 2);
  assert.deepEqual(two.runners.map((r) => r.targets.length), [4, 4], 'an allmodconfig, a defconfig and two small ones each');
  assert.ok(two.runners.every((r) => r.targets[0].name.endsWith('/allmodconfig')), 'longest first on each runner');
  assert.equal(two.wallSeconds, Math.max(...two.runners.map((r) => r.wallSeconds)));
  assert.ok(two.balance >= 1 && two.balance < 1.05, `two like halves are balanced: ${two.balance}`);
  assert.ok(two.wallSeconds < one.wallSeconds, 'two runners are sooner than one');
  const three: Target[] = [{ arch: 'x86', config: 'defconfig' }, { arch: 'x86', config: 'tinyconfig' }, { arch: 'arm64', config: 'tinyconfig' }];
  const lopsided = simulateShards(three, targetCosts(three), estimateTargets(three), 2, { cores: 32, jobs: 34 });
  // x86/defconfig alone against two tiny ones: the runners' walls differ, and the balance says by how much.
  const walls = lopsided.runners.map((r) => r.wallSeconds);
  assert.ok(Math.abs(lopsided.balance - Math.max(...walls) / ((walls[0] + walls[1]) / 2)) < 1e-9);
  assert.ok(lopsided.balance > 1.2, `lopsided: ${lopsided.balance}`);
  assert.equal(simulateShards(targets.slice(0, 2), targetCosts(targets.slice(0, 2)), estimateTargets(targets.slice(0, 2)), 8, { cores: 2, jobs: 4 }).runners.length, 2, 'never more runners than targets');
});

test('a plan\'s simulation takes measured costs from the previous build and says who waited in its summary', () => {
  const plan = { targets, estimates: Object.fromEntries(estimateTargets(targets)), checkoutBytes: 0 };
  const byClass = simulatePlan(plan, new Map(), { cores: 32, jobs: 34, tmpfsBytes: 60 * GIB, shards: 1 });
  const measured: TargetResult = { target: 'x86/allmodconfig', arch: 'x86', config: 'allmodconfig', status: 'pass', log: 'x', cpuSeconds: 52000, objects: 30000, objdirBytes: 8 * GIB };
  const withPrevious = simulatePlan(plan, new Map([[measured.target, measured]]), { cores: 32, jobs: 34, tmpfsBytes: 60 * GIB, shards: 1 });
  assert.ok(withPrevious.wallSeconds > byClass.wallSeconds, 'the measured allmodconfig costs twice its class');
  assert.ok(withPrevious.runners[0].peakBuildBytes > byClass.runners[0].peakBuildBytes);
  const tight = simulatePlan(plan, new Map(), { cores: 32, jobs: 34, tmpfsBytes: 6 * GIB, memoryBytes: 1 * GIB, shards: 1 });
  const lines = simulationSummary(tight);
  assert.match(lines[0], /^simulated 8 targets on 1 runner of 32 cores, -j34; object dirs held within 5\.5 GiB of \/build$/);
  assert.match(lines[1], /^predicted: wall \S+( \S+)?, CPU \d+%, peak \/build [\d.]+ GiB, peak memory [\d.]+ GiB; 1 waited for space: arm64\/allmodconfig \S+/);
  assert.match(lines[2], /^warning: peak memory .* is over the memory limit 1\.0 GiB/);
  assert.ok(tight.runners[0].peakBuildBytes <= 5.5 * GIB);
  const sharded = simulationSummary(simulatePlan(plan, new Map(), { cores: 32, jobs: 34, tmpfsBytes: 60 * GIB, shards: 2 }));
  assert.deepEqual(sharded.map((l) => l.split(':')[0]), ['simulated 8 targets on 2 runners of 32 cores, -j34; object dirs held within 59.5 GiB of /build', 'runner 1', 'runner 2', 'matrix']);
  assert.equal(targetName(targets[0]), 'x86/tinyconfig');
});
