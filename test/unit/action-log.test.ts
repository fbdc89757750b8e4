import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionLog } from '../../src/entry/action-log.ts';

test('build output is fenced by a random stop-commands token', () => {
  const out: string[] = [];
  const log = actionLog((t) => out.push(t));
  log.beginBuildOutput();
  log.buildOutput('::set-output name=result::pass');
  log.endBuildOutput();
  const token = /^::stop-commands::([0-9a-f-]{36})\n$/.exec(out[0])?.[1];
  assert.ok(token, out[0]);
  assert.equal(out[1], '::set-output name=result::pass\n');
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
  assert.deepEqual(out, ['::group::plan\n', '::endgroup::\n', '::group::build\n', `::stop-commands::${token}\n`, '::endgroup::\n', `::${token}::\n`, '::endgroup::\n', '::group::reports\n', '::endgroup::\n']);
});
