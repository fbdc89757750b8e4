import { test } from 'node:test';
import type Docker from 'dockerode';
import assert from 'node:assert/strict';
import { getInputs } from '../../src/inputs/inputs.ts';
import { InputError } from '../../src/errors.ts';
import { defaultImageTable, parseImageTable } from '../../src/images/table.ts';
import { selectCompilerImage, selectImage } from '../../src/images/select.ts';
import { parseKernelVersion } from '../../src/ref/kernel-version.ts';
import { withCompilers } from '../../src/plan/compiler-targets.ts';
import { onlyCompilers, splitCompiler, toolchainKey } from '../../src/values/compiler.ts';
import { parseTargetName, targetName } from '../../src/values/target-name.ts';
import { driverTarget } from '../../src/container/spec.ts';
import { parseToolchains } from '../../src/results/results.ts';
import { staticCost } from '../../src/plan/costs.ts';
import { formatIssue } from '../../src/report/format-issue.ts';
import { makeCommand, reproducer } from '../../src/report/reproducer.ts';
import { bisectInputsOfBuild } from '../../src/bisect/plan.ts';
import { checkImageCompilers, imageInfoFromInspect } from '../../src/images/inspect.ts';
import { formatImageList, type ImageListing, ruleToolchains } from '../../src/images/list.ts';
import { type Target } from '../../src/types/targets.ts';
import { type Issue } from '../../src/types/diagnostics.ts';
import { sampleResults } from '../support/results-fixture.ts';

const required = { source: '/srv/linux', ref: 'next/master' };
const read = (over: Record<string, string>) => (name: string) => ({ ...required, ...over })[name] ?? '';
const v61 = parseKernelVersion('6.1.192')!;

test('toolchains: a list of distinct compilers, gcc or clang-N; absent, the image toolchain alone', () => {
  assert.deepEqual(getInputs(read({ toolchains: 'gcc, clang-14\nclang-19' })).toolchains, ['gcc', 'clang-14', 'clang-19']);
  assert.equal(getInputs(read({})).toolchains, undefined);
  // The action fills toolchain's default in: gcc beside toolchains is no conflict.
  assert.deepEqual(getInputs(read({ toolchains: 'clang-16', toolchain: 'gcc' })).toolchains, ['clang-16']);
});

test('toolchains: bad lists are refused before anything starts, naming the input and what is allowed', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ toolchains: 'gcc icc' }, /input 'toolchains': "icc" is not allowed; a compiler is gcc or clang-N/],
    [{ toolchains: 'clang' }, /input 'toolchains': "clang" is not allowed; a compiler is gcc or clang-N/],
    [{ toolchains: 'clang-19;rm' }, /input 'toolchains': .* is not allowed; a compiler is gcc or clang-N/],
    [{ toolchains: 'gcc gcc' }, /input 'toolchains': "gcc gcc" is not allowed; each compiler once/],
    [{ toolchains: 'gcc clang-14 clang-15 clang-16 clang-17 clang-18 clang-19 clang-20 clang-21' }, /name 1 to 8 compilers/],
    [{ toolchains: 'gcc clang-19', toolchain: 'clang' }, /input 'toolchains': "gcc clang-19" is not allowed; give toolchains or toolchain \(clang\), not both/],
  ];
  for (const [over, message] of cases) assert.throws(() => getInputs(read(over)), (e: unknown) => e instanceof InputError && message.test(e.message), JSON.stringify(over));
});

test("the default table's matrix image holds GCC and LLVM 14, 15, 16 and 19; a compiler too new or too old for the kernel is unsupported with why", () => {
  const chosen = selectCompilerImage(defaultImageTable, v61, ['gcc', 'clang-14', 'clang-19']);
  assert.equal(chosen.image, 'kernelbuilder/compilers');
  assert.match(chosen.reason, /kernel 6\.1\.192 .* for compilers gcc clang-14 clang-19/);
  assert.deepEqual(chosen.unsupported, {});
  const newer = selectCompilerImage(defaultImageTable, parseKernelVersion('6.15.0')!, ['gcc', 'clang-14', 'clang-19']);
  assert.deepEqual(Object.keys(newer.unsupported), ['clang-14']);
  assert.match(newer.unsupported['clang-14']!, /^clang-14 does not build Linux 6\.15\.0: the image table gives it kernels '>=5\.10\.0 <6\.15\.0'$/);
  const older = selectCompilerImage(defaultImageTable, parseKernelVersion('5.4.0')!, ['gcc', 'clang-16']);
  assert.deepEqual(Object.keys(older.unsupported), ['clang-16']);
  // Rules with compilers never answer the toolchain input, and the reverse.
  assert.equal(selectImage(defaultImageTable, v61).image, 'kernelbuilder/gcc-12');
  assert.equal(selectImage(defaultImageTable, v61, undefined, 'clang').image, 'kernelbuilder/clang');
});

