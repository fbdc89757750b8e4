import { html } from '../report/html/escape.ts';
import { type Simulation } from './types.ts';
import { formatDuration } from '../values/duration.ts';

const WIDTH = 760;
const ROW = 14;
const PAD = { left: 200, right: 12, top: 12, bottom: 22 };
const NAME_CHARACTERS = 32;

/**
 * The simulated run as an inline SVG for the HTML report, drawn like its plots
 * (svg-plot.ts): one row per target in start order, a bar from its start to its end and a
 * paler one while the space rule held it back, each with a title to hover; the time axis
 * below. Self-contained: its colours are in its own style element.
 */
export function svgTimeline(sim: Simulation, title: string, id: string): string {
  const innerW = WIDTH - PAD.left - PAD.right;
  const height = PAD.top + sim.targets.length * ROW + PAD.bottom;
  const x = (seconds: number) => PAD.left + (sim.wallSeconds > 0 ? (seconds / sim.wallSeconds) * innerW : 0);
  const fmt = (n: number) => Math.round(n * 10) / 10;
  const rows = sim.targets.flatMap((t, i) => {
    const y = PAD.top + i * ROW;
    const name = t.name.length > NAME_CHARACTERS ? `${t.name.slice(0, NAME_CHARACTERS - 1)}…` : t.name;
    const span = `${t.name}: ${formatDuration(t.startSeconds, 'wall')} to ${formatDuration(t.endSeconds, 'wall')}`;
    return [
      `<text x="${PAD.left - 6}" y="${y + ROW - 3}" text-anchor="end">${html(name)}</text>`,
      ...(t.waitedSeconds > 0
        ? [
            `<rect class="wait" x="${fmt(x(t.startSeconds - t.waitedSeconds))}" y="${y + 2}" width="${fmt(x(t.startSeconds) - x(t.startSeconds - t.waitedSeconds))}" height="${ROW - 4}"><title>${html(`${t.name} waited ${formatDuration(t.waitedSeconds, 'wall')} for space on /build`)}</title></rect>`,
          ]
        : []),
      `<rect class="run" x="${fmt(x(t.startSeconds))}" y="${y + 2}" width="${fmt(Math.max(1, x(t.endSeconds) - x(t.startSeconds)))}" height="${ROW - 4}"><title>${html(span)}</title></rect>`,
    ];
  });
  const axisY = PAD.top + sim.targets.length * ROW;
  return [
    `<svg class="plot timeline" id="${html(id)}" role="img" aria-label="${html(title)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">`,
    '<style>.run{fill:#4a7bb7}.wait{fill:#e8b04a}text{font:11px sans-serif;fill:#333}.axis{stroke:#666}</style>',
    `<title>${html(title)}</title>`,
    ...rows,
    `<line class="axis" x1="${PAD.left}" y1="${axisY}" x2="${WIDTH - PAD.right}" y2="${axisY}"/>`,
    `<text x="${PAD.left}" y="${height - 5}">0</text>`,
    `<text x="${WIDTH - PAD.right}" y="${height - 5}" text-anchor="end">${html(formatDuration(sim.wallSeconds, 'wall'))}</text>`,
    '</svg>',
  ].join('\n');
}
