import { type CcacheStats } from '../types/ccache.ts';
/** Parse `ccache --print-stats` (tab-separated name and value a line). */
export function parseCcacheStats(text: string): Map<string, number> {
  const stats = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [name, value] = line.split('\t');
    if (name && /^\d+$/.test(value ?? '')) stats.set(name, Number(value));
  }
  return stats;
}

/** The hits and misses between two `--print-stats` snapshots of a shared cache. */
export function ccacheDelta(before: string, after: string): CcacheStats {
  const b = parseCcacheStats(before);
  const a = parseCcacheStats(after);
  const delta = (name: string) => Math.max(0, (a.get(name) ?? 0) - (b.get(name) ?? 0));
  const hits = delta('direct_cache_hit') + delta('preprocessed_cache_hit');
  const misses = delta('cache_miss');
  return { hits, misses, hitRate: hits + misses === 0 ? 0 : Math.round((hits / (hits + misses)) * 1000) / 1000 };
}
