import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readInsideOrNothing } from '../safe-files.ts';
import { type BuildResults, type TargetResult, type TargetSizes } from '../types/results.ts';
import { KEPT_FILES, SIZES_FILE, targetPaths } from '../logs-layout.ts';


/** Parse install.sh's `sizes`: "TEXT DATA BSS IMAGE_BYTES MODULES"; undefined when it is not that. */
export function parseSizes(text: string): TargetSizes | undefined {
  const m = /^(\d{1,15}) (\d{1,15}) (\d{1,15}) (\d{1,15}) (\d{1,9})\s*$/.exec(text);
  if (!m) return undefined;
  const [text_, data, bss, imageBytes, modules] = m.slice(1).map(Number);
  return { text: text_, data, bss, imageBytes, modules };
}

/**
 * What a target kept, read from its kept folder after the build: the known files that are
 * regular files (the build wrote this folder; links were swept before), and its sizes.
 */
export function readKept(logsDir: string, keptDir: string): { files: string[]; sizes?: TargetSizes } {
  const dir = join(logsDir, keptDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return { files: [] };
  }
  const files = KEPT_FILES.filter((f) => names.includes(f) && lstatSync(join(dir, f)).isFile());
  const sizesText = names.includes(SIZES_FILE) ? readInsideOrNothing(logsDir, `${keptDir}/${SIZES_FILE}`, 256) : undefined;
  const sizes = sizesText === undefined ? undefined : parseSizes(sizesText);
  return { files, ...(sizes ? { sizes } : {}) };
}

/** The results with what each built target kept: its folder, the files in it, its sizes. */
export function withKept(results: BuildResults, logsDir: string): BuildResults {
  const targets = results.targets.map((t): TargetResult => {
    if (t.status !== 'pass') return t;
    const dir = targetPaths(t.arch, t.config).kept;
    const { files, sizes } = readKept(logsDir, dir);
    return { ...t, ...(files.length > 0 ? { kept: { dir, files } } : {}), ...(sizes ? { sizes } : {}) };
  });
  return { ...results, targets };
}
