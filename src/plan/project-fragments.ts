import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Target } from '../types/targets.ts';

/**
 * Config fragments kernelbuilder ships (src/driver/configs/<arch>/NAME.config), by arch and
 * name: used with the fragment syntax like a tree's own (`tinyconfig+kb-boot.config`).
 * A tree's fragment of the same name wins, in the plan and in the driver alike.
 */
export type ProjectFragments = Record<string, Record<string, string>>;

/** The fragments under `<driverDir>/configs/`, the folder the driver copies them from. */
export function loadProjectFragments(driverDir: string): ProjectFragments {
  const root = join(driverDir, 'configs');
  const out: ProjectFragments = {};
  for (const arch of readdirSync(root)) {
    out[arch] = {};
    for (const name of readdirSync(join(root, arch)).filter((n) => n.endsWith('.config'))) {
      out[arch][name] = readFileSync(join(root, arch, name), 'utf8');
    }
  }
  return out;
}

/** The tree's fragments with the project's added where the tree has none of that name. */
export function withProjectFragments(tree: Record<string, Record<string, string>>, ours: ProjectFragments, names: string[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [arch, files] of Object.entries(tree)) {
    out[arch] = { ...files };
    for (const name of names) if (out[arch][name] === undefined && ours[arch]?.[name] !== undefined) out[arch][name] = ours[arch][name];
  }
  return out;
}

/**
 * The targets, each with the text of the fragments kernelbuilder ships that it merges where
 * `tree` (the tree's own fragments, by arch) has none of that name: the ones the driver
 * merges from its own folder, recorded so that the results say what was built.
 */
export function withShippedFragments(targets: Target[], tree: Record<string, Record<string, string>>, ours: ProjectFragments): Target[] {
  return targets.map((t) => {
    const shipped = (t.fragments ?? []).flatMap((f) =>
      f.kind === 'file' && tree[t.arch]?.[f.name] === undefined && ours[t.arch]?.[f.name] !== undefined ? [[f.name, ours[t.arch][f.name]] as const] : [],
    );
    return shipped.length === 0 ? t : { ...t, shippedFragments: Object.fromEntries(shipped) };
  });
}
