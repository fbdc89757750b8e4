// The floor: what ccache did. Imports only src/types, so any module may import it.

/** What ccache did for one build. */
export interface CcacheStats {
  hits: number;
  misses: number;
  /** hits / (hits + misses), 0 when nothing was compiled. */
  hitRate: number;
}
