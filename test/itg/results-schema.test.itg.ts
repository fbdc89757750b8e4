import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { runEngine } from '../support/engine-run.ts';
import { readResultsDir } from '../../src/results/check-results.ts';
import { readResults } from '../../src/results/previous.ts';

// The results.json a real build writes, through the real engine, container and driver,
// passes the one reader every later stage uses (report DIR, merge, baselines, publish):
// a build whose output holds terminal escapes, CRs and errors, with fragments and options.

test('a real build\'s results.json passes the one reader as written, and report DIR re-reads it', async () => {
  const src = makeToyKernel(`printf 'arch/x86/a.c:1:2: warning: unused \\033]0;title\\007 [-Wunused]\\r\\n'\nprintf 'arch/x86/b.c:3:4: error: expected \\033[31m;\\033[0m\\n'\nexit 2\n`, { fragments: { 'kb-test.config': 'CONFIG_TEST=y\n' } });
  const { results, reports } = await runEngine({ source: src, ref: 'v6.1', arches: 'x86 arm64', configs: 'tinyconfig+kb-test.config+CONFIG_NR_CPUS=4 defconfig', 'make-vars': 'W=1' });
  assert.ok(results.targets.some((t) => t.excerpt) && results.issues?.length, 'the build failed with diagnostics: the excerpts and issues are checked too');
  const dir = dirname(reports.results);
  assert.deepEqual(readResultsDir(dir), JSON.parse(JSON.stringify(results)));
  assert.deepEqual(readResults(reports.results), readResultsDir(dir));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'report', dir], { encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /reports written: /);
});
