import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCompileStep } from '../../src/parse/compile-steps.ts';
import { scanLog } from '../../src/diagnostics/scan-log.ts';
import { expectedWork, staticEstimate } from '../../src/plan/estimate.ts';
import { CONFIG_CLASSES, PROJECT_FRAGMENT_COSTS, staticCost, targetCosts } from '../../src/plan/costs.ts';
import { type Target } from '../../src/types/targets.ts';

const def = CONFIG_CLASSES.default;
const tinyClass = CONFIG_CLASSES.tiny;
import { tempDir } from '../support/temp-dir.ts';

test('compile steps: kbuild CC and AS lines of the kernel objects, built-in or module, and nothing else', () => {
  for (const line of ['  CC      init/main.o', '  CC [M]  fs/ext4/inode.o', '  AS      arch/x86/entry/entry_64.o', '  AS [M]  arch/x86/crypto/aes.o']) {
    assert.equal(isCompileStep(line), true, line);
  }
  for (const line of ['  HOSTCC  scripts/basic/fixdep', '  LD      vmlinux', '  CCACHE  x', 'CC      init/main.o', '  CC', 'init/main.c:1:1: error: CC x', '  CHK     include/generated/uapi']) {
    assert.equal(isCompileStep(line), false, line);
  }
});

test("a target's log scan counts its compile steps", async () => {
  const dir = tempDir('scan');
  const log = join(dir, 'x.log');
  writeFileSync(log, ['  HOSTCC  scripts/basic/fixdep', '  CC      init/main.o', '  CC [M]  fs/a.o', 'init/main.c:1:1: error: x', '  AS      entry.o', '  LD      vmlinux', ''].join('\n'));
  assert.equal((await scanLog(log, 'x86/defconfig', () => undefined)).objects, 3);
  assert.equal((await scanLog(join(dir, 'missing.log'), 'x86/defconfig', () => undefined)).objects, 0);
});

test("expected work: the cost table's CPU seconds and objects, counted when a previous build counted them", () => {
  const defconfig = { arch: 'x86', config: 'defconfig' };
  const tiny = { arch: 'arm64', config: 'tinyconfig' };
  const fresh = { arch: 'riscv', config: 'defconfig' };
  const previous = new Map([
    ['x86/defconfig', { target: 'x86/defconfig', arch: 'x86', config: 'defconfig', log: '', status: 'pass' as const, cpuSeconds: 900, objects: 2100 }],
    // Failed in its config last time: it stopped before building, which says nothing of this build.
    ['arm64/tinyconfig', { target: 'arm64/tinyconfig', arch: 'arm64', config: 'tinyconfig', log: '', status: 'fail' as const, cpuSeconds: 0.4, objects: 0 }],
  ]);
  assert.deepEqual(expectedWork(Object.fromEntries(targetCosts([defconfig, tiny, fresh], previous))), {
    // Measured at 900 CPU s: its set-up and tail keep the class's share of its CPU.
    'x86/defconfig': { cpuSeconds: 900, objects: 2100, objectsCounted: true, setupCpuSeconds: def.setupCpuSeconds * (900 / def.cpuSeconds), tailSeconds: def.tailSeconds * (900 / def.cpuSeconds) },
    'arm64/tinyconfig': { cpuSeconds: tinyClass.cpuSeconds, objects: tinyClass.objects, objectsCounted: false, setupCpuSeconds: tinyClass.setupCpuSeconds, tailSeconds: tinyClass.tailSeconds },
    'riscv/defconfig': { cpuSeconds: def.cpuSeconds, objects: def.objects, objectsCounted: false, setupCpuSeconds: def.setupCpuSeconds, tailSeconds: def.tailSeconds },
  });
});

test('static cost: what kernelbuilder\'s own fragments add to a tiny or small config, per arch; a defconfig already holds it', () => {
  const boot = (arch: string, base: string): Target => ({ arch, config: `${base}+kb-boot.config`, base, fragments: [{ kind: 'file', name: 'kb-boot.config' }] });
  const row = PROJECT_FRAGMENT_COSTS['kb-boot.config']!;
  const x86 = staticCost(boot('x86', 'tinyconfig'));
  assert.deepEqual([x86.objects, x86.cpuSeconds, x86.tailSeconds], [tinyClass.objects + row.objects.x86!, tinyClass.cpuSeconds + row.cpuSeconds.x86!, tinyClass.tailSeconds + row.tailSeconds]);
  // The main job's x86 target: the objects it built, cold.
  assert.equal(x86.objects, 616);
  const small = staticCost(boot('riscv', 'allnoconfig'));
  assert.equal(small.objects, CONFIG_CLASSES.small.objects + row.objects.riscv!);
  // An arch the row does not list: the mean of those it lists.
  const mean = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0) / Object.values(r).length;
  assert.equal(staticCost(boot('s390', 'tinyconfig')).objects, Math.round(tinyClass.objects + mean(row.objects)));
  assert.deepEqual(staticCost(boot('x86', 'defconfig')), CONFIG_CLASSES.default);
  assert.deepEqual(staticCost({ arch: 'x86', config: 'tinyconfig' }), tinyClass);
  // The order and the shards see it too.
  assert.equal(staticEstimate(boot('x86', 'tinyconfig')), x86.cpuSeconds);
});

test("static cost: a KUnit target is KUnit's class (the default config's measured objects), not a defconfig's; all_tests.config's stays the large class", () => {
  const kunit = (arch: string, config: string): Target => ({ arch, config, base: 'alldefconfig', test: arch === 'um' ? 'kunit-uml' : 'kunit-qemu' });
  assert.equal(staticCost(kunit('um', 'kunit')), CONFIG_CLASSES.kunit);
  assert.equal(staticCost(kunit('x86', 'kunit-lib-kunit')), CONFIG_CLASSES.kunit);
  assert.equal(staticCost(kunit('x86', 'kunit-all')), CONFIG_CLASSES.default);
  // The run it was measured on built 645 to 1,083 objects; the class is within them.
  assert.ok(CONFIG_CLASSES.kunit.objects >= 645 && CONFIG_CLASSES.kunit.objects <= 1083);
  assert.equal(staticCost({ arch: 'x86', config: 'alldefconfig' }), CONFIG_CLASSES.default);
});
