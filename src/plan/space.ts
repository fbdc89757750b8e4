/**
 * The rule that keeps /build from filling: a target starts only when its predicted object
 * dir fits beside the predicted object dirs of the targets already running. The driver
 * applies it while building (src/driver/space.sh, with the limit computed here) and the
 * simulator while predicting, with the same numbers.
 */

const MIB = 2 ** 20;
/** The git index beside a checkout: about this much per file (the 6.1 tree's is 8 MB for 79k files). */
const INDEX_BYTES_PER_FILE = 104;
/** tmpfs keeps a file in whole pages. */
const PAGE_BYTES = 4096;

/** The most of /build the margin keeps free: past this a larger tmpfs needs no larger margin. */
export const SPACE_MARGIN_CAP_BYTES = 512 * MIB;

/**
 * Bytes of /build the running targets' predicted object dirs may take at once: the tmpfs
 * less the tree's checkout (on /build for the whole run: about 1.5 GB for 6.1), less a
 * margin of 10% of the tmpfs, at most 512 MiB, for a target that grows past its
 * prediction. Never below zero: then only one target runs at a time.
 */
export function spaceLimitBytes(tmpfsBytes: number, checkoutBytes = 0): number {
  return Math.max(0, tmpfsBytes - checkoutBytes - Math.min(Math.floor(tmpfsBytes / 10), SPACE_MARGIN_CAP_BYTES));
}

/**
 * Whether a target whose object dir is predicted at `next` bytes may start beside running
 * targets predicted at `running`: always when nothing runs (a target larger than the
 * limit must still be tried, and reports ENOSPC as today), else when they all fit.
 */
export function fitsInSpace(running: number[], next: number, limitBytes: number): boolean {
  return running.length === 0 || running.reduce((sum, b) => sum + b, 0) + next <= limitBytes;
}

/**
 * What a checkout of a tree takes on the tmpfs, from `git ls-tree -r -l` of its commit
 * ("MODE TYPE SHA SIZE\tPATH" a line): each blob in whole pages, and the index.
 */
export function checkoutBytesOf(lsTree: string): number {
  let bytes = 0;
  for (const line of lsTree.split('\n')) {
    const size = Number(/^\S+ blob \S+ +(\d+)\t/.exec(line)?.[1]);
    if (Number.isFinite(size)) bytes += Math.ceil(size / PAGE_BYTES) * PAGE_BYTES + INDEX_BYTES_PER_FILE;
  }
  return bytes;
}