test('a compiler no image holds, or a kernel no matrix rule takes, is refused naming toolchains', () => {
  assert.throws(() => selectCompilerImage(defaultImageTable, v61, ['gcc', 'clang-99']), (e: unknown) => e instanceof InputError && /input 'toolchains': "gcc clang-99" is not allowed; no image of the image table holds them all for kernel 6\.1\.192; its images for that kernel: kernelbuilder\/compilers \(gcc clang-14 clang-15 clang-16 clang-19\)/.test(e.message));
  assert.throws(() => selectCompilerImage(defaultImageTable, parseKernelVersion('4.14.336')!, ['gcc']), /no rule of the image table with compilers matches kernel 4\.14\.336/);
  // An image given as input is taken to hold what was asked.
  assert.deepEqual(selectCompilerImage(defaultImageTable, v61, ['clang-99'], 'my/image').unsupported, {});
});

test("an image table's compilers are compiler names to semver ranges", () => {
  const table = (compilers: unknown) => JSON.stringify({ select: [{ kernels: '*', image: 'a/b', compilers }] });
  assert.deepEqual(parseImageTable(table({ gcc: '*', 'clang-19': '>=5.10.0' }), 'image-table', 'x').select[0].compilers, { gcc: '*', 'clang-19': '>=5.10.0' });
  for (const bad of [{ icc: '*' }, { gcc: 'new' }, {}, ['gcc'], { gcc: 1 }]) {
    assert.throws(() => parseImageTable(table(bad), 'image-table', 'x'), /its select\[0\]\.compilers is not an object of compilers/, JSON.stringify(bad));
  }
});

test('every target once per compiler, named arch/config@compiler, its base said; an unsupported compiler drops its targets with why', () => {
  const targets: Target[] = [
    { arch: 'x86', config: 'tinyconfig' },
    { arch: 'arm64', config: 'tinyconfig+kb-boot.config', base: 'tinyconfig', fragments: [{ kind: 'file', name: 'kb-boot.config' }] },
  ];
  const { targets: built, dropped } = withCompilers(targets, ['gcc', 'clang-14', 'clang-19'], { 'clang-14': 'clang-14 does not build Linux 6.15.0: ...' });
  assert.deepEqual(built.map(targetName), ['x86/tinyconfig@gcc', 'x86/tinyconfig@clang-19', 'arm64/tinyconfig+kb-boot.config@gcc', 'arm64/tinyconfig+kb-boot.config@clang-19']);
  assert.deepEqual([built[1].base, built[1].compiler], ['tinyconfig', 'clang-19']);
  assert.deepEqual(built[3].fragments, targets[1].fragments);
  assert.deepEqual(dropped, [
    { arch: 'x86', config: 'tinyconfig@clang-14', reason: 'clang-14 does not build Linux 6.15.0: ...' },
    { arch: 'arm64', config: 'tinyconfig+kb-boot.config@clang-14', reason: 'clang-14 does not build Linux 6.15.0: ...' },
  ]);
  // The driver gets the compiler as its own field, before the fragments.
  assert.equal(driverTarget(built[3]), 'arm64|tinyconfig+kb-boot.config@clang-19|tinyconfig|||clang-19|kb-boot.config');
  assert.equal(driverTarget(targets[0]), 'x86|tinyconfig|tinyconfig|||');
});

