import { join } from 'node:path';
import { SERIES_FILES } from '../logs-layout.ts';
import { emailMessage } from '../text/email.ts';
import { markdownCode, markdownText } from '../text/markdown.ts';
import { formatIssueLine } from '../values/issue-line.ts';
import { writeInside } from '../write-inside.ts';
import { ANNOTATIONS_PER_KIND, type Annotation } from '../report/annotations.ts';
import { type FoundDiagnostic } from '../bisect/types.ts';
import { commitName } from './verdict.ts';
import { checkpatchLine } from './format.ts';
import { renderSeriesJunit } from './junit.ts';
import { renderSeriesKcidb } from './kcidb.ts';
import { renderSeriesPage } from './html-page.ts';
import { type CheckpatchResult, type SeriesResult, type SeriesStep, type SeriesTargetStep } from './types.ts';

/** The findings of one commit a report lists per target; the counts say how many more. */
const LISTED = 5;

/** One target in a commit's row: `pass +1 -0`, `FAIL +2 -0`. */
function targetCell(t: SeriesTargetStep): string {
  const build = t.build === 'pass' ? 'pass' : `FAIL${t.fault ? ` (${t.fault})` : ''}`;
  return `${build} +${t.added.length} -${t.removed.length}`;
}

/** checkpatch's counts: `1 error, 0 warnings, 0 checks`, or why there are none. */
function checkpatchCell(c: CheckpatchResult | undefined): string {
  if (!c) return 'not run';
  if (c.problem) return 'could not check';
  return `${c.errors} error${c.errors === 1 ? '' : 's'}, ${c.warnings} warning${c.warnings === 1 ? '' : 's'}, ${c.checks} check${c.checks === 1 ? '' : 's'}`;
}

/** The progress line of one commit: `[k/n] sha12 "subject": x86/tinyconfig pass +1 -0, ...; checkpatch ... (Ns)`. */
export function stepLine(s: SeriesStep, n: number): string {
  return `[${s.k}/${n}] ${s.sha.slice(0, 12)} "${s.subject}": ${s.targets.map((t) => `${t.target} ${targetCell(t)}`).join(', ')}; checkpatch ${checkpatchCell(s.checkpatch)} (${s.seconds}s)`;
}

/** What a commit adds (`>>` first, as 0-day marks new lines), removes, and what checkpatch says of it, as lines of text. */
function commitDetail(s: SeriesStep): { target?: string; lines: string[] }[] {
  const blocks: { target?: string; lines: string[] }[] = [];
  for (const t of s.targets) {
    const lines = [...listed(t.added, (d) => `>> ${formatIssueLine(d)}`), ...listed(t.removed, (d) => `-- ${formatIssueLine(d)} (gone)`)];
    if (lines.length > 0) blocks.push({ target: t.target, lines });
  }
  const c = s.checkpatch;
  if (c && (c.findings.length > 0 || c.problem)) {
    blocks.push({ lines: [...(c.problem ? [c.problem] : []), ...c.findings.map((f) => `checkpatch ${checkpatchLine(f)}`), ...(c.more ? [`checkpatch: ${c.more} more`] : [])] });
  }
  return blocks;
}

function listed(found: readonly FoundDiagnostic[], line: (d: FoundDiagnostic) => string): string[] {
  return [...found.slice(0, LISTED).map(line), ...(found.length > LISTED ? [`... ${found.length - LISTED} more`] : [])];
}

/** The series' summary (markdown): the verdict, breaks in so many words, a row per commit, then what each commit did. */
export function seriesSummary(r: SeriesResult): string {
  const n = r.n;
  // Subjects, refs and findings come from the tree: markdown's own escapes (text/markdown.ts).
  const lines = [
    `## kernelbuilder series: ${markdownText(`${r.tree} ${r.range}`)}`,
    '',
    `${r.patches ? `${n} patches applied` : `${n} commits`} on ${markdownText(r.base.ref)} (${r.base.sha.slice(0, 12)}), each built on the one before: ${r.targets.map((t) => markdownCode(t, 'text')).join(', ')}. **${r.result}**`,
    '',
  ];
  const baseFails = r.base.targets.filter((t) => t.build !== 'pass').map((t) => t.target);
  if (baseFails.length > 0) lines.push(`The base does not build on ${baseFails.map((t) => markdownCode(t)).join(', ')}.`, '');
  if (r.failures.length > 0) lines.push(...r.failures.map((f) => `- ${markdownText(f)}`), '');
  const header = ['commit', 'subject', ...r.targets, 'checkpatch'];
  lines.push(`| ${header.map((h) => markdownText(h)).join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`);
  lines.push(`| base ${r.base.sha.slice(0, 12)} | ${markdownText(r.base.ref)} | ${r.base.targets.map((t) => t.build).join(' | ')} | |`);
  for (const s of r.steps) lines.push(`| ${s.k}/${n} ${s.sha.slice(0, 12)} | ${markdownCode(s.subject, 'table')} | ${s.targets.map(targetCell).join(' | ')} | ${checkpatchCell(s.checkpatch)} |`);
  for (const s of r.steps) {
    const blocks = commitDetail(s);
    if (blocks.length === 0) continue;
    lines.push('', `### ${markdownText(commitName(s, n))}`);
    for (const b of blocks) lines.push('', ...(b.target ? [`${markdownCode(b.target)}:`] : []), ...b.lines.map((l) => `- ${markdownCode(l)}`));
  }
  lines.push('', `${r.durationSeconds}s: the base ${r.base.seconds}s from scratch, the commits ${r.steps.map((s) => `${s.seconds}s`).join(' ')}.`);
  return `${lines.join('\n')}\n`;
}

