import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HTML_FILE, RESULTS_FILE } from '../../logs-layout.ts';
import { readResults } from '../../results/previous.ts';
import { type TreeBuild } from './history.ts';

/**
 * The build folders of a tree, `<logs>/<tree>/*` with a results.json: real folders only
 * (a link is never followed), bisects' folders apart, each results.json read as
 * findBaseline reads them (a regular file, bounded; one that is not a results.json is
 * skipped). The fields are not checked further: the history page escapes them all.
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
