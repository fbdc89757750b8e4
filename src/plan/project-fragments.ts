import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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
