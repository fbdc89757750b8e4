import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { type BuildResults, type TargetResult } from '../types/results.ts';
import { type Issue } from '../types/diagnostics.ts';
import { BOOT_KINDS } from '../parse/diagnostic.ts';
import { formatIssue } from './format-issue.ts';
import { makeCommand } from './reproducer.ts';
import { isFailingCase, kunitCaseName, kunitCaseText, kunitSignature } from '../values/kunit-case.ts';
import { type KunitCase } from '../types/kunit.ts';
import { splitCompiler, toolchainKey } from '../values/compiler.ts';

/*
 * kcidb.json: a build in KernelCI's KCIDB I/O format, schema 5.3 (kcidb-io's
 * kcidb_io/schema/v05_03.py), the file `kcidb-submit` takes. One checkout (the sha),
 * a build per target, a test per boot (path `boot`) and per KUnit case (path
 * `kunit.<suite>.<case>[.<param>]`), an issue per distinct problem
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
    compiler: clean(results.toolchains?.[toolchainKey(t)] ?? t.compiler ?? results.image.toolchain),
    // KCIDB keeps the compiler in its own field: the config's name is the config's.
    config_name: splitCompiler(t.config).spec,
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
  const tests: Record<string, unknown>[] = results.targets.flatMap((t) =>
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
  // A failing case's test, by target and the signature of its issue: where the issue's incident points.
  const caseTests = new Map<string, string>();
  for (const t of results.targets) {
    if (!t.kunit) continue;
    const seen = new Set<string>();
    const console = t.kunit.consoles[0];
    const run = { build_id: buildId(t), origin, ...(console ? { log_url: url(console) } : {}) };
    if (t.kunit.status === 'skipped' || (t.kunit.status === 'error' && t.kunit.cases.length === 0)) {
      tests.push({ ...run, id: `${buildId(t)}:kunit`, path: 'kunit', status: t.kunit.status === 'skipped' ? 'SKIP' : 'ERROR', ...(t.kunit.reason ? { comment: clean(t.kunit.reason) } : {}) });
      continue;
    }
    for (const c of t.kunit.cases) {
      // Ids are the case's name, unique per target as the cases are; one made alike by another is numbered.
      let id = `${buildId(t)}:kunit:${clean(kunitCaseName(c))}`;
      for (let n = 2; seen.has(id); n++) id = `${buildId(t)}:kunit:${clean(kunitCaseName(c))}#${n}`;
      seen.add(id);
      if (isFailingCase(c)) caseTests.set(`${t.target}\0${kunitSignature(c)}`, id);
      const text = c.status === 'pass' ? undefined : kunitCaseText(c);
      tests.push({
        ...run,
        id,
        path: kunitPath(c),
        status: KUNIT_STATUS[c.status],
        ...(c.durationSeconds === undefined ? {} : { duration: c.durationSeconds }),
        ...(text === undefined ? {} : { comment: clean(text) }),
        ...(c.diagnostic ? { log_excerpt: excerpt([text ?? '', ...c.diagnostic.detail]) } : {}),
        misc: { suite: clean(c.suite), case: clean(c.case), ...(c.param ? { param: clean(c.param) } : {}), status: c.status, runs: c.runs },
      });
    }
  }
  const problems = (results.issues ?? []).filter((i) => !i.noise);
  const issueId = (i: Issue) => kcidbIssueId(origin, i.signature);
  const issues = problems.map((i) => ({
    id: issueId(i),
    version: 1,
    origin,
    categories: [`${i.kind === 'kunit' ? 'test' : BOOT_KINDS.has(i.kind) ? 'boot' : 'build'}.${i.kind}`],
    comment: clean(formatIssue(i)),
    culprit: { code: true },
    misc: { signature: clean(i.signature), kind: i.kind, severity: i.severity, count: i.count, ...(i.file ? { file: i.file } : {}), ...(i.line ? { line: i.line } : {}), ...(i.flag ? { flag: i.flag } : {}) },
  }));
  const byName = new Map(results.targets.map((t) => [t.target, t]));
  const incidents = problems.flatMap((i) =>
    i.targets.flatMap((name) => {
      const t = byName.get(name);
      if (!t) return [];
      const caseTest = caseTests.get(`${name}\0${i.signature}`);
      const where = caseTest ? { test_id: caseTest } : BOOT_KINDS.has(i.kind) && t.boot ? { test_id: testId(t) } : { build_id: buildId(t) };
      return [{ id: `${issueId(i)}:${name}`, origin, issue_id: issueId(i), issue_version: 1, ...where, present: true }];
    }),
  );
  return { version: { ...KCIDB_VERSION }, checkouts: [checkout], builds, tests, issues, incidents };
}

/**
 * A case's status as KCIDB has them: a failed expectation FAILs the code; a crashed case
 * never finished, so its verdict is unknown (ERROR: the kernel died or the run was
 * killed, its splat in the excerpt); a flaky case passed on a retry (PASS, its failures
 * in its comment); a skipped one is SKIP.
 */
const KUNIT_STATUS: Record<KunitCase['status'], Status> = { pass: 'PASS', fail: 'FAIL', crashed: 'ERROR', skip: 'SKIP', flaky: 'PASS' };

/** `kunit.<suite>.<case>[.<param>]`, each part as KCIDB's path allows one (letters, digits, _ and -; anything else `_`). */
export function kunitPath(c: Pick<KunitCase, 'suite' | 'case' | 'param'>): string {
  const part = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
  return ['kunit', c.suite, c.case, ...(c.param ? [c.param] : [])].map(part).join('.');
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

/** An issue's id: the origin and its signature's hash, the same for a build's and a series' issue of one signature. */
export function kcidbIssueId(origin: string, signature: string): string {
  return `${origin}:${createHash('sha256').update(signature).digest('hex').slice(0, 32)}`;
}

/** Every text field of the schema refuses NUL; build output may hold one. */
export function clean(text: string): string {
  return text.replaceAll('\0', '');
}
