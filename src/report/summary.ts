import { type BuildResults, type RunError, type TargetResult } from '../types/results.ts';
import { type Issue } from '../types/diagnostics.ts';
import { formatIssue } from './format-issue.ts';
import { reproducer } from './reproducer.ts';
import { describeOutcome, detailedFailures } from './outcome.ts';
import { changeLines, sizeLines } from './changes.ts';
import { bisectLines } from './bisect-lines.ts';
import { bootIssues, describeBoot } from './boot-lines.ts';
import { type KunitListing, kunitHeadline, kunitListingLines, kunitListings } from './kunit-lines.ts';
import { type Tally, tally } from '../diagnostics/tally.ts';
import { COUNT_ROWS } from '../diagnostics/kinds.ts';
import { DRIVER_LOG } from '../logs-layout.ts';
import { newFirst } from './new-first.ts';
import { formatBytes } from '../values/size.ts';
import { markdownBlock, markdownCode, markdownText } from '../text/markdown.ts';

/** The runner drops a step summary over 1 MiB whole; stay well under it. */
export const SUMMARY_LIMIT = 1000 * 1024;
const LINE_LIMIT = 400;
const TOP_WARNINGS = 20;

const STATUS_MARK = { pass: '✅', fail: '❌', error: '⚠️' } as const;
const BOOT_MARK = { pass: '✅', fail: '❌', skipped: '➖' } as const;
const KUNIT_MARK = { pass: '✅', fail: '❌', error: '⚠️', skipped: '➖' } as const;
const RESULT_WORD = { pass: 'pass', fail: 'FAIL', error: 'ERROR' } as const;

/**
 * The job summary in markdown, most useful first: headline counts, a table per arch and
 * per target, each failed target with its first errors (or its log's end), its log and a
 * reproducer, then the top warnings, section mismatches and missing syscalls (listed as
 * the email lists them, see tally). Sections that would pass `limit` are left out with a
 * note: the full data is in results.json.
 */
export function renderSummary(results: BuildResults, limit = SUMMARY_LIMIT): string {
  const changes = changeLines(results);
  const sizes = sizeLines(results);
  const bisects = bisectLines(results);
  const blocks = [
    headline(results),
    ...(results.error ? [runError(results.error)] : []),
    ...(changes.length > 0 ? [`### ${markdownText(changes[0])}\n\n${markdownBlock(changes.slice(1))}`] : []),
    ...(bisects.length > 0 ? [`### ${markdownText(bisects[0].replace(/:$/, ''))}\n\n${markdownBlock(bisects.slice(2))}`] : []),
    ...(sizes.length > 0 ? [`### ${markdownText(sizes[0])}\n\n${markdownBlock(sizes.slice(1))}`] : []),
    archTable(results),
    targetTable(results),
  ];
  for (const t of detailedFailures(results)) blocks.push(failedTarget(results, t));
  for (const t of results.targets.filter((t) => t.boot?.status === 'fail')) blocks.push(failedBoot(results, t));
  for (const listing of kunitListings(results)) blocks.push(kunitBlock(results, listing));
  for (const [tallied, title] of TOP_LISTS) {
    const block = topIssues(results, tallied, title);
    if (block) blocks.push(block);
  }
  if (results.dropped.length > 0) {
    blocks.push(['Not built:', ...results.dropped.map((d) => `- ${markdownText(`${d.arch}${d.config ? `/${d.config}` : ''}: ${d.reason}`)}`)].join('\n'));
  }
  let out = '';
  for (const [i, block] of blocks.entries()) {
    const note = `\n_${blocks.length - i} more sections left out to stay under the runner's summary limit: see results.json in the logs._\n`;
    if (Buffer.byteLength(out) + Buffer.byteLength(block) + Buffer.byteLength(note) + 2 > limit) return out + note;
    out += `${block}\n\n`;
  }
  return out;
}

