import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRunRecord, parseRunRecords } from '../../src/kunit/run-record.ts';

// The record of KUnit runs: written by kunit-uml.sh in a container and by the host for QEMU, read by the host.
test('run records: what the host writes it reads back, in order', () => {
  const runs = [
    { run: 1, exit: 0, timedOut: false, milliseconds: 41250 },
    { run: 2, exit: 137, timedOut: true, milliseconds: 300000 },
  ];
  const text = runs.map(formatRunRecord).join('');
  assert.equal(text, '1 0 0 41250\n2 137 1 300000\n');
  assert.deepEqual(parseRunRecords(text), runs);
});

test('run records: a line that is not four numbers, or not the next run, is none of the record', () => {
  assert.deepEqual(parseRunRecords('2 0 0 10\n1 0 0 10\n').map((r) => r.run), [1], 'run 2 before run 1: skipped');
  assert.deepEqual(parseRunRecords('1 0 0 10\n1 0 0 10\n2 0 0 x\n2 0 0 12\n').map((r) => r.run), [1, 2]);
  assert.deepEqual(parseRunRecords('1 0 2 10\n'), [], 'timed out is 0 or 1');
});
