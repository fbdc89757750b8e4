import { join } from 'node:path';
import { targetsResult } from '../results/results.ts';
import { type BuildResults, type DiagnosticCounts, type TargetResult } from '../types/results.ts';
import { IssueCollector } from './aggregate.ts';
import { isNoise } from './noise.ts';
import { type NoiseFilter } from '../types/inputs.ts';
import { type LogScan, type ScannedLog, scanLog } from './scan-log.ts';
import { tally } from './tally.ts';
import { type Diagnostic } from '../types/diagnostics.ts';
import { unmetOptions } from '../values/config-spec.ts';
import { onlyCompilers } from '../values/compiler.ts';
import { lstatSync, readFileSync } from 'node:fs';
import { analyseBoot } from '../boot/analyse-boot.ts';
import { kunitDiagnostics } from './kunit-issues.ts';

/** Lines of a failed target's excerpt kept in results.json. */
const EXCERPT_LINES = 40;

/** What reading the logs gave: the results with their diagnostics, and each target's first counted error in log order. */
export interface Analysis {
  results: BuildResults;
  /** By target name: the first diagnostic of its log counted as an error (a bisect's step is judged by it). */
  firstErrors: Map<string, Diagnostic>;
}

/**
 * Read every target's log (streaming) and put what they say into the results: issues by
 * signature with counts and targets, per-target error and warning counts, and for each
 * target that did not pass an excerpt that is never empty for a non-empty log.
 */
export async function analyseLogs(results: BuildResults, logsDir: string, noise: NoiseFilter): Promise<BuildResults> {
  return (await analyse(results, logsDir, noise)).results;
}

/**
 * analyseLogs, handing on what a later step needs from the same read of each log (its
 * first error), so that no log is read twice. `scanned`: logs already read as they grew
 * (the live progress), taken for each log that is still exactly the bytes read (takeScan).
 */
export async function analyse(results: BuildResults, logsDir: string, noise: NoiseFilter, scanned?: ReadonlyMap<string, ScannedLog>): Promise<Analysis> {
  const firstErrors = new Map<string, Diagnostic>();
  const collector = new IssueCollector();
  const counts: Required<DiagnosticCounts> = { errors: 0, warnings: 0, noise: 0, sectionMismatches: 0, syscalls: 0, sparse: 0, bootErrors: 0, bootWarnings: 0, kunit: 0 };
  const targets: TargetResult[] = [];
  for (const t of results.targets) {
    let errors = 0;
    let warnings = 0;
    const count = (d: Diagnostic) => {
      const filtered = isNoise(d, noise);
      collector.add(d, filtered);
      const key = tally(d, filtered);
      if (key) counts[key]++;
      if (key === 'errors' && errors++ === 0) firstErrors.set(t.target, d);
      if (key === 'warnings') warnings++;
    };
    const path = join(logsDir, t.log);
    const { excerpt, fault, objects } = takeScan(scanned?.get(t.target), path, count) ?? (await scanLog(path, t.target, count));
    for (const d of unmetRequests(t, logsDir)) count(d);
    // A boot's splats are issues like the build's (signatures, regressions), never noise.
    const boot = await analyseBoot(t, logsDir, (d) => {
      collector.add(d, false);
      const key = tally(d, false);
      if (key) counts[key]++;
    });
    // A target's KUnit cases come read (the KUnit step before this one): its failing ones are issues too, never noise.
    for (const d of kunitDiagnostics(t)) {
      collector.add(d, false);
      const key = tally(d, false);
      if (key) counts[key]++;
    }
    targets.push({
      ...t,
      ...(t.status === 'fail' && !t.reason && fault ? { reason: fault } : {}),
      errors,
      warnings,
      objects,
      ...(t.status === 'pass' ? {} : { excerpt: { source: excerpt.source, lines: excerpt.lines.slice(0, EXCERPT_LINES) } }),
      ...(boot ? { boot } : {}),
    });
  }
  const { bootErrors, bootWarnings, kunit, ...buildCounts } = counts;
  const booted = targets.some((t) => t.boot && t.boot.status !== 'skipped');
  // Results without boots or KUnit runs keep the counts they always had.
  const kept = { ...buildCounts, ...(booted ? { bootErrors, bootWarnings } : {}), ...(targets.some((t) => t.kunit) ? { kunit } : {}) };
  const names = targets.map((t) => t.target);
  const issues = collector.issues().map((i) => {
    const only = onlyCompilers(i.targets, names);
    return only.length > 0 ? { ...i, onlyCompilers: only } : i;
  });
  return { results: { ...results, result: results.result === 'error' ? 'error' : targetsResult(targets), targets, counts: kept, issues }, firstErrors };
}

/** A scan handed on, its diagnostics told again in their order, when the log at `path` is the bytes it read (a missing log: none); else undefined. */
function takeScan(handed: ScannedLog | undefined, path: string, count: (d: Diagnostic) => void): LogScan | undefined {
  if (!handed) return undefined;
  const st = lstatSync(path, { throwIfNoEntry: false });
  const size = st?.isFile() ? st.size : 0;
  if (size !== handed.bytes) return undefined;
  for (const d of handed.diagnostics) count(d);
  return handed.scan;
}

/**
 * A warning for each option a target's fragments asked for that olddefconfig did not
 * keep (unmet dependencies): the build passed, but not with the config that was asked for.
 */
function unmetRequests(t: TargetResult, logsDir: string): Diagnostic[] {
  if (!t.requires?.length || !t.dotConfig) return [];
  let dotConfig: string;
  try {
    dotConfig = readFileSync(join(logsDir, t.dotConfig), 'utf8');
  } catch {
    return [];
  }
  return unmetOptions(t.requires, dotConfig).map(({ option, want, got }) => {
    const message = `requested ${option}=${want} did not reach .config (it is ${got})`;
    return { kind: 'kconfig', severity: 'warning', file: '.config', message, context: [], target: t.target, signature: `kconfig|.config|${message}` };
  });
}
