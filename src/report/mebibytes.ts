/** Bytes as a report shows a size of /build or memory: whole MiB, `31 MiB`; under one, one decimal. */
export function mebibytes(bytes: number): string {
  const mib = bytes / 2 ** 20;
  return `${mib >= 1 ? Math.round(mib).toLocaleString('en-US') : mib.toFixed(1)} MiB`;
}
