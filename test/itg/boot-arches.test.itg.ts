import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../support/action-run.ts';
import { kernelRepo } from '../support/kernel-repo.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { tempDir } from '../support/temp-dir.ts';

// An arch whose boot init is our own asm, not the tree's nolibc (6.1's nolibc has no s390
// or powerpc): s390x, built from tinyconfig+kb-boot.config and booted on s390-ccw-virtio
// under TCG. Only s390 is built here: powerpc's and mips's rows, fragments and images were
// booted once and kept as console fixtures (test/fixtures/consoles/), and what they share
// with s390 (a row, a fragment, the image's compiler) this test runs.
const source = kernelRepo();
const config = 'tinyconfig+kb-boot.config';

test('s390x: tinyconfig with the boot fragment, the init from our own entry and system calls, boots to the sentinel on s390-ccw-virtio; the image and its sizes kept', () => {
  const logs = tempDir('logs');
  const run = runAction({ source, ref: 'stable/linux-6.1.y', arches: 's390', configs: config, boot: 'all', logs });
  assert.equal(run.status, 0, run.stdout.slice(-3000) + run.stderr);
  const dir = join(logs, 'stable', 'v6.1.192');
  const results = JSON.parse(readFileSync(run.outputs['results-json'], 'utf8')) as BuildResults;
  const t = results.targets[0];
  assert.deepEqual([t.target, t.status], [`s390/${config}`, 'pass']);
  assert.match(readFileSync(join(dir, t.dotConfig!), 'utf8'), /^CONFIG_SCLP_VT220_CONSOLE=y$/m);
  assert.equal(t.boot?.status, 'pass', JSON.stringify(t.boot));
  assert.equal(t.boot?.release, '6.1.192');
  assert.match(t.boot!.machine!, /^qemu-system-s390x -M s390-ccw-virtio/);
  const console = readFileSync(join(dir, t.boot!.console!), 'utf8');
  assert.match(console, /Run \/init as init process\nkernelbuilder-init: started\nkernelbuilder-boot: ok 6\.1\.192/);
  for (const f of ['bzImage', 'System.map', 'config', 'initramfs.cpio']) assert.ok(t.kept?.files.includes(f), `kept ${f}: ${t.kept?.files}`);
  assert.ok(t.sizes && t.sizes.text > 100_000 && t.sizes.imageBytes > 100_000, JSON.stringify(t.sizes));
});
