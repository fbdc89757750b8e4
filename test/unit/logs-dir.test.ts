import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chownSync, lstatSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chownTree } from '../../src/logs-dir.ts';
import { tempDir } from '../support/temp-dir.ts';

test('chownTree gives files, folders and links to the owner, never what a link points to', { skip: process.getuid!() !== 0 && 'needs root to chown' }, () => {
  const outside = join(tempDir('outside'), 'secret');
  writeFileSync(outside, 'not the build\'s');
  chownSync(outside, 4321, 4321);
  const dir = tempDir('chown');
  mkdirSync(join(dir, 'x86'));
  writeFileSync(join(dir, 'x86', 'tinyconfig.log'), '');
  // What a hostile build can leave in its logs folder.
  symlinkSync(outside, join(dir, 'x86', 'link'));
  chownTree(dir, 1234, 1234);
  for (const path of [dir, join(dir, 'x86'), join(dir, 'x86', 'tinyconfig.log'), join(dir, 'x86', 'link')]) {
    assert.deepEqual([lstatSync(path).uid, lstatSync(path).gid], [1234, 1234], path);
  }
  assert.deepEqual([statSync(outside).uid, statSync(outside).gid], [4321, 4321], 'the file outside kept its owner');
});
