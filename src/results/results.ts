import { type BuildPlan } from '../types/plan.ts';
import { type BuildResults, type RunError, type RunResult, type StopCause, type TargetResult } from '../types/results.ts';
import { type ImageInfo } from '../types/image.ts';
import { targetName } from '../values/target-name.ts';
import { isCompilerName } from '../values/compiler.ts';
import { type Target } from '../types/targets.ts';
import { fragmentWord } from '../values/config-spec.ts';
import { type CcacheStats } from '../types/ccache.ts';
import { targetPaths } from '../logs-layout.ts';
import { kunitFails } from '../values/kunit-case.ts';

/** What target.sh writes to <arch>/<config>.status. */
export interface TargetStatusRecord {
  status: 'pass' | 'fail' | 'timeout';
  exitCode: number;
  stage: string;
  startMs: number;
  endMs: number;
  cpuMs?: number;
  /** Bytes its object dir took on /build at its end. */
  objdirBytes?: number;
  /** Seconds it waited for space on /build before it started. */
  spaceWaitSeconds?: number;
}

/** The fields every status line has; the figures after them are optional, in order. */
const STATUS_HEAD = /^(pass|fail|timeout) (\d+) (config|olddefconfig|build) (\d+) (\d+)((?:\s.*)?)$/s;
/** A figure of a status line: a whole number, at most 15 digits (a safe integer). */
const STATUS_FIGURE = /^\d{1,15}$/;
/** The optional figures after the head, by position: older drivers wrote fewer. */
const STATUS_FIGURES = ['cpuMs', 'objdirBytes', 'spaceWaitSeconds'] as const;

/**
 * Parse a status line "RESULT EXIT STAGE START_MS END_MS [CPU_MS [OBJDIR_BYTES WAIT_S]]";
 * undefined when its head is not one. The build may write the file too: a figure that is
 * not a whole number is dropped, and the others stand.
 */
export function parseTargetStatus(text: string): TargetStatusRecord | undefined {
  const m = STATUS_HEAD.exec(text);
  if (!m) return undefined;
  const record: TargetStatusRecord = { status: m[1] as TargetStatusRecord['status'], exitCode: Number(m[2]), stage: m[3], startMs: Number(m[4]), endMs: Number(m[5]) };
  const figures = m[6].trim().split(/\s+/);
  STATUS_FIGURES.forEach((name, i) => {
    if (STATUS_FIGURE.test(figures[i] ?? '')) record[name] = Number(figures[i]);
  });
  return record;
}

/** The driver's memory-peak.txt: bytes, one whole number; undefined for anything else. */
export function parseMemoryPeak(text: string | undefined): number | undefined {
  const trimmed = text?.trim() ?? '';
  return STATUS_FIGURE.test(trimmed) && Number(trimmed) > 0 ? Number(trimmed) : undefined;
}

/**
 * Put together results.json from the plan, the image and the status text each target
 * left (undefined where it left none).
 */
export function collectResults(args: {
  plan: BuildPlan;
  image: ImageInfo;
  statuses: Map<string, string | undefined>;
  startedAt: Date;
  finishedAt: Date;
  driverExitCode: number;
  /** What stopped the build, if something did: targets without a verdict were stopped by it. */
  stoppedBy?: StopCause;
  ccache?: CcacheStats;
  /** The driver's toolchains.txt. */
  toolchains?: string;
  /** The driver's memory-peak.txt. */
  memoryPeak?: string;
  /** The last lines of the driver's output, which show a set-up failure. */
  driverTail?: string[];
}): BuildResults {
  const { plan, image, statuses, startedAt, finishedAt, driverExitCode, stoppedBy, ccache } = args;
  const toolchains = parseToolchains(args.toolchains ?? '');
  const targets: TargetResult[] = plan.targets.map((t) => {
    const paths = targetPaths(t.arch, t.config);
    const record = parseTargetStatus(statuses.get(targetName(t)) ?? '');
    const base = { target: targetName(t), arch: t.arch, config: t.config, ...(t.compiler ? { compiler: t.compiler } : {}), ...configSteps(t), ...(t.requires?.length ? { requires: t.requires } : {}), log: paths.log };
    if (!record) return { ...base, status: 'error', ...(stoppedBy ? { reason: stoppedBy } : {}) };
    return {
      ...base,
      status: record.status === 'pass' ? 'pass' : 'fail',
      ...(record.status === 'timeout' ? { reason: 'timeout' as const } : {}),
      stage: record.stage,
      exitCode: record.exitCode,
      durationSeconds: Math.round((record.endMs - record.startMs) / 100) / 10,
      ...(record.cpuMs === undefined ? {} : { cpuSeconds: Math.round(record.cpuMs / 100) / 10 }),
      ...(record.objdirBytes ? { objdirBytes: record.objdirBytes } : {}),
      ...(record.spaceWaitSeconds === undefined ? {} : { spaceWaitSeconds: record.spaceWaitSeconds }),
      dotConfig: paths.dotConfig,
    };
  });
  const error = runError(driverExitCode, stoppedBy, args.driverTail ?? []);
  const peakMemoryBytes = parseMemoryPeak(args.memoryPeak);
  return {
    schema: 1,
    complete: !error && targets.every((t) => t.status !== 'error'),
    result: error ? 'error' : targetsResult(targets),
    ...(error ? { error } : {}),
    tree: plan.tree,
    ref: plan.ref.ref,
    refKind: plan.ref.kind,
    remote: plan.ref.remote,
    remoteUrl: plan.remoteUrl,
    source: plan.source,
    ...(plan.sourceMounts.length > 0 ? { sourceMounts: plan.sourceMounts } : {}),
    sha: plan.ref.sha,
    buildId: plan.ref.buildId,
    kernelVersion: plan.version.text,
    image: {
      name: image.name,
      id: image.id,
      digest: image.digest,
      toolchain: image.toolchain,
      reason: plan.image.reason,
      cross: image.cross,
      makeVars: image.makeVars,
    },
    ...(plan.makeVars.length > 0 ? { makeVars: plan.makeVars } : {}),
    tmpfsSize: plan.tmpfsSize,
    ...(Object.keys(toolchains).length > 0 ? { toolchains } : {}),
    commits: plan.commits,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    ...(peakMemoryBytes === undefined ? {} : { peakMemoryBytes }),
    driverExitCode,
    ...(ccache ? { ccache } : {}),
    targets,
    targetOrder: plan.allTargets,
    ...(plan.shard ? { shard: `${plan.shard.index}/${plan.shard.count}` } : {}),
    dropped: plan.dropped,
  };
}

