import { dirname, join } from 'node:path';

/*
 * The layout of the logs folder: every name in it is spelled here and only here.
 *
 *   <logs>/                           the logs root (the `logs` input)
 *     emails/                         every build's email (EMAILS_DIR)
 *     <tree>/                         treeDir: the builds of one tree, where baselines are found
 *       index.html                    the tree's history page (HTML_FILE), rewritten after each build
 *       <build id>/                   buildDir: the only folder a build writes
 *         results.json summary.md kcidb.json junit.xml index.html driver.log toolchains.txt ccache-stats.before ccache-stats.after memory-peak.txt
 *         <arch>/<config>.log .status .config .reproduce.sh     targetPaths
 *         <arch>/<config>/            the kept folder: KEPT_FILES, sizes, console.log, kunit-<n>.log, kunit.status
 *       bisect-<good12>-<bad12>-<arch>-<config>/   a bisect (bisectDirName): BISECT_FILES, steps/<label>/ each laid out as a build folder
 *       series-<base12>-<head12>/      a series (seriesDirName; of patches, patchesDirName): SERIES_FILES, commits/<k>/ each laid out as a build folder, with CHECKPATCH_FILE
 *
 * The driver writes its part of this layout from inside the container and cannot import
 * this module; these files must agree with it (test/unit/logs-layout.test.ts reads them
 * for the names defined here, so that the two cannot drift):
 *   - src/driver/target.sh:  <arch>/<config>.log, .status and .config
 *   - src/driver/install.sh: the kept folder <arch>/<config>/, the KEPT_FILES in it, sizes
 *   - src/driver/kunit-uml.sh: in the kept folder, kunit-<n>.log and kunit.status
 *   - src/driver/driver.sh:  toolchains.txt, ccache-stats.before, ccache-stats.after, memory-peak.txt
 *   - src/driver/bisect.sh:  a series step's checkpatch.txt
 * The driver's /logs is the build folder, mounted.
 *
 * This module only names paths (it touches no file and imports no other module of ours),
 * so that every stage can import it; logs-dir.ts does what is done to the folder.
 */

/** Files of the build itself, beside the per-target ones. */
export const RESULTS_FILE = 'results.json';
export const SUMMARY_FILE = 'summary.md';
/** The build in KernelCI's KCIDB I/O format (report/kcidb.ts) and as JUnit XML (report/junit.ts). */
export const KCIDB_FILE = 'kcidb.json';
export const JUNIT_FILE = 'junit.xml';
/** The build's HTML page, in its folder; the tree's history page has the same name in the tree's folder. */
export const HTML_FILE = 'index.html';
/** What the host recorded of the driver's output. */
export const DRIVER_LOG = 'driver.log';
/** Written by the driver: "ARCH<TAB>compiler version line" a line. */
export const TOOLCHAINS_FILE = 'toolchains.txt';
/** Written by the driver: `ccache --print-stats` before and after the build. */
export const CCACHE_STATS = { before: 'ccache-stats.before', after: 'ccache-stats.after' } as const;
/** Written by the driver: the container's peak memory in bytes (its cgroup's), one number. */
export const MEMORY_PEAK_FILE = 'memory-peak.txt';

/** Every file of the build folder that is the build's own, not a target's. */
export const BUILD_FILES: readonly string[] = [RESULTS_FILE, SUMMARY_FILE, KCIDB_FILE, JUNIT_FILE, HTML_FILE, DRIVER_LOG, TOOLCHAINS_FILE, CCACHE_STATS.before, CCACHE_STATS.after, MEMORY_PEAK_FILE];

/** The folder of the logs root where every build's email goes (`<logs>/emails/`). */
export const EMAILS_DIR = 'emails';

/**
 * Names a tree may not have: the logs root holds `<tree>/<build id>/` folders beside its
 * own folders, and a tree of the same name would mix builds into them.
 */
export const RESERVED_TREE_NAMES: readonly string[] = [EMAILS_DIR];

/** The files a target's kept folder may hold, as install.sh names them (and `sizes`, its measurements): nothing else is listed or published. */
export const KEPT_FILES = [
  'bzImage',
  'Image',
  'Image.gz',
  'zImage',
  // The ELF kernel itself, where QEMU loads that (powerpc's pseries, mips's Malta).
  'vmlinux',
  'System.map',
  'config',
  'modules.tar.xz',
  'dtbs.tar.xz',
  'vmlinux.xz',
  'initramfs.cpio',
] as const;

/** install.sh's measurements of a target, in its kept folder: "TEXT DATA BSS IMAGE_BYTES MODULES". */
export const SIZES_FILE = 'sizes';

/** A boot's console, in the target's kept folder. */
export const CONSOLE_FILE = 'console.log';
/** A console past this is cut (with a note at its end): a kernel printing in a loop must not fill the disk. */
export const CONSOLE_LIMIT = 16 * 2 ** 20;

/** The most times a target's KUnit run is repeated after a run with a failing case (the test-retries input). */
export const MAX_TEST_RETRIES = 5;
/** A target's KUnit runs, in its kept folder: the n-th run's console (kunit-uml.sh writes them), from 1. */
export const KUNIT_CONSOLE = (run: number) => `kunit-${run}.log`;
/** kunit-uml.sh's record of its runs, one line a run: "RUN EXIT TIMED_OUT MILLISECONDS". */
export const KUNIT_STATUS_FILE = 'kunit.status';

/** Make a name safe as one folder of a path: git describe output can hold '/' from tag names. */
export function pathSafe(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._+-]/g, '_').replace(/^\.+/, '_');
  return safe.length > 0 ? safe : '_';
}

