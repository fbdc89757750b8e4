import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runCli } from '../../src/entry/cli.ts';
import { makeTinyTree } from '../support/tiny-tree.ts';
import { sampleResults, writeBuildDir } from '../support/results-fixture.ts';
import { type PlanSimulation } from '../../src/simulate/plan-simulation.ts';
import { TIMELINE_COLUMNS } from '../../src/simulate/text-timeline.ts';
import { checkoutBytesOf } from '../../src/plan/space.ts';
import { execFileSync } from 'node:child_process';

const paths = { driverDir: fileURLToPath(new URL('../../src/driver/', import.meta.url)), imagesDir: '/nonexistent/images' };

async function cli(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, paths, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'kb-simulate-'));
const source = makeTinyTree({ version: '6.1.0', arches: { x86: [], arm64: [] } });
process.on('exit', () => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(source, { recursive: true, force: true });
});
const base = ['simulate', '--source', source, '--ref', 'master', '--arches', 'x86 arm64', '--configs', 'tinyconfig allmodconfig', '--logs', join(scratch, 'logs')];

const bad: { argv: string[]; message: RegExp }[] = [
  { argv: ['--cores', '0'], message: /input 'cores': "0" is not allowed; cores is a whole number from 1 to 1024/ },
  { argv: ['--cores', 'many'], message: /input 'cores': "many" is not allowed; cores is a whole number from 1 to 1024/ },
  { argv: ['--cores', '2048'], message: /input 'cores': "2048" is not allowed/ },
  { argv: ['--cores', '1.5'], message: /input 'cores': "1.5" is not allowed/ },
  { argv: ['--shards', '0'], message: /input 'shards': "0" is not allowed; shards is a whole number from 1 to 256/ },
  { argv: ['--shards', 'x'], message: /input 'shards': "x" is not allowed/ },
  { argv: ['--tmpfs-size', '2t'], message: /input 'tmpfs-size': "2t" is not allowed; a size is a whole number with an optional unit k, m or g/ },
  { argv: ['--memory', 'lots'], message: /input 'memory': "lots" is not allowed/ },
  { argv: ['--core', '4'], message: /unknown option "--core"; did you mean --cores\?/ },
];
for (const { argv, message } of bad) {
  test(`simulate ${argv.join(' ')}: a clear error, exit 2, nothing on stdout`, async () => {
    const run = await cli(...base, ...argv);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, message);
  });
}

test('simulate prints the summary and a timeline per runner; --json the data, with -j cores + 2 unless --jobs says', async () => {
  const run = await cli(...base, '--cores', '8');
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'simulated 4 targets on 1 runner of 8 cores, -j10; object dirs held within 59.5 GiB of /build');
  assert.match(lines[1], /^predicted: wall .*, CPU \d+%, peak \/build [\d.]+ GiB, peak memory [\d.]+ GiB; none waited for space$/);
  const rows = lines.filter((l) => l.includes('|'));
  assert.deepEqual(rows.map((r) => r.split(' ')[0]), ['x86/allmodconfig', 'arm64/allmodconfig', 'x86/tinyconfig', 'arm64/tinyconfig'], 'longest first, as the driver starts them');
  for (const r of rows) assert.equal(/\|(.*)\|/.exec(r)![1].length, TIMELINE_COLUMNS);

  const json = await cli(...base, '--cores', '8', '--jobs', '3', '--shards', '2', '--tmpfs-size', '6g', '--json');
  assert.equal(json.status, 0, json.stderr);
  const sim = JSON.parse(json.stdout) as PlanSimulation;
  assert.equal(sim.cores, 8);
  assert.equal(sim.jobs, 3);
  assert.equal(sim.runners.length, 2);
  // The tmpfs less the tree's checkout (its files in whole pages and the index) and the margin.
  const checkout = checkoutBytesOf(execFileSync('git', ['-C', source, 'ls-tree', '-r', '-l', 'master'], { encoding: 'utf8' }));
  assert.ok(checkout > 0);
  assert.equal(sim.spaceLimitBytes, 6 * 2 ** 30 - 512 * 2 ** 20 - checkout);
  assert.deepEqual(sim.runners.map((r) => r.targets.length), [2, 2]);
  assert.equal(sim.wallSeconds, Math.max(...sim.runners.map((r) => r.wallSeconds)));
});

