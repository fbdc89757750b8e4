import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileRefusedError, readInputFile } from '../../src/read-input-file.ts';
import { getInputs } from '../../src/inputs/inputs.ts';
import { InputError } from '../../src/errors.ts';
import { defaultNoise, isNoise, parseNoiseFile } from '../../src/diagnostics/noise.ts';
import { type Diagnostic } from '../../src/types/diagnostics.ts';
import { previousDurations, previousTargets, readResults } from '../../src/results/previous.ts';
import { syntaxErrorOffset } from '../../src/parse-json.ts';
import { inChild } from '../support/in-child.ts';
import { sampleResults } from '../support/results-fixture.ts';

const SECRET = 'KB-SECRET-7f3a91';
const sample = sampleResults(['x86/tinyconfig'], { startedAt: '2026-01-01T00:00:00.000Z' });
const results = { ...sample, targets: [{ ...sample.targets[0], durationSeconds: 42 }] };

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-input-files-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const read = (over: Record<string, string>) => (name: string) => ({ source: '/srv/linux', ref: 'next/master', ...over })[name] ?? '';

test('readInputFile: a regular file is read; FIFOs, devices, folders, links and big files are refused with the reason', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'ok.txt');
  writeFileSync(file, 'hello\n');
  symlinkSync(file, join(dir, 'link'));
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  writeFileSync(join(dir, 'big'), 'x'.repeat(2000));
  const limits = { maxBytes: 1000, followLinks: false };
  assert.equal(readInputFile(file, limits), 'hello\n');
  assert.equal(readInputFile(join(dir, 'link'), { ...limits, followLinks: true }), 'hello\n', "a user's own link is followed when allowed");
  const refused: [string, RegExp][] = [
    [join(dir, 'fifo'), /^it is a FIFO, not a regular file$/],
    ['/dev/zero', /^it is a device, not a regular file$/],
    [dir, /^it is a folder, not a regular file$/],
    [join(dir, 'link'), /^it is a symbolic link, not a regular file$/],
    [join(dir, 'big'), /^it is 2000 bytes, larger than the 1000 allowed$/],
    [join(dir, 'missing'), /^it does not exist$/],
    [join(file, 'below'), /^a folder on its path is a file$/],
  ];
  for (const [path, message] of refused) assert.throws(() => readInputFile(path, limits), (e: unknown) => e instanceof FileRefusedError && message.test(e.message), path);
});

test('readInputFile: a file that says it is empty but is not (as /proc files do) is still capped', () => {
  assert.throws(() => readInputFile('/proc/self/maps', { maxBytes: 10, followLinks: true }), /larger than the 10 bytes allowed/);
  assert.ok(readInputFile('/proc/self/maps', { maxBytes: 2 ** 20, followLinks: true }).length > 10);
});

test('a FIFO as the noise file is refused at once, not waited on', async (t) => {
  const dir = tempDir(t);
  execFileSync('mkfifo', [join(dir, 'noise')]);
  const run = await inChild(
    `const { getInputs } = await import(src + 'inputs/inputs.ts');
     try { getInputs((n) => ({ source: '/srv/linux', ref: 'next/master', noise: ${JSON.stringify(join(dir, 'noise'))} })[n] ?? ''); } catch (e) { console.log(e.message); }`,
    20_000,
  );
  assert.equal(run.killed, false, 'reading the noise input hung on a FIFO');
  assert.match(run.stdout, /input 'noise': ".*noise" is not allowed; it must be a file of RE2 regular expressions, one a line: it is a FIFO, not a regular file/);
});

const specialFiles: [Record<string, string>, RegExp][] = [
  [{ noise: '/dev/zero' }, /input 'noise': "\/dev\/zero" is not allowed; .*: it is a device, not a regular file/],
  [{ 'image-table': '/dev/zero' }, /input 'image-table': "\/dev\/zero" is not allowed; it must be inline JSON or a JSON file: it is a device, not a regular file/],
  [{ baseline: '/dev/zero' }, /input 'baseline': "\/dev\/zero" is not allowed; .*: it is a device, not a regular file/],
  [{ 'image-table': '/etc' }, /input 'image-table': "\/etc" is not allowed; .*it is a folder/],
];

for (const [over, message] of specialFiles) {
  test(`special file ${JSON.stringify(over)} is refused, not read`, () => {
    assert.throws(() => getInputs(read(over)), (e: unknown) => e instanceof InputError && message.test(e.message));
  });
}

