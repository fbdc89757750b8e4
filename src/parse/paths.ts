import { posix } from 'node:path';

/** Where kernelbuilder mounts the source tree in its build containers. */
export const DEFAULT_TREE_PREFIXES: readonly string[] = ['/build/src/'];

// O= output dirs (/build/out/<target>/) mirror the tree, so generated headers and objects
// there are tree-relative too; any other /build/<dir>/ is a source tree mounted elsewhere.
const BUILD_DIRS = ['/build/out/[^/\\s\'"`]+/', '/build/[^/\\s\'"`]+/'];
// Names tools print for input that is not a file of the tree.
const PSEUDO_FILES = new Set(['<stdin>', '<command-line>', '<command line>', '<built-in>', '{standard input}']);
const UP_DIRS = /^(?:\.\.?\/)+/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Makes paths printed by a build relative to the kernel tree. */
export class PathNormaliser {
  private readonly prefixes: string[];
  private readonly leading: RegExp;
  private readonly inText: RegExp;

  /** @param treePrefixes absolute source or output directories, tried before the built-in /build ones. */
  constructor(treePrefixes: readonly string[] = []) {
    this.prefixes = [...treePrefixes, ...DEFAULT_TREE_PREFIXES]
      .map((p) => (p.endsWith('/') ? p : `${p}/`))
      .sort((a, b) => b.length - a.length);
    const alternatives = [...this.prefixes.map(escapeRegExp), ...BUILD_DIRS].join('|');
    this.leading = new RegExp(`^(?:${alternatives})`);
    // Inside a message a path starts at a line start, after a space, a quote or a bracket.
    this.inText = new RegExp(`(^|[\\s'"\`‘(\\[,])(?:${alternatives}|(?:\\.\\.?/)+(?=[\\w.-]))`, 'g');
  }

  /** The tree-relative form of a path, or undefined for stdin and other pseudo-files. */
  file(path: string): string | undefined {
    if (path === '' || PSEUDO_FILES.has(path)) return undefined;
    let p = path.includes('//') || path.includes('/./') ? posix.normalize(path) : path;
    p = p.replace(this.leading, '').replace(UP_DIRS, '');
    return p === '' ? undefined : p;
  }

  /** A message or context line with every build prefix and leading `../` of its paths removed. */
  text(text: string): string {
    return text.replace(this.inText, '$1');
  }
}
