import { mkdirSync, rmSync } from 'node:fs';
import { type BuildResults } from '../types/results.ts';
import { type Diagnostic } from '../types/diagnostics.ts';
import { type Log } from '../log.ts';
import { type NoiseFilter } from '../types/inputs.ts';
import { analyse } from '../diagnostics/analyse.ts';
import { type ScannedLog } from '../diagnostics/scan-log.ts';
import { withRegressions } from '../diagnostics/with-regressions.ts';
import { withKept } from '../results/kept.ts';
import { withKunit } from './kunit-results.ts';
import { type ReportDirs, type ReportPaths, writeReports } from '../report/write-reports.ts';
import { type GateFile } from '../gate/admitted.ts';
import { gate, gateWarning } from '../gate/gate.ts';

/** A folder someone else wrote, and what the gate takes from it. */
export interface GateSource {
  from: string;
  files: readonly GateFile[];
  /** Files it is known to hold that the host writes again (not named when left out). */
  expected?: readonly string[];
  /**
   * Remove `from` once gated (a staging folder): beside the build's folder it would
   * otherwise be read as an earlier build of the tree (history page, baseline) by the steps after.
   */
  removeAfter?: boolean;
}

/** The steps after a container (or a shard, or a folder to re-render), in their order. */
export interface AfterContainer {
  /** The host's folder the gate admits into; every later step reads only here. */
  dir: string;
  /** Gate: what is admitted into `dir`, from where. */
  admit: readonly GateSource[];
  /** Results: put together once the gate has run (from what it admitted, or read before it). */
  results: (dir: string) => BuildResults;
  /** Kept files: read each passing target's kept folder (a build's, a step's). */
  kept?: boolean;
  /** Boots: what boots the results' targets, their consoles written by the host into `dir`. */
  boot?: (results: BuildResults) => Promise<BuildResults>;
  /** Tests: the targets whose KUnit runs (their consoles in `dir`) are read into their results. */
  tests?: ReadonlySet<string>;
  /** Diagnostics: every log and console read once, through this noise list. */
  noise: NoiseFilter;
  /** Logs already scanned as they grew (the build's live progress): taken where still the bytes scanned, not read again. */
  scanned?: ReadonlyMap<string, ScannedLog>;
  /** Regressions: a results.json or a tree's folder (withRegressions); none for a re-render or a step. */
  baseline?: string;
  /** Reports: where they go; none for a bisect's step. */
  reports?: { dirs: ReportDirs; emailTo?: string; kcidbOrigin?: string };
  log: Pick<Log, 'warning'>;
  /** Told as the boots and then the reading and reports begin (the action's log groups). */
  phase?: (name: 'boot' | 'reports') => void;
}

/** What the steps gave: the results, where the reports are, each target's first error. */
export interface AfterContainerOutcome {
  results: BuildResults;
  reports?: ReportPaths;
  firstErrors: Map<string, Diagnostic>;
}

/**
 * Everything after the container, once, for the build, a merge of shards, `report DIR` and
 * a bisect's step: gate, results, kept files, boots, tests, diagnostics, regressions, reports.
 * The results must not be lost once there are any: a later step that fails is a warning
 * and the results go on without what it would have added; only results.json itself failing
 * to be written is an error.
 */
export async function afterContainer(steps: AfterContainer): Promise<AfterContainerOutcome> {
  const { dir, log } = steps;
  mkdirSync(dir, { recursive: true });
  for (const source of steps.admit) {
    const outcome = gate(source.from, dir, source.files, source.expected);
    const warning = gateWarning(source.from, dir, outcome);
    if (warning) log.warning(warning);
    if (source.removeAfter) rmSync(source.from, { recursive: true, force: true });
  }
  let results = steps.results(dir);
  if (steps.kept) results = withKept(results, dir);
  if (steps.boot) {
    steps.phase?.('boot');
    results = await steps.boot(results);
  }
  if (steps.tests && steps.tests.size > 0) {
    try {
      results = withKunit(results, dir, steps.tests);
    } catch (e) {
      log.warning(`could not read the KUnit runs (${(e as Error).message}); the reports give each target's build without them`);
    }
  }
  steps.phase?.('reports');
  let firstErrors = new Map<string, Diagnostic>();
  try {
    ({ results, firstErrors } = await analyse(results, dir, steps.noise, steps.scanned));
  } catch (e) {
    log.warning(`could not read the targets' logs into diagnostics (${(e as Error).message}); the reports give each target's status without them`);
  }
  if (steps.baseline !== undefined) {
    const baseline = steps.baseline;
    try {
      results = withRegressions(results, baseline, dir);
    } catch (e) {
      log.warning(`could not compare with the baseline ${baseline} (${(e as Error).message}); the reports say nothing of what changed`);
    }
  }
  if (!steps.reports) return { results, firstErrors };
  const { dirs, emailTo, kcidbOrigin } = steps.reports;
  const reports = writeReports(results, dirs, { emailTo, kcidbOrigin, warn: (m) => log.warning(m) });
  return { results, reports, firstErrors };
}