test('a huge noise file or image table is refused by size', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'huge'), Buffer.alloc(2 ** 20 + 1, 'a'));
  for (const input of ['noise', 'image-table']) {
    assert.throws(() => getInputs(read({ [input]: join(dir, 'huge') })), new RegExp(`input '${input}': .* it is 1048577 bytes, larger than the 1048576 allowed`));
  }
});

test('errors about a file name it and what is wrong, never what it holds', (t) => {
  const dir = tempDir(t);
  const shadow = join(dir, 'shadow');
  writeFileSync(shadow, `root:${SECRET}:19000:0:99999:7:::\n`);
  const badJson = join(dir, 'table.json');
  writeFileSync(badJson, `{"select": [\n  {"kernels": "*", "image": ${SECRET}}\n]}\n`);
  const badField = join(dir, 'field.json');
  writeFileSync(badField, JSON.stringify({ select: [{ kernels: SECRET, image: 'a/b' }] }));
  const badNoise = join(dir, 'noise');
  writeFileSync(badNoise, `# comment\nfine\n(${SECRET}\n`);
  const lookaround = join(dir, 'lookaround');
  writeFileSync(lookaround, `(?=${SECRET})\n`);
  const baseline = join(dir, 'baseline.json');
  writeFileSync(baseline, `{"secret": "${SECRET}"}`);
  const cases: [Record<string, string>, RegExp][] = [
    [{ 'image-table': shadow }, /input 'image-table': ".*shadow" is not allowed; it is not valid JSON: syntax error at line 1, column 1/],
    [{ 'image-table': badJson }, /input 'image-table': ".*table.json" is not allowed; it is not valid JSON: syntax error at line 2, column 29/],
    [{ 'image-table': badField }, /input 'image-table': ".*field.json" is not allowed; its select\[0\]\.kernels is not a semver range/],
    [{ noise: badNoise }, /input 'noise \(.*noise\)': "line 3" is not allowed; it is not a regular expression RE2 accepts \(missing closing \)\)/],
    [{ noise: lookaround }, /input 'noise \(.*lookaround\)': "line 1" is not allowed; it is not a regular expression RE2 accepts \(invalid or unsupported Perl syntax\).*without backreferences or lookaround/],
    [{ baseline: shadow }, /input 'baseline': ".*shadow" is not allowed; .*not valid JSON: syntax error at line 1, column 1/],
    [{ baseline: baseline }, /input 'baseline': ".*baseline.json" is not allowed; .*field schema is not allowed; it is 1 in a results.json of kernelbuilder/],
  ];
  for (const [over, message] of cases) {
    assert.throws(
      () => getInputs(read(over)),
      (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes(SECRET),
      JSON.stringify(over),
    );
  }
});

test('the JSON fault locator agrees with JSON.parse and points at the fault', () => {
  const valid = '{"a": [1, 2.5e3, -0, true, false, null, "x\\u00e9\\n"]}';
  assert.equal(syntaxErrorOffset(valid), valid.length, 'valid JSON has no fault');
  // Offsets of the first character that is not JSON: the length when the text ends too soon.
  const faults: [string, number][] = [
    ['', 0],
    ['{', 1],
    ['{"a":1}x', 7],
    ['[1,2,]', 5],
    ['{"a" 1}', 5],
    ['"abc', 4],
    ['01', 1],
    ['tru', 3],
    ['[1]]', 3],
    ['"a\u0001"', 2],
  ];
  for (const [text, offset] of faults) {
    assert.throws(() => JSON.parse(text), SyntaxError, text);
    assert.equal(syntaxErrorOffset(text), offset, text);
  }
  assert.equal(syntaxErrorOffset('['.repeat(100_000)), 1001, 'deep nesting is a fault, not a stack overflow');
});

