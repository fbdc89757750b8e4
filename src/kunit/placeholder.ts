// The names KUnit's reader gives tests whose names never came, and the place they say: one
// owner for the form, which the reader writes and the merge of runs reads.

/** The name of a test whose name never came: its place in its parent's plan (`case 3 of 5`). */
export function placeholder(depth: number, number: number, plan: number | null): string {
  const what = depth === 1 ? 'suite' : depth === 2 ? 'case' : depth === 3 ? 'param' : 'test';
  return plan === null ? `${what} ${number}` : `${what} ${number} of ${plan}`;
}

/**
 * The place in its suite a case's placeholder names (`case 3 of 5` → 3), or undefined for a
 * name the kernel printed: a case is named by its function (KUNIT_CASE), which holds no space.
 */
export function placeOfCase(name: string): number | undefined {
  const m = /^case (\d+)(?: of \d+)?$/.exec(name);
  return m ? Number(m[1]) : undefined;
}
