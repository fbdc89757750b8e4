import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { type BuildResults, type TargetResult } from '../types/results.ts';
import { type Issue } from '../types/diagnostics.ts';
import { BOOT_KINDS } from '../parse/diagnostic.ts';
import { formatIssue } from './format-issue.ts';
import { makeCommand } from './reproducer.ts';

/*
 * kcidb.json: a build in KernelCI's KCIDB I/O format, schema 5.3 (kcidb-io's
 * kcidb_io/schema/v05_03.py), the file `kcidb-submit` takes. One checkout (the sha),
 * a build per target, a test per boot (path `boot`), an issue per distinct problem
 * (noise apart) and an incident per target that showed it. Files are named by file://
 * URLs of the build machine, where the logs are: KCIDB asks for URLs, and this is the
 * only place we know of them.
 */

/** The schema version the file declares. */
export const KCIDB_VERSION = { major: 5, minor: 3 } as const;

/** The schema's maxLength of every log_excerpt. */
export const KCIDB_EXCERPT_LIMIT = 16384;

type Status = 'FAIL' | 'ERROR' | 'MISS' | 'PASS' | 'DONE' | 'SKIP';

interface Resource {
  name: string;
  url: string;
}

/** The part of the KCIDB I/O data kernelbuilder writes (every field is the schema's). */
export interface KcidbData {
  version: { major: number; minor: number };
  checkouts: Record<string, unknown>[];
  builds: Record<string, unknown>[];
  tests: Record<string, unknown>[];
  issues: Record<string, unknown>[];
  incidents: Record<string, unknown>[];
}

/** The KCIDB data of a build whose folder is `logsDir`, with ids of `origin`. */
export function renderKcidb(results: BuildResults, logsDir: string, origin: string): KcidbData {
  const url = (relative: string) => pathToFileURL(join(logsDir, relative)).href;
  const checkoutId = `${origin}:${results.tree}:${results.sha}`;
  const buildId = (t: TargetResult) => `${checkoutId}:${t.target}`;
  const testId = (t: TargetResult) => `${buildId(t)}:boot`;
  const branch = results.refKind === 'remote-branch' && results.remote ? results.ref.slice(results.remote.length + 1) : undefined;
  const checkout = {
    id: checkoutId,
    origin,
    tree_name: results.tree,
    // The schema takes https:// and git:// URLs only; a path or ssh remote is left out.
    ...(results.remoteUrl && /^(https|git):\/\//.test(results.remoteUrl) ? { git_repository_url: results.remoteUrl } : {}),
    git_commit_hash: results.sha,
    git_commit_name: results.buildId,
    ...(branch ? { git_repository_branch: branch } : {}),
    start_time: results.startedAt,
    origin_builds_finish_time: results.finishedAt,
    // A run error is a checkout or a tool that failed before any target: no verdict on the code.
    valid: results.result !== 'error',
    comment: clean(`${results.tree} ${results.buildId} (Linux ${results.kernelVersion})`),
    misc: { kernel_version: results.kernelVersion, ref: results.ref, image: results.image.name, image_digest: results.image.digest },
  };
  const builds = results.targets.map((t) => ({
    id: buildId(t),
    checkout_id: checkoutId,
    origin,
    architecture: t.arch,
    compiler: clean(results.toolchains?.[t.arch] ?? results.image.toolchain),
    config_name: t.config,
    command: clean(`${makeCommand(results, t)} -k -j$(nproc)`),
    ...(t.durationSeconds === undefined ? {} : { duration: t.durationSeconds }),
    start_time: results.startedAt,
    status: buildStatus(t),
    log_url: url(t.log),
    ...(t.dotConfig ? { config_url: url(t.dotConfig) } : {}),
    ...(t.excerpt ? { log_excerpt: excerpt(t.excerpt.lines) } : {}),
    ...(t.kept && t.kept.files.length > 0 ? { output_files: t.kept.files.map((f): Resource => ({ name: f, url: url(`${t.kept!.dir}/${f}`) })) } : {}),
    misc: { target: t.target, ...(t.stage ? { stage: t.stage } : {}), ...(t.reason ? { reason: t.reason } : {}), errors: t.errors ?? 0, warnings: t.warnings ?? 0 },
  }));
  const tests = results.targets.flatMap((t) =>
    t.boot
      ? [
          {
            id: testId(t),
            build_id: buildId(t),
            origin,
            path: 'boot',
            status: bootStatus(t),
            ...(t.boot.durationSeconds === undefined ? {} : { duration: t.boot.durationSeconds }),
            ...(t.boot.console ? { log_url: url(t.boot.console) } : {}),
            ...(t.boot.message ? { log_excerpt: excerpt([t.boot.message]) } : {}),
            ...(t.boot.machine ? { environment: { comment: clean(t.boot.machine) } } : {}),
            ...(t.boot.reason ? { comment: clean(t.boot.reason) } : {}),
          },
        ]
      : [],
  );
  const problems = (results.issues ?? []).filter((i) => !i.noise);
  const issueId = (i: Issue) => `${origin}:${createHash('sha256').update(i.signature).digest('hex').slice(0, 32)}`;
  const issues = problems.map((i) => ({
    id: issueId(i),
    version: 1,
    origin,
    categories: [`${BOOT_KINDS.has(i.kind) ? 'boot' : 'build'}.${i.kind}`],
    comment: clean(formatIssue(i)),
    culprit: { code: true },
    misc: { signature: clean(i.signature), kind: i.kind, severity: i.severity, count: i.count, ...(i.file ? { file: i.file } : {}), ...(i.line ? { line: i.line } : {}), ...(i.flag ? { flag: i.flag } : {}) },
  }));
  const byName = new Map(results.targets.map((t) => [t.target, t]));
  const incidents = problems.flatMap((i) =>
    i.targets.flatMap((name) => {
      const t = byName.get(name);
      if (!t) return [];
      const where = BOOT_KINDS.has(i.kind) && t.boot ? { test_id: testId(t) } : { build_id: buildId(t) };
      return [{ id: `${issueId(i)}:${name}`, origin, issue_id: issueId(i), issue_version: 1, ...where, present: true }];
    }),
  );
  return { version: { ...KCIDB_VERSION }, checkouts: [checkout], builds, tests, issues, incidents };
}

function buildStatus(t: TargetResult): Status {
  if (t.status === 'pass') return 'PASS';
  // A target that never finished: the harness stopped it, nothing is known of the code.
  if (t.status === 'error') return 'MISS';
  // Out of time, memory or space: the machine's failure, not the code's.
  return t.reason ? 'ERROR' : 'FAIL';
}

function bootStatus(t: TargetResult): Status {
  const boot = t.boot!;
  if (boot.status === 'pass') return 'PASS';
  if (boot.status === 'skipped') return 'SKIP';
  return boot.reason === 'qemu error' || boot.reason === 'console not read' ? 'ERROR' : 'FAIL';
}

/** Log lines as one excerpt under the schema's limit, its last lines dropped first. */
function excerpt(lines: string[]): string {
  let text = clean(lines.join('\n'));
  if (text.length > KCIDB_EXCERPT_LIMIT) {
    text = text.slice(0, KCIDB_EXCERPT_LIMIT);
    // Never half a surrogate pair: the cut must leave valid UTF-16.
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  }
  return text;
}

/** Every text field of the schema refuses NUL; build output may hold one. */
function clean(text: string): string {
  return text.replaceAll('\0', '');
}
