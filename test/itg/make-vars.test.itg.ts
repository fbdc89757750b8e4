import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { runEngine } from '../support/engine-run.ts';
import { tempDir } from '../support/temp-dir.ts';
import { targetPaths } from '../../src/logs-layout.ts';

// make-vars through the real engine, container and driver into the toy kernel's make:
// make exports command-line variables to its recipes, so toy.sh sees what make was given.

test('make-vars reach the build make of every target, as given, and results.json and the reproducer name them', async (t) => {
  const src = makeToyKernel('echo "toy-vars W=${W-unset} C=${C-unset} KCFLAGS=${KCFLAGS-unset}"\nexit 2\n');
  const logs = tempDir('logs');
  t.after(() => {
    rmSync(src, { recursive: true, force: true });
    rmSync(logs, { recursive: true, force: true });
  });
  const { results, reports } = await runEngine({ source: src, ref: 'v6.1', arches: 'x86 arm64', configs: 'tinyconfig', logs, 'make-vars': 'W=12 C=1 KCFLAGS="-Wall -Werror"' });
  const dir = dirname(reports.results);
  assert.deepEqual(results.makeVars, ['W=12', 'C=1', 'KCFLAGS=-Wall -Werror']);
  for (const target of results.targets) {
    assert.equal(target.status, 'fail', 'toy.sh fails, so that a reproducer is written');
    const log = readFileSync(join(dir, target.log), 'utf8');
    assert.match(log, /^toy-vars W=12 C=1 KCFLAGS=-Wall -Werror$/m, log);
    const repro = readFileSync(join(dir, targetPaths(target.arch, target.config).reproducer), 'utf8');
    assert.match(repro, /W=12 C=1 '\\''KCFLAGS=-Wall -Werror'\\'' -k -j\$\(nproc\)/, repro);
  }
});

test('without make-vars the build make gets none of them', async (t) => {
  const src = makeToyKernel('echo "toy-vars W=${W-unset} C=${C-unset} KCFLAGS=${KCFLAGS-unset}"\n');
  const logs = tempDir('logs');
  t.after(() => {
    rmSync(src, { recursive: true, force: true });
    rmSync(logs, { recursive: true, force: true });
  });
  const { results, reports } = await runEngine({ source: src, ref: 'v6.1', arches: 'x86', configs: 'tinyconfig', logs });
  assert.equal(results.makeVars, undefined);
  const log = readFileSync(join(dirname(reports.results), results.targets[0].log), 'utf8');
  assert.match(log, /^toy-vars W=unset C=unset KCFLAGS=unset$/m, log);
});
