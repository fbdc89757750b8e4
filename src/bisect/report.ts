import { join } from 'node:path';
import { BISECT_FILES } from '../logs-layout.ts';
import { type Annotation } from '../report/annotations.ts';
import { emailMessage } from '../text/email.ts';
import { markdownBlock, markdownCode, markdownText } from '../text/markdown.ts';
import { formatIssueLine } from '../values/issue-line.ts';
import { writeInside } from '../write-inside.ts';
import { type BisectResult, type BisectStep, type Sought } from './types.ts';

/** What is sought, in words, for the log and the reports. */
export function describeSought(s: Sought): string {
  if (s.kind === 'build') return `the build failing${s.firstError ? ` with ${s.firstError}` : ''}`;
  if (s.kind === 'boot') return 'the boot failing';
  return `signature ${s.signature}`;
}

/** The progress line of one build: `[k/~N] <sha12> <verdict> in <s>s`; the ends and the verification by their label. */
export function stepLine(step: BisectStep, estimatedSteps: number): string {
  const place = /^\d+$/.test(step.label) ? `${step.label}/~${estimatedSteps}` : step.label;
  return `[${place}] ${step.sha.slice(0, 12)} ${step.verdict} in ${step.seconds}s${step.fresh ? ' (from scratch)' : ''}`;
}

/** The culprit as the 0-day bot names a commit: `commit: <sha> [k/n] ("subject")`. */
export function commitLine(r: BisectResult): string | undefined {
  const c = r.culprit;
  return c ? `commit: ${c.sha} [${c.position.k}/${c.position.n}] ("${c.subject}")` : undefined;
}

/** The outcome in one line, for the terminal and the summary's head. */
export function outcomeLine(r: BisectResult): string {
  if (r.culprit) return `first bad commit ${r.culprit.sha.slice(0, 12)} [${r.culprit.position.k}/${r.culprit.position.n}] "${r.culprit.subject}" (${r.builds} builds)`;
  return `no culprit: ${r.reason}${r.detail ? ` (${r.detail})` : ''} (${r.builds} builds)`;
}

function diagnosticText(r: BisectResult): string | undefined {
  const d = r.culprit?.diagnostic;
  return d ? formatIssueLine(d) : undefined;
}

/** The summary (markdown): the culprit, what it introduced, the steps and `git bisect log`. */
export function bisectSummary(r: BisectResult): string {
  // Subjects, authors, diagnostics and git's bisect log come from the tree: markdown's own escapes (text/markdown.ts).
  const lines = [`## kernelbuilder bisect: ${markdownText(`${r.tree} ${r.target}`)}`, '', `${markdownText(r.good.ref)} (${r.good.sha.slice(0, 12)}, good) .. ${markdownText(r.bad.ref)} (${r.bad.sha.slice(0, 12)}, bad): ${r.commits} commits`, ''];
  if (r.sought) lines.push(`Sought: ${markdownText(describeSought(r.sought))}`, '');
  if (r.culprit) {
    const c = r.culprit;
    lines.push(`**First bad commit** ${markdownCode(commitLine(r)!)}`, '', `- author: ${markdownText(c.author)}`, `- date: ${markdownText(c.date)}`);
    const d = diagnosticText(r);
    if (d) lines.push(`- introduced: ${markdownCode(d)}`);
    lines.push(`- verified: built again from scratch it is ${c.verification.culprit}; ${c.verification.parents.map((p) => `parent ${p.sha.slice(0, 12)} ${p.verdict} (step ${p.step})`).join(', ')}`);
  } else {
    lines.push(`**No culprit named**: ${markdownText(`${r.reason}${r.detail ? `: ${r.detail}` : ''}`)}`);
  }
  lines.push('', `| step | commit | verdict | seconds |`, '| --- | --- | --- | --- |', ...r.steps.map((s) => `| ${markdownText(s.label)} | ${s.sha.slice(0, 12)} | ${s.verdict} | ${s.seconds} |`));
  lines.push('', `${r.builds} builds (about ${r.estimatedSteps} steps + 3 without skips), ${r.durationSeconds}s.`);
  if (r.bisectLog) lines.push('', markdownBlock(r.bisectLog.split('\n')));
  return `${lines.join('\n')}\n`;
}

/** The email text, as the 0-day bot's reports read: the commit first, then what it broke and how it was found. */
export function bisectEmail(r: BisectResult, to?: string): string {
  const subject = r.culprit
    ? `[kernelbuilder] ${r.target}: ${r.culprit.sha.slice(0, 12)} "${r.culprit.subject}"`
    : `[kernelbuilder] ${r.target}: bisect ${r.good.sha.slice(0, 12)}..${r.bad.sha.slice(0, 12)}: ${r.reason}`;
  const body = [`tree:   ${r.tree}`, `good:   ${r.good.ref} ${r.good.sha}`, `bad:    ${r.bad.ref} ${r.bad.sha}`, `target: ${r.target}`];
  if (r.culprit) {
    body.push(commitLine(r)!, `author: ${r.culprit.author}`, `date:   ${r.culprit.date}`, '');
    const d = diagnosticText(r);
    body.push(...(d ? ['It introduced:', '', `    ${d}`] : [`It introduced ${r.sought ? describeSought(r.sought) : 'the failure'}.`]));
    body.push('', 'Verified: the commit built again from scratch shows it, its parent does not.');
  } else {
    body.push('', `No commit named: ${r.reason}${r.detail ? ` (${r.detail})` : ''}.`);
  }
  body.push('', 'Steps:', ...r.steps.map((s) => `  ${s.label.padEnd(20)} ${s.sha.slice(0, 12)} ${s.verdict.padEnd(4)} ${s.seconds}s`));
  if (r.bisectLog) body.push('', 'git bisect log:', '', ...r.bisectLog.split('\n').map((l) => `  ${l}`));
  return emailMessage({ to, subject }, body);
}

/** The annotation of a culprit, on the line its diagnostic names when it names one. */
export function bisectAnnotations(r: BisectResult): Annotation[] {
  if (!r.culprit) return [];
  const d = r.culprit.diagnostic;
  return [
    {
      severity: d?.severity === 'warning' ? 'warning' : 'error',
      title: `first bad commit for ${r.target}: ${r.culprit.sha.slice(0, 12)} [${r.culprit.position.k}/${r.culprit.position.n}]`,
      message: `${r.culprit.sha} ("${r.culprit.subject}") by ${r.culprit.author} introduced ${d ? d.message : describeSought(r.sought!)}`,
      ...(d?.file ? { file: d.file } : {}),
      ...(d?.line === undefined ? {} : { startLine: d.line }),
    },
  ];
}

/** Where a bisect's reports are. */
export interface BisectReportPaths {
  result: string;
  summary: string;
  email: string;
}

/** Write bisect.json, summary.md and email.txt into the bisect's folder. */
export function writeBisectReports(r: BisectResult, dir: string, emailTo?: string): BisectReportPaths {
  const paths = { result: join(dir, BISECT_FILES.result), summary: join(dir, BISECT_FILES.summary), email: join(dir, BISECT_FILES.email) };
  writeInside(dir, BISECT_FILES.result, `${JSON.stringify(r, null, 2)}\n`);
  writeInside(dir, BISECT_FILES.summary, bisectSummary(r));
  writeInside(dir, BISECT_FILES.email, bisectEmail(r, emailTo));
  return paths;
}
