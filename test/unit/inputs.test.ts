import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { actionsCcacheDir, getInputs } from '../../src/inputs/inputs.ts';
import { parseSize } from '../../src/values/size.ts';
import { InputError } from '../../src/errors.ts';

const good = { source: '/srv/linux', ref: 'next/master' };
const read = (over: Record<string, string>) => (name: string) => ({ ...good, ...over })[name] ?? '';

test('defaults: the seed arches, defconfig, 60g tmpfs, cores+2 jobs', () => {
  const inputs = getInputs(read({}));
  assert.deepEqual(inputs.arches, ['x86', 'arm', 'arm64', 'riscv']);
  assert.deepEqual(inputs.configs, ['defconfig']);
  assert.equal(inputs.tmpfsSize, '60g');
  assert.ok(inputs.jobs >= 3);
  assert.equal(inputs.source, '/srv/linux');
});

test('lists split on spaces, commas and newlines, duplicates dropped', () => {
  const inputs = getInputs(read({ arches: 'riscv, x86\narm64 x86', configs: 'defconfig,tinyconfig' }));
  assert.deepEqual(inputs.arches, ['riscv', 'x86', 'arm64']);
  assert.deepEqual(inputs.configs, ['defconfig', 'tinyconfig']);
});

const bad: [Record<string, string>, string][] = [
  [{ source: '' }, 'source'],
  [{ ref: '' }, 'ref'],
  [{ ref: '--upload-pack=x' }, 'ref'],
  [{ arches: 'x86 amd64' }, 'arches'],
  [{ arches: ' , ' }, 'arches'],
  [{ configs: '../../etc/passwd' }, 'configs'],
  [{ configs: 'arch/x86/configs/foo' }, 'configs'],
  [{ configs: '.hidden' }, 'configs'],
  [{ configs: 'a..b' }, 'configs'],
  [{ 'tmpfs-size': '60 gigs' }, 'tmpfs-size'],
  [{ 'tmpfs-size': '-1g' }, 'tmpfs-size'],
  [{ 'tmpfs-size': '0' }, 'tmpfs-size'],
  [{ 'tmpfs-size': '1k' }, 'tmpfs-size'],
  [{ 'tmpfs-size': '99999g' }, 'tmpfs-size'],
  [{ jobs: '0' }, 'jobs'],
  [{ jobs: '-4' }, 'jobs'],
  [{ jobs: '2000' }, 'jobs'],
  [{ jobs: 'many' }, 'jobs'],
  [{ image: 'Not An Image' }, 'image'],
  [{ 'image-table': '/nonexistent/table.json' }, 'image-table'],
  [{ 'image-table': '{"select": 3}' }, 'image-table'],
  [{ tree: '../up' }, 'tree'],
  [{ tree: 'a/b' }, 'tree'],
  [{ ref: 'a\0b' }, 'ref'],
  [{ 'target-timeout': '0' }, 'target-timeout'],
  [{ 'target-timeout': '-5m' }, 'target-timeout'],
  [{ 'target-timeout': '8d' }, 'target-timeout'],
  [{ 'target-timeout': '1.5h' }, 'target-timeout'],
  [{ memory: '1k' }, 'memory'],
  [{ memory: 'all' }, 'memory'],
  [{ cpus: '0' }, 'cpus'],
  [{ cpus: '1e3' }, 'cpus'],
  [{ cpus: '5000' }, 'cpus'],
  [{ 'logs-limit': '1k' }, 'logs-limit'],
  [{ 'logs-limit': 'lots' }, 'logs-limit'],
  [{ noise: '/nonexistent/noise' }, 'noise'],
  [{ noise: '/dev/zero' }, 'noise'],
  [{ noise: '/etc' }, 'noise'],
  [{ 'image-table': '/dev/zero' }, 'image-table'],
  [{ 'image-table': '/etc/passwd' }, 'image-table'],
  [{ baseline: '/nonexistent/results.json' }, 'baseline'],
  [{ baseline: '/dev/zero' }, 'baseline'],
  [{ baseline: '/etc' }, 'baseline'],
  [{ baseline: '/etc/passwd' }, 'baseline'],
  [{ 'email-to': 'a@b.c\nBcc: x@y.z' }, 'email-to'],
  [{ 'email-to': 'not an address' }, 'email-to'],
];

test('limits: durations, memory and cpus', () => {
  const inputs = getInputs(read({ 'target-timeout': '90m', memory: '16g', cpus: '1.5', 'email-to': 'a@b.org, c@d.org' }));
  assert.equal(inputs.targetTimeout, 5400);
  assert.equal(inputs.memory, 16 * 2 ** 30);
  assert.equal(inputs.cpus, 1.5);
  assert.equal(inputs.logsLimit, 2 * 2 ** 30, 'the default logs-limit is 2g');
  assert.equal(getInputs(read({ 'logs-limit': '64m' })).logsLimit, 64 * 2 ** 20);
  assert.equal(inputs.emailTo, 'a@b.org, c@d.org');
  assert.equal(getInputs(read({ 'target-timeout': '3600' })).targetTimeout, 3600);
});

for (const [over, input] of bad) {
  test(`input ${input}=${JSON.stringify(Object.values(over)[0]).slice(0, 30)} is refused by name`, () => {
    assert.throws(
      () => getInputs(read(over)),
      (e: unknown) => e instanceof InputError && e.message.startsWith(`input '${input}`) && /is not allowed; /.test(e.message),
    );
  });
}

test('sizes are normalised the way Docker takes them', () => {
  assert.equal(parseSize('tmpfs-size', '60G'), '60g');
  assert.equal(parseSize('tmpfs-size', '512m'), '512m');
  assert.equal(parseSize('tmpfs-size', '17179869184'), '17179869184');
});

test('ccache actions: a per-job folder under RUNNER_TEMP, 2g unless ccache-size says otherwise', () => {
  assert.deepEqual(getInputs(read({ ccache: 'actions' })).ccache, { dir: actionsCcacheDir(), maxSize: '2g', actionsCache: true });
  assert.equal(getInputs(read({ ccache: 'actions', 'ccache-size': '5G' })).ccache?.maxSize, '5g');
  assert.deepEqual(getInputs(read({ ccache: 'host', 'ccache-dir': '/var/cache/kb' })).ccache, { dir: '/var/cache/kb', maxSize: '20g' });
  assert.equal(actionsCcacheDir({ RUNNER_TEMP: '/home/runner/work/_temp' }), '/home/runner/work/_temp/kernelbuilder-ccache');
  assert.equal(actionsCcacheDir({}), `${tmpdir()}/kernelbuilder-ccache`);
});

test('ccache actions with ccache-dir is refused, naming both inputs', () => {
  assert.throws(
    () => getInputs(read({ ccache: 'actions', 'ccache-dir': '/var/cache/kb' })),
    (e: unknown) => e instanceof InputError && /^input 'ccache-dir': "\/var\/cache\/kb" is not allowed; .*ccache 'actions'/.test(e.message),
  );
  assert.throws(() => getInputs(read({ ccache: 'github' })), /input 'ccache': "github" is not allowed; .*'host'.*'actions'.*'off'/);
});
