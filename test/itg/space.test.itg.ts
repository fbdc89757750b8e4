import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { runEngine } from '../support/engine-run.ts';
import { tempDir } from '../support/temp-dir.ts';
import { type CheckedPlan } from '../../src/engine.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { CONFIG_CLASSES } from '../../src/plan/costs.ts';
import { spaceLimitBytes } from '../../src/plan/space.ts';

// The space scheduler with the real driver, container and engine: a toy tree whose every
// target writes a 30 MiB object dir and holds it a few seconds, so that the targets of one
// run overlap under -j3.

const MIB = 2 ** 20;
const OBJDIR = 30 * MIB;
const toy = 'head -c 30M /dev/zero > "$O/obj.bin" || exit 1\necho "  CC      obj.o"\nsleep 4\n';
const arches = ['x86', 'arm64', 'riscv'];
const inputs = { ref: 'v6.1', arches: arches.join(' '), configs: 'tinyconfig', jobs: '3' };

/** The driver's output of the build in `logs`. */
function driverLog(logs: string): string {
  return readFileSync(join(logs, readdirSync(logs).find((d) => d !== 'emails')!, 'v6.1', 'driver.log'), 'utf8');
}

const verdicts = (r: BuildResults) => r.targets.map((t) => [t.target, t.status, t.stage, t.reason]);
const WAIT = /^kernelbuilder: (\w+)\/tinyconfig waits for space on \/build \(needs (\d+) MiB, (\d+) MiB reserved of (\d+) MiB\)$/gm;

/** The same build without the scheduler: the driver given no space limit starts every target at once. */
const withoutScheduler = (c: CheckedPlan): CheckedPlan => ({ ...c, container: { ...c.container, Env: c.container.Env!.filter((e) => !e.startsWith('KB_SPACE_LIMIT=')) } });

test('space on /build: a target never starts past the space left, the naive order runs out of it, the same targets all pass with it', async () => {
  const source = makeToyKernel(toy, { arches });
  const logs = tempDir('logs');
  // The limit in MiB, as the driver logs it: the tmpfs less the toy's checkout and the margin.
  // The toy's work tree is at v6.1 and clean: it is built in place, no checkout on /build.
  const checkout = 0;
  const limitMib = (tmpfs: number) => String(spaceLimitBytes(tmpfs, checkout) >> 20);

  // 1. No earlier build: each target is predicted at its class's size (tinyconfig's), more
  // than the limit of a 38 MiB tmpfs alone. Each still starts once nothing runs: one at a time, no deadlock.
  assert.ok(CONFIG_CLASSES.tiny.objdirBytes > spaceLimitBytes(38 * MIB, checkout), 'the static prediction is past the limit alone');
  const first = await runEngine({ ...inputs, source, logs, 'tmpfs-size': '38m' });
  assert.deepEqual(verdicts(first.results), arches.map((a) => [`${a}/tinyconfig`, 'pass', 'build', undefined]), JSON.stringify(first.results.targets));
  for (const t of first.results.targets) {
    assert.ok(t.objdirBytes! >= OBJDIR && t.objdirBytes! < OBJDIR + MIB, `${t.target}: its object dir, ${t.objdirBytes} bytes, is what it wrote`);
  }
  assert.match(driverLog(logs), /^kernelbuilder: building [0-9a-f]{40} in place: the source's work tree, read-only$/m);
  const firstWaits = [...driverLog(logs).matchAll(WAIT)];
  assert.equal(firstWaits.length, 2, `two targets waited for the first: ${driverLog(logs)}`);
  assert.ok(firstWaits.every((m) => m[2] === String(CONFIG_CLASSES.tiny.objdirBytes >> 20) && m[3] === m[2] && m[4] === limitMib(38 * MIB)), firstWaits.map((m) => m[0]).join('\n'));
  assert.equal(first.results.targets.filter((t) => t.spaceWaitSeconds! > 0).length, 2);
  assert.ok(first.results.peakMemoryBytes! > OBJDIR, `the container's peak memory counts the tmpfs: ${first.results.peakMemoryBytes}`);

  // 2. An 80 MiB tmpfs (limit 71 MiB) holds two 30 MiB object dirs, not three. The plan
  // predicts the sizes the first build measured: two start, the third waits for one to end.
  const scheduled = await runEngine({ ...inputs, source, logs, 'tmpfs-size': '80m', force: 'true' });
  assert.deepEqual(verdicts(scheduled.results), verdicts(first.results), 'the same results');
  const waits = [...driverLog(logs).matchAll(WAIT)];
  assert.equal(waits.length, 1, driverLog(logs));
  assert.deepEqual(waits[0].slice(2), ['30', '60', limitMib(80 * MIB)]);
  assert.match(driverLog(logs), /^kernelbuilder: \w+\/tinyconfig starts after waiting \d+s for space on \/build$/m);
  assert.equal(scheduled.results.targets.filter((t) => t.spaceWaitSeconds! > 0).length, 1);

  // 3. The same build, the driver given no limit: all three start at once and the tmpfs fills.
  const naive = await runEngine({ ...inputs, source, logs, 'tmpfs-size': '80m', force: 'true' }, undefined, withoutScheduler);
  assert.doesNotMatch(driverLog(logs), /waits for space/);
  const full = naive.results.targets.filter((t) => t.status === 'fail');
  assert.ok(full.length >= 1, `naive order: ${JSON.stringify(verdicts(naive.results))}`);
  for (const t of full) assert.equal(t.reason, 'no space left on /build', t.target);
  assert.ok(naive.results.targets.some((t) => t.status === 'pass'), 'the others go on');
});
