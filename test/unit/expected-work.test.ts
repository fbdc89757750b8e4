import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCompileStep } from '../../src/parse/compile-steps.ts';
import { scanLog } from '../../src/diagnostics/scan-log.ts';
import { expectedWork } from '../../src/plan/estimate.ts';
import { CONFIG_CLASSES, targetCosts } from '../../src/plan/costs.ts';
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
    'x86/defconfig': { cpuSeconds: 900, objects: 2100, objectsCounted: true },
    'arm64/tinyconfig': { cpuSeconds: CONFIG_CLASSES.tiny.cpuSeconds, objects: CONFIG_CLASSES.tiny.objects, objectsCounted: false },
    'riscv/defconfig': { cpuSeconds: CONFIG_CLASSES.default.cpuSeconds, objects: CONFIG_CLASSES.default.objects, objectsCounted: false },
  });
});