test('simulate takes the costs of the tree\'s previous build from the logs folder; plan shows the simulation\'s summary', async () => {
  const logs = join(scratch, 'with-previous');
  const previous = sampleResults(['x86/allmodconfig'], { tree: basename(source) });
  previous.targets[0] = { ...previous.targets[0], status: 'pass', cpuSeconds: 2 * 26000, objects: 30000, objdirBytes: 9 * 2 ** 30 };
  writeBuildDir(join(logs, basename(source), 'earlier'), previous);
  const args = ['--source', source, '--ref', 'master', '--arches', 'x86', '--configs', 'allmodconfig', '--cores', '8', '--json'];
  const without = JSON.parse((await cli('simulate', ...args, '--logs', join(scratch, 'empty'))).stdout) as PlanSimulation;
  const withPrevious = JSON.parse((await cli('simulate', ...args, '--logs', logs)).stdout) as PlanSimulation;
  assert.ok(withPrevious.wallSeconds > 1.8 * without.wallSeconds, `${withPrevious.wallSeconds} against ${without.wallSeconds}`);
  assert.equal(withPrevious.runners[0].peakBuildBytes, 9 * 2 ** 30);

  const plan = await cli('plan', '--source', source, '--ref', 'master', '--arches', 'x86', '--configs', 'allmodconfig', '--logs', logs, '--jobs', '4');
  assert.equal(plan.status, 0, plan.stderr);
  const out = JSON.parse(plan.stdout) as { simulation: { summary: string[] } };
  assert.match(out.simulation.summary[0], /^simulated 1 target on 1 runner of \d+ cores, -j4;/);
  assert.match(out.simulation.summary[1], /^predicted: wall /);
});

test('simulate --html writes the summary and an SVG timeline per runner into one self-contained page; bad options write nothing', async () => {
  mkdirSync(join(scratch, 'sim'));
  const page = join(scratch, 'sim', 'simulation.html');
  const run = await cli(...base, '--cores', '8', '--shards', '2', '--html', page);
  assert.equal(run.status, 0, run.stderr);
  const text = readFileSync(page, 'utf8');
  assert.match(text, /^<!DOCTYPE html>/);
  assert.match(text, /<h1>simulation of [^<]+<\/h1>\n<pre>simulated 4 targets on 2 runners of 8 cores/);
  assert.equal(text.match(/<svg /g)?.length, 2, 'a timeline per runner');
  assert.match(text, /<h2>runner 2<\/h2>/);
  assert.doesNotMatch(text, /<(?:script|link|img)\b[^>]*\b(?:src|href)=/, 'nothing loaded from elsewhere');
  const other = join(scratch, 'sim', 'refused.html');
  assert.equal((await cli(...base, '--cores', '0', '--html', other)).status, 2);
  assert.equal(existsSync(other), false);
});

test('simulate --html refuses, before reading the tree, a path that is not a regular file or a new file in an existing folder; nothing is written', async () => {
  const out = join(scratch, 'html-out');
  mkdirSync(join(out, 'a-folder'), { recursive: true });
  writeFileSync(join(out, 'target'), 'kept\n');
  symlinkSync(join(out, 'target'), join(out, 'a-link'));
  execFileSync('mkfifo', [join(out, 'a-fifo')]);
  const before = readdirSync(out).sort();
  const cwd = process.cwd();
  process.chdir(out);
  try {
    for (const [path, why] of [
      ['', /input 'html': "" is not allowed; it must name a regular file \(replaced\) or a new file, in a folder that exists/],
      [join(out, 'a-folder'), /input 'html': .* is not allowed; it is a folder;/],
      [join(out, 'a-link'), /input 'html': .* is not allowed; it is a link;/],
      [join(out, 'a-fifo'), /input 'html': .* is not allowed; it is a FIFO;/],
      [join(out, 'missing', 'page.html'), /input 'html': .* is not allowed; its folder .* does not exist;/],
    ] as const) {
      // A source that does not exist: the page's path is refused before the tree is looked at.
      const run = await cli('simulate', '--source', join(out, 'no-such-source'), '--ref', 'master', '--html', path);
      assert.equal(run.status, 2, path);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, why);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    }
  } finally {
    process.chdir(cwd);
  }
  assert.deepEqual(readdirSync(out).sort(), before, 'no temporary file, nothing new');
  assert.equal(lstatSync(join(out, 'a-link')).isSymbolicLink(), true);
  assert.equal(lstatSync(join(out, 'a-fifo')).isFIFO(), true);
  assert.equal(readFileSync(join(out, 'target'), 'utf8'), 'kept\n');
});
