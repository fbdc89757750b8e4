import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { growingSymbols, symbolSizes } from '../../src/diagnostics/symbol-sizes.ts';
import { parseSizes, readKept } from '../../src/results/kept.ts';
import { parseBoot, parseKeep } from '../../src/boot/boot-inputs.ts';
import { splitList } from '../../src/inputs/inputs.ts';
import { InputError } from '../../src/errors.ts';
import { compareWithBaseline } from '../../src/diagnostics/regressions.ts';
import { type BuildResults, type TargetResult } from '../../src/types/results.ts';
import { tempDir } from '../support/temp-dir.ts';

const mapBefore = ['ffffffff81000000 T _text', 'ffffffff81000100 T start_kernel', 'ffffffff81000300 t helper', 'ffffffff81000340 T end_of_text', 'ffffffff81000400 D some_data', 'ffffffff81000410 A absolute'].join('\n');
const mapAfter = ['ffffffff81000000 T _text', 'ffffffff81000100 T start_kernel', 'ffffffff81000500 t helper', 'ffffffff81000540 T new_function', 'ffffffff81000600 T end_of_text', 'ffffffff81000700 D some_data', 'ffffffff81000710 A absolute'].join('\n');

test('symbolSizes: a symbol spans to the next address; only code and data symbols', () => {
  const sizes = symbolSizes(mapBefore);
  assert.equal(sizes.get('start_kernel'), 0x200);
  assert.equal(sizes.get('helper'), 0x40);
  assert.equal(sizes.get('some_data'), 0x10);
  assert.equal(sizes.has('absolute'), false, 'an absolute symbol has no size');
});

test('growingSymbols: largest growth first, new symbols from 0, shrinking ones left out', () => {
  const growing = growingSymbols(symbolSizes(mapBefore), symbolSizes(mapAfter));
  assert.deepEqual(growing.map((g) => [g.name, g.delta]), [['start_kernel', 0x200], ['new_function', 0xc0], ['end_of_text', 0x40]]);
});

test('parseSizes: five whole numbers, anything else is no sizes', () => {
  assert.deepEqual(parseSizes('1000 200 30 4096 0\n'), { text: 1000, data: 200, bss: 30, imageBytes: 4096, modules: 0 });
  for (const bad of ['', '1 2 3 4', '1 2 3 4 5 6', '-1 2 3 4 5', '1 2 3 4 x', `${'9'.repeat(20)} 1 1 1 1`]) assert.equal(parseSizes(bad), undefined, bad);
});

test('readKept: only the known regular files are listed; a link the build left is not', () => {
  const dir = tempDir('kept');
  mkdirSync(join(dir, 'x86/tinyconfig'), { recursive: true });
  for (const f of ['bzImage', 'System.map', 'config', 'unknown.bin']) writeFileSync(join(dir, 'x86/tinyconfig', f), 'x');
  symlinkSync('/etc/passwd', join(dir, 'x86/tinyconfig/vmlinux.xz'));
  writeFileSync(join(dir, 'x86/tinyconfig/sizes'), '10 20 30 40 0\n');
  assert.deepEqual(readKept(dir, 'x86/tinyconfig'), { files: ['bzImage', 'System.map', 'config'], sizes: { text: 10, data: 20, bss: 30, imageBytes: 40, modules: 0 } });
  assert.deepEqual(readKept(dir, 'arm64/none'), { files: [] });
});

test('parseKeep: any of kernel, modules, dtbs, debug, or none; anything else is an error naming keep', () => {
  assert.deepEqual(parseKeep('dtbs kernel', splitList), ['kernel', 'dtbs']);
  assert.deepEqual(parseKeep('none', splitList), []);
  assert.throws(() => parseKeep('kernel rootfs', splitList), (e: unknown) => e instanceof InputError && /input 'keep': "rootfs"/.test((e as Error).message));
});

