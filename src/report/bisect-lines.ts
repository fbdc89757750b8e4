import { type BuildResults } from '../types/results.ts';

/**
 * The build's bisects as lines, the culprit first as the 0-day bot writes it (`commit:
 * <sha> [k/n]`), then its subject and author and where the bisect's own report is; a
 * bisect that named nothing says why. Empty when nothing was bisected.
 */
export function bisectLines(results: BuildResults): string[] {
  const bisects = results.bisects ?? [];
  if (bisects.length === 0) return [];
  const lines = ['First bad commit:'];
  for (const b of bisects) {
    lines.push('', `${b.regression}:`);
    const where = b.folder ? `  bisect: ${b.folder}/ (${b.builds} builds, ${b.durationSeconds}s)` : undefined;
    if (b.culprit) {
      const c = b.culprit;
      lines.push(`  commit: ${c.sha} [${c.position.k}/${c.position.n}]`, `  subject: ${c.subject}`, `  author: ${c.author}`, `  date: ${c.date}`);
    } else {
      lines.push(`  no culprit (${b.result}): ${b.reason ?? 'no reason given'}`);
    }
    if (where) lines.push(where);
  }
  return lines;
}
