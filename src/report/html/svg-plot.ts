import { html } from './escape.ts';

/**
 * Line plots as inline SVG, drawn here: a history page needs a few polylines with linked
 * points, axes and a maximum label, which is a page of code; a plotting library would be
 * a dependency bundled into dist/ and inlined into every page for that.
 */

/** One build's point: its label (shown on hover), its value (none: no point, a gap in the line), and the link it opens. */
export interface PlotPoint {
  label: string;
  value: number | undefined;
  /** Already made by escape.ts's href. */
  href: string;
}

const WIDTH = 760;
const HEIGHT = 150;
const PAD = { left: 64, right: 12, top: 12, bottom: 22 };

/** A plot of `points` in order, left to right, from zero up to the largest value, with its title and unit. */
export function linePlot(title: string, unit: string, points: readonly PlotPoint[], id: string): string {
  const values = points.map((p) => p.value).filter((v): v is number => v !== undefined);
  const max = Math.max(1, ...values);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const fmt = (n: number) => Math.round(n * 10) / 10;
  // A build without a value breaks the line: the gap says so.
  const segments: string[][] = [[]];
  points.forEach((p, i) => {
    if (p.value === undefined) segments.push([]);
    else segments[segments.length - 1].push(`${fmt(x(i))},${fmt(y(p.value))}`);
  });
  const lines = segments.filter((s) => s.length > 1).map((s) => `<polyline points="${s.join(' ')}"/>`);
  const dots = points.flatMap((p, i) =>
    p.value === undefined ? [] : [`<a href="${p.href}" class="point"><circle cx="${fmt(x(i))}" cy="${fmt(y(p.value))}" r="4"><title>${html(`${p.label}: ${p.value.toLocaleString('en-US')} ${unit}`)}</title></circle></a>`],
  );
  const first = points[0]?.label ?? '';
  const last = points[points.length - 1]?.label ?? '';
  return [
    `<h3>${html(title)}</h3>`,
    `<svg class="plot" id="${html(id)}" role="img" aria-label="${html(title)}" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" xmlns="http://www.w3.org/2000/svg">`,
    `<line class="grid" x1="${PAD.left}" y1="${PAD.top}" x2="${WIDTH - PAD.right}" y2="${PAD.top}"/>`,
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top + innerH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + innerH}"/>`,
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + innerH}"/>`,
    `<text x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${html(max.toLocaleString('en-US'))}</text>`,
    `<text x="${PAD.left - 6}" y="${PAD.top + innerH + 4}" text-anchor="end">0</text>`,
    `<text x="${PAD.left}" y="${HEIGHT - 5}">${html(first)}</text>`,
    points.length > 1 ? `<text x="${WIDTH - PAD.right}" y="${HEIGHT - 5}" text-anchor="end">${html(last)}</text>` : '',
    ...lines,
    ...dots,
    '</svg>',
  ].join('\n');
}
