/** Bytes and seconds as the simulator's summary and timelines write them. */

/** Bytes in GiB with one decimal below 100 GiB, MiB below 1 GiB: `59.5 GiB`, `330 MiB`. */
export function formatBytes(bytes: number): string {
  const mib = bytes / 2 ** 20;
  if (mib < 1024) return `${Math.round(mib)} MiB`;
  const gib = mib / 1024;
  return `${gib < 100 ? gib.toFixed(1) : Math.round(gib)} GiB`;
}

/** Seconds as `2h 05m`, `7m 30s` or `42s`: a wall at a glance. */
export function formatWall(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}h ${pad(m)}m` : m > 0 ? `${m}m ${pad(s % 60)}s` : `${s}s`;
}
