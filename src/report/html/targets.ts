import { type TargetResult } from '../../types/results.ts';
import { targetPaths } from '../../logs-layout.ts';
import { describeOutcome } from '../outcome.ts';
import { describeBoot } from '../boot-lines.ts';
import { html } from './escape.ts';
import { type PageContext, fileLink, kernelBytes, num, targetAnchor } from './context.ts';
import { cellClass } from './matrix.ts';
import { formatBytes } from '../../values/size.ts';

/**
 * A row per target: status, stage, wall and CPU time (and the wait for space on /build),
 * its object dir's peak on /build, errors and warnings, sizes (text + data + bss of
 * vmlinux, with the change since the baseline, the image's bytes, modules),
 * its boot, and links to its log and its failure's details.
 */
export function targetsSection(ctx: PageContext): string {
  const { results } = ctx;
  const deltas = new Map((Array.isArray(results.regressions?.sizes) ? results.regressions.sizes : []).map((s) => [String(s.target), num(s.delta)]));
  const rows = results.targets.map((t) => targetRow(ctx, t, deltas.get(t.target)));
  return [
    '<h2 id="targets">Targets: sizes, durations, boots</h2>',
    '<table id="targets-table"><thead><tr><th>target</th><th>status</th><th>time</th><th>CPU</th><th>object dir</th><th>errors</th><th>warnings</th><th>text+data+bss</th><th>since baseline</th><th>image</th><th>modules</th><th>boot</th><th>log</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
  ].join('\n');
}

function targetRow(ctx: PageContext, t: TargetResult, delta: number | undefined): string {
  const { results } = ctx;
  const paths = targetPaths(t.arch, t.config);
  const failed = t.status !== 'pass';
  const status = failed ? `<a href="#failure-${results.targets.indexOf(t)}">${html(describeOutcome(t))}</a>` : 'pass';
  const boot = t.boot ? `${html(describeBoot(t.boot))}${t.boot.console ? ` (${fileLink(ctx, paths.console, 'console')})` : ''}` : '';
  const cells = [
    `<td id="${targetAnchor(results, t)}">${html(t.target)}</td>`,
    `<td class="${cellClass(t)}">${status}</td>`,
    wallCell(t),
    numCell(num(t.cpuSeconds), ' s'),
    textCell(num(t.objdirBytes) === undefined ? undefined : formatBytes(num(t.objdirBytes)!)),
    numCell(num(t.errors)),
    numCell(num(t.warnings)),
    numCell(kernelBytes(t)),
    numCell(delta, '', true),
    numCell(num(t.sizes?.imageBytes)),
    numCell(num(t.sizes?.modules)),
    `<td>${boot}</td>`,
    `<td>${fileLink(ctx, paths.log, 'log')}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

function numCell(value: number | undefined, unit = '', signed = false): string {
  return textCell(value === undefined ? undefined : `${signed && value > 0 ? '+' : ''}${value.toLocaleString('en-US')}${unit}`);
}

/** Its wall time, and the time it waited for space on /build before it started (not in the wall time). */
function wallCell(t: TargetResult): string {
  const wall = num(t.durationSeconds);
  const wait = num(t.spaceWaitSeconds);
  return textCell(wall === undefined ? undefined : `${wall.toLocaleString('en-US')} s${wait ? ` (+${wait} s waiting for space)` : ''}`);
}

function textCell(text: string | undefined): string {
  return `<td class="num">${text === undefined ? '' : html(text)}</td>`;
}
