import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNT_ROWS, countRow, rowOfKind } from '../../src/diagnostics/kinds.ts';
import { tally } from '../../src/diagnostics/tally.ts';
import { listsNewOnly } from '../../src/report/new-first.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { renderBuildPage } from '../../src/report/html/build-page.ts';
import { renderEmail } from '../../src/report/email.ts';
import { type DiagnosticKind, type Issue, type Severity } from '../../src/types/diagnostics.ts';
import { type DiagnosticCounts } from '../../src/types/results.ts';
import { sampleResults } from '../support/results-fixture.ts';

// Every report follows the table: each row's kinds tally to it, its list and headline are
// where its row says, and its new-first rule is the row's. A row added is checked here
// with no line of this file changed.

const d = (kind: DiagnosticKind, severity: Severity) => ({ kind, severity, message: 'm' });

for (const row of COUNT_ROWS.filter((r) => r.kinds.length > 0)) {
  test(`count ${row.tally}: its kinds' warnings count there${row.counts === 'findings' ? ', and their errors' : '; their errors are errors'}; notes nowhere, noise as noise`, () => {
    for (const kind of row.kinds) {
      assert.equal(rowOfKind(kind), row);
      assert.equal(tally(d(kind, 'warning'), false), row.tally);
      assert.equal(tally(d(kind, 'error'), false), row.counts === 'findings' ? row.tally : 'errors');
      assert.equal(tally(d(kind, 'note'), false), undefined);
      assert.equal(tally(d(kind, 'warning'), true), 'noise');
    }
  });
}

test('the table: one row per count, no kind in two rows, the general counts first', () => {
  assert.deepEqual(COUNT_ROWS.slice(0, 2).map((r) => r.tally), ['errors', 'warnings']);
  assert.equal(new Set(COUNT_ROWS.map((r) => r.tally)).size, COUNT_ROWS.length);
  const kinds = COUNT_ROWS.flatMap((r) => r.kinds);
  assert.equal(new Set(kinds).size, kinds.length);
  assert.equal(tally(d('compiler', 'warning'), false), 'warnings');
  assert.equal(countRow('noise'), undefined, 'noise is no row: it is counted apart');
});

/** An issue that tallies to `row` (a warning of its kind, or a compiler warning for the general warnings). */
function issueOf(tallied: string, n: number): Issue {
  const row = countRow(tallied)!;
  const kind = row.kinds[0] ?? 'compiler';
  const severity: Severity = row.tally === 'errors' ? 'error' : 'warning';
  return { kind, severity, file: `f${n}.c`, line: n, message: `finding ${n} of ${row.tally}`, context: [], signature: `${kind}:f${n}.c:${n}`, count: 1, targets: ['x86/defconfig'], noise: false } as Issue;
}

test('summary.md, the page and the email list and count each row as the row says', () => {
  const issues = COUNT_ROWS.map((row, n) => issueOf(row.tally, n));
  const counts = Object.fromEntries([...COUNT_ROWS.map((row, n) => [row.tally, 10 + n]), ['noise', 0]]) as unknown as DiagnosticCounts;
  const results = sampleResults(['x86/defconfig'], { issues, counts });
  const summary = renderSummary(results);
  const page = renderBuildPage(results, () => true);
  const headline = summary.split('\n').find((l) => l.includes('targets passed**'))!;
  const pageHeadline = page.split('\n').find((l) => l.includes('targets passed</b>'))!;
  const email = renderEmail(results);
  COUNT_ROWS.forEach((row, n) => {
    assert.equal(pageHeadline.includes(`${10 + n} ${row.label}`), row.headline !== 'never', `${row.tally} in the page's headline: ${pageHeadline}`);
    assert.equal(new RegExp(`^${row.emailCount?.label}: +${10 + n}$`, 'm').test(email), row.emailCount !== undefined, `${row.tally}: its count line in the email`);
    if (row.emailList) assert.match(email, new RegExp(`^${row.section}:\n.*finding ${n} of ${row.tally}`, 'm'), `${row.tally}: its list in the email`);
    assert.equal(summary.includes(`### ${row.section}\n`), row.section !== undefined, `${row.tally}: its section`);
    if (row.section) assert.ok(summary.includes(`finding ${n} of ${row.tally}`), `${row.tally}: its issue listed`);
    assert.equal(headline.includes(`${10 + n} ${row.label}`), row.headline !== 'never', `${row.tally} in the headline: ${headline}`);
    assert.equal(page.includes(`finding ${n} of ${row.tally}`), row.onPage, `${row.tally} on the page`);
  });
});

test('with a baseline, a row lists only the new issues as its rule says', () => {
  const base = { regressions: { baseline: 'x', newIssues: [], fixedIssues: [], newFailures: [], fixedFailures: [] } } as never;
  for (const row of COUNT_ROWS) {
    const plain = sampleResults(['x86/defconfig'], base);
    const extra = sampleResults(['x86/defconfig'], { ...(base as object), makeVars: ['W=1'] });
    assert.equal(listsNewOnly(plain, row.tally), row.newOnly === 'always', row.tally);
    assert.equal(listsNewOnly(extra, row.tally), row.newOnly !== 'never', `${row.tally} with W=1`);
    assert.equal(listsNewOnly(sampleResults(['x86/defconfig']), row.tally), false, `${row.tally} without a baseline`);
  }
});
