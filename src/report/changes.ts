import { type BuildResults } from '../types/results.ts';
import { type Issue } from '../types/diagnostics.ts';
import { formatIssue } from './format-issue.ts';

/** How many new issues a report lists; the rest are counted. */
const NEW_ISSUES_SHOWN = 30;

/**
 * What is new since the baseline, as lines: newly failing targets, then each new error
 * and warning marked `>>` as the 0-day bot marks them, then what was fixed. Empty when
 * there is no baseline.
 */
export function changeLines(results: BuildResults): string[] {
  const r = results.regressions;
  if (!r) return [];
  const issues = new Map((results.issues ?? []).map((i) => [i.signature, i]));
  const fresh = r.newIssues.map((s) => issues.get(s)).filter((i): i is Issue => i !== undefined);
  const lines = [`New since ${r.baseline.buildId} (${r.baseline.sha.slice(0, 12)}):`];
  // Older results.json files have no boot or size comparison.
  const failingBoots = r.newlyFailingBoots ?? [];
  if (r.newlyFailing.length > 0) lines.push(`  newly failing: ${r.newlyFailing.join(' ')}`);
  if (failingBoots.length > 0) lines.push(`  newly failing to boot: ${failingBoots.join(' ')}`);
  if (fresh.length === 0 && r.newlyFailing.length === 0 && failingBoots.length === 0) lines.push('  nothing new');
  for (const i of fresh.slice(0, NEW_ISSUES_SHOWN)) lines.push(`>> ${formatIssue(i)}  [${i.targets.join(' ')}]`);
  if (fresh.length > NEW_ISSUES_SHOWN) lines.push(`>> ... and ${fresh.length - NEW_ISSUES_SHOWN} more new issues (results.json)`);
  if (r.newlyPassing.length > 0) lines.push(`  newly passing: ${r.newlyPassing.join(' ')}`);
  if ((r.newlyPassingBoots ?? []).length > 0) lines.push(`  newly booting: ${r.newlyPassingBoots.join(' ')}`);
  if (r.fixedIssues.length > 0) lines.push(`  fixed: ${r.fixedIssues.length} issues of the baseline are gone`);
  return lines;
}

/** How many symbols a size change lists. */
const GROWING_SHOWN = 5;

/**
 * Size changes since the baseline, a line per target that moved (text+data+bss and the
 * image), each followed by the symbols that grew most. Empty when nothing moved.
 */
export function sizeLines(results: BuildResults): string[] {
  const moved = (results.regressions?.sizes ?? []).filter((s) => s.delta !== 0 || s.imageDelta !== 0);
  if (moved.length === 0) return [];
  const lines = [`Size since ${results.regressions!.baseline.buildId} (text+data+bss, image):`];
  for (const s of moved) {
    const total = s.after.text + s.after.data + s.after.bss;
    lines.push(`  ${s.target}: ${signed(s.delta)} bytes (${total}), image ${signed(s.imageDelta)} bytes (${s.after.imageBytes})`);
    for (const g of (s.growing ?? []).slice(0, GROWING_SHOWN)) lines.push(`      ${signed(g.delta).padStart(8)} ${g.name} (${g.before} -> ${g.after})`);
  }
  return lines;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
