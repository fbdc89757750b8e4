import { type Diagnostic, type Issue } from '../types/diagnostics.ts';

/**
 * Collects diagnostics into issues by signature, as they are parsed. Memory grows with the
 * number of distinct problems, not with the logs.
 */
export class IssueCollector {
  private readonly bySignature = new Map<string, Issue>();

  add(d: Diagnostic, noise: boolean): void {
    const known = this.bySignature.get(d.signature);
    if (known) {
      known.count++;
      if (d.target !== undefined && !known.targets.includes(d.target)) known.targets.push(d.target);
      return;
    }
    const { target, ...first } = d;
    this.bySignature.set(d.signature, { ...first, count: 1, targets: target === undefined ? [] : [target], noise });
  }

  /** Errors first, then by count, then by place: the order reports show them in. */
  issues(): Issue[] {
    const rank = { error: 0, warning: 1, note: 2 } as const;
    return [...this.bySignature.values()].sort(
      (a, b) =>
        rank[a.severity] - rank[b.severity] ||
        b.count - a.count ||
        (a.file ?? '').localeCompare(b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        a.message.localeCompare(b.message),
    );
  }
}
