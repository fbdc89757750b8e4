import { type TargetResult } from '../../types/results.ts';
import { html } from './escape.ts';
import { FIXED_MARK, type Marks, NEW_MARK, type PageContext, marks, targetAnchor } from './context.ts';

/**
 * The matrix: a row per arch, a column per config, each cell coloured by the target's
 * build status, and by its boot where it built and the boot failed. A cell links to the
 * target's row of the targets table; new and fixed marks come from the regressions.
 */
export function matrixSection(ctx: PageContext): string {
  const { results } = ctx;
  const arches = [...new Set(results.targets.map((t) => t.arch))];
  const configs = [...new Set(results.targets.map((t) => t.config))];
  const m = marks(results);
  const byName = new Map(results.targets.map((t) => [`${t.arch}\u0000${t.config}`, t]));
  const header = `<tr><th>arch \\ config</th>${configs.map((c) => `<th>${html(c)}</th>`).join('')}</tr>`;
  const rows = arches.map((arch) => {
    const cells = configs.map((config) => {
      const t = byName.get(`${arch}\u0000${config}`);
      return t ? matrixCell(ctx, t, m) : '<td class="cell-none">—</td>';
    });
    return `<tr><th>${html(arch)}</th>${cells.join('')}</tr>`;
  });
  return [
    '<h2>Matrix</h2>',
    `<table class="matrix" id="matrix">${header}${rows.join('')}</table>`,
    '<p class="muted">Green: built; red: failed; grey: did not finish; amber: built, its boot failed.</p>',
  ].join('\n');
}

/** The class of a target's cell: its build status, or `boot-fail` for a build that passed and a boot that failed. */
export function cellClass(t: TargetResult): string {
  if (t.status === 'pass' && t.boot?.status === 'fail') return 'cell-boot-fail';
  return t.status === 'pass' ? 'cell-pass' : t.status === 'fail' ? 'cell-fail' : 'cell-error';
}

function matrixCell(ctx: PageContext, t: TargetResult, m: Marks): string {
  const boot = t.boot ? ` · boot ${html(t.boot.status)}` : '';
  const badges = (m.newlyFailing.has(t.target) || m.newlyFailingBoots.has(t.target) ? NEW_MARK : '') + (m.newlyPassing.has(t.target) || m.newlyPassingBoots.has(t.target) ? FIXED_MARK : '');
  return `<td class="${cellClass(t)}" data-target="${html(t.target)}"><a href="#${targetAnchor(ctx.results, t)}">${html(t.status)}${boot}</a>${badges}</td>`;
}