test('parseBoot: off, all, or targets; the timeout bounded; booting needs the kernel kept', () => {
  assert.equal(parseBoot(undefined, 300, false, ['kernel'], splitList), undefined);
  assert.equal(parseBoot('off', 300, false, ['kernel'], splitList), undefined);
  assert.deepEqual(parseBoot('all', 300, false, ['kernel'], splitList), { targets: 'all', timeoutSeconds: 300, kvm: false });
  assert.deepEqual(parseBoot('x86/tinyconfig+kb-boot.config x86/tinyconfig+kb-boot.config', 60, true, ['kernel'], splitList)?.targets, ['x86/tinyconfig+kb-boot.config']);
  const refused: [string, number, string[], RegExp][] = [
    ['yes', 300, ['kernel'], /input 'boot': "yes" .*off, all, or arch\/config/],
    ['vax/defconfig', 300, ['kernel'], /input 'boot': "vax\/defconfig"/],
    ['x86/bad;config', 300, ['kernel'], /input 'boot'/],
    ['all', 5, ['kernel'], /input 'boot-timeout': "5" .*10s to 2h/],
    ['all', 86400, ['kernel'], /input 'boot-timeout'/],
    ['all', 300, ['dtbs'], /input 'keep': "dtbs" .*booting needs the kernel kept/],
  ];
  for (const [text, timeout, keep, message] of refused) assert.throws(() => parseBoot(text, timeout, false, keep as never, splitList), message, text);
});

function target(over: Partial<TargetResult>): TargetResult {
  return { target: 'x86/tiny', arch: 'x86', config: 'tiny', status: 'pass', log: 'x86/tiny.log', ...over };
}

function build(targets: TargetResult[]): BuildResults {
  return {
    schema: 1, complete: true, result: 'pass', tree: 't', ref: 'master', refKind: 'branch', sha: 'a'.repeat(40), buildId: 'b', kernelVersion: '6.1.0',
    image: { name: 'i', id: 'sha256:1', digest: 'sha256:1', toolchain: 'gcc 12', reason: '', cross: {}, makeVars: [] }, tmpfsSize: '60g', commits: [],
    startedAt: '2026-01-04T00:00:00.000Z', finishedAt: '2026-01-04T01:00:00.000Z', durationSeconds: 1, driverExitCode: 0, targets, targetOrder: targets.map((t) => t.target), dropped: [],
  };
}

test('compareWithBaseline: sizes and boots since the baseline', () => {
  const sizes = (text: number, image: number) => ({ text, data: 100, bss: 10, imageBytes: image, modules: 0 });
  const before = build([
    target({ sizes: sizes(1000, 5000), boot: { status: 'pass' } }),
    target({ target: 'arm64/tiny', arch: 'arm64', boot: { status: 'fail', reason: 'kernel panic' } }),
    target({ target: 'riscv/tiny', arch: 'riscv', boot: { status: 'pass' } }),
  ]);
  const now = build([
    target({ sizes: sizes(1300, 5200), boot: { status: 'fail', reason: 'timeout' } }),
    target({ target: 'arm64/tiny', arch: 'arm64', boot: { status: 'pass' } }),
    target({ target: 'riscv/tiny', arch: 'riscv', status: 'fail' }),
  ]);
  const r = compareWithBaseline(now, before, '/b/results.json', (t) => (t === 'x86/tiny' ? [{ name: 'f', before: 0, after: 300, delta: 300 }] : undefined));
  assert.deepEqual(r.newlyFailingBoots, ['x86/tiny', 'riscv/tiny']);
  assert.deepEqual(r.newlyPassingBoots, ['arm64/tiny']);
  assert.deepEqual(r.sizes, [{ target: 'x86/tiny', before: sizes(1000, 5000), after: sizes(1300, 5200), delta: 300, imageDelta: 200, growing: [{ name: 'f', before: 0, after: 300, delta: 300 }] }]);
});
