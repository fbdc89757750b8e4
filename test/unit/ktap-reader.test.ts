import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KtapReader, MAX_CASES, MAX_DEPTH, MAX_NAME_LENGTH, type KtapReading } from '../../src/kunit/ktap-reader.ts';
import { readKtapLine } from '../../src/kunit/ktap-line.ts';
import { MAX_DETAIL_LINES } from '../../src/kunit/case-window.ts';
import { LineSplitter } from '../../src/parse/lines.ts';
import type { KunitCase } from '../../src/types/kunit.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { kunitCaseName } from '../../src/values/kunit-case.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'kunit');

function readLines(lines: Iterable<string>, timedOut = false): KtapReading {
  const reader = new KtapReader();
  for (const line of lines) reader.push(line);
  return reader.end({ timedOut });
}

function read(text: string, timedOut = false): KtapReading {
  return readLines(text.split('\n'), timedOut);
}

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}



// ---- the fixtures, case by case ------------------------------------------------------------

/** What each fixture must read as: totals, and every case that did not pass (the rest pass). */
interface Expected {
  totals: { pass: number; fail: number; skip: number; crashed: number };
  complete: boolean;
  /** Cases in console order that are not `pass`, with what must be said of them. */
  notPassing: Array<{ id: string; status: KunitCase['status']; reason?: RegExp; message?: string; file?: string; line?: number; detail?: string[] }>;
  /** Passing cases that must be there (by id), beyond the count. */
  passing?: string[];
  timedOut?: boolean;
}

const SKIP_REASON = /^this test should be skipped$/;

