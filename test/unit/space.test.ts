import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPACE_MARGIN_CAP_BYTES, checkoutBytesOf, spaceLimitBytes } from '../../src/plan/space.ts';
import { tempDir } from '../support/temp-dir.ts';
import { spacePlanLine } from '../../src/engine.ts';
import { CONFIG_CLASSES, targetCosts } from '../../src/plan/costs.ts';

const MIB = 2 ** 20;
const GIB = 2 ** 30;
const spaceScript = fileURLToPath(new URL('../../src/driver/space.sh', import.meta.url));

test('space limit: the tmpfs less 10% of it, the margin at most 512 MiB', () => {
  assert.equal(spaceLimitBytes(80 * MIB), 72 * MIB);
  assert.equal(spaceLimitBytes(1000), 900);
  assert.equal(spaceLimitBytes(5 * GIB), 5 * GIB - 512 * MIB, '10% is exactly the cap');
  assert.equal(spaceLimitBytes(60 * GIB), 60 * GIB - SPACE_MARGIN_CAP_BYTES);
  assert.equal(spaceLimitBytes(2 * GIB), 2 * GIB - Math.floor((2 * GIB) / 10));
});

/** One target as target.sh runs it: reserve, hold the space `holdSeconds`, release; its lines and its start and end (ms) in `events`. */
function target(dir: string, events: string, name: string, need: number, limit: number, holdSeconds: number): Promise<string> {
  const script = [
    `. '${spaceScript}'`,
    `space_reserve '${name}' ${need} ${limit}`,
    `echo "start ${name} ${need} $(date +%s%3N)" >>'${events}'`,
    `sleep ${holdSeconds}`,
    `echo "end ${name} ${need} $(date +%s%3N)" >>'${events}'`,
    'space_release',
  ].join('\n');
  return new Promise((resolve, reject) => {
    // stdin not a pipe: node's pipes are sockets, and a bash whose stdin is a socket takes
    // itself for sshd's and reads ~/.bashrc, whose start-up time would stagger the targets.
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, KB_SPACE_DIR: join(dir, 'space') } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${name} exited ${code}: ${out}`));
    });
  });
}

/** The running sets the events show, at every start: each a list of [name, bytes]. */
function runningAtStarts(events: string): [string, number][][] {
  const lines = readFileSync(events, 'utf8').trim().split('\n').map((l) => l.split(' '));
  const spans = new Map<string, { need: number; start: number; end: number }>();
  for (const [kind, name, need, ms] of lines) {
    const span = spans.get(name) ?? { need: Number(need), start: NaN, end: NaN };
    span[kind as 'start' | 'end'] = Number(ms);
    spans.set(name, span);
  }
  return [...spans.values()].map((s) => [...spans].filter(([, o]) => o.start <= s.start && o.end > s.start).map(([n, o]) => [n, o.need] as [string, number]));
}

test('space scheduler: targets started at once never hold more than the limit together; one past the limit alone starts when nothing runs', async () => {
  const dir = tempDir('space');
  const events = join(dir, 'events');
  const limit = 100 * MIB;
  const needs: [string, number][] = [
    ['x86/a', 60 * MIB],
    ['x86/b', 60 * MIB],
    ['x86/c', 30 * MIB],
    ['x86/huge', 120 * MIB],
  ];
  const outputs = await Promise.all(needs.map(([name, need]) => target(dir, events, name, need, limit, 0.6)));
  for (const running of runningAtStarts(events)) {
    const sum = running.reduce((s, [, n]) => s + n, 0);
    assert.ok(running.length === 1 || sum <= limit, `running together past the limit: ${JSON.stringify(running)}`);
  }
  const waits = outputs.flatMap((o) => o.split('\n').filter((l) => l.includes('waits for space')));
  assert.ok(waits.length >= 2, `at most two of them fit at once, so the others waited: ${outputs.join('')}`);
  for (const o of outputs.filter((out) => out.includes('waits for space'))) {
    assert.equal(o.split('\n').filter((l) => l.includes('waits for space')).length, 1, `the wait is logged once: ${o}`);
    assert.match(o, /^kernelbuilder: x86\/\w+ waits for space on \/build \(needs (60|30|120) MiB, \d+ MiB reserved of 100 MiB\)$/m);
    assert.match(o, /^kernelbuilder: x86\/\w+ starts after waiting \d+s for space on \/build$/m);
  }
  assert.deepEqual(readFileSync(events, 'utf8').match(/^end /gm)?.length, 4, 'every target ran: none waited for ever');
  assert.equal(existsSync(join(dir, 'space', 'x86-huge.bytes')), false, 'every reservation was given back');
});

test("space scheduler: a reservation file that is not a number counts as nothing, and is never evaluated", async () => {
  const dir = tempDir('space');
  await target(dir, join(dir, 'events'), 'x86/first', MIB, 10 * MIB, 0);
  // What a build could leave in /build/space: bash arithmetic would run the substitution.
  writeFileSync(join(dir, 'space', 'x86-rogue.bytes'), `a[$(touch ${join(dir, 'pwned')})]`);
  const out = await target(dir, join(dir, 'events'), 'x86/next', 9 * MIB, 10 * MIB, 0);
  assert.doesNotMatch(out, /waits for space/);
  assert.equal(existsSync(join(dir, 'pwned')), false);
});

test("the plan's log names the space limit and each target's predicted object dir, measured or its class's", () => {
  const targets = [
    { arch: 'x86', config: 'tinyconfig' },
    { arch: 'arm64', config: 'tinyconfig' },
  ];
  const previous = new Map([['x86/tinyconfig', { target: 'x86/tinyconfig', arch: 'x86', config: 'tinyconfig', log: '', status: 'pass' as const, objdirBytes: 31 * MIB }]]);
  const line = spacePlanLine({ targets, costs: Object.fromEntries(targetCosts(targets, previous)), checkoutBytes: 3 * MIB, spaceLimitBytes: spaceLimitBytes(80 * MIB, 3 * MIB), tmpfsSize: '80m' });
  assert.equal(line, `space on /build: targets start while their predicted object dirs fit in 69 MiB (tmpfs-size 80m less the checkout's 3 MiB and a margin), else wait; predicted: x86/tinyconfig 31 MiB (measured), arm64/tinyconfig ${CONFIG_CLASSES.tiny.objdirBytes / MIB} MiB (its class)`);
});

test('the checkout counts against the space: each blob in whole pages, and the index; the limit never goes below zero', () => {
  const lsTree = [
    '100644 blob 0123456789abcdef0123456789abcdef01234567    1000\tMakefile',
    '100644 blob 0123456789abcdef0123456789abcdef01234567    4097\tinit/main.c',
    '120000 blob 0123456789abcdef0123456789abcdef01234567      11\tlink',
    '160000 commit 0123456789abcdef0123456789abcdef01234567       -\tsubmodule',
    '',
  ].join('\n');
  assert.equal(checkoutBytesOf(lsTree), 4096 + 8192 + 4096 + 3 * 104);
  assert.equal(spaceLimitBytes(80 * MIB, 10 * MIB), 62 * MIB);
  assert.equal(spaceLimitBytes(80 * MIB, 100 * MIB), 0);
});