function headline(r: BuildResults): string {
  const passed = r.targets.filter((t) => t.status === 'pass').length;
  const c = r.counts;
  const counts = c
    ? ` ${[
        ...COUNT_ROWS.filter((row) => row.headline === 'always' || (row.headline === 'when-found' && c[row.tally])).map((row) => `${c[row.tally] ?? 0} ${row.label}`),
        ...(c.noise ? [`${c.noise} known-noise warnings filtered`] : []),
      ].join(', ')}.`
    : '';
  return [
    `## kernelbuilder: ${markdownText(`${r.tree}/${r.buildId}`)} — ${RESULT_WORD[r.result]}`,
    '',
    `**${passed}/${r.targets.length} targets passed** in ${r.durationSeconds} s.${counts}${spaceLine(r)}`,
    ...(kunitHeadline(r) ? ['', `**${markdownText(kunitHeadline(r)!)}**`] : []),
    '',
    `Linux ${markdownText(r.kernelVersion)} at ${markdownCode(r.sha.slice(0, 12))} (ref ${markdownCode(r.ref)}); image ${markdownCode(r.image.name)} (${markdownText(r.image.toolchain)}, ${markdownCode(`${r.image.digest.slice(0, 19)}…`)}).` +
      (r.ccache ? ` ccache: ${r.ccache.hits} hits, ${r.ccache.misses} misses (${Math.round(r.ccache.hitRate * 100)}%).` : ''),
    ...(r.toolchains ? ['', `Toolchains: ${Object.entries(r.toolchains).map(([arch, line]) => `${markdownText(arch)} ${markdownCode(line)}`).join(', ')}.`] : []),
    ...(r.complete || r.error ? [] : ['', `**The run did not complete** (driver exit ${r.driverExitCode}): targets marked "did not finish" have no verdict.`]),
  ].join('\n');
}

/** What the build held at its peak: the container's memory, the largest object dir on /build, the waits for space. */
function spaceLine(r: BuildResults): string {
  const largest = r.targets.reduce<TargetResult | undefined>((max, t) => ((t.objdirBytes ?? 0) > (max?.objdirBytes ?? 0) ? t : max), undefined);
  const waited = r.targets.filter((t) => (t.spaceWaitSeconds ?? 0) > 0).length;
  const parts = [
    ...(r.peakMemoryBytes ? [`peak memory ${formatBytes(r.peakMemoryBytes)}`] : []),
    ...(largest ? [`largest object dir ${formatBytes(largest.objdirBytes!)} (${markdownText(largest.target)})`] : []),
    ...(waited > 0 ? [`${waited} target${waited === 1 ? '' : 's'} waited for space on /build`] : []),
  ];
  return parts.length > 0 ? ` ${parts.join('; ').replace(/^./, (c) => c.toUpperCase())}.` : '';
}

/** A target's wall time, and the time it waited for space on /build before it started. */
function timeCell(t: TargetResult): string {
  if (t.durationSeconds === undefined) return '';
  return `${t.durationSeconds} s${t.spaceWaitSeconds ? ` (+${t.spaceWaitSeconds} s waiting for space)` : ''}`;
}

/** The run's own failure, first: no target below it has a verdict from the kernel. */
function runError(error: RunError): string {
  const lines = error.lines.map((l) => (l.length > LINE_LIMIT ? `${l.slice(0, LINE_LIMIT)}…` : l));
  return [`### ${STATUS_MARK.error} Run error: ${markdownText(error.message)}`, '', `The end of the driver's output (${markdownCode(DRIVER_LOG)}):`, '', markdownBlock(lines.length > 0 ? lines : ['(no output)'])].join('\n');
}

