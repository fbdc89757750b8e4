import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../support/action-run.ts';
import { breaks, harmless, toySeries, warns } from '../support/toy-series.ts';
import { tempDir } from '../support/temp-dir.ts';
import { type SeriesResult } from '../../src/series/types.ts';

// The action's build mode with commits: each on a toy kernel's push of four commits (a
// harmless one, a warning, a break, its fix), the push event as the runner hands it.
const { source, shas } = toySeries([
  harmless(1),
  { 'toy.d/10-warn': warns('init/main.c', 12, "unused variable 'x'", '-Wunused-variable') },
  { 'toy.d/20-break': breaks('init/main.c', 40, "'y' undeclared (first use in this function)") },
  { 'toy.d/20-break': null },
]);

function push(event: object) {
  const dir = tempDir('event');
  writeFileSync(join(dir, 'event.json'), JSON.stringify(event));
  return { GITHUB_EVENT_PATH: join(dir, 'event.json') };
}

const inputs = (more: Record<string, string> = {}) => ({ source, ref: shas[3], arches: 'x86', configs: 'tinyconfig', ccache: 'off', checkpatch: 'off', commits: 'each', logs: tempDir('logs'), ...more });

test("commits: each checks every commit of the push from its before: the warning and the break named at their commits, annotated, in the step's summary; the step fails", () => {
  const run = runAction(inputs(), push({ before: shas[0], forced: false, repository: { default_branch: 'master' } }));
  assert.equal(run.status, 1, run.stdout);
  assert.match(run.stdout, new RegExp(`commits: each, from the push's before, ${shas[0].slice(0, 12)}, to ${shas[3].slice(0, 12)}`));
  assert.equal(run.outputs.result, 'fail');
  assert.equal(run.outputs['failed-targets'], 'x86/tinyconfig');
  const r = JSON.parse(readFileSync(run.outputs['series-json'], 'utf8')) as SeriesResult;
  assert.deepEqual(r.steps.map((s) => s.sha), shas.slice(1));
  assert.deepEqual(r.steps.map((s) => [s.targets[0].build, s.targets[0].added.map((d) => d.severity), s.targets[0].removed.map((d) => d.severity)]), [
    ['pass', ['warning'], []],
    ['fail', ['error'], []],
    ['pass', [], ['error']],
  ]);
  assert.deepEqual(r.breaks, [{ target: 'x86/tinyconfig', at: 2, fixedAt: 3 }]);
  assert.match(run.stdout, /^::error title=\[2\/3\] [0-9a-f]{12} adds on x86\/tinyconfig,file=init\/main\.c,line=40::'y' undeclared/m);
  assert.match(run.stdout, /^::warning title=\[1\/3\] [0-9a-f]{12} adds on x86\/tinyconfig,file=init\/main\.c,line=12::unused variable 'x'/m);
  assert.match(run.stdout, /::error::x86\/tinyconfig: breaks the build at 2\/3 [0-9a-f]{12} "change 3: toy\.d\/20-break", fixed at 3\/3/);
  assert.match(run.summary, /## kernelbuilder series:/);
  assert.match(run.summary, /breaks the build at 2\/3/);
});

test('commits: each after a forced push without the default branch asks for commits-base; commits-base wins: on a base that does not build, the fix passes', () => {
  const forced = runAction(inputs(), push({ before: shas[2], forced: true, repository: { default_branch: 'master' } }));
  assert.equal(forced.status, 1);
  assert.match(forced.stdout, /::error::input 'commits-base'.*a forced push, and origin\/master is not in the source or has no commit in common with [0-9a-f]{12}; give commits-base/);
  const given = runAction(inputs({ 'commits-base': shas[2] }), push({ before: '0'.repeat(40) }));
  assert.equal(given.status, 0, given.stdout);
  assert.equal(given.outputs.result, 'pass');
  assert.match(given.stdout, new RegExp(`commits: each, from commits-base ${shas[2]}, to`));
  assert.equal((JSON.parse(readFileSync(given.outputs['series-json'], 'utf8')) as SeriesResult).steps.length, 1);
});

test('patches: the push as git format-patch files, applied on its base by the action, give the same commits and break as the push', () => {
  const folder = tempDir('patches');
  execFileSync('git', ['-C', source, 'format-patch', '-q', '-o', folder, `${shas[0]}..${shas[3]}`]);
  const run = runAction(inputs({ ref: shas[0], commits: 'off', patches: folder }));
  assert.equal(run.status, 1, run.stdout);
  assert.match(run.stdout, new RegExp(`checking 3 patches of ${folder} on ${shas[0].slice(0, 12)}`));
  const r = JSON.parse(readFileSync(run.outputs['series-json'], 'utf8')) as SeriesResult;
  assert.deepEqual(r.steps.map((s) => s.subject), ['change 2: toy.d/10-warn', 'change 3: toy.d/20-break', 'change 4: toy.d/20-break']);
  assert.deepEqual(r.breaks, [{ target: 'x86/tinyconfig', at: 2, fixedAt: 3 }]);
  assert.equal(run.outputs.result, 'fail');
  // Both at once is a mistake, said before anything starts.
  const both = runAction(inputs({ ref: shas[0], patches: folder }));
  assert.equal(both.status, 1);
  assert.match(both.stdout, /::error::input 'patches'.*give one of them/);
  assert.equal(both.outputs['series-json'], undefined);
});
