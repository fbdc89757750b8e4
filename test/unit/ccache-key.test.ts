import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CCACHE_KEY_PREFIX, ccacheKeys, whyNotSave } from '../../src/cache/ccache-key.ts';
import { KERNEL_ARCHES } from '../../src/values/target-name.ts';

const imageId = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const sha = 'a'.repeat(40);

test('keys: image, sorted arches, a hash of the targets, then the sha in the primary key only', () => {
  const keys = ccacheKeys({ imageId, targets: ['x86/defconfig', 'arm64/defconfig', 'arm64/tinyconfig'], sha });
  const m = /^kernelbuilder-ccache-v1-0123456789abcdef-arm64-x86-([0-9a-f]{12})-a{40}$/.exec(keys.primary);
  assert.ok(m, keys.primary);
  assert.deepEqual(keys.restore, [
    `kernelbuilder-ccache-v1-0123456789abcdef-arm64-x86-${m[1]}-`,
    'kernelbuilder-ccache-v1-0123456789abcdef-arm64-x86-',
    'kernelbuilder-ccache-v1-0123456789abcdef-',
  ]);
  // Every restore key is a prefix of the primary key, each one shorter than the one before.
  for (const [i, key] of keys.restore.entries()) {
    assert.ok(keys.primary.startsWith(key));
    if (i > 0) assert.ok(keys.restore[i - 1].startsWith(key) && key.length < keys.restore[i - 1].length);
  }
  assert.ok(keys.restore.every((k) => !k.includes(sha)));
});

test('keys: the order of targets does not matter, the set does; a new sha changes the primary key only', () => {
  const keys = ccacheKeys({ imageId, targets: ['x86/defconfig', 'arm64/defconfig'], sha });
  assert.deepEqual(ccacheKeys({ imageId, targets: ['arm64/defconfig', 'x86/defconfig', 'x86/defconfig'], sha }), keys);
  const more = ccacheKeys({ imageId, targets: ['x86/defconfig', 'arm64/defconfig', 'x86/tinyconfig'], sha });
  assert.notEqual(more.restore[0], keys.restore[0]);
  assert.deepEqual(more.restore.slice(1), keys.restore.slice(1), 'same arches, same image');
  const next = ccacheKeys({ imageId, targets: ['x86/defconfig', 'arm64/defconfig'], sha: 'b'.repeat(40) });
  assert.notEqual(next.primary, keys.primary);
  assert.deepEqual(next.restore, keys.restore);
  const otherImage = ccacheKeys({ imageId: `sha256:f${imageId.slice(8)}`, targets: ['x86/defconfig', 'arm64/defconfig'], sha });
  assert.ok(otherImage.restore.every((k) => !keys.restore.includes(k)));
});

test('keys pass @actions/cache checks even with every arch and many targets: ≤ 512 characters, no commas', () => {
  const targets = KERNEL_ARCHES.flatMap((a) => ['defconfig', 'allmodconfig', 'tinyconfig+kvm_guest.config'].map((c) => `${a}/${c}`));
  const keys = ccacheKeys({ imageId, targets, sha });
  for (const key of [keys.primary, ...keys.restore]) {
    assert.ok(key.length <= 512 && !key.includes(','), key);
    assert.ok(key.startsWith(`${CCACHE_KEY_PREFIX}-`));
  }
  assert.ok(keys.restore.length + 1 <= 10, '@actions/cache takes ten keys at most');
});

test('save: not when nothing was built, the job was cancelled or the primary key was restored', () => {
  const primaryKey = 'k-sha';
  assert.equal(whyNotSave({ skipped: false, cancelled: false, primaryKey }), undefined);
  assert.equal(whyNotSave({ skipped: false, cancelled: false, restoredKey: 'k-', primaryKey }), undefined);
  assert.match(whyNotSave({ skipped: true, cancelled: false, primaryKey })!, /nothing was built/);
  assert.match(whyNotSave({ skipped: false, cancelled: true, restoredKey: 'k-', primaryKey })!, /cancelled/);
  assert.match(whyNotSave({ skipped: false, cancelled: false, restoredKey: primaryKey, primaryKey })!, /restored from k-sha/);
});
