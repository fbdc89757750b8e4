import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogTail } from '../../src/container/log-tail.ts';
import { tempDir } from '../support/temp-dir.ts';

function recorder() {
  const events: string[] = [];
  return { events, opened: (t: string) => events.push(`opened ${t}`), lines: (t: string, lines: string[]) => events.push(...lines.map((l) => `${t}: ${l}`)) };
}

test('log tail: reads what a log grew by at each poll, a cut line once it ends', () => {
  const dir = tempDir('tail');
  mkdirSync(join(dir, 'x86'));
  const r = recorder();
  const tail = new LogTail(dir, { 'x86/defconfig': 'x86/defconfig.log' }, r);
  tail.poll();
  assert.deepEqual(r.events, [], 'no log yet');
  writeFileSync(join(dir, 'x86/defconfig.log'), '  CC      a.o\n  CC   ');
  tail.poll();
  appendFileSync(join(dir, 'x86/defconfig.log'), '   b.o\nlast');
  tail.poll();
  tail.poll();
  tail.finish('x86/defconfig');
  appendFileSync(join(dir, 'x86/defconfig.log'), '\nafter the end\n');
  tail.poll();
  assert.deepEqual(r.events, ['opened x86/defconfig', 'x86/defconfig:   CC      a.o', 'x86/defconfig:   CC      b.o', 'x86/defconfig: last']);
});

test('log tail: a log that is a link, a FIFO, or under a folder that is a link is never read', { timeout: 10_000 }, () => {
  const dir = tempDir('tail-hostile');
  const secret = tempDir('secret');
  writeFileSync(join(secret, 'tinyconfig.log'), 'host secret\n');
  writeFileSync(join(secret, 'secret'), 'host secret\n');
  mkdirSync(join(dir, 'x86'));
  symlinkSync(join(secret, 'secret'), join(dir, 'x86/link.log'));
  execFileSync('mkfifo', [join(dir, 'x86/fifo.log')]);
  // The arch folder itself swapped for a link to a host folder.
  symlinkSync(secret, join(dir, 'arm64'));
  const r = recorder();
  const tail = new LogTail(dir, { 'x86/link': 'x86/link.log', 'x86/fifo': 'x86/fifo.log', 'arm64/tinyconfig': 'arm64/tinyconfig.log' }, r);
  tail.poll();
  tail.finishAll();
  assert.deepEqual(r.events, []);
});
