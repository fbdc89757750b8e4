/**
 * How good the live ETA was, for bench/sweep: each progress line's ETA against the time
 * that was really left, and the mean absolute error around points of the run. No side
 * effects: bench/sweep runs the build, this scores what it printed.
 */

/** A progress line's ETA in seconds (`ETA ~45 s`, `ETA ~6 min`), or undefined for any other line. */
export function etaOf(line: string): number | undefined {
  const m = /^progress .*; ETA ~(\d+) (s|min)$/.exec(line);
  if (!m) return undefined;
  return Number(m[1]) * (m[2] === 'min' ? 60 : 1);
}

/** One progress line scored: when it came (seconds into the run), its ETA, the time really left. */
export interface EtaPoint {
  at: number;
  eta: number;
  left: number;
}

/** Score the progress lines of a run that took `wall` seconds; lines are `{ at, text }` with `at` in seconds from its start. */
export function etaPoints(lines: { at: number; text: string }[], wall: number): EtaPoint[] {
  return lines.flatMap(({ at, text }) => {
    const eta = etaOf(text);
    return eta === undefined ? [] : [{ at, eta, left: Math.max(0, wall - at) }];
  });
}

/** The mean absolute error, in seconds and as a share of the time left, of the points within an eighth of the run around `share` of it. */
export function meanErrorAround(points: EtaPoint[], wall: number, share: number): { seconds: number; relative: number; lines: number } | undefined {
  const near = points.filter((p) => Math.abs(p.at / wall - share) <= 0.125);
  if (near.length === 0) return undefined;
  const seconds = near.reduce((sum, p) => sum + Math.abs(p.eta - p.left), 0) / near.length;
  const relative = near.reduce((sum, p) => sum + Math.abs(p.eta - p.left) / Math.max(p.left, 1), 0) / near.length;
  return { seconds, relative, lines: near.length };
}
