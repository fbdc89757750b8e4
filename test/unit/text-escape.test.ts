import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runnerLogLine } from '../../src/text/runner-log.ts';
import { terminalJson, terminalLine, terminalText } from '../../src/text/terminal.ts';
import { emailHeader, emailMessage } from '../../src/text/email.ts';
import { parseCommandLine, runnerCommands } from '../support/runner-commands.ts';

/** Texts a tree can put in a commit subject, a file name or its build output. */
const HOSTILE = [
  '::error::x',
  '  ::add-mask::kb',
  '\t::set-output name=result::pass',
  '\u00a0\u3000::error::wide spaces',
  'a##[error]b',
  '###[warning]c',
  'x\r::error file=a::b',
  'x\n##[add-mask]y',
  'x\r\n::stop-commands::z',
  '::stop-commands::',
  '\u200b::error::zero width before',
  '\ufeff::error::bom before',
  ':\u00ad:error::soft hyphen between',
  '#\u200b#[error]zero width between',
  '#\u0000#[error]nul between',
  '\u2028::error::after a line separator',
  '\u0085::error::after NEL',
  '\x1b[2J\x1b]0;title\x07',
  'bell\x07 nul\x00 del\x7f csi\u009b31m',
  '\u202eevil bidi',
];

test('runner log: no hostile text is a command, one line each, every hidden character visible', () => {
  for (const text of HOSTILE) {
    const line = runnerLogLine(text);
    assert.equal(runnerCommands(`${line}\n`).length, 0, `${JSON.stringify(text)} -> ${JSON.stringify(line)}`);
    assert.doesNotMatch(line, /[\r\n\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/, JSON.stringify(line));
  }
});

test('runner log: what is escaped, and how it reads', () => {
  assert.equal(runnerLogLine('::error::x'), '\\x3a:error::x');
  assert.equal(runnerLogLine('  ::add-mask::kb'), '  \\x3a:add-mask::kb');
  assert.equal(runnerLogLine('a##[error]b'), 'a##\\x5berror]b');
  assert.equal(runnerLogLine('x\r::error file=a::b'), 'x\\r::error file=a::b');
  assert.equal(runnerLogLine('\x1b[31mred\x1b[0m'), '\\x1b[31mred\\x1b[0m');
  assert.equal(runnerLogLine('csi\u009b nel\u0085 ls\u2028 bidi\u202e'), 'csi\\x9b nel\\x85 ls\\u2028 bidi\\u202e');
  // Characters ICU skips are kept where they are harmless, and cannot hide a command.
  assert.equal(runnerLogLine('#\u00ad#[error]x'), '#\u00ad#\\x5berror]x');
  assert.equal(runnerLogLine('\u200b:\u2060:error::x'), '\u200b\\x3a\u2060:error::x');
  // Text that is no command stays as it was: C++ names, tabs, a colon mid-line, non-ASCII.
  for (const plain of ['x86/defconfig: pass', 'std::vector<int>', '\tCC\tinit/main.o', 'Jörg Müller ✅ ⚠️ 👩\u200d💻', 'a ## [b]', 'zero\u200bwidth']) assert.equal(runnerLogLine(plain), plain);
});

test('the runner reader finds what the runner would act on (so the tests above can fail)', () => {
  const raw = HOSTILE.filter((t) => !/^\x1b|^bell|^\u202e/.test(t));
  for (const text of raw) assert.ok(runnerCommands(`${text}\n`).length > 0, JSON.stringify(text));
  assert.deepEqual(
    parseCommandLine('  ::error file=a,line=1::boom'),
    { name: 'error', properties: 'file=a,line=1', data: 'boom', line: '  ::error file=a,line=1::boom', form: '::' },
  );
  assert.equal(parseCommandLine('text ##[group]fold')?.name, 'group');
  // A fence silences everything until its token, in either form and any case.
  const fenced = runnerCommands('::stop-commands::tok\n::error::no\n##[error]no\nx ##[TOK]\n::error::yes\n');
  assert.deepEqual(fenced.map((c) => c.name), ['stop-commands', 'TOK', 'error']);
  // An empty token is never matched: everything after is silent.
  assert.deepEqual(runnerCommands('::stop-commands::\n::tok::\n::error::no\n').map((c) => c.name), ['stop-commands']);
});

test('terminal: no control character of the text reaches the terminal, tab and line breaks of a text kept', () => {
  for (const text of HOSTILE) assert.doesNotMatch(terminalLine(text), /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/, JSON.stringify(text));
  assert.equal(terminalLine('\x1b[2J\x1b]0;pwned\x07'), '\\x1b[2J\\x1b]0;pwned\\x07');
  assert.equal(terminalLine('nul\x00 csi\u009b2J cr\r'), 'nul\\x00 csi\\x9b2J cr\\r');
  assert.equal(terminalLine('\u202eevil'), '\\u202eevil');
  assert.equal(terminalLine('\tCC init/main.o ✅ ⚠️'), '\tCC init/main.o ✅ ⚠️');
  // The CLI's output may be a CI job's log: no command there either.
  for (const text of HOSTILE) assert.equal(runnerCommands(`${terminalLine(text)}\n`).length, 0, JSON.stringify(text));
  assert.equal(terminalText('## head\n\nline \x1b[31m\r\n'), '## head\n\nline \\x1b[31m\\r\n');
});

test('email: a header is one line whatever its value holds; the body shows controls, keeps its lines', () => {
  assert.equal(emailHeader('Subject', 'fix\r\nBcc: victim@example.org'), 'Subject: fix Bcc: victim@example.org');
  assert.equal(emailHeader('Subject', 'a\u0085b\u2028c\x1b[2Jd'), 'Subject: a b c [2Jd');
  const message = emailMessage({ to: 'dev@example.org\nCc: x@example.org', subject: 'boom\r\n\r\nbody' }, ['line 1', 'colour \x1b[31m', 'two\nlines', 'cr\rhere']);
  assert.equal(message, 'To: dev@example.org Cc: x@example.org\nSubject: boom body\n\nline 1\ncolour \\x1b[31m\ntwo\nlines\ncr\\rhere\n');
  assert.equal(emailMessage({ subject: 's' }, ['b']), 'Subject: s\n\nb\n');
});

test('terminalJson: the same value read back, no raw DEL, C1, separator or bidi control, no # a runner could read', () => {
  const value = { names: HOSTILE, nested: { '##[error]key': 'a\u009b31m\u007f\u2028\u202e#' } };
  const json = terminalJson(value);
  assert.deepEqual(JSON.parse(json), value);
  assert.ok(!/[#\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(json), json);
  assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(json), 'C0 controls are JSON escapes');
  assert.deepEqual(runnerCommands(json), []);
});