const EXPECTED: Record<string, Expected> = {
  'pass-qemu-x86_64.log': {
    totals: { pass: 18, fail: 0, skip: 2, crashed: 0 },
    complete: true,
    notPassing: [
      { id: 'example.example_skip_test', status: 'skip', reason: SKIP_REASON },
      { id: 'example.example_mark_skipped_test', status: 'skip', reason: SKIP_REASON },
    ],
    passing: ['kunit-try-catch-test.kunit_test_try_catch_successful_try_no_catch', 'kunit-log-test.kunit_log_test', 'example.example_all_expect_macros_test'],
  },
  'pass-uml.log': {
    totals: { pass: 18, fail: 0, skip: 2, crashed: 0 },
    complete: true,
    notPassing: [
      { id: 'example.example_skip_test', status: 'skip', reason: SKIP_REASON },
      { id: 'example.example_mark_skipped_test', status: 'skip', reason: SKIP_REASON },
    ],
    passing: ['kunit-resource-test.kunit_resource_test_named', 'string-stream-test.string_stream_test_get_string'],
  },
  'failed-expectation-uml.log': {
    totals: { pass: 3, fail: 2, skip: 2, crashed: 0 },
    complete: true,
    notPassing: [
      {
        id: 'string-stream-test.string_stream_test_get_string', status: 'fail',
        message: 'EXPECTATION FAILED', file: 'lib/kunit/string-stream-test.c', line: 38,
        detail: [
          'Expected string_stream_is_empty(stream) to be false, but is true',
          '# string_stream_test_get_string: ASSERTION FAILED at lib/kunit/string-stream-test.c:40',
        ],
      },
      {
        id: 'example.example_simple_test', status: 'fail',
        message: 'EXPECTATION FAILED', file: 'lib/kunit/kunit-example-test.c', line: 29,
        detail: ['Expected 1 + 1 == 3, but', '1 + 1 == 2'],
      },
      { id: 'example.example_skip_test', status: 'skip', reason: SKIP_REASON },
      { id: 'example.example_mark_skipped_test', status: 'skip', reason: SKIP_REASON },
    ],
  },
  'skipped-uml.log': {
    totals: { pass: 1, fail: 0, skip: 2, crashed: 0 },
    complete: true,
    notPassing: [
      { id: 'kunit_status.kunit_status_mark_skipped_test', status: 'skip', reason: /^Accepts format string: YES$/ },
      { id: 'kunit-log-test.kunit_log_test', status: 'skip', reason: /^only useful when debugfs is enabled$/ },
    ],
  },
  'parameterised-qemu-arm64.log': {
    totals: { pass: 7, fail: 1, skip: 0, crashed: 0 },
    complete: true,
    notPassing: [{
      id: 'rational.rational_test[Exact answer]', status: 'fail',
      message: 'EXPECTATION FAILED', file: 'lib/math/rational-test.c', line: 41,
      detail: ['Expected n == param->exp_num, but', 'n == 32', 'param->exp_num == 33'],
    }],
    passing: ['rational.rational_test[Exceeds bounds, semi-convergent term > 1/2 last term]', 'rational.rational_test[Semiconvergent, denominator limit]'],
  },
  // The Oops names the case only on its RIP line (the case function faulted itself).
  'crash-panic-qemu-x86_64.log': {
    totals: { pass: 3, fail: 0, skip: 0, crashed: 4 },
    complete: false,
    notPassing: [
      {
        id: 'kbtest.kbtest_null_deref', status: 'crashed',
        reason: /^the kernel panicked \(Kernel panic - not syncing: Fatal exception\) while it ran$/,
        message: 'BUG: kernel NULL pointer dereference in kbtest_null_deref',
      },
      { id: 'kbtest.case 3 of 4', status: 'crashed', reason: /^never started: the kernel panicked .* in kbtest\.kbtest_null_deref$/ },
      { id: 'kbtest.case 4 of 4', status: 'crashed', reason: /^never started: / },
      { id: 'suite 3 of 3.suite 3 of 3', status: 'crashed', reason: /^never started: / },
    ],
    passing: ['kbtest.kbtest_pass'],
  },
  // No panic: the console ends inside the case; the case's own `# kbtest_bug:` line names it.
  'crash-bug-uml.log': {
    totals: { pass: 1, fail: 0, skip: 0, crashed: 2 },
    complete: false,
    notPassing: [
      { id: 'kbtest.kbtest_bug', status: 'crashed', reason: /^the console ended while it ran$/, message: 'kernel BUG in kbtest_bug', file: 'lib/kbtest.c', line: 31 },
      { id: 'kbtest.case 3 of 3', status: 'crashed', reason: /^never started: the console ended in kbtest\.kbtest_bug$/ },
    ],
  },
  // Killed at the timeout: nothing names the hung case, so its place does.
  'timeout-qemu-riscv64.log': {
    timedOut: true,
    totals: { pass: 4, fail: 0, skip: 0, crashed: 2 },
    complete: false,
    notPassing: [
      { id: 'kbtest.case 2 of 3', status: 'crashed', reason: /^the run was killed at its timeout while it ran$/, message: 'the run was killed at its timeout', detail: ['ok 1 string-stream-test', 'KTAP version 1', '# Subtest: kbtest', '1..3', 'ok 1 kbtest_pass'] },
      { id: 'kbtest.case 3 of 3', status: 'crashed', reason: /^never started: the run was killed at its timeout in kbtest\.case 2 of 3$/ },
    ],
  },
  // A parameter crashes: the parameterised case has no plan, the parameter has no name yet.
  'crash-in-param-uml.log': {
    totals: { pass: 2, fail: 0, skip: 0, crashed: 2 },
    complete: false,
    notPassing: [
      { id: 'rational.rational_test[param 3]', status: 'crashed', reason: /^the kernel panicked .* while it ran$/, message: 'BUG: unable to handle page fault in rational_best_approximation' },
      { id: 'suite 2 of 2.suite 2 of 2', status: 'crashed', reason: /^never started: .* in rational\.rational_test\.param 3$/ },
    ],
  },
  'tap14-5.10-uml.log': {
    totals: { pass: 4, fail: 1, skip: 0, crashed: 0 },
    complete: true,
    notPassing: [{ id: 'example.example_simple_test', status: 'fail', message: 'EXPECTATION FAILED', file: 'lib/kunit/kunit-example-test.c', line: 28, detail: ['Expected 1 + 1 == 3, but', '1 + 1 == 2'] }],
    passing: ['list-kunit-test.list_test_list_init', 'example.example_mock_test'],
  },
};

