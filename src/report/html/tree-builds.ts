import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HTML_FILE, RESULTS_FILE } from '../../logs-layout.ts';
import { readResults } from '../../results/previous.ts';
import { type TreeBuild } from './history.ts';

/**
 * The build folders of a tree, `<logs>/<tree>/*` with a results.json: real folders only
 * (a link is never followed), bisects' folders apart, each results.json read by the one
 * reader as findBaseline reads them (a regular file, bounded, checked against the schema;
 * one that is refused is skipped).
 */
export function readTreeBuilds(treeDir: string): TreeBuild[] {
  let entries;
  try {
    entries = readdirSync(treeDir, { withFileTypes: true });
  } catch {
    return [];
  }
  const builds: TreeBuild[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith('bisect-')) continue;
    const results = readResults(join(treeDir, e.name, RESULTS_FILE));
    if (!results) continue;
    const page = lstatSync(join(treeDir, e.name, HTML_FILE), { throwIfNoEntry: false });
    builds.push({ folder: e.name, hasPage: page?.isFile() ?? false, results });
  }
  return builds;
}
