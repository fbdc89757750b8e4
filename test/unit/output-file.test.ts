import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkOutputPath, writeWhole } from '../../src/output-file.ts';
import { InputError } from '../../src/errors.ts';
import { tempDir } from '../support/temp-dir.ts';

const dir = tempDir('output-file');
mkdirSync(join(dir, 'a-folder'));
writeFileSync(join(dir, 'target'), 'the link\'s target\n');
symlinkSync(join(dir, 'target'), join(dir, 'a-link'));
symlinkSync(join(dir, 'nowhere'), join(dir, 'a-dangling-link'));
execFileSync('mkfifo', [join(dir, 'a-fifo')]);
writeFileSync(join(dir, 'a-file'), 'old\n');

const refused: { path: string; why: RegExp }[] = [
  { path: '', why: /input 'out': "" is not allowed; it must name a regular file/ },
  { path: '  ', why: /input 'out': "  " is not allowed; it must name a regular file/ },
  { path: '/dev/null', why: /"\/dev\/null" is not allowed; it is a device; it must name a regular file \(replaced\) or a new file/ },
  { path: join(dir, 'a-folder'), why: /it is a folder;/ },
  { path: join(dir, 'a-link'), why: /it is a link;/ },
  { path: join(dir, 'a-dangling-link'), why: /it is a link;/ },
  { path: join(dir, 'a-fifo'), why: /it is a FIFO;/ },
  { path: join(dir, 'missing', 'page.html'), why: /its folder .*missing does not exist;/ },
  { path: join(dir, 'a-file', 'page.html'), why: /its folder .*a-file is not a folder;/ },
];
for (const { path, why } of refused) {
  test(`an output path ${JSON.stringify(path.replace(dir, 'DIR'))} is refused naming the option and what is allowed`, () => {
    assert.throws(() => checkOutputPath('out', path), (e: Error) => e instanceof InputError && why.test(e.message));
  });
}

test('a new path or a regular file is taken, made absolute', () => {
  assert.equal(checkOutputPath('out', join(dir, 'new.html')), join(dir, 'new.html'));
  assert.equal(checkOutputPath('out', join(dir, 'a-file')), join(dir, 'a-file'));
  assert.equal(checkOutputPath('out', 'relative.html'), join(process.cwd(), 'relative.html'));
});

test('writeWhole writes a new file and replaces a regular one, leaving no temporary file', () => {
  const sub = tempDir('output-file-write');
  writeWhole(join(sub, 'new'), 'fresh\n');
  writeFileSync(join(sub, 'old'), 'old\n');
  writeWhole(join(sub, 'old'), 'replaced\n');
  assert.equal(readFileSync(join(sub, 'new'), 'utf8'), 'fresh\n');
  assert.equal(readFileSync(join(sub, 'old'), 'utf8'), 'replaced\n');
  assert.deepEqual(readdirSync(sub).sort(), ['new', 'old']);
});

test('writeWhole refuses a path that became a folder, a link or a FIFO after the check, and removes its temporary file', () => {
  const sub = tempDir('output-file-late');
  mkdirSync(join(sub, 'became-a-folder'));
  symlinkSync(join(dir, 'target'), join(sub, 'became-a-link'));
  execFileSync('mkfifo', [join(sub, 'became-a-fifo')]);
  for (const name of ['became-a-folder', 'became-a-link', 'became-a-fifo']) {
    assert.throws(() => writeWhole(join(sub, name), 'text\n'), /not written: it is a/);
  }
  assert.equal(lstatSync(join(sub, 'became-a-link')).isSymbolicLink(), true, 'the link is left as it was');
  assert.equal(readFileSync(join(dir, 'target'), 'utf8'), 'the link\'s target\n', 'its target is untouched');
  assert.equal(lstatSync(join(sub, 'became-a-fifo')).isFIFO(), true);
  assert.deepEqual(readdirSync(sub).sort(), ['became-a-fifo', 'became-a-folder', 'became-a-link'], 'no temporary file left');
});

test('writeWhole in a folder that does not exist fails and makes nothing', () => {
  const sub = tempDir('output-file-nofolder');
  assert.throws(() => writeWhole(join(sub, 'missing', 'page'), 'text\n'), /ENOENT/);
  assert.deepEqual(readdirSync(sub), []);
});
