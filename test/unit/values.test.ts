import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/errors.ts';
import { formatDuration, parseDuration } from '../../src/values/duration.ts';
import { ccacheSize, formatBytes, parseSize, sizeInBytes } from '../../src/values/size.ts';
import { parseTargetName, splitTargetName, targetName } from '../../src/values/target-name.ts';
import { formatIssueLine, formatLocation } from '../../src/values/issue-line.ts';

test('a size is parsed once, the same for every input and field', () => {
  assert.equal(parseSize('tmpfs-size', ' 60G '), '60g');
  assert.equal(sizeInBytes('512m'), 512 * 2 ** 20);
  assert.equal(ccacheSize('20g'), '20Gi');
  for (const bad of ['15m', '0g', '1.5g', '60gb', '5000g', '']) {
    assert.throws(() => parseSize('tmpfs-size', bad), (e: unknown) => e instanceof InputError && /input 'tmpfs-size'.*from 16m to 4096g/.test(e.message), bad);
  }
});

test('a duration is parsed once: a whole number and a unit s, m, h or d, from 1s to 7d', () => {
  assert.equal(parseDuration('target-timeout', '90m'), 5400);
  assert.equal(parseDuration('target-timeout', '3600'), 3600);
  assert.equal(parseDuration('target-timeout', undefined), undefined);
  for (const bad of ['0', '8d', '1.5h', '2 h', 'h']) assert.throws(() => parseDuration('target-timeout', bad), /input 'target-timeout'.*from 1s to 7d/, bad);
});

test('one duration formatter writes each of the styles the reports use', () => {
  assert.equal(formatDuration(3723), '1h 2m 3s');
  assert.equal(formatDuration(600), '10m 0s');
  assert.equal(formatDuration(42.4), '42s');
  assert.equal(formatDuration(7505, 'wall'), '2h 05m');
  assert.equal(formatDuration(450, 'wall'), '7m 30s');
  assert.equal(formatDuration(41.6, 'wall'), '42s');
  assert.equal(formatDuration(45.2, 'rough'), '45 s');
  assert.equal(formatDuration(720, 'rough'), '12 min');
});

test('one bytes formatter: MiB for a report, GiB past 1 GiB for the simulator', () => {
  assert.equal(formatBytes(31 * 2 ** 20), '31 MiB');
  assert.equal(formatBytes(2 ** 19), '0.5 MiB');
  assert.equal(formatBytes(2 * 2 ** 30), '2,048 MiB');
  assert.equal(formatBytes(330 * 2 ** 20, 'GiB'), '330 MiB');
  assert.equal(formatBytes(59.5 * 2 ** 30, 'GiB'), '59.5 GiB');
  assert.equal(formatBytes(150 * 2 ** 30, 'GiB'), '150 GiB');
});

test('an arch/config name a user wrote is checked once; a checked one is split at its first slash', () => {
  assert.deepEqual(parseTargetName('boot', 'x86/tinyconfig+kvm_guest.config', 'allowed'), { arch: 'x86', config: 'tinyconfig+kvm_guest.config' });
  for (const bad of ['x86', 'vax/defconfig', '/defconfig']) {
    assert.throws(() => parseTargetName('boot', bad, 'boot is arch/config'), (e: unknown) => e instanceof InputError && e.message.includes(`input 'boot': "${bad}"`) && e.message.includes('boot is arch/config'), bad);
  }
  assert.throws(() => parseTargetName('boot', 'x86/de fconfig', 'allowed'), InputError);
  assert.deepEqual(splitTargetName('arm64/defconfig'), { arch: 'arm64', config: 'defconfig' });
  assert.equal(targetName(splitTargetName('arm/multi_v7_defconfig')), 'arm/multi_v7_defconfig');
});

test('one formatter writes file:line:column: severity: message [flag]', () => {
  const d = { file: 'mm/slab.c', line: 12, column: 3, severity: 'warning' as const, message: 'unused variable', flag: '-Wunused-variable' };
  assert.equal(formatIssueLine(d), 'mm/slab.c:12:3: warning: unused variable [-Wunused-variable]');
  assert.equal(formatIssueLine({ ...d, column: undefined, flag: undefined }), 'mm/slab.c:12: warning: unused variable');
  assert.equal(formatIssueLine({ severity: 'error', message: 'modpost failed' }), 'error: modpost failed');
  assert.equal(formatLocation('init/main.c', 7), 'init/main.c:7');
  assert.equal(formatLocation(undefined, 7), '');
});
