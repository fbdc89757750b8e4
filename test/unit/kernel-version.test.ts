import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareKernelVersions,
  kernelVersionFromMakefile,
  parseKernelVersion,
  parseLinuxNextId,
  releaseOf,
  toSemver,
} from '../../src/ref/kernel-version.ts';
import { kernelMakefile } from '../support/tiny-tree.ts';

const fromText: [string, string | undefined, string | undefined][] = [
  // text, normalised text, semver
  ['3.18', '3.18.0', '3.18.0'],
  ['v3.0', '3.0.0', '3.0.0'],
  ['4.14.336', '4.14.336', '4.14.336'],
  ['4.19-rc3', '4.19.0-rc3', '4.19.0-rc.3'],
  ['4.19.0-rc3', '4.19.0-rc3', '4.19.0-rc.3'],
  ['6.1.192', '6.1.192', '6.1.192'],
  ['6.19.0-rc4-next-20260105', '6.19.0-rc4-next-20260105', '6.19.0-rc.4'],
  ['next-20260105', undefined, undefined],
  ['6', undefined, undefined],
  ['6.1.x', undefined, undefined],
  ['', undefined, undefined],
];

for (const [text, normal, sem] of fromText) {
  test(`parseKernelVersion(${JSON.stringify(text)})`, () => {
    const v = parseKernelVersion(text);
    assert.equal(v?.text, normal);
    assert.equal(v && toSemver(v), sem);
  });
}

test('a linux-next id is its date', () => {
  assert.equal(parseLinuxNextId('next-20260105'), '20260105');
  assert.equal(parseLinuxNextId('next-2026010'), undefined);
  assert.equal(parseLinuxNextId('v6.1'), undefined);
});

const fromMakefile: [string, string | undefined, string][] = [
  ['3.18.140', undefined, '3.18.140'],
  ['4.14.336', undefined, '4.14.336'],
  ['4.19.0-rc3', undefined, '4.19.0-rc3'],
  ['6.1.192', undefined, '6.1.192'],
  ['6.19.0-rc4', '-next-20260105\n', '6.19.0-rc4-next-20260105'],
];

for (const [version, localversion, text] of fromMakefile) {
  test(`kernelVersionFromMakefile ${version}${localversion ? ' with localversion-next' : ''}`, () => {
    assert.equal(kernelVersionFromMakefile(kernelMakefile(version), localversion)?.text, text);
  });
}

test('linux-next date is kept apart from the release', () => {
  const v = kernelVersionFromMakefile(kernelMakefile('6.19.0-rc4'), '-next-20260105')!;
  assert.equal(v.next, '20260105');
  assert.equal(v.rc, 4);
  assert.equal(releaseOf(v), '6.19.0');
});

test('a Makefile without VERSION is not a kernel', () => {
  assert.equal(kernelVersionFromMakefile('all:\n\techo hi\n'), undefined);
  assert.equal(kernelVersionFromMakefile('VERSION = x\nPATCHLEVEL = 1\n'), undefined);
});

test('rc10 sorts after rc9 and before the release', () => {
  const v = (s: string) => parseKernelVersion(s)!;
  assert.ok(compareKernelVersions(v('5.0-rc10'), v('5.0-rc9')) > 0);
  assert.ok(compareKernelVersions(v('5.0-rc10'), v('5.0')) < 0);
  assert.ok(compareKernelVersions(v('4.19'), v('4.19-rc3')) > 0);
  assert.ok(compareKernelVersions(v('6.19.0-rc4-next-20260106'), v('6.19.0-rc4-next-20260105')) > 0);
});
