import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { runAction } from '../support/action-run.ts';
import { commitOnBranch, kernelRepo } from '../support/kernel-repo.ts';
import { tempDir } from '../support/temp-dir.ts';
import { type BuildResults } from '../../src/types/results.ts';

// make-vars W=1 C=1 on the real tree, x86 tinyconfig: kbuild's extra warnings and sparse's
// findings, each typed and counted; then a commit with one new W=1 warning (a variable set
// and never read: gcc says so only at W=1, sparse never), built against the first: only it
// is new, and the reports lead with it. One build of both checkers, not one of each: they
// are independent (C=1 adds a CHECK step after each compile, W=1 compiler flags). One arch:
// W=1's flags miss the compiler cache of every other build, and sparse is never cached, so
// each arch costs minutes on 2 cores; the parser's rules per arch are the fixtures'
// (test/fixtures/logs: arm64-w1, arm64-sparse).

const source = kernelRepo();

/** The W= warning flags of kbuild's scripts/Makefile.extrawarn (6.1) that a default build leaves off. */
const W1_ONLY_FLAGS = ['-Wmissing-prototypes', '-Wmissing-declarations', '-Wunused-but-set-variable', '-Wold-style-definition', '-Wmissing-format-attribute', '-Wsuggest-attribute=format', '-Wunused-const-variable=', '-Wempty-body', '-Wtype-limits', '-Wcast-function-type', '-Wrestrict', '-Wenum-conversion', '-Woverride-init', '-Wstringop-overflow'];

test('make-vars W=1 C=1 on x86 tinyconfig: W=1 warnings and sparse findings typed and counted; one new W=1 warning is the only new finding, marked >>', () => {
  const branch = 'kb-test/extra-checks';
  const clean = execFileSync('git', ['-C', source, 'rev-parse', 'refs/remotes/stable/HEAD'], { encoding: 'utf8' }).trim();
  execFileSync('git', ['-C', source, 'update-ref', `refs/heads/${branch}`, clean]);
  const logs = tempDir('logs');
  const inputs = { source, ref: branch, tree: 'linux', arches: 'x86', configs: 'tinyconfig', logs, 'make-vars': 'W=1 C=1' };

  const first = runAction(inputs);
  assert.equal(first.outputs.result, 'pass', first.stdout.slice(-3000));
  const r1 = JSON.parse(readFileSync(first.outputs['results-json'], 'utf8')) as BuildResults;
  assert.deepEqual(r1.makeVars, ['W=1', 'C=1']);
  const issues = r1.issues ?? [];
  for (const target of ['x86/tinyconfig']) {
    const mine = issues.filter((i) => i.targets.includes(target));
    assert.ok(mine.some((i) => i.kind === 'sparse'), `${target}: sparse findings (${mine.length} issues)`);
    assert.ok(mine.some((i) => i.kind === 'compiler' && i.severity === 'warning' && W1_ONLY_FLAGS.some((f) => i.flag?.startsWith(f))), `${target}: W=1-only compiler warnings`);
  }
  // Typed: every finding of sparse is after a CHECK line, none counted as a warning; the counts are the occurrences.
  const occurrences = (kind: (i: (typeof issues)[number]) => boolean) => issues.filter((i) => !i.noise && kind(i)).reduce((n, i) => n + i.count, 0);
  assert.equal(r1.counts!.sparse, occurrences((i) => i.kind === 'sparse' && i.severity !== 'note'));
  assert.ok(r1.counts!.sparse! > 0 && r1.counts!.warnings > 0, JSON.stringify(r1.counts));
  assert.equal(r1.targets.reduce((n, t) => n + (t.warnings ?? 0), 0), r1.counts!.warnings, 'the per-target counts add up to the total');

  const changed = commitOnBranch(
    source,
    'kb-test/extra-checks-new-warning',
    'init/main.c',
    (t) => `${t}\nint __init kernelbuilder_w1_probe(void);\nint __init kernelbuilder_w1_probe(void)\n{\n\tint kernelbuilder_set_only;\n\n\tkernelbuilder_set_only = 1;\n\treturn 0;\n}`,
    'init: a variable set and never read (kernelbuilder test)',
  );
  execFileSync('git', ['-C', source, 'update-ref', `refs/heads/${branch}`, changed]);
  const second = runAction(inputs);
  assert.equal(second.outputs.result, 'pass', second.stdout.slice(-3000));
  const r2 = JSON.parse(readFileSync(second.outputs['results-json'], 'utf8')) as BuildResults;
  assert.equal(r2.regressions!.baseline.sha, clean);
  const fresh = r2.regressions!.newIssues.map((s) => r2.issues!.find((i) => i.signature === s)!);
  assert.deepEqual(
    fresh.map((i) => [i.kind, i.file, i.flag, [...i.targets].sort()]),
    [['compiler', 'init/main.c', '-Wunused-but-set-variable', ['x86/tinyconfig']]],
    JSON.stringify(fresh),
  );
  assert.deepEqual(r2.regressions!.fixedIssues, []);
  const email = readFileSync(second.outputs.email, 'utf8');
  const warnings = email.slice(email.indexOf('\nWarnings (new ones prefixed by >>):'));
  assert.match(warnings, /^>> init\/main\.c:\d+:\d+: warning: variable 'kernelbuilder_set_only' set but not used \[-Wunused-but-set-variable\]$/m);
  assert.equal(warnings.match(/^>> /gm)?.length, 1, 'the new warning is all that is listed');
  assert.match(warnings, /^ {2}\.\.\. and \d+ known from the baseline$/m);
  assert.match(email, /\nSparse findings \(new ones prefixed by >>\):\n {2}\.\.\. and \d+ known from the baseline\n/, 'no sparse finding is new');
  assert.match(readFileSync(second.outputs.summary, 'utf8'), /### Top warnings\n\n\| count \| targets \| warning \|\n\| ---: \| --- \| --- \|\n\| 1 \| 1 \| `>> init\/main\.c:\d+:\d+: warning: variable 'kernelbuilder_set_only' set but not used/);
});
