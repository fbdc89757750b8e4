import { type BuildResults } from '../../types/results.ts';
import { HTML_FILE, RESULTS_FILE } from '../../logs-layout.ts';
import { html, href } from './escape.ts';
import { htmlPage } from './page.ts';
import { kernelBytes, num } from './context.ts';
import { PAGE_LIMITS } from './limits.ts';
import { type PlotPoint, linePlot } from './svg-plot.ts';

/** One build folder of a tree: its name under `<logs>/<tree>/`, whether it has its page, its results. */
export interface TreeBuild {
  folder: string;
  hasPage: boolean;
  results: BuildResults;
}

/** What the history plots of one build, read defensively: a folder's results.json may be old or anyone's. */
interface Point {
  label: string;
  startedAt: string;
  result: string;
  link: string;
  errors?: number;
  warnings?: number;
  failed?: number;
  wall?: number;
  size?: number;
}

/**
 * A tree's history page, `<logs>/<tree>/index.html`: over its builds, oldest first (the
 * newest PAGE_LIMITS.historyBuilds), plots of errors, warnings, failed targets, wall time
 * and kernel size (text + data + bss summed over the targets that have sizes), each point
 * a link to its build's page (its results.json when it has no page), and a table of them.
 */
export function renderHistoryPage(tree: string, builds: readonly TreeBuild[]): string {
  const points = builds
    .map(point)
    .filter((p): p is Point => p !== undefined)
    .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0))
    .slice(-PAGE_LIMITS.historyBuilds);
  const plot = (title: string, unit: string, id: string, value: (p: Point) => number | undefined) =>
    linePlot(title, unit, points.map((p): PlotPoint => ({ label: p.label, value: value(p), href: p.link })), id);
  const body = [
    `<h1>${html(tree)}: ${points.length} builds</h1>`,
    builds.length > points.length ? `<p class="muted">The newest ${points.length} of ${builds.length} build folders.</p>` : '',
    plot('Errors', 'errors', 'plot-errors', (p) => p.errors),
    plot('Warnings', 'warnings', 'plot-warnings', (p) => p.warnings),
    plot('Failed targets', 'targets', 'plot-failed', (p) => p.failed),
    plot('Wall time (s)', 's', 'plot-wall', (p) => p.wall),
    plot('Kernel size (bytes of text + data + bss, all targets)', 'bytes', 'plot-size', (p) => p.size),
    '<h2>Builds</h2>',
    '<table id="builds"><thead><tr><th>build</th><th>started</th><th>result</th><th>errors</th><th>warnings</th><th>failed targets</th><th>wall time</th><th>kernel size</th></tr></thead><tbody>',
    ...[...points].reverse().map(
      (p) =>
        `<tr><td><a href="${p.link}">${html(p.label)}</a></td><td>${html(p.startedAt)}</td><td>${html(p.result)}</td>${[p.errors, p.warnings, p.failed, p.wall, p.size].map((v) => `<td class="num">${v === undefined ? '' : v.toLocaleString('en-US')}</td>`).join('')}</tr>`,
    ),
    '</tbody></table>',
  ].filter(Boolean);
  return htmlPage(`kernelbuilder ${tree}: history`, body.join('\n'));
}

function point(b: TreeBuild): Point | undefined {
  const r = b.results;
  try {
    const targets = Array.isArray(r.targets) ? r.targets : [];
    const sizes = targets.map(kernelBytes).filter((n): n is number => n !== undefined);
    return {
      label: String(r.buildId ?? b.folder),
      startedAt: typeof r.startedAt === 'string' ? r.startedAt : '',
      result: String(r.result),
      link: href(`${b.folder}/${b.hasPage ? HTML_FILE : RESULTS_FILE}`),
      errors: num(r.counts?.errors),
      warnings: num(r.counts?.warnings),
      failed: targets.filter((t) => t?.status !== 'pass').length,
      wall: num(r.durationSeconds),
      size: sizes.length > 0 ? sizes.reduce((a, n) => a + n, 0) : undefined,
    };
  } catch {
    return undefined;
  }
}
