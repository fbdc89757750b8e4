import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { reportShards } from '../../src/fanout/report-shards.ts';
import { findShards } from '../../src/fanout/merge.ts';
import { checkResults } from '../../src/results/check-results.ts';
import { defaultNoise } from '../../src/diagnostics/noise.ts';
import { type BuildResults, type TargetResult } from '../../src/types/results.ts';
import { KernelbuilderError } from '../../src/errors.ts';
import { sampleResults, writeBuildDir } from '../support/results-fixture.ts';

// A shard's artifact comes from another runner that built untrusted code: everything in
// it is as hostile as the tree. Each attack of issue 14 against a report job: a downloads
// folder with one shard, a logs folder, and a host secret beside them.

const SECRET = 'root:x:0:0:SECRET-OF-THE-HOST';

interface Scene {
  root: string;
  downloads: string;
  shard: string;
  logs: string;
  secret: string;
}

function scene(t: { after: (fn: () => void) => void }, results: BuildResults): Scene {
  const root = mkdtempSync(join(tmpdir(), 'kb-hostile-shard-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const secret = join(root, 'host', 'secret');
  mkdirSync(join(root, 'host'));
  writeFileSync(secret, `${SECRET}\n`);
  const downloads = join(root, 'downloads');
  const shard = join(downloads, 'kernelbuilder-stable-v6.1.192-shard-1of1-logs');
  writeBuildDir(shard, results);
  return { root, downloads, shard, logs: join(root, 'logs'), secret };
}

/** A shard whose one target failed (so its reproducer is written and its log's end published). */
function failedShard(target: Partial<TargetResult> = {}, overrides: Partial<BuildResults> = {}): BuildResults {
  const r = sampleResults(['x86/tinyconfig'], { result: 'fail', ...overrides });
  return { ...r, targets: [{ ...r.targets[0], status: 'fail', stage: 'build', exitCode: 2, ...target }] };
}

/** Every file the report job wrote, with its text. */
function written(s: Scene): string[] {
  if (!existsSync(s.logs)) return [];
  return readdirSync(s.logs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

function refusedNaming(s: Scene, what: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof KernelbuilderError, String(e));
    assert.ok(e.message.startsWith(`${s.shard}`), e.message);
    assert.match(e.message, what);
    return true;
  };
}

const report = (s: Scene) => reportShards(s.downloads, s.logs, { noise: defaultNoise, emailTo: 'maintainer@example.org' });

test('a target log path out of the shard is refused, and the host file is published nowhere', async (t) => {
  const s = scene(t, failedShard());
  // As far up from the merged build folder (<logs>/stable/v6.1.192) as needed to reach the secret.
  const log = relative(join(s.logs, 'stable', 'v6.1.192'), s.secret);
  writeFileSync(join(s.shard, 'results.json'), JSON.stringify(failedShard({ log })));
  await assert.rejects(report(s), refusedNaming(s, /field targets\[0\]\.log is not allowed; it is x86\/tinyconfig\.log/));
  assert.ok(!existsSync(s.logs), 'a refused shard writes nothing');
  assert.ok(!written(s).some((text) => text.includes(SECRET)));
});

test('a config with a path is refused, and nothing is written outside the logs', async (t) => {
  const s = scene(t, failedShard());
  const outside = join(s.root, 'outside');
  mkdirSync(outside);
  const config = `${relative(join(s.logs, 'stable', 'v6.1.192', 'x86'), outside)}/evil`;
  writeFileSync(join(s.shard, 'results.json'), JSON.stringify(failedShard({ config, target: `x86/${config}`, log: `x86/${config}.log` })));
  await assert.rejects(report(s), refusedNaming(s, /field targets\[0\]\.config is not allowed/));
  assert.ok(!existsSync(s.logs), 'a refused shard writes nothing');
  assert.deepEqual(readdirSync(outside), []);
});

test('a shard log that is a link to a host file is never followed', async (t) => {
  const s = scene(t, failedShard());
  rmSync(join(s.shard, 'x86/tinyconfig.log'));
  symlinkSync(s.secret, join(s.shard, 'x86/tinyconfig.log'));
  await assert.rejects(report(s), refusedNaming(s, /x86\/tinyconfig\.log is a link, not a regular file/));
  assert.ok(!existsSync(s.logs), 'a refused shard writes nothing');
  assert.ok(!written(s).some((text) => text.includes(SECRET)));
});

test('an arch folder of a shard that is a link is never followed', async (t) => {
  const s = scene(t, failedShard());
  mkdirSync(join(s.root, 'host', 'x86'));
  writeFileSync(join(s.root, 'host', 'x86', 'tinyconfig.log'), `${SECRET}\n`);
  rmSync(join(s.shard, 'x86'), { recursive: true });
  symlinkSync(join(s.root, 'host', 'x86'), join(s.shard, 'x86'));
  await assert.rejects(report(s), refusedNaming(s, /x86 is not a folder/));
  assert.ok(!existsSync(s.logs), 'a refused shard writes nothing');
  assert.ok(!written(s).some((text) => text.includes(SECRET)));
});

test('a results.json that is a link is never followed', async (t) => {
  const s = scene(t, failedShard());
  writeFileSync(join(s.root, 'host', 'results.json'), JSON.stringify(failedShard()));
  rmSync(join(s.shard, 'results.json'));
  symlinkSync(join(s.root, 'host', 'results.json'), join(s.shard, 'results.json'));
  await assert.rejects(report(s), refusedNaming(s, /results\.json is a link/));
  assert.ok(!existsSync(s.logs), 'a refused shard writes nothing');
});

test('links that go round in the downloads are skipped, never followed: to itself, to each other, to a parent', (t) => {
  const s = scene(t, failedShard());
  symlinkSync('self', join(s.downloads, 'self'));
  symlinkSync('two', join(s.downloads, 'one'));
  symlinkSync('one', join(s.downloads, 'two'));
  symlinkSync('..', join(s.shard, 'up'));
  symlinkSync(s.downloads, join(s.shard, 'downloads'));
  const sets = findShards(s.downloads);
  assert.deepEqual(sets.map((set) => set.shards.map((shard) => relative(s.downloads, shard.dir))), [[relative(s.downloads, s.shard)]]);
});

test('a build id with a newline is refused: it can split no Subject', async (t) => {
  const s = scene(t, failedShard({}, { buildId: 'v6.1.192\nBcc: evil@x.org' }));
  await assert.rejects(report(s), refusedNaming(s, /field buildId is not allowed/));
  assert.ok(!existsSync(s.logs), 'a refused shard writes nothing');
  assert.ok(!written(s).some((text) => /^Bcc:/m.test(text)));
});

test('the results folder keeps no link, and gets the logs of an honest shard', async (t) => {
  const s = scene(t, failedShard());
  const merged = join(s.logs, 'stable', 'v6.1.192');
  mkdirSync(join(merged, 'x86'), { recursive: true });
  // Left by something earlier: the merge must not write through it.
  symlinkSync(s.secret, join(merged, 'x86', 'tinyconfig.status'));
  const [build] = await report(s);
  assert.equal(build.results.targets[0].log, 'x86/tinyconfig.log');
  assert.equal(readFileSync(join(merged, 'x86/tinyconfig.log'), 'utf8'), 'log of x86/tinyconfig\n');
  assert.equal(readFileSync(s.secret, 'utf8'), `${SECRET}\n`, 'the host file is untouched');
  assert.ok(!existsSync(join(merged, 'x86', 'tinyconfig.status')));
});

// Every field that becomes a name, a path, a header or a word of a reproducer, each
// refused by name without echoing the value.
const fields: [string, (r: BuildResults) => void][] = [
  ['schema', (r) => Object.assign(r, { schema: 2 })],
  ['tree', (r) => Object.assign(r, { tree: '../../etc' })],
  ['buildId', (r) => Object.assign(r, { buildId: '../x' })],
  ['ref', (r) => Object.assign(r, { ref: '--upload-pack=x' })],
  ['sha', (r) => Object.assign(r, { sha: 'HEAD; id' })],
  ['image.id', (r) => Object.assign(r.image, { id: 'sha256:1 $(id)' })],
  ['image.digest', (r) => Object.assign(r.image, { digest: 'x; id' })],
  ['image.name', (r) => Object.assign(r.image, { name: 'a b' })],
  ['image.cross.x86', (r) => Object.assign(r.image, { cross: { x86: 'x86_64-linux-gnu-;id;' } })],
  ['image.makeVars[0]', (r) => Object.assign(r.image, { makeVars: ['CC=$(id)'] })],
  ['image.toolchain', (r) => Object.assign(r.image, { toolchain: 'gcc 12\nid' })],
  ['tmpfsSize', (r) => Object.assign(r, { tmpfsSize: '60g,uid=0' })],
  ['startedAt', (r) => Object.assign(r, { startedAt: 'yesterday' })],
  ['commits[0].subject', (r) => Object.assign(r, { commits: [{ sha: 'a'.repeat(40), author: 'A', date: '2026-01-04T10:00:00+01:00', subject: 'x\nBcc: y' }] })],
  ['targets[0].arch', (r) => Object.assign(r.targets[0], { arch: 'x86_64' })],
  ['targets[0].target', (r) => Object.assign(r.targets[0], { target: 'arm64/tinyconfig' })],
  ['targets[0].status', (r) => Object.assign(r.targets[0], { status: 'passed' })],
  ['targets[0].dotConfig', (r) => Object.assign(r.targets[0], { dotConfig: '../../../etc/shadow' })],
  ['targets[0].requires[0]', (r) => Object.assign(r.targets[0], { requires: ['$(id)'] })],
  ['targets[0].base', (r) => Object.assign(r.targets[0], { base: 'tinyconfig;$(id)' })],
  ['targets[0].fragments', (r) => Object.assign(r.targets[0], { fragments: 'kb-boot.config' })],
  ['targets[0].fragments[1]', (r) => Object.assign(r.targets[0], { fragments: ['kb-boot.config', '../../$(id).config'] })],
  ['targets[0].fragments[0]', (r) => Object.assign(r.targets[0], { fragments: [['kb-boot.config']] })],
  ['targets[0].shippedFragments', (r) => Object.assign(r.targets[0], { fragments: ['kb-boot.config'], shippedFragments: { '$(id).config': ['CONFIG_X=y'] } })],
  ['targets[0].shippedFragments.kb-boot.config[0]', (r) => Object.assign(r.targets[0], { fragments: ['kb-boot.config'], shippedFragments: { 'kb-boot.config': ['EOF', '$(id)'] } })],
  ['targets[0].durationSeconds', (r) => Object.assign(r.targets[0], { durationSeconds: '1; id' })],
  ['targetOrder[0]', (r) => Object.assign(r, { targetOrder: ['x86/../../x'] })],
  ['ccache.hits', (r) => Object.assign(r, { ccache: { hits: '1', misses: 0, hitRate: 0 } })],
  // Figures the next plan schedules by: a negative, fractional, huge or textual one is no measurement.
  ['targets[0].objdirBytes', (r) => Object.assign(r.targets[0], { objdirBytes: -1 })],
  ['targets[0].objdirBytes', (r) => Object.assign(r.targets[0], { objdirBytes: 1e300 })],
  ['targets[0].objdirBytes', (r) => Object.assign(r.targets[0], { objdirBytes: '$(id)' })],
  ['targets[0].spaceWaitSeconds', (r) => Object.assign(r.targets[0], { spaceWaitSeconds: 2.5 })],
  ['peakMemoryBytes', (r) => Object.assign(r, { peakMemoryBytes: '../' })],
  ['peakMemoryBytes', (r) => Object.assign(r, { peakMemoryBytes: -4096 })],
];
for (const [field, spoil] of fields) {
  test(`a shard's results.json with a bad ${field} is refused by name`, () => {
    const r = structuredClone(failedShard());
    spoil(r);
    assert.throws(
      () => checkResults(JSON.parse(JSON.stringify(r)), '/downloads/shard-1'),
      (e: unknown) => {
        assert.ok(e instanceof KernelbuilderError);
        assert.ok(e.message.startsWith(`/downloads/shard-1/results.json: field ${field} is not allowed; `), e.message);
        for (const value of ['$(id)', 'Bcc', '../', 'uid=0', 'yesterday']) assert.ok(!e.message.includes(value), e.message);
        return true;
      },
    );
  });
}

test('an honest results.json passes the check unchanged', () => {
  const r = failedShard({ objdirBytes: 31_457_280, spaceWaitSeconds: 7, dotConfig: 'x86/tinyconfig.config', base: 'tinyconfig', fragments: ['kb-boot.config', 'CONFIG_NR_CPUS=-1'], shippedFragments: { 'kb-boot.config': ['# a comment', '', 'CONFIG_KVM_GUEST=y'] }, requires: ['CONFIG_KVM_GUEST=y'] }, {
    image: { name: 'kernelbuilder/gcc-12', id: 'sha256:' + 'd'.repeat(64), digest: 'sha256:' + 'd'.repeat(64), toolchain: 'gcc 12', reason: 'default', cross: { arm64: 'aarch64-linux-gnu-' }, makeVars: ['LLVM=1'] },
    buildId: 'v6.1.192-12-gabcdef123456',
    ccache: { hits: 1, misses: 2, hitRate: 0.333 },
    peakMemoryBytes: 812_000_256,
  });
  assert.deepEqual(checkResults(JSON.parse(JSON.stringify(r)), '/d'), r);
});
