import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type BuildResults } from '../types/results.ts';
import { HTML_FILE, JUNIT_FILE, KCIDB_FILE, RESULTS_FILE, SUMMARY_FILE, emailsDir, historyPage, targetPaths, treeDirOf } from '../logs-layout.ts';
import { renderSummary } from './summary.ts';
import { emailFileName, renderEmail } from './email.ts';
import { reproducer } from './reproducer.ts';
import { renderKcidb } from './kcidb.ts';
import { renderJunit } from './junit.ts';
import { DEFAULT_KCIDB_ORIGIN } from './kcidb-origin.ts';
import { renderBuildPage } from './html/build-page.ts';
import { renderHistoryPage } from './html/history.ts';
import { readTreeBuilds } from './html/tree-builds.ts';
import { checkInside } from '../safe-files.ts';
import { writeInside } from '../write-inside.ts';

/** Where each report of a build was written. */
export interface ReportPaths {
  results: string;
  summary: string;
  kcidb: string;
  junit: string;
  /** The build's page, and the tree's history page when the tree's folder was given. */
  html: string;
  history?: string;
  email: string;
}

/**
 * The folders a build's reports go to: its own folder, and the folder of its email. A
 * report writes only into these: a build or a merge is given the logs root, a re-render
 * (`report DIR`) only the build's folder.
 */
export interface ReportDirs {
  logsDir: string;
  emailDir: string;
  /** The tree's folder of build folders, whose history page is rewritten; none for a re-render of one folder. */
  historyDir?: string;
}

/** The reports' folders of a build under a logs root: its folder, <logs>/emails/ and its tree's folder, as the original builder laid them out. */
export function reportDirs(logsRoot: string, logsDir: string): ReportDirs {
  return { logsDir, emailDir: emailsDir(logsRoot), historyDir: treeDirOf(logsDir) };
}

/**
 * Write every report of a build from its results: results.json, summary.md, kcidb.json,
 * junit.xml and index.html in the build's folder, a reproducer script beside each failed
 * target's log, the email in the email folder, and the tree's history page when its
 * folder is given. The pages come last: they link only to files that are there. Each file appears whole or not at all. results.json is written first
 * and its failure is thrown; any other report that cannot be written does not stop the
 * rest: it goes to `warn` when given, else the first such failure is thrown once every
 * report was tried.
 */
export function writeReports(results: BuildResults, dirs: ReportDirs, opts: { emailTo?: string; kcidbOrigin?: string; warn?: (message: string) => void } = {}): ReportPaths {
  const paths = reportPaths(results, dirs);
  // Each report into its own folder (dirs), through real folders only: see writeInside.
  const inBuild = (rel: string, text: string) => writeInside(dirs.logsDir, rel, text);
  // The folders themselves are the caller's (the logs root's, or the one named): made if new.
  for (const dir of [dirs.logsDir, dirs.emailDir]) mkdirSync(dir, { recursive: true });
  inBuild(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const failures: Error[] = [];
  const attempt = (what: string, write: () => void) => {
    try {
      write();
    } catch (e) {
      const failure = new Error(`could not write ${what}: ${(e as Error).message}`);
      if (opts.warn) opts.warn(failure.message);
      else failures.push(failure);
    }
  };
  attempt(paths.summary, () => inBuild(SUMMARY_FILE, renderSummary(results)));
  attempt(paths.kcidb, () => inBuild(KCIDB_FILE, `${JSON.stringify(renderKcidb(results, dirs.logsDir, opts.kcidbOrigin ?? DEFAULT_KCIDB_ORIGIN), null, 2)}\n`));
  attempt(paths.junit, () => inBuild(JUNIT_FILE, renderJunit(results)));
  attempt(paths.email, () => writeInside(dirs.emailDir, basename(paths.email), renderEmail(results, { to: opts.emailTo })));
  for (const t of results.targets.filter((t) => t.status !== 'pass')) {
    const rel = targetPaths(t.arch, t.config).reproducer;
    attempt(join(dirs.logsDir, rel), () => inBuild(rel, `#!/bin/sh\n${reproducer(results, t)}\n`));
  }
  attempt(paths.html, () => inBuild(HTML_FILE, renderBuildPage(results, (rel) => isFileInside(dirs.logsDir, rel))));
  if (paths.history && dirs.historyDir) {
    const treeDir = dirs.historyDir;
    attempt(paths.history, () => writeInside(treeDir, basename(historyPage(treeDir)), renderHistoryPage(results.tree, readTreeBuilds(treeDir))));
  }
  if (failures.length > 0) throw failures[0];
  return paths;
}

/** Where the reports of a build are. */
export function reportPaths(results: BuildResults, dirs: ReportDirs): ReportPaths {
  return {
    results: join(dirs.logsDir, RESULTS_FILE),
    summary: join(dirs.logsDir, SUMMARY_FILE),
    kcidb: join(dirs.logsDir, KCIDB_FILE),
    junit: join(dirs.logsDir, JUNIT_FILE),
    html: join(dirs.logsDir, HTML_FILE),
    ...(dirs.historyDir ? { history: historyPage(dirs.historyDir) } : {}),
    email: join(dirs.emailDir, emailFileName(results)),
  };
}

/** Whether the build folder has a regular file at `rel`, reached through real folders only: what a page may link to. */
function isFileInside(dir: string, rel: string): boolean {
  try {
    return checkInside(dir, rel, Number.MAX_SAFE_INTEGER);
  } catch {
    return false;
  }
}
