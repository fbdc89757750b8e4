import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type BuildResults } from '../types/results.ts';
import { findBaseline, readResults } from '../results/previous.ts';
import { RESULTS_FILE, targetPaths } from '../logs-layout.ts';
import { compareWithBaseline } from './regressions.ts';
import { growingSymbols, symbolSizes } from './symbol-sizes.ts';
import { type SymbolChange } from '../types/diagnostics.ts';
import { readInsideOrNothing } from '../safe-files.ts';
import { KernelbuilderError } from '../errors.ts';
import { splitTargetName } from '../values/target-name.ts';

/**
 * Add what changed since the baseline to the results. `baseline` is a results.json (or a
 * folder holding one: a downloaded artifact), or the tree's folder of build folders, where
 * the newest earlier complete build of the same ref is the baseline.
 */
export function withRegressions(results: BuildResults, baseline: string, logsDir: string): BuildResults {
  if (isDirectory(baseline) && !isFile(join(baseline, RESULTS_FILE))) {
    const found = findBaseline(baseline, results);
    return found ? { ...results, regressions: compareWithBaseline(results, found.results, found.path, growingSymbolsOf(results, logsDir, found)) } : results;
  }
  const path = isDirectory(baseline) ? join(baseline, RESULTS_FILE) : baseline;
  const base = readResults(path);
  if (!base) throw new KernelbuilderError(`input 'baseline': ${path} is not a kernelbuilder results.json`);
  return { ...results, regressions: compareWithBaseline(results, base, path, growingSymbolsOf(results, logsDir, { results: base, path })) };
}

/** A System.map of an allyesconfig is tens of MB; past this it is no map a build made. */
const MAX_SYSTEM_MAP = 256 * 2 ** 20;

/**
 * The symbols that grew most in a target, from the System.map it kept and the one the
 * baseline kept (beside the baseline's results.json), when both are there.
 */
function growingSymbolsOf(results: BuildResults, logsDir: string, baseline: { results: BuildResults; path: string }) {
  const baseDir = dirname(baseline.path);
  const keptBefore = new Map(baseline.results.targets.map((t) => [t.target, t.kept]));
  return (target: string): SymbolChange[] | undefined => {
    const now = results.targets.find((t) => t.target === target)?.kept;
    const before = keptBefore.get(target);
    if (!now?.files.includes('System.map') || !before?.files.includes('System.map')) return undefined;
    const after = readInsideOrNothing(logsDir, `${now.dir}/System.map`, MAX_SYSTEM_MAP);
    const { arch, config } = splitTargetName(target);
    const was = readInsideOrNothing(baseDir, `${targetPaths(arch, config).kept}/System.map`, MAX_SYSTEM_MAP);
    if (after === undefined || was === undefined) return undefined;
    return growingSymbols(symbolSizes(was), symbolSizes(after));
  };
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