/** The email, as 0-day's reports of a series read: the verdict (the breaks first), then each commit `[k/n]` with its new lines marked `>>`. */
export function seriesEmail(r: SeriesResult, to?: string): string {
  const n = r.n;
  const what = r.patches ? `${r.n} patches on ${r.base.sha.slice(0, 12)}` : `${r.base.sha.slice(0, 12)}..${r.head?.sha.slice(0, 12)}: ${r.n} commits`;
  const subject = `[kernelbuilder] ${r.tree} ${what}, ${r.result}${r.breaks.length > 0 ? `, ${r.breaks.length} break${r.breaks.length === 1 ? '' : 's'}` : ''}`;
  const body = [`tree:    ${r.tree}`, `${r.patches ? 'patches' : 'range'}: ${r.patches ? ' ' : '  '}${r.range}`, `base:    ${r.base.ref} ${r.base.sha}`, ...(r.head ? [`head:    ${r.head.ref} ${r.head.sha}`] : []), `targets: ${r.targets.join(' ')}`, ''];
  body.push(...(r.failures.length > 0 ? ['It fails:', ...r.failures.map((f) => `  ${f}`)] : ['Every commit builds and adds no error.']));
  for (const s of r.steps) {
    const blocks = commitDetail(s);
    if (blocks.length === 0) continue;
    body.push('', `[${s.k}/${n}] ${s.sha.slice(0, 12)} ("${s.subject}")`);
    for (const b of blocks) body.push(...(b.target ? [`  ${b.target}:`] : []), ...b.lines.map((l) => `    ${l}`));
  }
  body.push('', 'Each commit:', ...r.steps.map((s) => `  ${stepLine(s, n)}`));
  return emailMessage({ to, subject }, body);
}

/** Where a series' reports are. */
export interface SeriesReportPaths {
  result: string;
  summary: string;
  email: string;
  junit: string;
  kcidb: string;
  html: string;
}

/** Write series.json, summary.md, email.txt, junit.xml, kcidb.json and index.html into the series' folder. */
export function writeSeriesReports(r: SeriesResult, dir: string, options: { emailTo?: string; failOn: readonly string[]; kcidbOrigin: string }): SeriesReportPaths {
  writeInside(dir, SERIES_FILES.result, `${JSON.stringify(r, null, 2)}\n`);
  writeInside(dir, SERIES_FILES.summary, seriesSummary(r));
  writeInside(dir, SERIES_FILES.email, seriesEmail(r, options.emailTo));
  writeInside(dir, SERIES_FILES.junit, renderSeriesJunit(r, options.failOn));
  writeInside(dir, SERIES_FILES.kcidb, `${JSON.stringify(renderSeriesKcidb(r, dir, options.kcidbOrigin), null, 2)}\n`);
  writeInside(dir, SERIES_FILES.html, renderSeriesPage(r));
  const path = (file: string) => join(dir, file);
  return { result: path(SERIES_FILES.result), summary: path(SERIES_FILES.summary), email: path(SERIES_FILES.email), junit: path(SERIES_FILES.junit), kcidb: path(SERIES_FILES.kcidb), html: path(SERIES_FILES.html) };
}

/**
 * The annotations of a series: each new finding at its place, titled with its commit
 * (`[k/n] sha12 on x86/tinyconfig`), then checkpatch's errors; errors first, at most the
 * runner's per kind.
 */
export function seriesAnnotations(r: SeriesResult): Annotation[] {
  const all: Annotation[] = [];
  for (const s of r.steps) {
    for (const t of s.targets) {
      for (const d of t.added) {
        if (d.severity !== 'error' && d.severity !== 'warning') continue;
        all.push({ severity: d.severity, title: `[${s.k}/${r.n}] ${s.sha.slice(0, 12)} adds on ${t.target}`, message: `${d.message} ("${s.subject}")`, ...(d.file ? { file: d.file } : {}), ...(d.line === undefined ? {} : { startLine: d.line }) });
      }
    }
    for (const f of s.checkpatch?.findings ?? []) {
      if (f.type !== 'ERROR') continue;
      all.push({ severity: 'error', title: `[${s.k}/${r.n}] ${s.sha.slice(0, 12)} checkpatch`, message: `${f.message} ("${s.subject}")`, ...(f.file ? { file: f.file } : {}), ...(f.line === undefined ? {} : { startLine: f.line }) });
    }
  }
  const errors = all.filter((a) => a.severity === 'error').slice(0, ANNOTATIONS_PER_KIND);
  const warnings = all.filter((a) => a.severity === 'warning').slice(0, ANNOTATIONS_PER_KIND);
  return [...errors, ...warnings];
}
