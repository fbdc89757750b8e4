import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { runAction } from '../support/action-run.ts';
import { commitOnBranch, kernelRepo } from '../support/kernel-repo.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { tempDir } from '../support/temp-dir.ts';
import { validateKcidb } from '../support/kcidb-check.ts';
import { readJunit } from '../support/junit-check.ts';
import { type KcidbData } from '../../src/report/kcidb.ts';

const source = kernelRepo();

test('a branch that moves from a clean commit to one with a new warning and a new error: both marked new, >> in the email; its kcidb.json and junit.xml valid', async () => {
  const branch = 'kb-test/moving';
  const clean = execFileSync('git', ['-C', source, 'rev-parse', 'refs/remotes/stable/HEAD'], { encoding: 'utf8' }).trim();
  execFileSync('git', ['-C', source, 'update-ref', `refs/heads/${branch}`, clean]);
  const logs = tempDir('logs');
  const inputs = { source, ref: branch, tree: 'linux', arches: 'x86', configs: 'tinyconfig+kb-boot.config', logs };

  const first = runAction(inputs);
  assert.equal(first.outputs.result, 'pass', first.stdout.slice(-2000));
  const firstResults = JSON.parse(readFileSync(first.outputs['results-json'], 'utf8')) as BuildResults;
  assert.equal(firstResults.regressions, undefined, 'no earlier build: no baseline');

  const broken = commitOnBranch(
    source,
    'kb-test/new-warning-and-error',
    'arch/x86/kernel/setup.c',
    (t) => `${t}\nstatic int kernelbuilder_unused_on_purpose;\nint kernelbuilder_broken_too(void) { return undeclared_again; }`,
    'x86: a new warning and a new error (kernelbuilder test)',
  );
  execFileSync('git', ['-C', source, 'update-ref', `refs/heads/${branch}`, broken]);
  const second = runAction(inputs);
  assert.equal(second.outputs.result, 'fail');
  const r = JSON.parse(readFileSync(second.outputs['results-json'], 'utf8')) as BuildResults;
  assert.equal(r.regressions!.baseline.sha, clean);
  assert.deepEqual(r.regressions!.newlyFailing, ['x86/tinyconfig+kb-boot.config']);
  const fresh = r.regressions!.newIssues.map((s) => r.issues!.find((i) => i.signature === s)!);
  assert.ok(fresh.some((i) => i.severity === 'error' && /'undeclared_again' undeclared/.test(i.message) && i.file === 'arch/x86/kernel/setup.c'), JSON.stringify(fresh));
  assert.ok(fresh.some((i) => i.severity === 'warning' && /kernelbuilder_unused_on_purpose/.test(i.message) && i.flag === '-Wunused-variable'), JSON.stringify(fresh));
  const email = readFileSync(second.outputs.email, 'utf8');
  assert.match(email, new RegExp(`New since ${firstResults.buildId} \\(${clean.slice(0, 12)}\\):\\n  newly failing: x86/tinyconfig\\+kb-boot\\.config\\n`));
  assert.match(email, /^>> arch\/x86\/kernel\/setup\.c:\d+:\d+: error: 'undeclared_again' undeclared/m);
  assert.match(email, /^>> arch\/x86\/kernel\/setup\.c:\d+:\d+: warning: 'kernelbuilder_unused_on_purpose' defined but not used \[-Wunused-variable\]/m);
  assert.match(readFileSync(second.outputs.summary, 'utf8'), /### New since/);

  // The formats other tools read, from this real failing build.
  const kcidb = JSON.parse(readFileSync(second.outputs['kcidb-json'], 'utf8')) as KcidbData;
  assert.ok(validateKcidb(kcidb), JSON.stringify(validateKcidb.errors));
  assert.deepEqual(kcidb.builds.map((b) => [b.architecture, b.config_name, b.status]), [['x86', 'tinyconfig+kb-boot.config', 'FAIL']]);
  assert.match(String(kcidb.builds[0].log_excerpt), /'undeclared_again' undeclared/);
  assert.equal(kcidb.checkouts[0].git_commit_hash, broken);
  assert.ok(kcidb.issues.some((i) => /kernelbuilder_unused_on_purpose/.test(String(i.comment))));
  const [suite] = await readJunit(readFileSync(second.outputs['junit-xml'], 'utf8'));
  assert.deepEqual([suite.name, suite.tests, suite.failures, suite.errors], ['x86', 1, 1, 0]);
  assert.match(suite.testcase![0].failure![0].message!, /arch\/x86\/kernel\/setup\.c:\d+:\d+: error: 'undeclared_again' undeclared/);
});
