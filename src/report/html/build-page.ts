import { type BuildResults, type DiagnosticCounts } from '../../types/results.ts';
import { COUNT_ROWS } from '../../diagnostics/kinds.ts';
import { DRIVER_LOG, RESULTS_FILE, SUMMARY_FILE } from '../../logs-layout.ts';
import { html } from './escape.ts';
import { htmlPage } from './page.ts';
import { type PageContext, fileLink, num } from './context.ts';
import { matrixSection } from './matrix.ts';
import { failuresSection } from './failures.ts';
import { FILTER_SCRIPT, warningsSection } from './warnings.ts';
import { targetsSection } from './targets.ts';
import { testsSection } from './tests.ts';
import { kunitHeadline } from '../kunit-lines.ts';
import { formatBytes } from '../../values/size.ts';

const RESULT_CLASS = { pass: 'cell-pass', fail: 'cell-fail', error: 'cell-error' } as const;

/**
 * A build's page, `<build folder>/index.html`: the headline, the matrix, the failures with
 * their first errors, logs and reproducers, the KUnit runs case by case, the errors and warnings with a filter, the
 * targets with their sizes, durations and boots. `exists` says which files of the build
 * folder are there: only those are linked, so every link of the page opens.
 */
export function renderBuildPage(results: BuildResults, exists: PageContext['exists']): string {
  const ctx: PageContext = { results, exists };
  const title = `${results.tree}/${results.buildId}: ${results.result}`;
  const body = [headline(ctx), matrixSection(ctx), failuresSection(ctx), testsSection(ctx), warningsSection(ctx), targetsSection(ctx)].filter(Boolean).join('\n');
  return htmlPage(`kernelbuilder ${title}`, body, FILTER_SCRIPT);
}

/** The counts a headline shows, as the count rows say (diagnostics/kinds.ts), as summary.md's headline shows them. */
function headlineCounts(c: DiagnosticCounts): string {
  return COUNT_ROWS.filter((row) => row.headline === 'always' || (row.headline === 'when-found' && num(c[row.tally])))
    .map((row) => `${num(c[row.tally]) ?? 0} ${html(row.label)}`)
    .join(', ');
}

function headline(ctx: PageContext): string {
  const r = ctx.results;
  const passed = r.targets.filter((t) => t.status === 'pass').length;
  const c = r.counts;
  const sha = String(r.sha).slice(0, 12);
  const resultClass = RESULT_CLASS[r.result] ?? 'cell-error';
  return [
    `<h1>${html(r.tree)} / ${html(r.buildId)} <span class="result ${resultClass}" id="result">${html(r.result)}</span></h1>`,
    `<p><b>${passed}/${r.targets.length} targets passed</b> in ${num(r.durationSeconds) ?? '?'} s${c ? `; ${headlineCounts(c)}` : ''}${num(r.peakMemoryBytes) ? `; peak memory ${html(formatBytes(num(r.peakMemoryBytes)!))}` : ''}.</p>`,
    `<p>Linux ${html(r.kernelVersion)} at <code>${html(sha)}</code> (ref <code>${html(r.ref)}</code>), image <code>${html(r.image?.name)}</code> (${html(r.image?.toolchain)}); started ${html(r.startedAt)}.</p>`,
    ...(kunitHeadline(r) ? [`<p><b>${html(kunitHeadline(r))}</b> (<a href="#tests">the cases</a>)</p>`] : []),
    ...(r.regressions ? [`<p>Compared with the baseline ${html(r.regressions.baseline?.buildId)} (<code>${html(String(r.regressions.baseline?.sha ?? '').slice(0, 12))}</code>): marks <span class="mark mark-new">new</span> and <span class="mark mark-fixed">fixed</span> are since then.</p>`] : []),
    ...(r.complete ? [] : ['<p><b>The run did not complete</b>: targets that did not finish have no verdict.</p>']),
    `<p>Files: ${fileLink(ctx, RESULTS_FILE)} · ${fileLink(ctx, SUMMARY_FILE)} · ${fileLink(ctx, DRIVER_LOG)}</p>`,
  ].join('\n');
}
