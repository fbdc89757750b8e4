import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ccacheDelta, parseCcacheStats } from '../../src/results/ccache-stats.ts';
import { defaultCcacheDir, getInputs } from '../../src/inputs/inputs.ts';
import { ccacheSize } from '../../src/values/size.ts';

const before = 'cache_miss\t10\ndirect_cache_hit\t5\npreprocessed_cache_hit\t1\nstats_updated_timestamp\t1700000000\n';
const after = 'cache_miss\t12\ndirect_cache_hit\t50\npreprocessed_cache_hit\t3\nstats_updated_timestamp\t1700000100\n';

test('ccache: this run\'s hits and misses from two snapshots of a shared cache', () => {
  assert.equal(parseCcacheStats(before).get('cache_miss'), 10);
  assert.deepEqual(ccacheDelta(before, after), { hits: 47, misses: 2, hitRate: 0.959 });
  assert.deepEqual(ccacheDelta('', ''), { hits: 0, misses: 0, hitRate: 0 });
});

test('ccache input: host by default in the tool cache, off, or refused', () => {
  const read = (over: Record<string, string>) => (n: string) => ({ source: '/s', ref: 'master', ...over })[n] ?? '';
  assert.deepEqual(getInputs(read({ 'ccache-dir': '/var/cache/kb' })).ccache, { dir: '/var/cache/kb', maxSize: '20g' });
  assert.equal(getInputs(read({ ccache: 'off' })).ccache, undefined);
  assert.throws(() => getInputs(read({ ccache: 'sometimes' })), /input 'ccache': "sometimes" is not allowed/);
  assert.throws(() => getInputs(read({ 'ccache-size': 'big' })), /input 'ccache-size'/);
  assert.equal(defaultCcacheDir({ RUNNER_TOOL_CACHE: '/opt/hostedtoolcache' }), '/opt/hostedtoolcache/kernelbuilder-ccache');
  assert.equal(defaultCcacheDir({ HOME: '/home/runner' }), '/home/runner/.cache/kernelbuilder/ccache');
});

test("ccache sizes: Docker's lower-case units become ccache's binary ones", () => {
  assert.equal(ccacheSize('20g'), '20Gi');
  assert.equal(ccacheSize('512m'), '512Mi');
  assert.equal(ccacheSize('1073741824'), '1073741824');
});
