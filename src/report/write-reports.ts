import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildResults } from '../types/results.ts';
import { JUNIT_FILE, KCIDB_FILE, RESULTS_FILE, SUMMARY_FILE, emailsDir, targetPaths } from '../logs-layout.ts';
import { renderSummary } from './summary.ts';
import { emailFileName, renderEmail } from './email.ts';
import { reproducer } from './reproducer.ts';
import { renderKcidb } from './kcidb.ts';
import { renderJunit } from './junit.ts';
import { DEFAULT_KCIDB_ORIGIN } from './kcidb-origin.ts';

/** Where each report of a build was written. */
export interface ReportPaths {
  results: string;
  summary: string;
  kcidb: string;
  junit: string;
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
}

/** The reports' folders of a build under a logs root: its folder and <logs>/emails/, as the original builder laid them out. */
export function reportDirs(logsRoot: string, logsDir: string): ReportDirs {
  return { logsDir, emailDir: emailsDir(logsRoot) };
}

/**
 * Write every report of a build from its results: results.json, summary.md, kcidb.json
 * and junit.xml in the build's folder, a reproducer script beside each failed target's log, and the email in
 * the email folder. Each file appears whole or not at all. results.json is written first
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
    email: join(dirs.emailDir, emailFileName(results)),
  };
}

/** Write a whole file or nothing: a reader never sees half a results.json. */
export function writeAtomically(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}
