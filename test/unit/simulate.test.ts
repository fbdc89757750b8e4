import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SERIAL_HEAD_FRACTION, simulate } from '../../src/simulate/jobserver.ts';
import { fitsInSpace } from '../../src/plan/space.ts';
import { type SimTarget } from '../../src/simulate/types.ts';

const MIB = 2 ** 20;
const GIB = 2 ** 30;

/** A target of `cpu` CPU seconds, `serial` of them serial, `objects` compile jobs. */
function target(name: string, cpu: number, serial: number, objects: number, objdirBytes = 100 * MIB, memoryPerJobBytes = 200 * MIB): SimTarget {
  return { name, cost: { cpuSeconds: cpu, serialSeconds: serial, objects, objdirBytes, memoryPerJobBytes } };
}

const close = (actual: number, expected: number, what: string, tolerance = 1e-6) => assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, expected), `${what}: ${actual}, expected ${expected}`);

test('one target alone on 1 core takes its CPU seconds, at full utilisation, whatever -j', () => {
  for (const jobs of [1, 4]) {
    const sim = simulate([target('x86/tinyconfig', 300, 25, 350)], { cores: 1, jobs });
    close(sim.wallSeconds, 300, `wall with -j${jobs}`);
    close(sim.utilisation, 1, 'utilisation');
    close(sim.busyCoreSeconds, 300, 'busy core-seconds: CPU time is conserved');
    assert.deepEqual(sim.targets.map((t) => [t.name, t.startSeconds, t.waitedSeconds]), [['x86/tinyconfig', 0, 0]]);
    close(sim.targets[0].endSeconds, 300, 'its end');
  }
});

test('on 2 cores with -j2 the compile halves and the serial head and tail do not', () => {
  const sim = simulate([target('a', 300, 40, 260)], { cores: 2, jobs: 2 });
  close(sim.wallSeconds, 40 + 260 / 2, 'wall: serial 40 + compile 260 over 2 jobs');
  close(sim.utilisation, 300 / (2 * 170), 'utilisation: the serial phases leave a core idle');
  close(sim.peakMemoryBytes, 2 * 200 * MIB, 'two compile jobs held memory at once');
  assert.ok(SERIAL_HEAD_FRACTION > 0 && SERIAL_HEAD_FRACTION < 1);
});

test('two targets on 2 cores: each builds on its own token; with more tokens than cores they slow down, the CPU time is the same', () => {
  const two = [target('a', 100, 20, 80), target('b', 100, 20, 80)];
  const tight = simulate(two, { cores: 2, jobs: 2 });
  close(tight.wallSeconds, 100, 'wall with -j2: side by side');
  assert.deepEqual(tight.targets.map((t) => t.startSeconds), [0, 0]);
  const loose = simulate(two, { cores: 2, jobs: 4 });
  close(loose.wallSeconds, 100, 'wall with -j4: still 200 CPU seconds on 2 cores');
  close(loose.busyCoreSeconds, 200, 'busy core-seconds');
  close(loose.peakMemoryBytes, 4 * 200 * MIB, 'four jobs at once');
  // A small and a large one: once the small one ends, the large one's compile takes both tokens.
  const mixed = simulate([target('large', 100, 20, 80), target('small', 40, 20, 20)], { cores: 2, jobs: 2 });
  const [large, small] = mixed.targets;
  close(small.endSeconds, 40, 'the small one: head 5, 20 compile jobs, tail 15');
  assert.ok(large.endSeconds > 70 && large.endSeconds < 80, `the large one ends at ${large.endSeconds}, sooner than alone on one token (100)`);
});

test('the token limit: -j below the cores leaves cores idle', () => {
  const sim = simulate([target('a', 300, 40, 260)], { cores: 4, jobs: 2 });
  close(sim.wallSeconds, 170, 'wall as on 2 cores');
  close(sim.utilisation, 300 / (4 * 170), 'utilisation');
  const one = simulate([target('a', 100, 20, 80), target('b', 100, 20, 80)], { cores: 4, jobs: 1 });
  close(one.wallSeconds, 200, 'with -j1 the targets build one after the other');
  close(one.targets[1].startSeconds, 100, 'the second starts when the first ends');
});

test('peak /build is the sum of the object dirs that run at once, and memory the jobs that run', () => {
  const ts = [target('a', 100, 20, 80, 300 * MIB, 100 * MIB), target('b', 100, 20, 80, 500 * MIB, 300 * MIB)];
  const together = simulate(ts, { cores: 2, jobs: 2 });
  close(together.peakBuildBytes, 800 * MIB, 'side by side: both whole before either ends');
  close(together.peakMemoryBytes, 400 * MIB, 'one job each');
  const apart = simulate(ts, { cores: 2, jobs: 1 });
  close(apart.peakBuildBytes, 500 * MIB, 'one after the other: the larger one');
});

test('the space rule: a target whose object dir does not fit waits holding a token, those after it wait unstarted, the wall grows', () => {
  const ts = [target('big1', 100, 20, 80, 600 * MIB), target('big2', 100, 20, 80, 600 * MIB), target('small', 100, 20, 80, 100 * MIB)];
  const free = simulate(ts, { cores: 3, jobs: 3 });
  assert.deepEqual(free.targets.map((t) => t.waitedSeconds), [0, 0, 0]);
  close(free.peakBuildBytes, 1300 * MIB, 'without a limit all three at once');
  const limited = simulate(ts, { cores: 3, jobs: 3, spaceLimitBytes: 1000 * MIB });
  const [big1, big2, small] = limited.targets;
  assert.equal(big1.startSeconds, 0);
  close(big2.startSeconds, big1.endSeconds, 'big2 starts once big1 is gone');
  close(big2.waitedSeconds, big1.endSeconds, 'and says how long it waited');
  // As the driver's admissions: in order, so small waits unstarted behind big2.
  assert.ok(small.startSeconds >= big2.startSeconds, 'targets are admitted in plan order: small waits behind big2');
  assert.equal(small.waitedSeconds, 0, 'small itself was never refused for space');
  // big2's waiting admission holds one of the 3 tokens: big1 compiles with 2 of them, not 3.
  const alone = simulate([ts[0]], { cores: 3, jobs: 2 });
  close(big1.endSeconds, alone.wallSeconds, 'big1 runs as with 2 tokens');
  assert.ok(limited.peakBuildBytes <= 1000 * MIB, `peak ${limited.peakBuildBytes / MIB} MiB within the limit`);
  assert.ok(limited.wallSeconds > free.wallSeconds, `wall ${limited.wallSeconds} > ${free.wallSeconds}`);
});

test('fitsInSpace: nothing running always fits; else the running and the next within the limit', () => {
  assert.equal(fitsInSpace([], 100 * GIB, 1 * GIB), true, 'a target larger than the limit is still tried alone');
  assert.equal(fitsInSpace([4 * GIB, 4 * GIB], 4 * GIB, 12 * GIB), true, 'exactly the limit fits');
  assert.equal(fitsInSpace([4 * GIB, 4 * GIB], 4 * GIB + 1, 12 * GIB), false);
});
