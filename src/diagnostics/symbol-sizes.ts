import { type SymbolChange } from '../types/diagnostics.ts';

/**
 * Symbol sizes from a System.map, as scripts/bloat-o-meter gives them from nm: the map has
 * no sizes, so a symbol's size is the distance to the next higher address. Only code and
 * data symbols count (types t, d, r, b in either case); symbols of one name are summed.
 */
export function symbolSizes(systemMap: string): Map<string, number> {
  const symbols: { address: bigint; name: string }[] = [];
  const boundaries: bigint[] = [];
  for (const line of systemMap.split('\n')) {
    const m = /^([0-9a-fA-F]{1,16}) ([A-Za-z]) (\S+)$/.exec(line);
    if (!m) continue;
    const address = BigInt(`0x${m[1]}`);
    boundaries.push(address);
    if (/^[tTdDrRbB]$/.test(m[2])) symbols.push({ address, name: m[3] });
  }
  const sorted = [...new Set(boundaries)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const next = new Map<bigint, bigint>();
  for (let i = 0; i + 1 < sorted.length; i++) next.set(sorted[i], sorted[i + 1]);
  const sizes = new Map<string, number>();
  for (const s of symbols) {
    const end = next.get(s.address);
    if (end === undefined) continue;
    const size = Number(end - s.address);
    // Gaps of megabytes are section boundaries, not symbols.
    if (size > 16 * 2 ** 20) continue;
    sizes.set(s.name, (sizes.get(s.name) ?? 0) + size);
  }
  return sizes;
}

/** The `top` symbols that grew most (added ones count from 0), largest growth first. */
export function growingSymbols(before: Map<string, number>, after: Map<string, number>, top = 10): SymbolChange[] {
  const changes: SymbolChange[] = [];
  for (const [name, size] of after) {
    const was = before.get(name) ?? 0;
    if (size > was) changes.push({ name, before: was, after: size, delta: size - was });
  }
  return changes.sort((a, b) => b.delta - a.delta || a.name.localeCompare(b.name)).slice(0, top);
}
