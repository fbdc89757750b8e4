import { type Issue } from '../../types/diagnostics.ts';
import { tally } from '../../diagnostics/tally.ts';
import { countRow } from '../../diagnostics/kinds.ts';
import { html } from './escape.ts';
import { FIXED_MARK, NEW_MARK, type PageContext, marks, num } from './context.ts';
import { PAGE_LIMITS, capLine } from './limits.ts';
import { formatLocation } from '../../values/issue-line.ts';
import { onlyMark } from '../format-issue.ts';

/**
 * The build's errors and warnings as a table, errors first then by count (the order of
 * results.json's issues), with their counts, targets and new marks, and a text field
 * that narrows the rows (FILTER_SCRIPT); then the issues of the baseline that are gone.
 * Known noise and make's repeats of a failed command are left out, as every report
 * leaves them out (see tally). At most PAGE_LIMITS.issues rows.
 */
export function warningsSection(ctx: PageContext): string {
  const m = marks(ctx.results);
  const issues = (Array.isArray(ctx.results.issues) ? ctx.results.issues : []).filter(shown);
  const listed = issues.slice(0, PAGE_LIMITS.issues);
  const out = [
    '<h2 id="warnings">Errors and warnings</h2>',
    `<p><label>Filter: <input id="filter" type="search" placeholder="text, file, flag or target" autocomplete="off"></label> <span id="shown">${listed.length}</span> of ${listed.length} shown${issues.length > listed.length ? `; ${issues.length - listed.length} more in results.json` : ''}.</p>`,
    '<table id="issues"><thead><tr><th>severity</th><th>where</th><th>message</th><th>count</th><th>targets</th></tr></thead><tbody>',
    ...listed.map((i) => issueRow(i, m.newIssues.has(String(i.signature)) ? NEW_MARK : '')),
    '</tbody></table>',
  ];
  const fixed = (Array.isArray(ctx.results.regressions?.fixedIssues) ? ctx.results.regressions.fixedIssues : []).filter(shown);
  if (fixed.length > 0) {
    out.push(
      '<h3>Gone since the baseline</h3>',
      `<table id="fixed"><thead><tr><th>severity</th><th>where</th><th>message</th><th>count</th><th>targets</th></tr></thead><tbody>`,
      ...fixed.slice(0, PAGE_LIMITS.issues).map((i) => issueRow(i, FIXED_MARK)),
      '</tbody></table>',
    );
  }
  return out.join('\n');
}

/** Narrows the issues table to the rows whose text holds the filter's, case apart; counts what is shown. */
export const FILTER_SCRIPT = `(() => {
  const input = document.getElementById('filter');
  if (!input) return;
  const rows = Array.from(document.querySelectorAll('#issues tbody tr'));
  const shown = document.getElementById('shown');
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    let n = 0;
    for (const row of rows) {
      row.hidden = q !== '' && !row.textContent.toLowerCase().includes(q);
      if (!row.hidden) n++;
    }
    shown.textContent = String(n);
  });
})();`;

/** An error or warning every report lists (not noise, not make's repeat of a failed command, not a boot console's). */
function shown(i: Issue): boolean {
  const t = tally(i, i.noise === true);
  return t !== undefined && countRow(t)?.onPage === true;
}

function issueRow(i: Issue, mark: string): string {
  const line = num(i.line);
  const where = formatLocation(i.file, line);
  const targets = Array.isArray(i.targets) ? i.targets : [];
  const named = targets.slice(0, PAGE_LIMITS.issueTargets).map((t) => html(t)).join(' ');
  const more = targets.length > PAGE_LIMITS.issueTargets ? ` <span class="muted">and ${targets.length - PAGE_LIMITS.issueTargets} more</span>` : '';
  const message = `${capLine(String(i.message))}${i.flag ? ` [${capLine(String(i.flag))}]` : ''}${onlyMark(i)}`;
  return `<tr class="sev-${i.severity === 'error' ? 'error' : 'warning'}"><td>${html(i.severity)}${mark}</td><td><code>${html(capLine(where))}</code></td><td>${html(message)}</td><td class="num">${num(i.count) ?? ''}</td><td>${named}${more}</td></tr>`;
}
