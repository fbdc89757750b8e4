import { type BuildResults, type TargetResult } from '../types/results.ts';
import { type BootResult } from '../types/boot.ts';
import { type Issue } from '../types/diagnostics.ts';
import { BOOT_KINDS } from '../parse/diagnostic.ts';
import { formatIssue } from './format-issue.ts';

/** A boot in words: `pass (6.1.192, 2 boot warnings)`, `fail: kernel panic: <message>`, `skipped: <why>`. */
export function describeBoot(boot: BootResult): string {
  if (boot.status === 'pass') {
    const warnings = boot.warnings ? `, ${boot.warnings} boot warning${boot.warnings === 1 ? '' : 's'}` : '';
    return `pass (${boot.release ?? 'booted'}${warnings})`;
  }
  if (boot.status === 'skipped') return `skipped: ${boot.message ?? ''}`;
  return `fail: ${boot.reason}${boot.message ? `: ${boot.message}` : ''}`;
}

/** The splats one boot's console showed (boot kinds only), worst first. */
export function bootIssues(results: BuildResults, t: TargetResult): Issue[] {
  return (results.issues ?? []).filter((i) => BOOT_KINDS.has(i.kind) && i.targets.includes(t.target));
}

/**
 * The email's boot section, in the original builder's style: a line per booted target with
 * its verdict, machine and time, then each splat of its console.
 */
export function bootSectionLines(results: BuildResults): string[] {
  const booted = results.targets.filter((t) => t.boot);
  if (booted.length === 0) return [];
  const counts = { pass: 0, fail: 0, skipped: 0 };
  for (const t of booted) counts[t.boot!.status]++;
  const lines = [`Boot: ${counts.pass} passed, ${counts.fail} failed, ${counts.skipped} skipped`];
  for (const t of booted) {
    const boot = t.boot!;
    const how = boot.machine ? ` [${boot.machine}${boot.durationSeconds === undefined ? '' : `, ${boot.durationSeconds} s`}]` : '';
    lines.push(`  ${t.target}: ${describeBoot(boot)}${how}`);
    for (const i of bootIssues(results, t)) lines.push(`      ${formatIssue(i)}`);
    if (boot.console && boot.status === 'fail') lines.push(`      console: ${boot.console}`);
  }
  return lines;
}
