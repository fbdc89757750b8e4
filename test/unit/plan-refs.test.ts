import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectFragments } from '../support/project-fragments.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planRefs } from '../../src/fanout/plan-refs.ts';
import { buildMatrix } from '../../src/fanout/matrix.ts';
import { git, makeTinyTree } from '../support/tiny-tree.ts';
import { recordingLog } from '../support/recording-log.ts';
import { sampleResults } from '../support/results-fixture.ts';

const source = makeTinyTree({ version: '6.1.0', arches: { x86: [] } });
git(source, 'tag', '-a', '-m', 'v6.1', 'v6.1');
git(source, 'branch', 'also-master');
const sha = git(source, 'rev-parse', 'HEAD');
const scratch = mkdtempSync(join(tmpdir(), 'kb-plan-refs-'));
process.on('exit', () => [source, scratch].forEach((d) => rmSync(d, { recursive: true, force: true })));

const reader = (over: Record<string, string>) => (name: string) => ({ source, arches: 'x86', configs: 'tinyconfig', ...over })[name] ?? '';
const noEngine = async () => undefined;

test('refs that come to one build (the same ref twice, a branch and HEAD at its sha) are planned once', async () => {
  const logs = mkdtempSync(join(scratch, 'logs-'));
  const log = recordingLog();
  const { plans, shards } = await planRefs(reader({ refs: 'master\nmaster\nalso-master HEAD v6.1', logs }), log, projectFragments, noEngine);
  assert.deepEqual(plans.map((p) => p.ref.ref), ['master']);
  assert.equal(shards, 1);
  assert.deepEqual(log.lines.filter((l) => l.includes('planned once')).length, 3);
  assert.equal(buildMatrix(plans, shards).include.length, 1);
});

test('HEAD in a matrix: the job gets the sha, for another runner\'s HEAD is not this one', async () => {
  const { plans, shards } = await planRefs(reader({ ref: 'HEAD', logs: mkdtempSync(join(scratch, 'logs-')) }), recordingLog(), projectFragments, noEngine);
  assert.deepEqual(buildMatrix(plans, shards).include.map((j) => j.ref), [sha]);
});

test('already built is decided by image id, as a build decides it; without an id nothing counts as built', async () => {
  const logs = mkdtempSync(join(scratch, 'logs-'));
  const [plan] = (await planRefs(reader({ ref: 'master', logs }), recordingLog(), projectFragments, noEngine)).plans;
  mkdirSync(plan.logsDir, { recursive: true });
  const image = { name: plan.image.image, id: 'sha256:builtwith', digest: 'sha256:builtwith', toolchain: '', reason: '', cross: {}, makeVars: [] };
  const results = sampleResults(['x86/tinyconfig'], { sha, image });
  writeFileSync(join(plan.logsDir, 'results.json'), JSON.stringify(results));
  const planned = async (id: string | undefined, force = '') => (await planRefs(reader({ ref: 'master', logs, force }), recordingLog(), projectFragments, async () => id)).plans.length;
  assert.equal(await planned('sha256:builtwith'), 0, 'same name, same id: built');
  assert.equal(await planned('sha256:rebuilt'), 1, 'same name, another id: the image was rebuilt, build again');
  assert.equal(await planned(undefined), 1, 'no engine to ask: planned');
  assert.equal(await planned('sha256:builtwith', 'true'), 1, 'force');
});

test('every input is checked before any ref is resolved', async () => {
  let asked = 0;
  const lookup = async () => {
    asked++;
    return undefined;
  };
  await assert.rejects(planRefs(reader({ refs: 'nosuch/ref', 'tmpfs-size': 'lots' }), recordingLog(), projectFragments, lookup), /input 'tmpfs-size'/);
  await assert.rejects(planRefs(reader({ refs: 'nosuch/ref\na..b' }), recordingLog(), projectFragments, lookup), /input 'refs': "a\.\.b"/);
  await assert.rejects(planRefs(reader({ ref: '-x' }), recordingLog(), projectFragments, lookup), /input 'ref': "-x"/);
  assert.equal(asked, 0);
});
