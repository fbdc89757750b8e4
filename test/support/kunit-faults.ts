import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitSeries } from './kernel-repo.ts';
import { KtapReader } from '../../src/kunit/ktap-reader.ts';
import { type KunitCase } from '../../src/types/kunit.ts';

/** kernelbuilder's KUnit faults (test/fixtures/kunit/faults/kb-kunit-faults.c): a failing case, a skipped one, one failing in the first run only, a panic. */
export const KUNIT_FAULTS = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'kunit', 'faults', 'kb-kunit-faults.c'), 'utf8');

/** The branch of the kernel repo whose one commit adds the faults after lib/kunit's own suites, and that commit. */
export const KUNIT_FAULTS_BRANCH = 'kb-test/kunit-faults';

/** Put the faults commit on its branch of `source` (idempotent); its sha. */
export function kunitFaultsCommit(source: string): string {
  const [faulty] = commitSeries(source, KUNIT_FAULTS_BRANCH, [
    {
      subject: 'kunit: kernelbuilder faults (kernelbuilder test)',
      edits: {
        'lib/kunit/kb-kunit-faults.c': () => KUNIT_FAULTS.trimEnd(),
        'lib/kunit/Makefile': (t) => `${t}\nobj-$(CONFIG_KUNIT_EXAMPLE_TEST) +=\tkb-kunit-faults.o`,
      },
    },
  ]);
  return faulty;
}

/** The line of the faults file the failing expectation is on. */
export const FAILING_LINE = KUNIT_FAULTS.split('\n').findIndex((l) => l.includes('KUNIT_EXPECT_EQ(test, answer, 42)')) + 1;

/** The tree's own parser's summary of a console: "Ran N tests: passed: P, skipped: S, ...". */
export function kunitPy(source: string, console: string): Record<string, number> {
  // It exits 1 when a case failed: its summary is what counts.
  const out = spawnSync('python3', [join(source, 'tools/testing/kunit/kunit.py'), 'parse', console], { encoding: 'utf8' }).stdout.replace(/\x1b\[[0-9;]*m/g, '');
  const m = /Testing complete\. Ran (\d+) tests?(?:: (.*))?$/m.exec(out);
  assert.ok(m, out);
  const said = Object.fromEntries((m[2] ?? '').split(', ').filter(Boolean).map((kv) => [kv.split(': ')[0], Number(kv.split(': ')[1])]));
  return { total: Number(m[1]), pass: said.passed ?? 0, fail: said.failed ?? 0, skip: said.skipped ?? 0, crashed: said.crashed ?? 0 };
}

/** Our reader's totals of one console, in kunitPy's terms. */
export function ourTotals(console: string): Record<string, number> {
  const reader = new KtapReader();
  for (const line of readFileSync(console, 'utf8').split('\n')) reader.push(line);
  const t = reader.end().totals;
  return { total: t.total, pass: t.pass, fail: t.fail, skip: t.skip, crashed: t.crashed };
}

export const named = (cases: KunitCase[], name: string) => cases.find((c) => c.case === name);
