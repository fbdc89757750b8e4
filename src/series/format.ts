import { formatLocation } from '../values/issue-line.ts';
import { type CheckpatchFinding, type SeriesPlan } from './types.ts';

/** One checkpatch finding as every report of a series shows it: `ERROR lib/string.c:973: trailing whitespace`. */
export function checkpatchLine(f: CheckpatchFinding): string {
  return `${f.type}${f.file ? ` ${formatLocation(f.file, f.line)}` : ''}: ${f.message}`;
}

/** What a series checks, in words, for the log of either front: `3 patches of P on sha12`, `8 commits base12..head12`. */
export function seriesScope(plan: Pick<SeriesPlan, 'patches' | 'commits' | 'base' | 'head'>): string {
  if (plan.patches) return `${plan.patches.list.length} patches of ${plan.patches.path} on ${plan.base.sha.slice(0, 12)}`;
  return `${plan.commits.length} commits ${plan.base.sha.slice(0, 12)}..${plan.head?.sha.slice(0, 12)}`;
}
