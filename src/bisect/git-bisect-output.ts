/** Where `git bisect` stands after a command, read from its output. */
export type BisectState =
  | { kind: 'next'; sha: string; left?: number }
  | { kind: 'first-bad'; sha: string }
  | { kind: 'only-skipped'; candidates: string[] }
  | { kind: 'unknown' };

const FIRST_BAD = /^([0-9a-f]{40,64}) is the first bad commit$/m;
const NEXT = /^Bisecting: (\d+) revisions? left to test after this.*\n\[([0-9a-f]{40,64})\]/m;
const ONLY_SKIPPED = /^There are only 'skip'ped commits left to test\.$/m;

/**
 * Read `git bisect start|good|bad|skip` output (git 2.39 wording, LC_ALL=C): the next
 * commit to test (`Bisecting: N revisions left ... [sha] subject`), the first bad commit,
 * or only skipped commits left (with the candidates it lists).
 */
export function parseBisectOutput(text: string): BisectState {
  const first = FIRST_BAD.exec(text);
  if (first) return { kind: 'first-bad', sha: first[1] };
  if (ONLY_SKIPPED.test(text)) {
    return { kind: 'only-skipped', candidates: [...text.matchAll(/^([0-9a-f]{40,64})$/gm)].map((m) => m[1]) };
  }
  const next = NEXT.exec(text);
  if (next) return { kind: 'next', sha: next[2], left: Number(next[1]) };
  return { kind: 'unknown' };
}
