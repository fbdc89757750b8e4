import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defaultImageTable, parseImageTable } from '../../src/images/table.ts';
import { selectImage } from '../../src/images/select.ts';
import { type ImageBuildOutcome, baseFor, imagesBuildFailure } from '../../src/images/build-images.ts';
import { formatImageList } from '../../src/images/list.ts';
import { parseKernelVersion } from '../../src/ref/kernel-version.ts';
import { InputError } from '../../src/errors.ts';

const OLD = 'kernelbuilder/gcc-7.3';
const NEW = 'kernelbuilder/gcc-12';

// The original builder's rule: v3*, v4.[2-9]*, v4.1[0-8]* → GCC 7.3; all else the default.
const seedRule: [string, string][] = [
  ['3.0', OLD],
  ['3.18.140', OLD],
  ['4.0', NEW],
  ['4.1.52', NEW],
  ['4.2', OLD],
  ['4.9.337', OLD],
  ['4.10', OLD],
  ['4.14.336', OLD],
  ['4.18.20', OLD],
  ['4.19-rc3', NEW],
  ['4.19.0-rc1', NEW],
  ['4.19.325', NEW],
  ['5.10.223', NEW],
  ['6.1.192', NEW],
  ['6.19.0-rc4-next-20260105', NEW],
];

for (const [version, image] of seedRule) {
  test(`default table: Linux ${version} → ${image}`, () => {
    const choice = selectImage(defaultImageTable, parseKernelVersion(version)!);
    assert.equal(choice.image, image);
    assert.match(choice.reason, new RegExp(`kernel ${version.replace(/^(\d+\.\d+)(-|$)/, '$1.0$2')}`));
  });
}

test('the image input wins over the table, and says so', () => {
  const choice = selectImage(defaultImageTable, parseKernelVersion('4.14')!, 'my/image:1');
  assert.deepEqual(choice, { image: 'my/image:1', reason: 'image my/image:1 was given as input' });
});

test('a table with no matching rule is an error that says how to fix it', () => {
  const table = parseImageTable('{"select":[{"kernels":">=5.0.0","image":"a/b","why":""}]}', 'image-table', 'inline');
  assert.throws(() => selectImage(table, parseKernelVersion('4.4')!), /no gcc rule of the image table matches kernel 4\.4\.0.*"\*"/);
});

test('the shipped table file parses and names only images it can build', () => {
  const table = parseImageTable(readFileSync('images/table.json', 'utf8'), 'image-table', 'images/table.json');
  for (const rule of table.select) assert.ok(table.images.some((i) => i.name === rule.image), rule.image);
});

const badTables: [string, RegExp][] = [
  ['not json', /input 'image-table'.*not valid JSON: syntax error at line 1, column 2/],
  ['[]', /non-empty "select"/],
  ['{"select":[]}', /non-empty "select"/],
  ['{"select":[{"kernels":"banana","image":"a/b"}]}', /select\[0\]\.kernels.*semver range/],
  ['{"select":[{"kernels":"*","image":"Bad Image"}]}', /select\[0\]\.image.*Docker image reference/],
  ['{"select":[{"kernels":"*","image":"a/b"}],"images":[{"name":"a/b","dockerfile":"../x","base":"debian:bookworm-slim"}]}', /images\[0\]\.dockerfile/],
];

for (const [text, message] of badTables) {
  test(`image table ${JSON.stringify(text).slice(0, 60)} is refused`, () => {
    assert.throws(() => parseImageTable(text, 'image-table', text), (e: unknown) => e instanceof InputError && message.test(e.message));
  });
}

test('the toolchain input chooses among the rules of its family', () => {
  const table = parseImageTable(
    JSON.stringify({
      select: [
        { kernels: '>=5.10.0', image: 'kernelbuilder/clang', toolchain: 'clang', why: 'LLVM=1 builds' },
        { kernels: '*', image: 'kernelbuilder/gcc-12', why: 'default' },
      ],
    }),
    'image-table',
    'inline',
  );
  assert.equal(selectImage(table, parseKernelVersion('6.1.192')!).image, 'kernelbuilder/gcc-12');
  assert.equal(selectImage(table, parseKernelVersion('6.1.192')!, undefined, 'clang').image, 'kernelbuilder/clang');
  assert.throws(() => selectImage(table, parseKernelVersion('4.19')!, undefined, 'clang'), /no clang rule .* the table has clang, gcc rules/);
  assert.throws(() => parseImageTable('{"select":[{"kernels":"*","image":"a/b","toolchain":"GCC 12!"}]}', 'image-table', 'inline'), /select\[0\]\.toolchain/);
});

