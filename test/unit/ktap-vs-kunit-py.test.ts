// Our KTAP reader against the kernel's own parser: for every console fixture (ours and the
// tree's tools/testing/kunit/test_data/*.log), `kunit.py parse --json=<file> <fixture>` is run
// and its cases (the JSON's test_cases, group by group) and totals (its "Testing complete.
// Ran N tests: ..." line: the JSON has no counts) compared with ours, case by case.
// Needs the 6.1 tree: KB_KERNEL_REPO (scripts/test.sh exports it); skipped without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KtapReader } from '../../src/kunit/ktap-reader.ts';
import type { KunitCase, KunitCaseStatus } from '../../src/types/kunit.ts';

const KERNEL = process.env.KB_KERNEL_REPO;
const KUNIT = KERNEL === undefined ? undefined : join(KERNEL, 'tools', 'testing', 'kunit');
const skip = KUNIT === undefined
  ? 'KB_KERNEL_REPO is not set: the kernel tree whose kunit.py is the reference'
  : !existsSync(join(KUNIT, 'kunit.py')) ? `${KUNIT}/kunit.py not found` : false;

const OURS = join(import.meta.dirname, '..', 'fixtures', 'kunit');

function fixtures(): string[] {
  if (KUNIT === undefined || skip !== false) return [];
  const list = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.log')).sort().map((f) => join(dir, f));
  return [...list(OURS), ...list(join(KUNIT, 'test_data'))];
}

/** One case as both sides name it: the groups above it, its own name, its status. */
interface Leaf {
  group: string;
  name: string;
  status: KunitCaseStatus;
}

type Counts = Record<'pass' | 'fail' | 'skip' | 'crashed', number>;

/** kunit_json.py's statuses: PASS, SKIP, ERROR (TEST_CRASHED); FAIL for FAILURE and every other (NO_TESTS too). */
const JSON_STATUS: Record<string, KunitCaseStatus> = { PASS: 'pass', SKIP: 'skip', ERROR: 'crashed', FAIL: 'fail' };

interface JsonGroup {
  name: string;
  test_cases: Array<{ name: string; status: string }>;
  sub_groups: JsonGroup[];
}

function jsonLeaves(group: JsonGroup, path: string[], out: Leaf[]): Leaf[] {
  for (const c of group.test_cases) out.push({ group: path.join('/'), name: c.name, status: JSON_STATUS[c.status] });
  for (const g of group.sub_groups) jsonLeaves(g, [...path, g.name], out);
  return out;
}

/**
 * Our case where kunit.py's JSON puts it: a parameter under its case, a case under its suite,
 * and a test reported at the top with no subtests (named as its own suite and case) at the top.
 */
function ourLeaf(c: KunitCase): Leaf {
  if (c.param !== undefined) return { group: `${c.suite}/${c.case}`, name: c.param, status: c.status };
  if (c.suite === c.case) return { group: '', name: c.case, status: c.status };
  return { group: c.suite, name: c.case, status: c.status };
}

