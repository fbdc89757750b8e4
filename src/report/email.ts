import { type BuildResults } from '../types/results.ts';
import { type Issue } from '../types/diagnostics.ts';
import { formatIssue } from './format-issue.ts';
import { describeOutcome, detailedFailures } from './outcome.ts';
import { changeLines, sizeLines } from './changes.ts';
import { bisectLines } from './bisect-lines.ts';
import { bootSectionLines } from './boot-lines.ts';
import { kunitHeadline, kunitSectionLines } from './kunit-lines.ts';
import { tally } from '../diagnostics/tally.ts';
import { COUNT_ROWS, type CountRow } from '../diagnostics/kinds.ts';
import { listsNewOnly, newFirst } from './new-first.ts';
import { formatDuration } from '../values/duration.ts';
import { splitTargetName } from '../values/target-name.ts';
import { emailMessage } from '../text/email.ts';

/** The email's file name under <logs>/emails/, as the original builder laid it out. */
export function emailFileName(results: BuildResults): string {
  return `${results.tree}-${results.buildId}.txt`.replace(/[^A-Za-z0-9._+-]/g, '_');
}

/** `<tree> build: N warnings M failures (<tree>/<build id>)`, the original builder's subject; a run error says so instead. */
export function emailSubject(results: BuildResults): string {
  if (results.result === 'error') return `${results.tree} build: run error, no verdict (${results.tree}/${results.buildId})`;
  const failures = results.targets.filter((t) => t.status !== 'pass').length;
  const tests = results.counts?.kunit ? ` ${results.counts.kunit} failing KUnit cases` : '';
  return `${results.tree} build: ${results.counts?.warnings ?? 0} warnings ${failures} failures${tests} (${results.tree}/${results.buildId})`;
}

/**
 * The report email, section by section as the original builder sent it: tree, branch, top
 * commits, runtime, counts, failed configs, errors per failed config, warnings per
 * config, then each count row's list (diagnostics/kinds.ts): section mismatches, new
 * syscalls, sparse's findings.
 */
export function renderEmail(results: BuildResults, opts: { to?: string } = {}): string {
  const issues = results.issues ?? [];
  const failed = detailedFailures(results);
  const passed = results.targets.filter((t) => t.status === 'pass').length;
  const out: string[] = [];
  out.push(`Tree:     ${results.remoteUrl ?? results.source ?? results.tree}`);
  out.push(`Branch:   ${results.ref}`);
  out.push(`Build id: ${results.buildId} (${results.sha})`);
  out.push(`Kernel:   ${results.kernelVersion}`);
  out.push(`Image:    ${results.image.name} (${results.image.toolchain}, ${results.image.digest})`);
  for (const [arch, line] of Object.entries(results.toolchains ?? {})) out.push(`Toolchain ${arch}: ${line}`);
  out.push('', 'Top commits:');
  for (const c of results.commits) out.push(`  ${c.sha.slice(0, 12)} ${c.subject}`);
  out.push('');
  out.push(`Runtime:  ${formatDuration(results.durationSeconds)}`);
  out.push(`Passed:   ${passed}`);
  out.push(`Failed:   ${results.targets.length - passed}`);
  out.push(`Warnings: ${results.counts?.warnings ?? 0}${results.counts?.noise ? ` (and ${results.counts.noise} known noise, filtered)` : ''}`);
  for (const row of COUNT_ROWS) {
    const n = results.counts?.[row.tally] ?? 0;
    if (row.emailCount && (row.emailCount.when === 'always' || n > 0)) out.push(`${`${row.emailCount.label}:`.padEnd(9)} ${n}`);
  }
  if (results.ccache) out.push(`ccache:   ${results.ccache.hits} hits, ${results.ccache.misses} misses`);
  const tests = kunitHeadline(results);
  if (tests) out.push(tests.replace(/^KUnit: /, 'KUnit:    '));
  const changes = changeLines(results);
  if (changes.length > 0) out.push('', ...changes);
  const bisects = bisectLines(results);
  if (bisects.length > 0) out.push('', ...bisects);
  const sizes = sizeLines(results);
  if (sizes.length > 0) out.push('', ...sizes);
  if (results.error) out.push('', `ERROR: ${results.error.message}.`, 'The end of the driver\'s output (driver.log):', ...results.error.lines.map((l) => `  ${l}`));
  else if (!results.complete) out.push('', `INCOMPLETE: the run stopped before every target had a verdict (driver exit ${results.driverExitCode}).`);

  if (failed.length > 0) {
    out.push('', 'Failed configs:', ...failed.map((t) => `  ${t.target} (${describeOutcome(t)})`));
    out.push('', 'Errors:');
    for (const t of failed) {
      out.push('', `${t.target}:`);
      const lines = t.excerpt?.lines ?? [];
      if (t.excerpt?.source === 'tail') out.push('  (no error parsed; the end of the log)');
      out.push(...(lines.length > 0 ? lines : ['(the log is empty)']).map((l) => `  ${l}`));
    }
  }

  const boots = bootSectionLines(results);
  if (boots.length > 0) out.push('', ...boots);
  const kunit = kunitSectionLines(results);
  if (kunit.length > 0) out.push('', ...kunit);

  const warnings = issues.filter((i) => tally(i, i.noise) === 'warnings');
  const perTarget = results.targets.filter((t) => (t.warnings ?? 0) > 0);
  if (perTarget.length > 0) {
    out.push('', listsNewOnly(results, 'warnings') ? 'Warnings (new ones prefixed by >>):' : 'Warnings:');
    for (const t of perTarget) {
      out.push('', `${t.target}: ${t.warnings} warnings`);
      const { listed, known } = newFirst(results, 'warnings', warnings.filter((w) => w.targets.includes(t.target)));
      for (const { issue, fresh } of listed) out.push(`${fresh ? '>> ' : '  '}${formatIssue(issue)}`);
      if (known > 0) out.push(`  ... and ${known} known from the baseline`);
    }
  }
  for (const row of COUNT_ROWS) {
    if (row.emailList) listSection(out, results, row, issues.filter((i) => tally(i, i.noise) === row.tally));
  }
  return emailMessage({ to: opts.to, subject: emailSubject(results) }, out);
}

/** A count row's list (its emailList), under its section's title. */
function listSection(out: string[], results: BuildResults, row: CountRow, issues: Issue[]): void {
  if (row.emailList === 'new-first') {
    // With a baseline only the new ones, marked `>>` as 0-day marks them, and the known counted.
    const { listed, known } = newFirst(results, row.tally, issues);
    if (listed.length === 0 && known === 0) return;
    out.push('', results.regressions ? `${row.section} (new ones prefixed by >>):` : `${row.section}:`);
    for (const { issue, fresh } of listed) out.push(`${fresh ? '>> ' : '  '}${formatIssue(issue)}`, ...(issue.detail ?? []).map((d) => `     ${d.trim()}`));
    if (known > 0) out.push(`  ... and ${known} known from the baseline`);
    return;
  }
  if (issues.length === 0) return;
  const line =
    row.emailList === 'by-arch'
      ? (i: Issue) => `  ${i.targets.map((t) => splitTargetName(t).arch).filter(unique).join(' ')}: ${i.message}`
      : (i: Issue) => `  ${String(i.count).padStart(4)} ${i.file ? `${i.file}: ` : ''}${i.message}`;
  out.push('', `${row.section}:`, ...issues.map(line));
}

function unique<T>(item: T, i: number, all: T[]): boolean {
  return all.indexOf(item) === i;
}

