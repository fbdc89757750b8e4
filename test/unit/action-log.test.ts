import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionLog, annotationLine, failStep } from '../../src/entry/action-log.ts';
import { foreignCommands, runnerCommands } from '../support/runner-commands.ts';

test('build output is fenced by a random stop-commands token, and escaped inside it too', () => {
  const out: string[] = [];
  const log = actionLog((t) => out.push(t));
  log.beginBuildOutput();
  log.buildOutput('::set-output name=result::pass');
  log.endBuildOutput();
  const token = /^::stop-commands::([0-9a-f-]{36})\n$/.exec(out[0])?.[1];
  assert.ok(token, out[0]);
  assert.equal(out[1], '\\x3a:set-output name=result::pass\n');
  assert.equal(out[2], `::${token}::\n`);

  log.beginBuildOutput();
  assert.notEqual(/::stop-commands::(.*)\n/.exec(out[3])?.[1], token, 'a new token per build');
});

test('phases are groups, a new one closing the last; opened outside the build output fence', () => {
  const out: string[] = [];
  const log = actionLog((t) => out.push(t));
  log.group('plan');
  log.group('build');
  log.beginBuildOutput();
  log.buildOutput('::endgroup::');
  log.endBuildOutput();
  log.group('reports');
  log.endGroup();
  log.endGroup();
  const token = /^::stop-commands::(.*)\n$/.exec(out[3])![1];
  assert.deepEqual(out, ['::group::plan\n', '::endgroup::\n', '::group::build\n', `::stop-commands::${token}\n`, '\\x3a:endgroup::\n', `::${token}::\n`, '::endgroup::\n', '::group::reports\n', '::endgroup::\n']);
});

/** A tree's text as it can reach every method of the log: subjects, file names, build output. */
const HOSTILE = [
  '::error::forged',
  '  ::add-mask::kb',
  'a##[error]forged',
  'x\r::error file=a::forged',
  'x\n##[set-output name=result]pass',
  '::stop-commands::silence',
  '::endgroup::',
  '\u200b::error::forged',
  '#\u00ad#[error]forged',
  '\x1b[2J\x1b]0;title\x07 \u009b31m',
];

test('the one sink: hostile text through every method issues no command but the log\'s own', () => {
  let out = '';
  const log = actionLog((t) => (out += t));
  const expected: string[] = [];
  for (const text of HOSTILE) {
    log.group(`plan ${text}`);
    log.info(text);
    log.info(`not building x86/${text}: arch/x86/configs/ holds ${text}`);
    log.progress(text);
    log.warning(text);
    log.beginBuildOutput();
    log.buildOutput(text);
    log.endBuildOutput();
    log.buildOutput(`outside the fence: ${text}`);
    expected.push(...(expected.length > 0 ? ['endgroup'] : []), 'group', 'warning', 'stop-commands', 'fence token');
  }
  log.endGroup();
  expected.push('endgroup');
  const commands = runnerCommands(out);
  assert.deepEqual(
    commands.map((c) => (/^[0-9a-f-]{36}$/.test(c.name) ? 'fence token' : c.name)),
    expected,
    out,
  );
  assert.deepEqual(foreignCommands(out), []);
  // The warnings' data reads back (the runner percent-decodes it) as one visible line.
  const warnings = commands.filter((c) => c.name === 'warning').map((c) => decodeURIComponent(c.data));
  assert.equal(warnings[3], 'x\\r::error file=a::forged');
  assert.ok(!/[\x00-\x08\x0a-\x1f\x7f-\x9f]/.test(out.replaceAll('\n', '')), 'no control character but LF is written');
});

test('a warning\'s %-escapes survive as text', () => {
  let out = '';
  actionLog((t) => (out += t)).warning('100% done, %0A is no line end');
  assert.equal(out, '::warning::100%25 done, %250A is no line end\n');
});

test('an annotation is the command @actions/core writes, its texts one visible line', () => {
  const plain = { severity: 'error' as const, title: 'compiler error in x86/defconfig: 1, 2', file: 'init/main.c', startLine: 12, startColumn: 5, message: '\'x\' undeclared: 100%' };
  assert.equal(annotationLine(plain), '::error title=compiler error in x86/defconfig%3A 1%2C 2,file=init/main.c,line=12,col=5::\'x\' undeclared: 100%25\n');
  assert.equal(annotationLine({ severity: 'warning', title: 't', message: 'm' }), '::warning title=t::m\n');
  const hostile = { severity: 'error' as const, title: 'first bad commit \x1b]0;x\x07', file: 'a\r::error::forged.c', startLine: 1, message: 'fix\r::error file=x::forged ##[add-mask]y \x1b[2J' };
  const line = annotationLine(hostile);
  const commands = runnerCommands(line);
  assert.equal(commands.length, 1, line);
  assert.equal(commands[0].name, 'error');
  assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(line.slice(0, -1)), JSON.stringify(line));
  assert.equal(decodeURIComponent(commands[0].data), 'fix\\r::error file=x::forged ##[add-mask]y \\x1b[2J');
});

test('failing the step: exit code 1 and one error command, whose message (quoting a tree) issues no other', () => {
  const out: string[] = [];
  const before = process.exitCode;
  try {
    failStep('2 of 4 targets failed: x86/a\r::add-mask::b\n##[error]c %0A \x1b[2J', (t) => out.push(t));
    assert.equal(process.exitCode, 1);
  } finally {
    process.exitCode = before;
  }
  assert.deepEqual(out, ['::error::2 of 4 targets failed: x86/a\\r::add-mask::b\\n##[error]c %250A \\x1b[2J\n']);
  assert.deepEqual(runnerCommands(out.join('')).map((c) => c.name), ['error']);
});
