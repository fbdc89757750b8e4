const MIB = 2 ** 20;

/** The most of /build the margin keeps free: past this a larger tmpfs needs no larger margin. */
export const SPACE_MARGIN_CAP_BYTES = 512 * MIB;

/**
 * Bytes of /build the driver lets the running targets' predicted object dirs take at once:
 * the tmpfs less a margin of 10% of it, at most 512 MiB. The margin is for a target that
 * grows past its prediction; the tree's checkout, also on /build, is not counted in it
 * (a kernel's is about 1.3 GB, more than the margin ever is).
 */
export function spaceLimitBytes(tmpfsBytes: number): number {
  return tmpfsBytes - Math.min(Math.floor(tmpfsBytes / 10), SPACE_MARGIN_CAP_BYTES);
}
