import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type CacheClient, restoreCcache, saveCcache } from '../../src/cache/actions-cache.ts';
import { recordingLog } from '../support/recording-log.ts';

const keys = { primary: 'kb-img-x86-h-sha2', restore: ['kb-img-x86-h-', 'kb-img-x86-', 'kb-img-'] };

/** A client answering from a table of entries; `fail` makes every call throw. */
function client(entries: string[], fail?: Error): CacheClient & { saved: string[] } {
  const saved: string[] = [];
  return {
    saved,
    available: () => true,
    restore: async (_dir, primary, restore) => {
      if (fail) throw fail;
      return entries.find((e) => e === primary) ?? restore.map((k) => entries.find((e) => e.startsWith(k))).find(Boolean);
    },
    save: async (_dir, key) => {
      if (fail) throw fail;
      saved.push(key);
      return saved.length;
    },
  };
}

test('restore logs the key it restored from, or that nothing was', async () => {
  const log = recordingLog();
  assert.equal(await restoreCcache('/t/c', keys, log, client(['kb-img-x86-h-sha1'])), 'kb-img-x86-h-sha1');
  assert.equal(await restoreCcache('/t/c', keys, log, client([])), undefined);
  assert.deepEqual(log.lines, ['compiler cache restored from kb-img-x86-h-sha1', 'compiler cache: nothing restored for kb-img-x86-h-sha2 or its restore keys; starting empty']);
});

test('cache errors become warnings, never exceptions', async () => {
  const log = recordingLog();
  const broken = client([], new Error('Key Validation Error: too long'));
  assert.equal(await restoreCcache('/t/c', keys, log, broken), undefined);
  await saveCcache('/t/c', keys, { skipped: false, cancelled: false }, log, broken);
  assert.deepEqual(log.lines, ['warning: compiler cache not restored: Key Validation Error: too long', 'warning: compiler cache not saved: Key Validation Error: too long']);
});

test('save: under the primary key after a build, not after a skip, a cancel or an exact restore', async () => {
  const log = recordingLog();
  const c = client([]);
  await saveCcache('/t/c', keys, { skipped: true, cancelled: false }, log, c);
  await saveCcache('/t/c', keys, { skipped: false, cancelled: true }, log, c);
  await saveCcache('/t/c', keys, { skipped: false, cancelled: false, restoredKey: keys.primary }, log, c);
  assert.deepEqual(c.saved, []);
  await saveCcache('/t/c', keys, { skipped: false, cancelled: false, restoredKey: 'kb-img-x86-h-sha1' }, log, c);
  assert.deepEqual(c.saved, [keys.primary]);
  assert.equal(log.lines.at(-1), `compiler cache saved as ${keys.primary}`);
});

test('no cache service in the job: one warning, and neither restore nor save is tried', async () => {
  const log = recordingLog();
  const c = { ...client([], new Error('must not be called')), available: () => false };
  assert.equal(await restoreCcache('/t/c', keys, log, c), undefined);
  await saveCcache('/t/c', keys, { skipped: false, cancelled: false }, log, c);
  assert.equal(log.lines.length, 1);
  assert.match(log.lines[0], /^warning: ccache actions: the Actions cache service is not available/);
});
