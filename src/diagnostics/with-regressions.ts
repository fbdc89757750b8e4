import { statSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildResults } from '../results/results.ts';
import { findBaseline, readResults } from '../results/previous.ts';
import { RESULTS_FILE } from '../logs-dir.ts';
import { compareWithBaseline } from './regressions.ts';
import { KernelbuilderError } from '../errors.ts';

/**
 * Add what changed since the baseline to the results. `baseline` is a results.json (or a
 * folder holding one: a downloaded artifact), or the tree's folder of build folders, where
 * the newest earlier complete build of the same ref is the baseline.
 */
export function withRegressions(results: BuildResults, baseline: string): BuildResults {
  if (isDirectory(baseline) && !isFile(join(baseline, RESULTS_FILE))) {
    const found = findBaseline(baseline, results);
    return found ? { ...results, regressions: compareWithBaseline(results, found.results, found.path) } : results;
  }
  const path = isDirectory(baseline) ? join(baseline, RESULTS_FILE) : baseline;
  const base = readResults(path);
  if (!base) throw new KernelbuilderError(`input 'baseline': ${path} is not a kernelbuilder results.json`);
  return { ...results, regressions: compareWithBaseline(results, base, path) };
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