function archTable(r: BuildResults): string {
  const arches = [...new Set(r.targets.map((t) => t.arch))];
  const rows = arches.map((arch) => {
    const ts = r.targets.filter((t) => t.arch === arch);
    const sum = (f: (t: TargetResult) => number | undefined) => ts.reduce((n, t) => n + (f(t) ?? 0), 0);
    return `| ${markdownText(arch)} | ${ts.filter((t) => t.status === 'pass').length} | ${ts.filter((t) => t.status !== 'pass').length} | ${sum((t) => t.errors)} | ${sum((t) => t.warnings)} |`;
  });
  return ['| arch | passed | failed | errors | warnings |', '| --- | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

function targetTable(r: BuildResults): string {
  const boots = r.targets.some((t) => t.boot);
  const bootCell = (t: TargetResult) => (boots ? ` ${t.boot ? `${BOOT_MARK[t.boot.status]} ${cell(describeBoot(t.boot))}` : ''} |` : '');
  return [
    `| target | status | stage | time | errors | warnings |${boots ? ' boot |' : ''} log |`,
    `| --- | --- | --- | ---: | ---: | ---: |${boots ? ' --- |' : ''} --- |`,
    ...r.targets.map(
      (t) =>
        `| ${cell(t.target)} | ${STATUS_MARK[t.status]} ${t.status === 'fail' && !t.reason ? 'fail' : cell(describeOutcome(t))} | ${cell(t.stage ?? '')} | ${timeCell(t)} | ${t.errors ?? ''} | ${t.warnings ?? ''} |${bootCell(t)} ${markdownCode(t.log, 'table')} |`,
    ),
  ].join('\n');
}

/** A failed boot: its verdict, its splats, its console, and the line that boots it again. */
function failedBoot(r: BuildResults, t: TargetResult): string {
  const boot = t.boot!;
  return [
    `### ${BOOT_MARK.fail} boot of ${markdownText(t.target)} (${cell(describeBoot(boot))})`,
    '',
    ...(bootIssues(r, t).length > 0 ? [markdownBlock(bootIssues(r, t).map((i) => formatIssue(i).slice(0, LINE_LIMIT))), ''] : []),
    `Console: ${markdownCode(boot.console ?? '')}${boot.machine ? ` (${markdownText(boot.machine)}${boot.durationSeconds === undefined ? '' : `, ${boot.durationSeconds} s`})` : ''}.`,
    ...(boot.reproducer ? ['', '<details><summary>Boot it again</summary>', '', markdownBlock([boot.reproducer], 'sh'), '', '</details>'] : []),
  ].join('\n');
}

/** A target's KUnit run: its totals in the heading, then its failed, crashed, skipped and flaky cases and the fixed ones, new ones marked `>>`. */
function kunitBlock(r: BuildResults, l: KunitListing): string {
  const lines = kunitListingLines(l, r.regressions?.baseline.buildId).map((line) => (line.length > LINE_LIMIT ? `${line.slice(0, LINE_LIMIT)}…` : line));
  const k = l.kunit;
  return [
    `### ${KUNIT_MARK[k.status]} KUnit on ${markdownText(l.target.target)}: ${cell(l.line)}`,
    ...(lines.length > 0 ? ['', markdownBlock(lines)] : []),
    '',
    `${k.attempts} run${k.attempts === 1 ? '' : 's'} (${markdownText(k.mode)}${k.durationSeconds === undefined ? '' : `, ${k.durationSeconds} s`})${k.consoles.length > 0 ? `; console ${k.consoles.map((c) => markdownCode(c)).join(', ')}` : ''}.`,
  ].join('\n');
}

function failedTarget(r: BuildResults, t: TargetResult): string {
  const lines = (t.excerpt?.lines ?? []).map((l) => (l.length > LINE_LIMIT ? `${l.slice(0, LINE_LIMIT)}…` : l));
  const what = t.excerpt?.source === 'tail' ? 'No error was parsed; the end of its log:' : 'First errors:';
  return [
    `### ${STATUS_MARK[t.status]} ${markdownText(t.target)} (${markdownText(describeOutcome(t))})`,
    '',
    what,
    '',
    markdownBlock(lines.length > 0 ? lines : ['(the log is empty)']),
    '',
    `Full log: ${markdownCode(t.log)}.`,
    '',
    '<details><summary>Reproduce</summary>',
    '',
    markdownBlock(reproducer(r, t).split('\n'), 'sh'),
    '',
    '</details>',
  ].join('\n');
}

/**
 * The lists of the most frequent issues, as the email has them: warnings, then section
 * mismatches, missing syscalls and sparse's findings apart. sparse's findings and W=
 * warnings are many on any tree, so with a baseline their lists have only the new ones,
 * marked `>>`, and count the known (newFirst).
 */
const TOP_LISTS: [Tally, string][] = COUNT_ROWS.flatMap((row) => (row.section ? [[row.tally, row.section] as [Tally, string]] : []));

function topIssues(r: BuildResults, tallied: Tally, title: string): string | undefined {
  const all = (r.issues ?? []).filter((i) => tally(i, i.noise) === tallied);
  const { listed, known } = newFirst(r, tallied, all);
  if (listed.length === 0 && known === 0) return undefined;
  const text = (i: Issue, fresh: boolean) => `${fresh ? '>> ' : ''}${formatIssue(i)}`;
  return [
    `### ${title}`,
    '',
    ...(listed.length > 0 ? ['| count | targets | warning |', '| ---: | --- | --- |'] : []),
    ...listed.slice(0, TOP_WARNINGS).map(({ issue: i, fresh }) => `| ${i.count} | ${i.targets.length} | ${markdownCode(text(i, fresh).slice(0, LINE_LIMIT), 'table')} |`),
    ...(known > 0 ? ['', `${listed.length === 0 ? 'None new; ' : ''}${known} known from the baseline, not listed.`] : []),
  ].join('\n');
}

/** Tree text for a table cell or a heading: literal, one line, at most LINE_LIMIT characters of it. */
function cell(text: string): string {
  return markdownText(text.slice(0, LINE_LIMIT));
}
