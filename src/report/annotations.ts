import { type Issue } from '../types/diagnostics.ts';
import { onlyMark } from './format-issue.ts';
import { tally } from '../diagnostics/tally.ts';

/** One annotation for the runner: core.error/core.warning with a place in the tree. */
export interface Annotation {
  severity: 'error' | 'warning';
  message: string;
  title: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** The runner shows 10 errors and 10 warnings per step; more are dropped silently. */
export const ANNOTATIONS_PER_KIND = 10;

/**
 * The annotations most worth the runner's few places: errors before warnings, problems
 * with a file and line before those without (only those mark code), then by how often
 * and on how many targets they were seen. Noise is never annotated.
 */
export function chooseAnnotations(issues: readonly Issue[], perKind = ANNOTATIONS_PER_KIND): Annotation[] {
  // Every warning that counts is worth a place, section mismatches and syscalls too.
  const counted = (i: Issue) => tally(i, i.noise);
  const pick = (severity: 'error' | 'warning') =>
    issues
      .filter((i) => counted(i) !== undefined && counted(i) !== 'noise' && i.severity === severity)
      .sort((a, b) => Number(b.line !== undefined) - Number(a.line !== undefined) || b.targets.length - a.targets.length || b.count - a.count)
      .slice(0, perKind)
      .map((i): Annotation => ({
        severity,
        message: `${i.message}${i.flag ? ` [${i.flag}]` : ''}${onlyMark(i)}`,
        title: `${i.kind} ${severity} in ${i.targets.slice(0, 3).join(', ')}${i.targets.length > 3 ? ` and ${i.targets.length - 3} more` : ''}`,
        ...(i.file === undefined ? {} : { file: i.file }),
        ...(i.line === undefined ? {} : { startLine: i.line }),
        ...(i.column === undefined ? {} : { startColumn: i.column }),
      }));
  return [...pick('error'), ...pick('warning')];
}