test('every KUnit fixture has its expectations here, and each expectation its fixture', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.log')).sort();
  assert.deepEqual(files, Object.keys(EXPECTED).sort());
});

for (const [name, want] of Object.entries(EXPECTED)) {
  test(`fixture ${name}: cases, statuses, reasons and places`, () => {
    const got = read(fixture(name), want.timedOut);
    const { pass, fail, skip, crashed } = want.totals;
    assert.deepEqual(got.totals, { total: pass + fail + skip + crashed, pass, fail, skip, crashed, flaky: 0 });
    assert.equal(got.cases.length, got.totals.total);
    assert.equal(got.started, true);
    assert.equal(got.complete, want.complete);
    const notPassing = got.cases.filter((c) => c.status !== 'pass');
    assert.deepEqual(notPassing.map(kunitCaseName), want.notPassing.map((w) => w.id));
    for (const [i, w] of want.notPassing.entries()) {
      const c = notPassing[i];
      assert.equal(c.status, w.status, kunitCaseName(c));
      if (w.reason === undefined) assert.equal(c.reason, undefined, `${kunitCaseName(c)} has no reason`);
      else assert.match(c.reason ?? '', w.reason, kunitCaseName(c));
      if (w.message !== undefined) assert.equal(c.diagnostic?.message, w.message, kunitCaseName(c));
      assert.equal(c.diagnostic?.file, w.file, kunitCaseName(c));
      assert.equal(c.diagnostic?.line, w.line, kunitCaseName(c));
      if (w.detail !== undefined) assert.deepEqual(c.diagnostic?.detail, w.detail, kunitCaseName(c));
      if (c.status === 'fail' || c.status === 'crashed') assert.ok(c.diagnostic !== undefined || c.reason?.startsWith('never started'), `${kunitCaseName(c)} says why`);
    }
    const ids = got.cases.map(kunitCaseName);
    for (const p of want.passing ?? []) assert.equal(got.cases[ids.indexOf(p)]?.status, 'pass', p);
    for (const c of got.cases) {
      assert.deepEqual(c.runs, { total: 1, passed: c.status === 'pass' ? 1 : 0 }, kunitCaseName(c));
      if (c.status === 'pass') assert.equal(c.diagnostic, undefined, kunitCaseName(c));
    }
  });
}

test('the crashed case is named by its `# <case>:` line, else by the trace, else by its place; the splat is its diagnostic', () => {
  // The BUG's trace names kbtest_bug too: take the `# name:` line away and the trace alone names it.
  const bug = fixture('crash-bug-uml.log');
  const traced = read(bug.replace('    # kbtest_bug: about to hit BUG_ON\n', '')).cases.find((c) => c.status === 'crashed');
  assert.equal(traced?.case, 'kbtest_bug');
  // Neither a line nor a runner in the trace: its place.
  const bare = read(bug.replace('    # kbtest_bug: about to hit BUG_ON\n', '').replace(' kunit_try_run_case+0x4f/0x90\n', '').replace(' kunit_generic_run_threadfn_adapter+0x13/0x30\n', ''));
  assert.equal(bare.cases.find((c) => c.status === 'crashed')?.case, 'case 2 of 3');
  // A `# name:` line wins over the trace.
  const said = read(bug.replace('# kbtest_bug: about to hit BUG_ON', '# kbtest_other: about to hit BUG_ON')).cases.find((c) => c.status === 'crashed');
  assert.equal(said?.case, 'kbtest_other');
  // The suite's own lines and its totals name no case.
  const suiteLine = read(bug.replace('# kbtest_bug: about to hit BUG_ON', '# kbtest: setting up').replace(' kunit_try_run_case+0x4f/0x90\n', '').replace(' kunit_generic_run_threadfn_adapter+0x13/0x30\n', ''));
  assert.equal(suiteLine.cases.find((c) => c.status === 'crashed')?.case, 'case 2 of 3');
});

