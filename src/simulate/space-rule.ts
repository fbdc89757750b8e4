/**
 * The rule that keeps /build from filling: a target starts only when its predicted object
 * dir fits beside the predicted object dirs of the targets already running. The driver
 * applies it while building and the simulator while predicting, with the same numbers.
 */

const MIB = 1024 * 1024;

/** The most kept free on /build: 10% of the tmpfs, at most 512 MiB (files beside the object dirs, estimates that run short). */
const MARGIN_FRACTION = 0.1;
const MARGIN_CAP_BYTES = 512 * MIB;

/** Bytes the running targets' object dirs may take together on a tmpfs of `tmpfsBytes`: the tmpfs less its margin. */
export function spaceLimitBytes(tmpfsBytes: number): number {
  return tmpfsBytes - Math.min(MARGIN_FRACTION * tmpfsBytes, MARGIN_CAP_BYTES);
}

/**
 * Whether a target whose object dir is predicted at `next` bytes may start beside running
 * targets predicted at `running`: always when nothing runs (a target larger than the
 * limit must still be tried, and reports ENOSPC as today), else when they all fit.
 */
export function fitsInSpace(running: number[], next: number, limitBytes: number): boolean {
  return running.length === 0 || running.reduce((sum, b) => sum + b, 0) + next <= limitBytes;
}
