import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  writeAtomically(paths.results, `${JSON.stringify(results, null, 2)}\n`);
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
  attempt(paths.summary, () => writeAtomically(paths.summary, renderSummary(results)));
  attempt(paths.kcidb, () => writeAtomically(paths.kcidb, `${JSON.stringify(renderKcidb(results, dirs.logsDir, opts.kcidbOrigin ?? DEFAULT_KCIDB_ORIGIN), null, 2)}\n`));
  attempt(paths.junit, () => writeAtomically(paths.junit, renderJunit(results)));
  attempt(paths.email, () => writeAtomically(paths.email, renderEmail(results, { to: opts.emailTo })));
  for (const t of results.targets.filter((t) => t.status !== 'pass')) {
    const path = join(dirs.logsDir, targetPaths(t.arch, t.config).reproducer);
    attempt(path, () => writeAtomically(path, `#!/bin/sh\n${reproducer(results, t)}\n`));
  }
  attempt(paths.html, () => writeAtomically(paths.html, renderBuildPage(results, (rel) => isFileInside(dirs.logsDir, rel))));
  if (paths.history && dirs.historyDir) {
    const [history, treeDir] = [paths.history, dirs.historyDir];
    attempt(history, () => writeAtomically(history, renderHistoryPage(results.tree, readTreeBuilds(treeDir))));
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

/**
 * Write a whole file or nothing: a reader never sees half a results.json. The temporary
 * name is the process's own: two builds of a tree rewrite its history page at once.
 */
export function writeAtomically(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Whether the build folder has a regular file at `rel`, reached through real folders only: what a page may link to. */
function isFileInside(dir: string, rel: string): boolean {
  try {
    return checkInside(dir, rel, Number.MAX_SAFE_INTEGER);
  } catch {
    return false;
  }
}
