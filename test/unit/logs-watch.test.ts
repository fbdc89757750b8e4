import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { measureFolder, watchLogsFolder } from '../../src/container/logs-watch.ts';
import { tempDir } from '../support/temp-dir.ts';

function folder(): string {
  const dir = tempDir('watch');
  mkdirSync(join(dir, 'x86'));
  writeFileSync(join(dir, 'x86', 'tinyconfig.log'), Buffer.alloc(3000));
  writeFileSync(join(dir, 'driver.log'), Buffer.alloc(1000));
  return dir;
}

test('measureFolder: bytes of files in subfolders, every entry counted, links not followed', () => {
  const dir = folder();
  symlinkSync('/usr', join(dir, 'link'));
  assert.deepEqual(measureFolder(dir, { bytes: 1e9, entries: 1e6 }), { bytes: 4000 + '/usr'.length, entries: 4 });
});

test('measureFolder stops once past a bound instead of walking everything', () => {
  const dir = folder();
  for (let i = 0; i < 50; i++) writeFileSync(join(dir, `spam-${i}`), '');
  const use = measureFolder(dir, { bytes: 1e9, entries: 10 });
  assert.equal(use.entries, 11);
  assert.ok(measureFolder(dir, { bytes: 100, entries: 1e6 }).bytes > 100);
});

test('watchLogsFolder calls back once when the folder passes the limit, not before', async () => {
  const dir = folder();
  const seen: number[] = [];
  const stop = watchLogsFolder(dir, 10_000, (use) => seen.push(use.bytes), 20);
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(seen, [], 'under the limit');
  writeFileSync(join(dir, 'x86', 'tinyconfig.log'), Buffer.alloc(20_000));
  await new Promise((r) => setTimeout(r, 200));
  stop();
  assert.deepEqual(seen, [21_000]);
});