test('--base: a plain image stands for bookworm only; FROM=TO maps any base', () => {
  assert.equal(baseFor('debian:bookworm-slim', ['kernelbuilder/debian-base:bookworm']), 'kernelbuilder/debian-base:bookworm');
  assert.equal(baseFor('debian:bullseye-slim', ['kernelbuilder/debian-base:bookworm']), 'debian:bullseye-slim');
  assert.equal(baseFor('debian:bullseye-slim', ['kernelbuilder/debian-base:bookworm', 'debian:bullseye-slim=kernelbuilder/debian-base:bullseye']), 'kernelbuilder/debian-base:bullseye');
});

test('a rule may not choose a base image', () => {
  const text = JSON.stringify({ images: [{ name: 'k/base', role: 'base', dockerfile: 'b/Dockerfile', base: 'debian:bookworm-slim' }], select: [{ kernels: '*', image: 'k/base' }] });
  assert.throws(() => parseImageTable(text, 'image-table', text), /select\[0\]\.image.*base image/);
});

test('a rule may not choose the boot image; an unknown role is refused by name', () => {
  const boot = JSON.stringify({ images: [{ name: 'k/qemu', role: 'boot', dockerfile: 'q/Dockerfile', base: 'debian:bookworm-slim' }], select: [{ kernels: '*', image: 'k/qemu' }] });
  assert.throws(() => parseImageTable(boot, 'image-table', boot), /select\[0\]\.image is a boot image \(role "boot"\)/);
  const odd = JSON.stringify({ images: [{ name: 'k/x', role: 'runner', dockerfile: 'x/Dockerfile', base: 'debian:bookworm-slim' }], select: [{ kernels: '*', image: 'a/b' }] });
  assert.throws(() => parseImageTable(odd, 'image-table', odd), /images\[0\]\.role is "base" or "boot", or left out/);
});

test('the default table has the boot image, and no rule chooses it', () => {
  const qemu = defaultImageTable.images.find((i) => i.name === 'kernelbuilder/qemu');
  assert.equal(qemu?.role, 'boot');
  assert.ok(!defaultImageTable.select.some((r) => r.image === 'kernelbuilder/qemu'));
});

test('images list: the boot image shows the machines it boots and no toolchain', () => {
  const text = formatImageList([
    { name: 'kernelbuilder/gcc-12', present: true, toolchain: 'gcc 12', arches: ['x86'], digest: 'sha256:' + 'a'.repeat(64), kernels: ['*'], toolchains: ['gcc'], description: '' },
    { name: 'kernelbuilder/qemu', present: true, arches: [], digest: 'sha256:' + 'b'.repeat(64), kernels: [], toolchains: [], role: 'boot', boots: ['x86_64', 'riscv64'], description: '' },
  ]);
  const qemu = text.split('\n').find((l) => l.startsWith('kernelbuilder/qemu'))!;
  assert.match(qemu, /^kernelbuilder\/qemu\s+present\s+sha256:b{12}\s+\(boots x86_64 riscv64; builds none\)$/);
});

test('images build fails when an image failed, one named by --only was not built, or none was built at all', () => {
  const o = (name: string, outcome: ImageBuildOutcome['outcome']): ImageBuildOutcome => ({ name, outcome, detail: '' });
  assert.equal(imagesBuildFailure([o('a', 'built'), o('b', 'skipped')], undefined), undefined, 'a base that is absent skips its images');
  assert.equal(imagesBuildFailure([o('a', 'skipped'), o('b', 'skipped')], undefined), 'no image was built');
  assert.equal(imagesBuildFailure([], undefined), 'no image was built');
  assert.equal(imagesBuildFailure([o('a', 'built'), o('b', 'failed')], undefined), 'b failed to build');
  assert.equal(imagesBuildFailure([o('a', 'skipped')], ['a']), 'a, asked for by --only, not built');
  assert.equal(imagesBuildFailure([o('a', 'built')], ['a']), undefined);
});
