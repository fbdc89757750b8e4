import { type Dropped, type Target } from '../types/targets.ts';
import { withCompiler } from '../values/compiler.ts';

/**
 * A compiler matrix: every target once per compiler, named `arch/config@compiler`, one
 * compiler's after another's for each target so that a report reads them side by side. A
 * compiler the image has no support for this kernel (`unsupported`: why) drops its
 * targets, with why: skipped, never failed.
 */
export function withCompilers(targets: Target[], compilers: string[], unsupported: Record<string, string>): { targets: Target[]; dropped: Dropped[] } {
  const built: Target[] = [];
  const dropped: Dropped[] = [];
  for (const t of targets) {
    for (const compiler of compilers) {
      const config = withCompiler(t.config, compiler);
      const why = unsupported[compiler];
      if (why !== undefined) dropped.push({ arch: t.arch, config, reason: why });
      // The make target that starts its .config is no longer its name: it is said.
      else built.push({ ...t, config, base: t.base ?? t.config, compiler });
    }
  }
  return { targets: built, dropped };
}