test('target names with a compiler: parsed where users write them, refused with a bad compiler', () => {
  assert.deepEqual(parseTargetName('boot', 'arm64/defconfig@clang-19', 'x'), { arch: 'arm64', config: 'defconfig@clang-19', compiler: 'clang-19' });
  assert.deepEqual(parseTargetName('boot', 'arm64/defconfig', 'x'), { arch: 'arm64', config: 'defconfig' });
  assert.throws(() => parseTargetName('boot', 'arm64/defconfig@icc', 'targets are arch/config'), /input 'boot': "arm64\/defconfig@icc" is not allowed; targets are arch\/config; after @, a compiler is gcc or clang-N/);
  assert.throws(() => parseTargetName('boot', 'arm64/def@config@gcc', 'x'), InputError);
  assert.deepEqual(splitCompiler('tinyconfig+CONFIG_X=y@gcc'), { spec: 'tinyconfig+CONFIG_X=y', compiler: 'gcc' });
});

test('a finding only some compilers of a matrix printed is marked with them; one all printed, or a run of one compiler, is not', () => {
  const run = ['x86/t@gcc', 'x86/t@clang-14', 'x86/t@clang-19', 'arm64/t@gcc', 'arm64/t@clang-14', 'arm64/t@clang-19'];
  assert.deepEqual(onlyCompilers(['x86/t@clang-19', 'arm64/t@clang-19'], run), ['clang-19']);
  assert.deepEqual(onlyCompilers(['x86/t@clang-14', 'arm64/t@clang-19'], run), ['clang-14', 'clang-19']);
  assert.deepEqual(onlyCompilers(['x86/t@gcc', 'x86/t@clang-14', 'x86/t@clang-19'], run), [], 'every compiler printed it, on one arch');
  assert.deepEqual(onlyCompilers(['x86/t@clang-19'], ['x86/t@clang-19', 'arm64/t@clang-19']), []);
  assert.deepEqual(onlyCompilers(['x86/t'], ['x86/t', 'arm64/t']), []);
  const issue: Issue = { kind: 'compiler', severity: 'warning', file: 'init/main.c', line: 3, column: 9, message: "variable 'y' is used uninitialized whenever 'if' condition is false", flag: '-Wsometimes-uninitialized', context: [], signature: 's', count: 2, targets: ['x86/t@clang-19'], noise: false, onlyCompilers: ['clang-19'] };
  assert.equal(formatIssue(issue), "init/main.c:3:9: warning: variable 'y' is used uninitialized whenever 'if' condition is false [-Wsometimes-uninitialized] (2×) (clang-19 only)");
});

test("the driver's toolchains.txt keys a matrix's compilers by arch@compiler; anything else there is dropped", () => {
  const text = 'x86@gcc\tgcc (Debian 12.2.0-14) 12.2.0\nx86@clang-19\tDebian clang version 19.1.4\nx86\tgcc 12\nx86@icc\tno\nx86@gcc@gcc\tno\n';
  assert.deepEqual(parseToolchains(text), { 'x86@gcc': 'gcc (Debian 12.2.0-14) 12.2.0', 'x86@clang-19': 'Debian clang version 19.1.4', x86: 'gcc 12' });
  assert.equal(toolchainKey({ arch: 'x86', compiler: 'clang-19' }), 'x86@clang-19');
  assert.equal(toolchainKey({ arch: 'x86' }), 'x86');
});

test('clang costs more CPU than GCC in the static estimate (measured in a matrix: 1.13 times)', () => {
  const gcc = staticCost({ arch: 'x86', config: 'tinyconfig@gcc', base: 'tinyconfig', compiler: 'gcc' });
  const clang = staticCost({ arch: 'x86', config: 'tinyconfig@clang-19', base: 'tinyconfig', compiler: 'clang-19' });
  assert.equal(gcc.cpuSeconds, staticCost({ arch: 'x86', config: 'tinyconfig' }).cpuSeconds);
  assert.equal(clang.cpuSeconds, Math.round(gcc.cpuSeconds * 1.13));
  assert.equal(clang.objects, gcc.objects);
});