test('the reason of a cut-short case says what ended the run', () => {
  const text = fixture('timeout-qemu-riscv64.log');
  assert.match(read(text, false).cases[4].reason ?? '', /^the console ended while it ran$/);
  assert.match(read(text, true).cases[4].reason ?? '', /^the run was killed at its timeout while it ran$/);
  const halted = read(`${text}\n[    9.000000] reboot: System halted`);
  assert.match(halted.cases[4].reason ?? '', /^the kernel stopped \(reboot: System halted\) while it ran$/);
});

// ---- what is and is not a test ---------------------------------------------------------------

test('lines before KTAP starts and kernel lines inside it are not tests; kunit executor errors are noted', () => {
  const got = read([
    'ok 1 looks_like_a_test',
    'kunit executor: error filtering suites: -12',
    'KTAP version 1',
    '1..1',
    '    KTAP version 1',
    '    # Subtest: s',
    '    1..2',
    'random: crng init done',
    'ok 7 a line of something else? no: a result line is a result line',
    '    ok 2 b',
    'not ok 1 s',
  ].join('\n'));
  // kunit_parser.py reads the stray `ok 7 ...` as the suite's first case (its number mismatched): so do we.
  assert.deepEqual(got.cases.map((c) => `${kunitCaseName(c)} ${c.status}`), ['s.a line of something else? no: a result line is a result line pass', 's.b pass']);
  assert.ok(got.notes.includes('kunit executor: error filtering suites: -12'));
  assert.ok(got.notes.includes('1 result lines with a number out of order'));
  const none = read('Linux version 6.1.192\nok 1 foo\nreboot: System halted');
  assert.equal(none.started, false);
  assert.equal(none.cases.length, 0);
});

test('the lines of a result: SKIP, TODO and other directives, `- `, and lines that are not results', () => {
  const result = (text: string): unknown => {
    const line = readKtapLine(text);
    return line.kind === 'result' ? line.result : line.kind;
  };
  assert.deepEqual(result('ok 1 - foo'), { ok: true, number: 1, name: 'foo', matchName: 'foo' });
  assert.deepEqual(result('ok 2 foo # SKIP no hardware'), { ok: true, number: 2, name: 'foo', matchName: 'foo', skip: 'no hardware' });
  assert.deepEqual(result('not ok 3 foo # SKIP'), { ok: false, number: 3, name: 'foo', matchName: 'foo', skip: '' });
  assert.deepEqual(result('not ok 4 foo # TODO known broken'), { ok: false, number: 4, name: 'foo', matchName: 'foo', directive: 'TODO known broken' });
  assert.deepEqual(result('ok 5 a # b # SKIP c'), { ok: true, number: 5, name: 'a # b', matchName: 'a', skip: 'c' });
  assert.deepEqual(result('ok 6 - # x'), { ok: true, number: 6, name: '-', matchName: '-', directive: 'x' });
  for (const not of ['ok 1', 'ok x foo', 'ok 1 foo#bar', 'ok 1 foo #', 'okay 1 foo', 'not ok1 foo']) assert.equal(result(not), 'other', not);
  assert.equal(result('KTAP version 1'), 'version');
  assert.equal(result('TAP version 13'), 'version');
  assert.equal(result('KTAP version one'), 'other');
});

test('TODO falls back to ok / not ok (as KTAP and kunit.py say), its text the failure\'s message when nothing else explains it', () => {
  const got = read('KTAP version 1\n1..1\n  # Subtest: s\n  1..2\n  not ok 1 a # TODO known broken\n  ok 2 b # TODO\nok 1 s');
  assert.deepEqual(got.cases.map((c) => [c.case, c.status, c.diagnostic?.message]), [['a', 'fail', 'TODO known broken'], ['b', 'pass', undefined]]);
});

test('a suite whose init failed is its own case, its `# <suite>:` line the diagnostic', () => {
  const got = read('KTAP version 1\n1..2\n    # broken: failed to initialize (-12)\nnot ok 1 broken\n    KTAP version 1\n    # Subtest: s\n    1..1\n    ok 1 a\nok 2 s');
  assert.deepEqual(got.cases.map((c) => [c.suite, c.case, c.status, c.diagnostic?.message]), [['broken', 'broken', 'fail', '# broken: failed to initialize (-12)'], ['s', 'a', 'pass', undefined]]);
});

