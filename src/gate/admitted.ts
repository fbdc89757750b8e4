import { CCACHE_STATS, CONSOLE_LIMIT, DRIVER_LOG, HTML_FILE, JUNIT_FILE, KCIDB_FILE, KEPT_FILES, MEMORY_PEAK_FILE, RESULTS_FILE, SIZES_FILE, SUMMARY_FILE, TOOLCHAINS_FILE, targetPaths } from '../logs-layout.ts';

/**
 * What the gate admits, by who left the folder: the names are the layout's
 * (logs-layout.ts), each with the size limit of its kind. Files the host writes (the
 * reports, reproducers, results.json of a build, driver.log, a boot's console) are never
 * taken from a build's container: the host writes them itself after the gate.
 */

/** A file the gate may admit: its path in the folder and the most bytes it may hold. */
export interface GateFile {
  rel: string;
  limit: number;
}

/** A target as the gate needs it: where its files are. */
export type TargetName = { arch: string; config: string };

/** Size limits by kind: one line of text, a few lines, a config; logs and kept files up to what the build may log. */
const LIMITS = { status: 4096, sizes: 256, memoryPeak: 64, driverText: 64 * 2 ** 10, dotConfig: 16 * 2 ** 20, console: CONSOLE_LIMIT + 4096 } as const;

/** What the build container's driver writes for the build as a whole (driver.sh). */
function driverBuildFiles(): GateFile[] {
  return [
    { rel: TOOLCHAINS_FILE, limit: LIMITS.driverText },
    { rel: CCACHE_STATS.before, limit: LIMITS.driverText },
    { rel: CCACHE_STATS.after, limit: LIMITS.driverText },
    { rel: MEMORY_PEAK_FILE, limit: LIMITS.memoryPeak },
  ];
}

/** What target.sh, install.sh and kunit-uml.sh write for one target: its log, status, .config, kept files and sizes, its KUnit runs. */
function driverTargetFiles(t: TargetName, bigLimit: number): GateFile[] {
  const paths = targetPaths(t.arch, t.config);
  return [
    { rel: paths.log, limit: bigLimit },
    { rel: paths.status, limit: LIMITS.status },
    { rel: paths.dotConfig, limit: LIMITS.dotConfig },
    ...KEPT_FILES.map((f) => ({ rel: `${paths.kept}/${f}`, limit: bigLimit })),
    { rel: `${paths.kept}/${SIZES_FILE}`, limit: LIMITS.sizes },
    ...paths.kunitConsoles.map((rel) => ({ rel, limit: LIMITS.console })),
    { rel: paths.kunitStatus, limit: LIMITS.status },
  ];
}

/** Everything a build container may hand back for these targets; `bigLimit` bounds a log or kept file (the logs limit). */
export function containerFiles(targets: readonly TargetName[], bigLimit: number): GateFile[] {
  return [...driverBuildFiles(), ...targets.flatMap((t) => driverTargetFiles(t, bigLimit))];
}

/** No file of a finished build's folder is larger than what a whole build may log by default (logs-limit 2g). */
export const FINISHED_FILE_LIMIT = 2 * 2 ** 30;

/**
 * What a finished build's folder (a shard's artifact, `report DIR`) hands on for these
 * targets: what its container wrote for them and their boots' consoles (targetFiles).
 * Its results.json is read by its own checked reader, and holds what the build's own
 * files said; its reports and reproducers are written again, never taken.
 */
export function finishedBuildFiles(targets: readonly TargetName[]): GateFile[] {
  return targets.flatMap((t) => [...driverTargetFiles(t, FINISHED_FILE_LIMIT), { rel: targetPaths(t.arch, t.config).console, limit: LIMITS.console }]);
}

/**
 * Files a finished build's folder holds that are not taken but are known there: the
 * host's (written again) and the driver's own, already in its results.json. Left out
 * without a word; anything else left out is named.
 */
export function finishedBuildKnown(targets: readonly (TargetName & { status: string })[]): string[] {
  // A reproducer is the report's for a target that did not pass only: one beside a passing target was planted.
  const reproducers = targets.filter((t) => t.status !== 'pass').map((t) => targetPaths(t.arch, t.config).reproducer);
  return [RESULTS_FILE, SUMMARY_FILE, KCIDB_FILE, JUNIT_FILE, HTML_FILE, DRIVER_LOG, ...driverBuildFiles().map((f) => f.rel), ...reproducers];
}
