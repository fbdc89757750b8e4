import { html, href } from '../report/html/escape.ts';
import { htmlPage } from '../report/html/page.ts';
import { formatIssueLine } from '../values/issue-line.ts';
import { splitTargetName } from '../values/target-name.ts';
import { SERIES_FILES, SERIES_STEPS_DIR, targetPaths } from '../logs-layout.ts';
import { type SeriesResult, type SeriesStep, type SeriesTargetStep } from './types.ts';
import { breakLine } from './verdict.ts';
import { checkpatchLine } from './format.ts';

/**
 * A series' page, `<series folder>/index.html`: the verdict and the breaks in words, a row
 * per commit (a cell per target: its build, what it added and removed, linked to the
 * commit's log; checkpatch's counts), then what each commit added (marked new), took away
 * and what checkpatch found, with their places. Everything from the tree through `html`,
 * every link through `href`: the build page's escaping.
 */
export function renderSeriesPage(r: SeriesResult): string {
  const title = `kernelbuilder series ${r.tree} ${r.range}: ${r.result}`;
  const resultClass = r.result === 'pass' ? 'cell-pass' : 'cell-fail';
  const baseFails = r.base.targets.filter((t) => t.build !== 'pass');
  const head = [
    `<h1>${html(`${r.tree} ${r.range}`)} <span class="result ${resultClass}" id="result">${html(r.result)}</span></h1>`,
    `<p><b>${r.steps.length}/${r.n} ${r.patches ? 'patches applied' : 'commits'}</b> on ${html(r.base.ref)} (<code>${html(r.base.sha.slice(0, 12))}</code>), each built on the one before, in ${r.durationSeconds} s: ${r.targets.map((t) => `<code>${html(t)}</code>`).join(', ')}.</p>`,
    ...(baseFails.length > 0 ? [`<p>The base does not build on ${baseFails.map((t) => `<code>${html(t.target)}</code>`).join(', ')}.</p>`] : []),
    ...(r.failures.length > 0 ? ['<ul id="failures">', ...r.failures.map((f) => `<li>${html(f)}</li>`), '</ul>'] : []),
    `<p>Files: <a href="${href(SERIES_FILES.result)}">${html(SERIES_FILES.result)}</a> · <a href="${href(SERIES_FILES.summary)}">${html(SERIES_FILES.summary)}</a> · <a href="${href(SERIES_FILES.driverLog)}">${html(SERIES_FILES.driverLog)}</a></p>`,
  ];
  const header = `<tr><th>commit</th><th>subject</th>${r.targets.map((t) => `<th>${html(t)}</th>`).join('')}<th>checkpatch</th></tr>`;
  const rows = r.steps.map((s) => `<tr id="commit-${s.k}"><td><a href="#detail-${s.k}">${s.k}/${r.n}</a> <code>${html(s.sha.slice(0, 12))}</code></td><td>${html(s.subject)}</td>${s.targets.map((t) => cell(s, t)).join('')}<td>${checkpatchCell(s)}</td></tr>`);
  const table = ['<h2>Commits</h2>', `<table class="matrix" id="commits">${header}${rows.join('')}</table>`, '<p class="muted">Green: built; red: does not build. +N: findings the commit added; -M: findings it took away.</p>'];
  const breaks = r.breaks.length > 0 ? ['<h2>Breaks</h2>', '<ul id="breaks">', ...r.breaks.map((b) => `<li>${html(breakLine(b, r.steps, r.n))}</li>`), '</ul>'] : [];
  const details = r.steps.flatMap((s) => detail(s, r.n));
  return htmlPage(title, [...head, ...breaks, ...table, ...(details.length > 0 ? ['<h2>What each commit did</h2>', ...details] : [])].join('\n'));
}

function cell(s: SeriesStep, t: SeriesTargetStep): string {
  const { arch, config } = splitTargetName(t.target);
  const log = `${SERIES_STEPS_DIR}/${s.k}/${targetPaths(arch, config).log}`;
  const verdict = t.build === 'pass' ? 'pass' : `fail${t.fault ? ` (${t.fault})` : ''}`;
  return `<td class="${t.build === 'pass' ? 'cell-pass' : 'cell-fail'}" data-target="${html(t.target)}"><a href="${href(log)}">${html(verdict)}</a> +${t.added.length} -${t.removed.length}</td>`;
}

function checkpatchCell(s: SeriesStep): string {
  const c = s.checkpatch;
  if (!c) return '<span class="muted">not run</span>';
  if (c.problem) return `<span title="${html(c.problem)}">could not check</span>`;
  return `${c.errors} errors, ${c.warnings} warnings, ${c.checks} checks`;
}

function detail(s: SeriesStep, n: number): string[] {
  const lists = s.targets.flatMap((t) => {
    const items = [...t.added.map((d) => `<li><span class="mark mark-new">new</span> <code>${html(formatIssueLine(d))}</code></li>`), ...t.removed.map((d) => `<li><span class="mark mark-fixed">gone</span> <code>${html(formatIssueLine(d))}</code></li>`)];
    return items.length > 0 ? [`<p><code>${html(t.target)}</code>:</p>`, '<ul>', ...items, '</ul>'] : [];
  });
  const findings = s.checkpatch?.findings ?? [];
  const checkpatch = findings.length > 0 ? ['<p>checkpatch:</p>', '<ul>', ...findings.map((f) => `<li><code>${html(checkpatchLine(f))}</code></li>`), '</ul>'] : [];
  if (lists.length === 0 && checkpatch.length === 0) return [];
  return [`<h3 id="detail-${s.k}">${s.k}/${n} <code>${html(s.sha.slice(0, 12))}</code> ${html(s.subject)}</h3>`, ...lists, ...checkpatch];
}