test("a matrix target's reproducer builds with its compiler: LLVM N first on PATH and LLVM=1 for clang, no LLVM=1 for gcc", () => {
  const results = sampleResults(['x86/tinyconfig']);
  const clang = { ...results.targets[0], target: 'x86/tinyconfig@clang-19', config: 'tinyconfig@clang-19', base: 'tinyconfig', compiler: 'clang-19' };
  assert.match(makeCommand(results, clang), / LLVM=1$/);
  assert.match(reproducer(results, clang), /export PATH=\/usr\/lib\/llvm-19\/bin:\$PATH\n/);
  assert.match(reproducer(results, clang), /make -C \/build\/src O=\/build\/out ARCH=x86 LLVM=1 tinyconfig\n/);
  const gcc = { ...clang, target: 'x86/tinyconfig@gcc', config: 'tinyconfig@gcc', compiler: 'gcc' };
  const llvmImage = { ...results, image: { ...results.image, makeVars: ['LLVM=1'] } };
  assert.doesNotMatch(makeCommand(llvmImage, gcc), /LLVM=1/);
  assert.doesNotMatch(reproducer(results, gcc), /llvm-/);
});

test("a bisect of a matrix target builds its config with its one compiler, under the build's name", () => {
  const inputs = getInputs(read({ arches: 'x86 arm64', configs: 'tinyconfig', toolchains: 'gcc clang-19' }));
  const b = bisectInputsOfBuild(inputs, 'stable', 'b'.repeat(40), 'a'.repeat(40), 'arm64/tinyconfig@clang-19', { kind: 'build' });
  assert.deepEqual(b.target, { arch: 'arm64', config: 'tinyconfig@clang-19', compiler: 'clang-19' });
  assert.deepEqual([b.build.configs, b.build.toolchains], [['tinyconfig'], ['clang-19']]);
  const plain = bisectInputsOfBuild(getInputs(read({ arches: 'x86', configs: 'tinyconfig' })), 'stable', 'b'.repeat(40), 'a'.repeat(40), 'x86/tinyconfig', { kind: 'build' });
  assert.equal(plain.build.toolchains, undefined);
});

test('images list shows what compilers the matrix image holds, and for which kernels', () => {
  const rule = defaultImageTable.select.find((r) => r.image === 'kernelbuilder/compilers')!;
  assert.equal(ruleToolchains(rule), 'toolchains gcc, clang-14 >=5.10.0 <6.15.0, clang-15 >=5.10.0, clang-16 >=5.10.0, clang-19 >=5.10.0');
  assert.equal(ruleToolchains(defaultImageTable.select.find((r) => r.image === 'kernelbuilder/clang')!), 'clang');
  const listing: ImageListing = { name: rule.image, present: false, kernels: [rule.kernels], toolchains: [ruleToolchains(rule)], description: '' };
  assert.match(formatImageList([listing]), /^kernelbuilder\/compilers +absent +>=4\.19\.0 \(toolchains gcc, clang-14 >=5\.10\.0 <6\.15\.0, /m);
});

test("an image's compilers: its compilers label, else its own toolchain; a matrix asking for one it lacks is refused naming toolchains", () => {
  const inspect = (labels: Record<string, string>) => imageInfoFromInspect('i', { Id: 'sha256:1', Config: { Labels: labels } } as unknown as Docker.ImageInspectInfo);
  const matrix = inspect({ 'org.kernelbuilder.toolchain': 'gcc', 'org.kernelbuilder.toolchain-version': '12', 'org.kernelbuilder.compilers': 'gcc clang-14 clang-19' });
  assert.deepEqual(matrix.compilers, ['gcc', 'clang-14', 'clang-19']);
  assert.deepEqual(inspect({ 'org.kernelbuilder.toolchain': 'gcc', 'org.kernelbuilder.toolchain-version': '12' }).compilers, ['gcc']);
  assert.deepEqual(inspect({ 'org.kernelbuilder.toolchain': 'clang', 'org.kernelbuilder.toolchain-version': '14' }).compilers, ['clang-14']);
  assert.doesNotThrow(() => checkImageCompilers(matrix, ['gcc', 'clang-19']));
  assert.doesNotThrow(() => checkImageCompilers(matrix, []));
  assert.throws(() => checkImageCompilers(matrix, ['gcc', 'clang-16']), /input 'toolchains': "gcc clang-16" is not allowed; image i holds gcc clang-14 clang-19 \(label org\.kernelbuilder\.compilers\), not clang-16/);
});
