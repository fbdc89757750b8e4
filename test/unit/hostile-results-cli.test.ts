import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type BuildResults } from '../../src/types/results.ts';
import { findBaseline, previousTargets, readResults } from '../../src/results/previous.ts';
import { readTreeBuilds } from '../../src/report/html/tree-builds.ts';
import { publishBuildArtifacts } from '../../src/publish/publish.ts';
import { type ArtifactUploader } from '../../src/publish/upload-artifacts.ts';
import { KernelbuilderError } from '../../src/errors.ts';
import { tempDir } from '../support/temp-dir.ts';
import { sampleResults, writeBuildDir } from '../support/results-fixture.ts';

// `report DIR` and `merge` as a terminal runs them, on folders whose results.json has a
// malformed field: exit 2, the field named, no stack trace, and nothing written anywhere.

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });
}

/** Every file below a folder with its text: what "unchanged" compares. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );
}

const failed = (change: (r: BuildResults) => void): BuildResults => {
  const r = sampleResults(['x86/tinyconfig'], { result: 'fail' });
  r.targets[0] = { ...r.targets[0], status: 'fail', stage: 'build', exitCode: 2 };
  change(r);
  return r;
};

// Shapes that once crashed report or merge after results.json, kcidb.json, junit.xml and index.html were written.
const cases: [string, BuildResults][] = [
  ['bisects[0]', failed((r) => (r.bisects = [null as never]))],
  ['targets[0].excerpt', failed((r) => (r.targets[0].excerpt = 'error: x' as never))],
  ['regressions', failed((r) => (r.regressions = 'none' as never))],
  ['tree', failed((r) => (r.tree = 'emails'))],
  ['sourceMounts[0].host', failed((r) => (r.sourceMounts = [{ host: '/var/run/docker.sock', container: '/src/.git', why: 'x' }]))],
  ['startedAt', failed((r) => (r.startedAt = '1'))],
];

const noStack = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at .*\(|Error: .*\n\s+at /, stderr);

for (const [field, results] of cases) {
  test(`report DIR with a malformed ${field}: exit 2, the field named, nothing written`, () => {
    const dir = join(tempDir('hostile-report'), 'stable', 'v6.1.192');
    writeBuildDir(dir, results);
    const before = snapshot(dir);
    const run = cli('report', dir);
    assert.equal(run.status, 2, run.stderr);
    assert.ok(run.stderr.includes(`${join(dir, 'results.json')}: field ${field} is not allowed; `), run.stderr);
    noStack(run.stderr);
    assert.deepEqual(snapshot(dir), before);
  });

  test(`merge with a malformed ${field} in the second shard: exit 2, the field named, nothing written for the first either`, () => {
    const root = tempDir('hostile-merge');
    const downloads = join(root, 'downloads');
    writeBuildDir(join(downloads, 'a-shard-1of2'), { ...sampleResults(['arm64/tinyconfig']), shard: '1/2' });
    writeBuildDir(join(downloads, 'b-shard-2of2'), { ...results, shard: '2/2' });
    const before = snapshot(downloads);
    const logs = join(root, 'logs');
    const run = cli('merge', '--results', downloads, '--logs', logs);
    assert.equal(run.status, 2, run.stderr);
    assert.ok(run.stderr.includes(`${join(downloads, 'b-shard-2of2', 'results.json')}: field ${field} is not allowed; `), run.stderr);
    noStack(run.stderr);
    assert.deepEqual(snapshot(downloads), before);
    assert.deepEqual(snapshot(logs), {}, 'nothing written to the logs');
  });
}

test('the tree\'s earlier builds go through the one reader: malformed and linked folders are skipped, a good one is found', () => {
  const tree = join(tempDir('previous'), 'stable');
  const good = { ...sampleResults(['x86/tinyconfig'], { sha: 'b'.repeat(40), startedAt: '2026-01-01T00:00:00.000Z' }) };
  good.targets[0].durationSeconds = 42;
  writeBuildDir(join(tree, 'v1'), good);
  // Newer, but malformed: a list of nulls where the commits go.
  writeBuildDir(join(tree, 'v2'), { ...good, startedAt: '2026-01-02T00:00:00.000Z', commits: [null as never] });
  // Newer, but its folder is a link to a folder elsewhere.
  const elsewhere = join(tempDir('elsewhere'), 'v3');
  writeBuildDir(elsewhere, { ...good, startedAt: '2026-01-03T00:00:00.000Z' });
  symlinkSync(elsewhere, join(tree, 'v3'));
  const current = { ref: good.ref, sha: 'a'.repeat(40), startedAt: '2026-01-04T00:00:00.000Z' };
  assert.equal(findBaseline(tree, current)?.path, join(tree, 'v1', 'results.json'));
  assert.equal(previousTargets(tree).get('x86/tinyconfig')?.durationSeconds, 42);
  assert.deepEqual(readTreeBuilds(tree).map((b) => b.folder), ['v1']);
  const reasons: string[] = [];
  assert.equal(readResults(join(tree, 'v2', 'results.json'), (why) => reasons.push(why)), undefined);
  assert.match(reasons[0], /v2\/results\.json: field commits\[0\] is not allowed/);
});

test('publish reads the build\'s results.json through the one reader: a malformed one is a refusal naming the field', async () => {
  const dir = tempDir('publish');
  writeBuildDir(dir, failed((r) => (r.targets[0].boot = 'pass' as never)));
  const uploader: ArtifactUploader = { uploadArtifact: async () => assert.fail('nothing is uploaded') };
  await assert.rejects(publishBuildArtifacts(dir, { compressionLevel: 6 }, uploader), (e: unknown) => {
    assert.ok(e instanceof KernelbuilderError);
    assert.match(e.message, /^cannot publish artifacts: .*results\.json: field targets\[0\]\.boot is not allowed/);
    return true;
  });
  mkdirSync(join(dir, 'linked'));
  writeFileSync(join(dir, 'linked', 'elsewhere.json'), JSON.stringify(sampleResults(['x86/tinyconfig'])));
  symlinkSync(join(dir, 'linked', 'elsewhere.json'), join(dir, 'linked', 'results.json'));
  await assert.rejects(publishBuildArtifacts(join(dir, 'linked'), { compressionLevel: 6 }, uploader), /results\.json is a link/);
});