/** How a target's config was made, as the driver made it (for reproducers): its base, fragments and the shipped fragments' lines. */
function configSteps(t: Target): Pick<TargetResult, 'base' | 'fragments' | 'shippedFragments'> {
  const shipped = Object.entries(t.shippedFragments ?? {}).map(([name, text]) => [name, text.replace(/\n$/, '').split('\n')]);
  return {
    ...(t.base === undefined ? {} : { base: t.base }),
    ...(t.fragments?.length ? { fragments: t.fragments.map(fragmentWord) } : {}),
    ...(shipped.length > 0 ? { shippedFragments: Object.fromEntries(shipped) } : {}),
  };
}

/**
 * The run's own failure, if it had one: the driver exits non-zero only when it could not
 * set the build up (target.sh records every target's outcome and exits 0). A build that
 * was stopped from outside is not one: its targets say what stopped them.
 */
function runError(driverExitCode: number, stoppedBy: StopCause | undefined, tail: string[]): RunError | undefined {
  if (driverExitCode === 0 || stoppedBy) return undefined;
  const message =
    driverExitCode < 0
      ? 'the build container did not run to its end (no exit code): no verdict on the kernel'
      : `the build's set-up in the container failed (driver exit ${driverExitCode}; checkout or tools): no verdict on the kernel`;
  return { message, lines: tail };
}

/** An arch as the driver names it in toolchains.txt. */
const TOOLCHAIN_ARCH = /^[a-z][a-z0-9_]{0,31}$/;
/** A compiler's version line is short; past this it is not one. */
const TOOLCHAIN_LINE_LIMIT = 200;

/**
 * Parse the driver's toolchains.txt: "ARCH<TAB>version line" a line ("ARCH@COMPILER" in a
 * compiler matrix, see toolchainKey). The build can
 * rewrite the file, and the line goes into summary.md inside a code span and into the
 * email: a line keeps only printable characters, no backtick (which would end the code
 * span and let markdown, an image or a link, through), at most 200 of them; a line whose
 * arch is not an arch's name is dropped.
 */
export function parseToolchains(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    const key = line.slice(0, tab);
    const [arch, compiler, ...more] = key.split('@');
    if (tab <= 0 || !TOOLCHAIN_ARCH.test(arch) || (compiler !== undefined && !isCompilerName(compiler)) || more.length > 0) continue;
    const version = line.slice(tab + 1).replace(/[^\x20-\x7e]/g, '').replace(/`/g, "'").trim().slice(0, TOOLCHAIN_LINE_LIMIT);
    if (version !== '') out[key] = version;
  }
  return out;
}

/** The verdict over several builds (a report's): any run error is one, then any failure. */
export function overallResult(builds: BuildResults[]): RunResult {
  if (builds.some((b) => b.result === 'error')) return 'error';
  return builds.every((b) => b.result === 'pass') ? 'pass' : 'fail';
}

/** Targets that did not pass, by name. */
export function failedTargets(results: BuildResults): string[] {
  return results.targets.filter((t) => t.status !== 'pass').map((t) => t.target);
}

/** Targets that built but failed to boot, by name. */
export function failedBoots(results: BuildResults): string[] {
  return results.targets.filter((t) => t.boot?.status === 'fail').map((t) => t.target);
}

/** Targets whose KUnit run failed (a failing or crashed case, or a run that could not be read), by name. */
export function failedTests(results: BuildResults): string[] {
  return results.targets.filter((t) => t.kunit && kunitFails(t.kunit)).map((t) => t.target);
}

/**
 * The kernel's verdict over targets: pass when every target built, every one that booted
 * passed, and every KUnit run passed (a flaky case passes; a failing or crashed case, or a
 * run that could not be read, fails it; a run skipped with its reason does not).
 */
export function targetsResult(targets: TargetResult[]): 'pass' | 'fail' {
  return targets.every((t) => t.status === 'pass' && t.boot?.status !== 'fail' && !(t.kunit && kunitFails(t.kunit))) ? 'pass' : 'fail';
}