test('a test whose subtests count no case counts itself, as kunit.py does: by a bad result, or, with subtests, by any', () => {
  const suite = (plan: string, result: string, inner: string[] = []): string[] => ['KTAP version 1', '1..1', '  # Subtest: s', plan, ...inner, result];
  const failed = readLines(suite('  1..0', 'not ok 1 s'));
  assert.deepEqual(failed.cases.map((c) => [c.suite, c.case, c.status]), [['s', 's', 'fail']]);
  const skipped = readLines(suite('  1..0', 'ok 1 s # SKIP not here'));
  assert.deepEqual(skipped.cases.map((c) => [c.status, c.reason]), [['skip', 'not here']]);
  const empty = readLines(suite('  1..0', 'ok 1 s'));
  assert.equal(empty.totals.total, 0);
  assert.ok(empty.notes.includes('s ran no tests'));
  // Its one subtest ran no tests: `s` counts as passed.
  const hollow = readLines(suite('  1..1', 'ok 1 s', ['    # Subtest: t', '  ok 1 t']));
  assert.deepEqual(hollow.cases.map((c) => [c.suite, c.case, c.status]), [['s', 's', 'pass']]);
});

// ---- streaming -------------------------------------------------------------------------------

test('streamed in odd pieces through the line splitter, every fixture reads the same as line by line', () => {
  const rand = seededRandom(19);
  for (const name of Object.keys(EXPECTED)) {
    const bytes = readFileSync(join(FIXTURES, name));
    const whole = readLines(bytes.toString('utf8').split('\n'));
    const reader = new KtapReader();
    const splitter = new LineSplitter();
    for (let at = 0; at < bytes.length;) {
      const n = 1 + Math.floor(rand() * 97);
      splitter.feed(bytes.subarray(at, at + n), (line) => reader.push(line));
      at += n;
    }
    for (const line of splitter.end()) reader.push(line);
    assert.deepEqual(reader.end(), whole, name);
  }
});

test('end() is idempotent and lines after it are ignored', () => {
  const reader = new KtapReader();
  for (const line of fixture('pass-uml.log').split('\n')) reader.push(line);
  const first = reader.end();
  reader.push('    ok 99 late');
  assert.deepEqual(reader.end({ timedOut: true }), first);
});

// ---- limits ----------------------------------------------------------------------------------

function suiteOf(cases: string[], name = 's'): string[] {
  return ['KTAP version 1', '1..1', '    KTAP version 1', `    # Subtest: ${name}`, `    1..${cases.length}`, ...cases, `ok 1 ${name}`];
}

test(`names longer than ${MAX_NAME_LENGTH} characters are cut, and said; the suite still matches its result line`, () => {
  const suite = 's'.repeat(MAX_NAME_LENGTH + 50);
  const long = 'x'.repeat(MAX_NAME_LENGTH + 50);
  const got = readLines(suiteOf([`    ok 1 ${long}`], suite));
  assert.equal(got.cases.length, 1);
  assert.equal(got.cases[0].suite, suite.slice(0, MAX_NAME_LENGTH));
  assert.equal(got.cases[0].case, long.slice(0, MAX_NAME_LENGTH));
  assert.equal(got.complete, true);
  assert.ok(got.notes.includes(`2 names longer than ${MAX_NAME_LENGTH} characters cut`), got.notes.join('\n'));
});

test(`nesting deeper than ${MAX_DEPTH} is read as diagnostic lines, without recursion, however deep`, () => {
  const depth = 100_000;
  const lines = ['KTAP version 1', '1..1'];
  for (let i = 0; i < depth; i++) lines.push('KTAP version 1', `# Subtest: level${i}`);
  lines.push('ok 1 leaf');
  const got = readLines(lines);
  assert.equal(got.totals.pass, 1);
  assert.equal(got.cases[0].param, Array.from({ length: MAX_DEPTH - 3 }, (_, i) => `level${i + 2}`).concat('leaf').join('.'));
  assert.ok(got.notes.some((n) => n.endsWith(`lines nesting deeper than ${MAX_DEPTH} levels read as diagnostic lines`)), got.notes.join('\n'));
});

