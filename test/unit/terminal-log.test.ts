import { test } from 'node:test';
import assert from 'node:assert/strict';
import { terminalLog } from '../../src/entry/terminal-log.ts';

test('terminal: the progress line is redrawn in place and erased before any other line', () => {
  let out = '';
  const log = terminalLog((t) => (out += t), true);
  log.progress('progress 30 s: 0/2 done');
  log.progress('progress 60 s: 1/2 done');
  log.buildOutput('kernelbuilder: x86/defconfig pass');
  log.progress('progress 90 s: 2/2 done');
  assert.equal(out, '\r\x1b[Kprogress 30 s: 0/2 done\r\x1b[Kprogress 60 s: 1/2 done\r\x1b[Kkernelbuilder: x86/defconfig pass\n\r\x1b[Kprogress 90 s: 2/2 done');
});

test('not a terminal: every progress line is a plain line, no control characters', () => {
  let out = '';
  const log = terminalLog((t) => (out += t), false);
  log.group('build');
  log.progress('progress 30 s: 0/2 done');
  log.info('done');
  assert.equal(out, '== build ==\nprogress 30 s: 0/2 done\ndone\n');
});

test('no control character of a tree reaches the terminal, through any method; the log\'s own redraw does', () => {
  let out = '';
  const log = terminalLog((t) => (out += t), true);
  const hostile = 'subject \x1b]0;pwned\x07\x1b[2J\r\u009b31m\x00';
  log.group(hostile);
  log.info(hostile);
  log.warning(hostile);
  log.buildOutput(hostile);
  log.progress(hostile);
  const shown = 'subject \\x1b]0;pwned\\x07\\x1b[2J\\r\\x9b31m\\x00';
  assert.equal(out, `== ${shown} ==\n${shown}\nwarning: ${shown}\n${shown}\n\r\x1b[K${shown}`);
});
