import { targetPaths } from '../../logs-layout.ts';
import { type KunitEntry, type KunitListing, kunitHeadline, kunitListings } from '../kunit-lines.ts';
import { html } from './escape.ts';
import { FIXED_MARK, NEW_MARK, type PageContext, fileLink, targetAnchor } from './context.ts';
import { capLine } from './limits.ts';

const RUN_CLASS = { pass: 'cell-pass', fail: 'cell-fail', error: 'cell-error', skipped: 'cell-none' } as const;

/**
 * The KUnit runs: per target its totals, then its failed cases (with the failed
 * expectation, its place and the lines that explain it), crashed (with the splat),
 * skipped (with the kernel's reason) and flaky (with their pass count), new ones first
 * and marked, then the cases the baseline saw fail that pass now, and links to the
 * consoles. Empty when no target ran KUnit.
 */
export function testsSection(ctx: PageContext): string {
  const listings = kunitListings(ctx.results);
  if (listings.length === 0) return '';
  return ['<h2 id="tests">Tests: KUnit</h2>', `<p>${html(kunitHeadline(ctx.results))}</p>`, ...listings.map((l) => targetTests(ctx, l))].join('\n');
}

function targetTests(ctx: PageContext, l: KunitListing): string {
  const { results } = ctx;
  const t = l.target;
  const paths = targetPaths(t.arch, t.config);
  const consoles = l.kunit.consoles.map((c, i) => (c === paths.kunitConsoles[i] ? fileLink(ctx, c, `run ${i + 1}`) : html(c)));
  const out = [
    `<h3 id="kunit-${results.targets.indexOf(t)}"><a href="#${targetAnchor(results, t)}">${html(t.target)}</a>: <span class="${RUN_CLASS[l.kunit.status] ?? 'cell-error'}">${html(l.line)}</span></h3>`,
    ...(l.kunit.status === 'error' && l.kunit.cases.length > 0 && l.kunit.reason ? [`<p>${html(capLine(l.kunit.reason))}</p>`] : []),
    `<p>${html(l.kunit.mode)}, ${l.kunit.attempts} run${l.kunit.attempts === 1 ? '' : 's'}${consoles.length > 0 ? `; consoles ${consoles.join(' · ')}` : ''}</p>`,
  ];
  for (const g of l.groups) {
    out.push(`<h4>${html(g.title)} (${g.entries.length + g.more})</h4>`, `<ul class="kunit-${g.status}">`, ...g.entries.map(entry), '</ul>');
    if (g.more > 0) out.push(`<p class="muted">${g.more} more are not listed here: see results.json.</p>`);
  }
  if (l.fixed.length > 0) out.push('<h4>Fixed since the baseline</h4>', '<ul class="kunit-fixed">', ...l.fixed.map((n) => `<li><code>${html(capLine(n))}</code>${FIXED_MARK}</li>`), '</ul>');
  return out.join('\n');
}

function entry(e: KunitEntry): string {
  const detail = e.detail.length > 0 ? `<pre>${e.detail.map((d) => html(capLine(d))).join('\n')}</pre>` : '';
  return `<li><code>${html(capLine(e.name))}</code>${e.fresh ? NEW_MARK : ''}: ${html(capLine(e.text))}${detail}</li>`;
}
