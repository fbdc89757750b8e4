import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runAction } from '../support/action-run.ts';
import { kernelRepo } from '../support/kernel-repo.ts';
import { tempDir } from '../support/temp-dir.ts';
import { type BuildResults } from '../../src/types/results.ts';

// make-vars W=1 C=1 on the real tree, x86 tinyconfig: kbuild's extra warnings and sparse's
// findings, each typed and counted. One build of both checkers, not one of each: they are
// independent (C=1 adds a CHECK step after each compile, W=1 compiler flags). One arch and
// one build: W=1's flags miss the compiler cache of every other build and sparse is never
// cached, so each build costs minutes on 2 cores. The parser's rules per arch are the
// fixtures' (test/fixtures/logs: arm64-w1, arm64-sparse); how a new W= warning leads the
// reports against a baseline is reports.test.ts's, and a real baseline's regressions.test's.

const source = kernelRepo();

/** The W= warning flags of kbuild's scripts/Makefile.extrawarn (6.1) that a default build leaves off. */
const W1_ONLY_FLAGS = ['-Wmissing-prototypes', '-Wmissing-declarations', '-Wunused-but-set-variable', '-Wold-style-definition', '-Wmissing-format-attribute', '-Wsuggest-attribute=format', '-Wunused-const-variable=', '-Wempty-body', '-Wtype-limits', '-Wcast-function-type', '-Wrestrict', '-Wenum-conversion', '-Woverride-init', '-Wstringop-overflow'];

test('make-vars W=1 C=1 on x86 tinyconfig: W=1 warnings and sparse findings typed and counted', () => {
  const logs = tempDir('logs');
  const first = runAction({ source, ref: 'stable/linux-6.1.y', tree: 'linux', arches: 'x86', configs: 'tinyconfig', logs, 'make-vars': 'W=1 C=1' });
  assert.equal(first.outputs.result, 'pass', first.stdout.slice(-3000));
  const r1 = JSON.parse(readFileSync(first.outputs['results-json'], 'utf8')) as BuildResults;
  assert.deepEqual(r1.makeVars, ['W=1', 'C=1']);
  const issues = r1.issues ?? [];
  assert.ok(issues.some((i) => i.kind === 'sparse'), `sparse findings (${issues.length} issues)`);
  assert.ok(issues.some((i) => i.kind === 'compiler' && i.severity === 'warning' && W1_ONLY_FLAGS.some((f) => i.flag?.startsWith(f))), 'W=1-only compiler warnings');
  // Typed: every finding of sparse is after a CHECK line, none counted as a warning; the counts are the occurrences.
  const occurrences = (kind: (i: (typeof issues)[number]) => boolean) => issues.filter((i) => !i.noise && kind(i)).reduce((n, i) => n + i.count, 0);
  assert.equal(r1.counts!.sparse, occurrences((i) => i.kind === 'sparse' && i.severity !== 'note'));
  assert.ok(r1.counts!.sparse! > 0 && r1.counts!.warnings > 0, JSON.stringify(r1.counts));
  assert.equal(r1.targets.reduce((n, t) => n + (t.warnings ?? 0), 0), r1.counts!.warnings, 'the per-target counts add up to the total');
});
