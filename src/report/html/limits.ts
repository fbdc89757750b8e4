/**
 * How much of a build a page shows: enough to act on, bounded so that a 300-target sweep
 * with every target failing stays a page of a few MB that opens at once. What is left
 * out is said on the page; results.json has all of it.
 */
export const PAGE_LIMITS = {
  /** Characters of one line of build output. */
  lineChars: 400,
  /** Lines of one target's excerpt. */
  excerptLines: 30,
  /** Failed targets detailed with their excerpt and reproducer. */
  failures: 50,
  /** Distinct warnings (and errors) listed. */
  issues: 500,
  /** Targets named on one issue's row. */
  issueTargets: 12,
  /** Builds on a tree's history page, the newest. */
  historyBuilds: 200,
} as const;

/** A line of build output cut to `PAGE_LIMITS.lineChars`, marked where it was cut. */
export function capLine(line: string): string {
  const text = String(line);
  return text.length > PAGE_LIMITS.lineChars ? `${text.slice(0, PAGE_LIMITS.lineChars)}…` : text;
}
