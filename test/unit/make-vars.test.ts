import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getInputs } from '../../src/inputs/inputs.ts';
import { InputError } from '../../src/errors.ts';
import { MAKE_VAR_RULES, parseMakeVars } from '../../src/values/make-vars.ts';
import { checkResults } from '../../src/results/check-results.ts';
import { reproducer } from '../../src/report/reproducer.ts';
import { sampleResults } from '../support/results-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';
import { HOSTILE_KCIDB_ORIGINS, HOSTILE_MAKE_VARS } from '../support/hostile-make-vars.ts';

const read = (over: Record<string, string>) => (name: string) => ({ source: '/srv/linux', ref: 'next/master', ...over })[name] ?? '';

test('make-vars: kbuild checks and flags are taken, in order, a quoted value as one variable', () => {
  const cases: [string, string[]][] = [
    ['W=1', ['W=1']],
    ['W=12 C=1', ['W=12', 'C=1']],
    ['W=123', ['W=123']],
    ['W=1e', ['W=1e']],
    ['C=2\nCF=-D__CHECK_ENDIAN__', ['C=2', 'CF=-D__CHECK_ENDIAN__']],
    ['KCFLAGS="-Wall -Werror" LLVM_IAS=0', ['KCFLAGS=-Wall -Werror', 'LLVM_IAS=0']],
    ['KCPPFLAGS=-DDEBUG KAFLAGS=-Wa,--fatal-warnings KBUILD_MODPOST_WARN=1', ['KCPPFLAGS=-DDEBUG', 'KAFLAGS=-Wa,--fatal-warnings', 'KBUILD_MODPOST_WARN=1']],
    ['CFLAGS_MODULE=-fmacro-prefix-map=/build/src/=', ['CFLAGS_MODULE=-fmacro-prefix-map=/build/src/=']],
  ];
  for (const [text, vars] of cases) assert.deepEqual(getInputs(read({ 'make-vars': text })).makeVars, vars, text);
  assert.deepEqual(getInputs(read({})).makeVars, [], 'none by default');
});

test('make-vars: every hostile value is refused by getInputs, naming the input and what is allowed', () => {
  for (const value of HOSTILE_MAKE_VARS) {
    assert.throws(
      () => getInputs(read({ 'make-vars': value })),
      (e: unknown) => e instanceof InputError && e.input === 'make-vars' && /^input 'make-vars': ".*" is not allowed; .+/s.test(e.message),
      JSON.stringify(value),
    );
  }
});

test('make-vars: an unknown variable is named, with the allowed ones; a bad value says what the variable takes', () => {
  assert.throws(() => parseMakeVars('make-vars', 'W=1 CC=clang'), /input 'make-vars': "CC" is not allowed; it is not a make variable kernelbuilder passes; allowed are: W C CF KCFLAGS/);
  assert.throws(() => parseMakeVars('make-vars', 'W=4'), /"W=4" is not allowed; W takes 1, 2, 3 or e/);
  assert.throws(() => parseMakeVars('make-vars', 'C=0'), /"C=0" is not allowed; C takes 1 or 2/);
  assert.throws(() => parseMakeVars('make-vars', 'KCFLAGS=$(shell id)'), /KCFLAGS takes compiler options/);
  // The toolchain and the driver's own variables are not the user's.
  for (const name of ['CC', 'HOSTCC', 'CROSS_COMPILE', 'LLVM', 'ARCH', 'O', 'V', 'INSTALL_MOD_STRIP', 'KBUILD_EXTRA_WARN']) assert.ok(!Object.hasOwn(MAKE_VAR_RULES, name), name);
});

test('kcidb-origin: lower-case letters, digits and _; default kernelbuilder', () => {
  assert.equal(getInputs(read({})).kcidbOrigin, 'kernelbuilder');
  assert.equal(getInputs(read({ 'kcidb-origin': 'my_lab2' })).kcidbOrigin, 'my_lab2');
  for (const value of HOSTILE_KCIDB_ORIGINS) {
    assert.throws(() => getInputs(read({ 'kcidb-origin': value })), (e: unknown) => e instanceof InputError && e.input === 'kcidb-origin', value);
  }
});

test('results.json: make variables outside the allow-list are refused (they become reproducer words)', () => {
  const good = sampleResults(['x86/tinyconfig'], { makeVars: ['W=1', 'KCFLAGS=-Wall -Werror'] });
  assert.deepEqual(checkResults(good, '/shard').makeVars, ['W=1', 'KCFLAGS=-Wall -Werror']);
  for (const makeVars of [['CC=$(id)'], ['KCFLAGS=-Wall;id'], ['W=1\nid'], [1]]) {
    assert.throws(() => checkResults(sampleResults(['x86/tinyconfig'], { makeVars: makeVars as string[] }), '/shard'), /makeVars/);
  }
});

test('reproducer: the user\'s make variables are on every make, a value with spaces one quoted word', () => {
  const results = sampleResults(['x86/tinyconfig'], { makeVars: ['W=1', 'KCFLAGS=-Wall -Werror'] });
  const text = reproducer(results, results.targets[0]);
  const makes = text.split('\n').filter((l) => l.includes('make -C /build/src'));
  assert.ok(makes.length >= 2, text);
  // Inside the -c '...' word a single quote is written '\''.
  for (const line of makes) assert.ok(line.includes(`W=1 '\\''KCFLAGS=-Wall -Werror'\\''`), line);
});

test('steps.sh: each of KB_USER_MAKE_VARS is one word of every make of the target', (t) => {
  const work = tempDir('make-vars');
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const bin = join(work, 'bin');
  mkdirSync(bin);
  // A make that logs its arguments one a line, then a blank line.
  writeFileSync(join(bin, 'make'), '#!/bin/bash\nprintf "%s\\n" "$@" "" >>"$KB_LOG"\n');
  chmodSync(join(bin, 'make'), 0o755);
  const log = join(work, 'log');
  writeFileSync(log, '');
  const steps = fileURLToPath(new URL('../../src/driver/steps.sh', import.meta.url));
  execFileSync('bash', [steps, 'x86', 'tinyconfig', join(work, 'out'), join(work, 'stage')], {
    env: { PATH: `${bin}:${process.env.PATH}`, KB_LOG: log, KB_MAKE_VARS: 'LLVM=1', KB_USER_MAKE_VARS: 'W=1\nKCFLAGS=-Wall -Werror' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const calls = readFileSync(log, 'utf8').trim().split('\n\n').map((c) => c.split('\n'));
  // No step after the base left the .config unresolved: no olddefconfig.
  assert.deepEqual(calls.map((c) => c.at(-1)), ['tinyconfig', '-k']);
  for (const args of calls) assert.deepEqual(args.slice(4, 7), ['LLVM=1', 'W=1', 'KCFLAGS=-Wall -Werror'], args.join(' '));
});
