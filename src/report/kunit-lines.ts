import { type BuildResults, type TargetResult } from '../types/results.ts';
import { type KunitCase, type KunitCaseStatus, type KunitResult, type KunitTotals } from '../types/kunit.ts';
import { caseNameOfSignature, kunitCaseName, kunitCaseText, kunitSignature } from '../values/kunit-case.ts';

/*
 * A target's KUnit run as every report shows it (summary.md, the email, the build page, the
 * runner's log): its totals on one line, then its failed cases first (with their failed
 * expectation and place, new ones since the baseline first and marked), then the crashed
 * (with the splat's headline), the skipped (with the kernel's reason), the flaky (with
 * their pass count), and the cases the baseline saw fail that pass now. Each medium
 * escapes the text as it writes it: what is here is tree text.
 */

/** Cases listed per status and target; the rest are counted (results.json has them all). */
export const KUNIT_CASES_LISTED = 50;
/** Lines of a case's diagnostic shown under it. */
export const KUNIT_DETAIL_LINES = 12;

/** The statuses listed, in the order the reports list them. */
const LISTED: readonly { status: Exclude<KunitCaseStatus, 'pass'>; title: string }[] = [
  { status: 'fail', title: 'Failed' },
  { status: 'crashed', title: 'Crashed' },
  { status: 'skip', title: 'Skipped' },
  { status: 'flaky', title: 'Flaky (not counted as failures)' },
];

/** One case of a listing: its name, what it says, the lines that explain it, and whether it is new since the baseline. */
export interface KunitEntry {
  name: string;
  text: string;
  detail: string[];
  fresh: boolean;
}

/** The cases of one status, at most KUNIT_CASES_LISTED, and how many more there are. */
export interface KunitGroup {
  status: Exclude<KunitCaseStatus, 'pass'>;
  title: string;
  entries: KunitEntry[];
  more: number;
}

/** A target's KUnit run as the reports show it. */
export interface KunitListing {
  target: TargetResult;
  kunit: KunitResult;
  /** `412 passed, 1 failed, ...`, or `error: <why>`, `skipped: <why>`. */
  line: string;
  groups: KunitGroup[];
  /** Cases the baseline saw fail that pass now, by name. */
  fixed: string[];
}

/** Totals in words: `412 passed, 1 failed, 2 crashed, 7 skipped, 1 flaky`. */
export function kunitCounts(t: KunitTotals): string {
  return `${t.pass} passed, ${t.fail} failed, ${t.crashed} crashed, ${t.skip} skipped, ${t.flaky} flaky`;
}

/** A run in words: its totals, or why it has none (`error: ...`, `skipped: ...`), with its timeout said. */
export function describeKunit(k: KunitResult): string {
  if (k.status === 'skipped') return `skipped: ${k.reason ?? 'not run'}`;
  if (k.status === 'error' && k.cases.length === 0) return `error: ${k.reason ?? 'no run could be read'}`;
  return `${kunitCounts(k.totals)}${k.timedOut ? ' (the last run was killed at its timeout)' : ''}`;
}

/** The headline's tests line over every KUnit run of a build: `KUnit: 412 passed, ...`; undefined when none ran. */
export function kunitHeadline(results: BuildResults): string | undefined {
  const runs = results.targets.flatMap((t) => (t.kunit ? [t.kunit] : []));
  if (runs.length === 0) return undefined;
  const sum: KunitTotals = { total: 0, pass: 0, fail: 0, skip: 0, crashed: 0, flaky: 0 };
  for (const k of runs) for (const key of Object.keys(sum) as (keyof KunitTotals)[]) sum[key] += k.totals[key];
  const errors = runs.filter((k) => k.status === 'error').length;
  const skipped = runs.filter((k) => k.status === 'skipped').length;
  const apart = [...(errors > 0 ? [`${errors} run${errors === 1 ? '' : 's'} with an error`] : []), ...(skipped > 0 ? [`${skipped} not run`] : [])];
  return `KUnit: ${kunitCounts(sum)}${apart.length > 0 ? `; ${apart.join(', ')}` : ''}`;
}

/** Every target with a KUnit run, as the reports list them. */
export function kunitListings(results: BuildResults): KunitListing[] {
  return results.targets.flatMap((t) => (t.kunit ? [kunitListing(results, t, t.kunit)] : []));
}

function kunitListing(results: BuildResults, t: TargetResult, k: KunitResult): KunitListing {
  const fresh = new Set(results.regressions?.newIssues ?? []);
  const entry = (c: KunitCase): KunitEntry => ({
    name: kunitCaseName(c),
    text: kunitCaseText(c),
    detail: (c.diagnostic?.detail ?? []).slice(0, KUNIT_DETAIL_LINES),
    // Only a failing case is an issue, so only a failing case can be new: a flaky one never is.
    fresh: (c.status === 'fail' || c.status === 'crashed') && fresh.has(kunitSignature(c)),
  });
  const groups = LISTED.flatMap(({ status, title }) => {
    const entries = k.cases.filter((c) => c.status === status).map(entry);
    // New ones lead, in the console's order; then the known.
    const ordered = [...entries.filter((e) => e.fresh), ...entries.filter((e) => !e.fresh)];
    return entries.length === 0 ? [] : [{ status, title, entries: ordered.slice(0, KUNIT_CASES_LISTED), more: Math.max(0, ordered.length - KUNIT_CASES_LISTED) }];
  });
  const fixed = (results.regressions?.fixedIssues ?? []).flatMap((i) => {
    const name = caseNameOfSignature(i.signature);
    return name !== undefined && i.targets.includes(t.target) ? [name] : [];
  });
  return { target: t, kunit: k, line: describeKunit(k), groups, fixed };
}

/**
 * A listing as plain lines (the email, summary.md's code blocks, the runner's log): each
 * group's title, then a line per case, `>> ` before a new one, its explanation indented.
 */
export function kunitListingLines(listing: KunitListing, baselineId?: string): string[] {
  const lines: string[] = [];
  for (const g of listing.groups) {
    lines.push(`${g.title}:`);
    for (const e of g.entries) lines.push(`${e.fresh ? '>> ' : '   '}${e.name}: ${e.text}`, ...e.detail.map((d) => `       ${d}`));
    if (g.more > 0) lines.push(`   ... and ${g.more} more (results.json)`);
  }
  if (listing.fixed.length > 0) lines.push(`Fixed${baselineId ? ` since ${baselineId}` : ''}:`, ...listing.fixed.slice(0, KUNIT_CASES_LISTED).map((n) => `   ${n}`));
  return lines;
}

/** The email's KUnit section (its tests line is in the counts above it): each target's run, its listing and its consoles. */
export function kunitSectionLines(results: BuildResults): string[] {
  if (!results.targets.some((t) => t.kunit)) return [];
  const out = ['KUnit runs:'];
  for (const l of kunitListings(results)) {
    const k = l.kunit;
    const how = [k.mode, `${k.attempts} run${k.attempts === 1 ? '' : 's'}`, ...(k.durationSeconds === undefined ? [] : [`${k.durationSeconds} s`])].join(', ');
    out.push('', `${l.target.target}: ${l.line} [${how}]`);
    if (k.status === 'error' && k.cases.length > 0 && k.reason) out.push(`  error: ${k.reason}`);
    out.push(...kunitListingLines(l, results.regressions?.baseline.buildId).map((line) => `  ${line}`));
    if (k.consoles.length > 0) out.push(`  console: ${k.consoles.join(' ')}`);
  }
  return out;
}