/** kunit.py's summary: "Testing complete. Ran 10 tests: passed: 9, failed: 1". */
function summaryCounts(stdout: string): Counts {
  const plain = stdout.replace(/\x1b\[[0-9;]*m/g, '');
  const m = /Testing complete\. Ran (\d+) tests?(?:: (.*))?$/m.exec(plain);
  assert.ok(m, `kunit.py printed no summary:\n${plain}`);
  const said = new Map((m[2] ?? '').split(', ').filter(Boolean).map((kv) => kv.split(': ') as [string, string]));
  const n = (k: string): number => Number(said.get(k) ?? 0);
  const counts = { pass: n('passed'), fail: n('failed'), skip: n('skipped'), crashed: n('crashed') };
  assert.equal(counts.pass + counts.fail + counts.skip + counts.crashed, Number(m[1]));
  return counts;
}

interface KunitPy {
  leaves: Leaf[];
  counts: Counts;
}

const scratch = skip === false ? mkdtempSync(join(tmpdir(), 'kb-kunit-py-')) : '';
process.on('exit', () => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

let runs = 0;
/** `kunit.py parse --json=<file> <fixture>`: it exits 1 when a test failed, which is no error here. */
function kunitPy(fixture: string): Promise<KunitPy> {
  const out = join(scratch, `${runs++}.json`);
  return new Promise((resolve, reject) => {
    execFile('python3', [join(KUNIT as string, 'kunit.py'), 'parse', `--json=${out}`, fixture], { timeout: 120_000 }, (err, stdout, stderr) => {
      if (err !== null && err.code !== 1) {
        reject(new Error(`kunit.py parse ${fixture}: ${err.message}\n${stderr}`));
        return;
      }
      try {
        resolve({ leaves: jsonLeaves(JSON.parse(readFileSync(out, 'utf8')) as JsonGroup, [], []), counts: summaryCounts(stdout) });
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

/** Runs kunit.py on every fixture, a few at a time (python's start-up is most of each run). */
function runAll(files: string[]): Map<string, Promise<KunitPy>> {
  const results = new Map<string, Promise<KunitPy>>();
  let chain: Array<Promise<unknown>> = Array.from({ length: 4 }, () => Promise.resolve());
  files.forEach((f, i) => {
    const p = chain[i % chain.length].then(() => kunitPy(f));
    chain[i % chain.length] = p.catch(() => undefined);
    results.set(f, p);
  });
  chain = [];
  return results;
}

function ours(fixture: string): { leaves: Leaf[]; counts: Counts } {
  const reader = new KtapReader();
  // kunit.py reads the file with Python's splitlines(): \r\n and \n both end a line.
  for (const line of readFileSync(fixture, 'utf8').split('\n')) reader.push(line);
  const reading = reader.end();
  const { pass, fail, skip: skipped, crashed } = reading.totals;
  return { leaves: reading.cases.map(ourLeaf), counts: { pass, fail, skip: skipped, crashed } };
}

/** Where we deliberately read differently from kunit.py, fixture by fixture, and why. */
const DIFFERENCES: Record<string, { why: string; oursOnly?: Leaf[]; theirsOnly?: Leaf[]; counts?: Partial<Counts> }> = {
  'crash-in-param-uml.log': {
    why: 'the parameter running when the kernel panicked is a crashed case for us; kunit.py, seeing a test with no plan cut short, counts no crash (its run would pass had it been the last suite)',
    oursOnly: [{ group: 'rational/rational_test', name: 'param 3', status: 'crashed' }],
    counts: { crashed: +1 },
  },
  'test_is_test_passed-no_tests_no_plan.log': {
    why: 'kunit.py counts `suite` itself (its subtest ran no tests) but its JSON lists only that subtest, as FAIL for NO_TESTS, uncounted; we list the case counted',
    oursOnly: [{ group: '', name: 'suite', status: 'pass' }],
    theirsOnly: [{ group: 'suite', name: 'case', status: 'fail' }],
  },
};

function take(leaves: Leaf[], wanted: Leaf[] | undefined, side: string): Leaf[] {
  const rest = [...leaves];
  for (const w of wanted ?? []) {
    const at = rest.findIndex((l) => l.group === w.group && l.name === w.name && l.status === w.status);
    assert.ok(at !== -1, `${side} has ${JSON.stringify(w)}, a known difference`);
    rest.splice(at, 1);
  }
  return rest;
}

function byGroup(leaves: Leaf[]): Map<string, Leaf[]> {
  const groups = new Map<string, Leaf[]>();
  for (const l of leaves) groups.set(l.group, [...(groups.get(l.group) ?? []), l]);
  return groups;
}

const files = fixtures();
const reference = runAll(files);

test('there are fixtures of ours and of the tree to compare', { skip }, () => {
  assert.ok(files.filter((f) => f.startsWith(OURS)).length >= 9, 'our fixtures');
  assert.ok(files.length >= 30, 'with the tree\'s test_data');
});

for (const fixture of files) {
  const name = fixture.slice(fixture.lastIndexOf('/') + 1);
  test(`${name}: our cases and totals are kunit.py parse's`, { skip }, async () => {
    const theirs = await (reference.get(fixture) as Promise<KunitPy>);
    const mine = ours(fixture);
    const known = DIFFERENCES[name] ?? { why: '' };

    const want = { ...theirs.counts };
    for (const [k, d] of Object.entries(known.counts ?? {})) want[k as keyof Counts] += d;
    assert.deepEqual(mine.counts, want, `totals (kunit.py: ${JSON.stringify(theirs.counts)}) ${known.why}`);

    const a = byGroup(take(mine.leaves, known.oursOnly, 'ours'));
    const b = byGroup(take(theirs.leaves, known.theirsOnly, 'kunit.py'));
    assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), 'the same suites and cases with subtests');
    for (const [group, theirLeaves] of b) {
      const myLeaves = a.get(group) as Leaf[];
      assert.equal(myLeaves.length, theirLeaves.length, `cases of ${group || 'the top'}`);
      for (const [i, t] of theirLeaves.entries()) {
        const m = myLeaves[i];
        assert.equal(m.status, t.status, `${group}/${m.name} (kunit.py: ${t.name})`);
        // kunit.py leaves a case that never reported nameless; we name it (see KtapReader).
        if (t.name === '') assert.equal(m.status, 'crashed', `${group}/${m.name}`);
        else assert.equal(m.name, t.name, `case ${i + 1} of ${group || 'the top'}`);
      }
    }
  });
}