test(`past ${MAX_CASES} cases the rest are counted in the totals, not kept, and said`, () => {
  const n = MAX_CASES + 7;
  const cases = Array.from({ length: n }, (_, i) => `    ${i % 2 === 0 ? 'ok' : 'not ok'} ${i + 1} c${i}`);
  const got = readLines(suiteOf(cases));
  assert.equal(got.cases.length, MAX_CASES);
  assert.deepEqual(got.totals, { total: n, pass: Math.ceil(n / 2), fail: Math.floor(n / 2), skip: 0, crashed: 0, flaky: 0 });
  assert.ok(got.notes.includes(`7 cases beyond the first ${MAX_CASES} counted in the totals, not kept`));
  // A huge plan cut short: its missing cases are counted, not made one by one.
  const cut = readLines(['KTAP version 1', '1..1', '  # Subtest: s', '  1..1000000000', '  ok 1 a']);
  assert.equal(cut.totals.crashed, 1_000_000_000 - 1);
  assert.equal(cut.cases.length, MAX_CASES);
});

test(`a diagnostic keeps at most ${MAX_DETAIL_LINES} lines, each cut`, () => {
  const got = readLines(suiteOf([
    '    # c: EXPECTATION FAILED at lib/x.c:1',
    ...Array.from({ length: 500 }, (_, i) => `    value ${i} ${'y'.repeat(5000)}`),
    '    not ok 1 c',
  ]));
  const d = got.cases[0].diagnostic;
  assert.equal(d?.detail.length, MAX_DETAIL_LINES);
  assert.ok(d.detail.every((l) => l.length <= 1024));
});

// ---- hostile input ---------------------------------------------------------------------------

test('random bytes never throw, and what is read stays consistent', () => {
  for (let seed = 1; seed <= 8; seed++) {
    const rand = seededRandom(seed);
    const reader = new KtapReader();
    for (let i = 0; i < 2000; i++) {
      const length = Math.floor(rand() * 200);
      let line = '';
      for (let j = 0; j < length; j++) line += String.fromCharCode(Math.floor(rand() * 0x110) );
      reader.push(line);
    }
    consistent(reader.end({ timedOut: rand() < 0.5 }));
  }
});

test('100k lines of shuffled KTAP pieces never throw, in bounded time, and stay consistent', () => {
  const pieces = [
    'KTAP version 1', 'TAP version 13', '1..3', '1..0', '1..99999', '# Subtest: s', '# Subtest: t', 'ok 1 a', 'not ok 2 b', 'ok 3 c # SKIP why',
    'ok 1 s', 'not ok 1 t', '# a: EXPECTATION FAILED at lib/a.c:1', 'Expected 1 == 2, but', '# b: hello', 'Kernel panic - not syncing: x',
    'BUG: kernel NULL pointer dereference, address: 0', 'Call Trace:', ' kunit_try_run_case+0x1/0x2', ' a+0x1/0x2', '\x1b[2J', '\r', '',
    '[    1.000000] ok 2 b', 'ok 4294967296 big', 'ok 99999999999999999999999 huge',
  ];
  const rand = seededRandom(7);
  const started = Date.now();
  for (let round = 0; round < 2; round++) {
    const reader = new KtapReader();
    reader.push('KTAP version 1');
    for (let i = 0; i < 100_000; i++) {
      const piece = pieces[Math.floor(rand() * pieces.length)];
      reader.push(' '.repeat(Math.floor(rand() * 9)) + piece);
    }
    consistent(reader.end());
  }
  assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
});

function consistent(got: KtapReading): void {
  const t = got.totals;
  assert.equal(t.total, t.pass + t.fail + t.skip + t.crashed + t.flaky);
  assert.ok(got.cases.length <= Math.min(t.total, MAX_CASES));
  for (const c of got.cases) {
    assert.ok(c.suite.length <= MAX_NAME_LENGTH * MAX_DEPTH + MAX_DEPTH);
    assert.ok((c.diagnostic?.detail.length ?? 0) <= MAX_DETAIL_LINES);
  }
  assert.ok(got.notes.length <= 60);
}
