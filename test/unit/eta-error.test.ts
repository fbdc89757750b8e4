import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etaOf, etaPoints, meanErrorAround } from '../../bench/eta-error.ts';

test('bench ETA scoring: the ETA of progress lines only, errors against the time really left around a point of the run', () => {
  assert.equal(etaOf('progress 2 min: 0/3 done, 2 running, 1 waiting; x86/defconfig 600/2400 objects; ETA ~5 min'), 300);
  assert.equal(etaOf('progress 30 s: 0/1 done, 1 running, 0 waiting; ETA ~45 s'), 45);
  assert.equal(etaOf('progress 7 min: 3/3 done, 0 running, 0 waiting; all done'), undefined);
  assert.equal(etaOf('kernelbuilder: ETA ~5 min'), undefined);
  const lines = [
    { at: 100, text: 'progress 2 min: ...; ETA ~5 min' }, // left 300: exact
    { at: 200, text: 'progress 3 min: ...; ETA ~100 s' }, // left 200: off by 100
    { at: 210, text: 'kernelbuilder: x86/defconfig pass (stage build, exit 0) in 200s' },
    { at: 300, text: 'progress 5 min: ...; ETA ~150 s' }, // left 100: off by 50
  ];
  const points = etaPoints(lines, 400);
  assert.deepEqual(points, [
    { at: 100, eta: 300, left: 300 },
    { at: 200, eta: 100, left: 200 },
    { at: 300, eta: 150, left: 100 },
  ]);
  assert.deepEqual(meanErrorAround(points, 400, 0.25), { seconds: 0, relative: 0, lines: 1 });
  assert.deepEqual(meanErrorAround(points, 400, 0.5), { seconds: 100, relative: 0.5, lines: 1 });
  assert.deepEqual(meanErrorAround(points, 400, 0.75), { seconds: 50, relative: 0.5, lines: 1 });
  assert.equal(meanErrorAround(points, 400, 0.95), undefined);
});