/** `<logs>/<tree>`: the folder of a tree's builds, where its baseline and previous durations are found. */
export function treeDir(logsRoot: string, tree: string): string {
  return join(logsRoot, pathSafe(tree));
}

/** `<logs>/<tree>/index.html`: the tree's history page, over its build folders. */
export function historyPage(treeDirPath: string): string {
  return join(treeDirPath, HTML_FILE);
}

/** `<logs>/<tree>/<build id>`: the folder of one build, the only place it writes. */
export function buildDir(logsRoot: string, tree: string, buildId: string): string {
  return join(treeDir(logsRoot, tree), pathSafe(buildId));
}

/** The tree folder a build folder is in (`buildDir`'s parent). */
export function treeDirOf(buildDirPath: string): string {
  return dirname(buildDirPath);
}

/** `<logs>/emails`: where the builds under a logs root put their emails. */
export function emailsDir(logsRoot: string): string {
  return join(logsRoot, EMAILS_DIR);
}

/** Where a target's files are, relative to the build folder. */
export interface TargetPaths {
  log: string;
  status: string;
  dotConfig: string;
  /** The script that rebuilds a failed target, written by the report. */
  reproducer: string;
  /** The kept folder: what it built (see install.sh), the console of its boot. */
  kept: string;
  console: string;
  /** Its KUnit runs' consoles, first run first (as many as may be), and their record. */
  kunitConsoles: string[];
  kunitStatus: string;
}

/** Where a target's files live, relative to the build folder. */
export function targetPaths(arch: string, config: string): TargetPaths {
  const kept = `${arch}/${config}`;
  return {
    log: `${kept}.log`,
    status: `${kept}.status`,
    dotConfig: `${kept}.config`,
    reproducer: `${kept}.reproduce.sh`,
    kept,
    console: `${kept}/${CONSOLE_FILE}`,
    kunitConsoles: Array.from({ length: MAX_TEST_RETRIES + 1 }, (_, i) => `${kept}/${KUNIT_CONSOLE(i + 1)}`),
    kunitStatus: `${kept}/${KUNIT_STATUS_FILE}`,
  };
}

/**
 * Every file a target's build and boot may leave, relative to the build folder: what a
 * merge copies from a shard. Not its reproducer: the report writes its own, and a shard's
 * is a command only a runner of ours may write.
 */
export function targetFiles(arch: string, config: string): string[] {
  const { log, status, dotConfig, kept, console, kunitConsoles, kunitStatus } = targetPaths(arch, config);
  return [log, status, dotConfig, console, ...[...KEPT_FILES, SIZES_FILE].map((f) => `${kept}/${f}`), ...kunitConsoles, kunitStatus];
}

/** A bisect's own files, in its folder (bisectDirName): the result, the summary, the email, the container's output. */
export const BISECT_FILES = { result: 'bisect.json', summary: 'summary.md', email: 'email.txt', driverLog: 'driver.log' } as const;

/** The folder of a bisect's step builds, each in `steps/<label>/` laid out as a build's folder (targetPaths). */
export const BISECT_STEPS_DIR = 'steps';

/**
 * The folder of one bisect under `<logs>/<tree>/`: `bisect-<good12>-<bad12>-<arch>-<config>`,
 * beside the tree's build folders (a build id never starts with "bisect-": it is a tag's
 * describe or a sha). `config` is made path-safe by the caller.
 */
export function bisectDirName(goodSha: string, badSha: string, arch: string, config: string): string {
  return `bisect-${goodSha.slice(0, 12)}-${badSha.slice(0, 12)}-${arch}-${config}`;
}

/** A step's folder inside a bisect's folder: `steps/<label>` (good, bad, 1, 2, ..., culprit, parent-<sha12>). */
export function bisectStepDir(bisectDir: string, label: string): string {
  return join(bisectDir, BISECT_STEPS_DIR, label);
}

/** A series' own files, in its folder (seriesDirName): the result, the summary, the email, JUnit, KCIDB, its page, the container's output. */
export const SERIES_FILES = { result: 'series.json', summary: 'summary.md', email: 'email.txt', junit: 'junit.xml', kcidb: 'kcidb.json', html: 'index.html', driverLog: 'driver.log' } as const;

/** The folder of a series' step builds, `commits/<k>/` (0 the base), each laid out as a build's folder (targetPaths). */
export const SERIES_STEPS_DIR = 'commits';

/** What bisect.sh's checkpatch writes in a step's folder: scripts/checkpatch.pl's terse output on the step's commit. */
export const CHECKPATCH_FILE = 'checkpatch.txt';

/**
 * The folder of one series under `<logs>/<tree>/`: `series-<base12>-<head12>`, beside the
 * tree's build folders and bisects (a build id never starts with "series-": it is a tag's
 * describe or a sha).
 */
export function seriesDirName(baseSha: string, headSha: string): string {
  return `series-${baseSha.slice(0, 12)}-${headSha.slice(0, 12)}`;
}

/** A step's folder inside a series' folder: `commits/<k>`, 0 the base. */
export function seriesStepDir(seriesDir: string, k: number): string {
  return join(seriesDir, SERIES_STEPS_DIR, String(k));
}

/** The folder of a series of patches under `<logs>/<tree>/`: `series-<base12>-patches-<hash12>`, the hash the mbox's (sha256). */
export function patchesDirName(baseSha: string, mboxHash: string): string {
  return `series-${baseSha.slice(0, 12)}-patches-${mboxHash.slice(0, 12)}`;
}

/** Where the host puts a series' patches for the container (its /logs), as one mbox. */
export const PATCHES_MBOX = 'patches.mbox';