test('baseline: a results.json or a folder holding one, checked before the build; its real path is kept', (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'artifact'));
  writeFileSync(join(dir, 'artifact', 'results.json'), JSON.stringify(results));
  symlinkSync(join(dir, 'artifact', 'results.json'), join(dir, 'link.json'));
  mkdirSync(join(dir, 'empty'));
  assert.equal(getInputs(read({ baseline: join(dir, 'artifact') })).baseline, join(dir, 'artifact', 'results.json'));
  assert.equal(getInputs(read({ baseline: join(dir, 'link.json') })).baseline, join(dir, 'artifact', 'results.json'));
  assert.throws(() => getInputs(read({ baseline: join(dir, 'empty') })), /input 'baseline': ".*empty\/results.json" is not allowed; .*it does not exist/);
  assert.throws(() => getInputs(read({ baseline: join(dir, 'nothing') })), /input 'baseline': ".*nothing" is not allowed; .*it does not exist/);
});

test('previous results: a results.json that links to /dev/zero, or is a FIFO is skipped, not read', async (t) => {
  const tree = tempDir(t);
  const put = (name: string, make: (path: string) => void) => {
    mkdirSync(join(tree, name));
    make(join(tree, name, 'results.json'));
  };
  put('zero', (p) => symlinkSync('/dev/zero', p));
  put('fifo', (p) => execFileSync('mkfifo', [p]));
  put('good', (p) => writeFileSync(p, JSON.stringify(results)));
  assert.equal(readResults(join(tree, 'zero', 'results.json')), undefined);
  assert.equal(readResults(join(tree, 'fifo', 'results.json')), undefined);
  assert.deepEqual(previousDurations(previousTargets(tree)), new Map([['x86/tinyconfig', 42]]));
  // What `plan` does with the tree's folder, in a child: a hang there fails the test.
  const run = await inChild(`const { previousDurations, previousTargets } = await import(src + 'results/previous.ts'); console.log(JSON.stringify([...previousDurations(previousTargets(${JSON.stringify(tree)}))]));`, 20_000);
  assert.equal(run.killed, false, 'reading earlier results hung');
  assert.equal(run.stdout.trim(), '[["x86/tinyconfig",42]]');
});

test('a noise pattern that backtracks, (a+)+$, on a long line returns at once', { timeout: 30_000 }, async () => {
  // With a backtracking engine this takes 2^40 steps; run it apart so that the test fails rather than hangs.
  const run = await inChild(
    `const { parseNoiseFile, isNoise } = await import(src + 'diagnostics/noise.ts');
     const noise = parseNoiseFile('(a+)+$\\n', 'noise');
     const d = { severity: 'warning', kind: 'compiler', file: 'x.c', message: 'a'.repeat(40) + '!' };
     const started = Date.now();
     console.log(isNoise(d, noise), isNoise({ ...d, message: 'a'.repeat(100_000) }, noise), Date.now() - started);`,
    20_000,
  );
  assert.equal(run.killed, false, 'matching the pattern hung');
  const [onBang, onAs, ms] = run.stdout.trim().split(' ');
  assert.deepEqual([onBang, onAs], ['false', 'true'], 'RE2 matches as the pattern says');
  // Linear against 2^40 steps: any bound far under a backtracking engine's hours tells them apart.
  assert.ok(Number(ms) < 15_000, `${ms} ms`);
});

test('noise patterns: JavaScript-only syntax is refused by line; the defaults still match', () => {
  assert.throws(() => parseNoiseFile('ok\n\n(a)\\1\n', 'noise (f)'), /input 'noise \(f\)': "line 3" is not allowed; .*\(invalid escape sequence\)/);
  assert.throws(() => parseNoiseFile(`${'x'.repeat(501)}\n`, 'noise (f)'), /"line 1" is not allowed; it is 501 characters; a noise pattern is at most 500/);
  const noise = parseNoiseFile('# mine\nfoo\\.c: .*unused\n', 'noise');
  const warning = (file: string, message: string, flag?: string): Diagnostic => ({ severity: 'warning', kind: 'compiler', file, message, flag, context: [], signature: message });
  const cases: [Diagnostic, boolean][] = [
    [warning('a.c', "'x' defined but not used", '-Wunused-const-variable='), true],
    [warning('a.c', 'return_address should use unwind tables'), true],
    [warning('a.o', 'section type conflict for .init_array'), true],
    [warning('foo.c', 'x is unused'), true],
    [warning('a.c', 'x is unused'), false],
    [{ ...warning('a.c', 'return_address should use unwind tables'), severity: 'error' }, false],
  ];
  for (const [d, want] of cases) assert.equal(isNoise(d, noise), want, `${d.file}: ${d.message}`);
  assert.equal(isNoise(cases[3][0], defaultNoise), false, "the user's pattern is not a default");
});
