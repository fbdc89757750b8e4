import { type BuildPlan } from '../plan/plan.ts';
import { type ImageInfo } from '../images/inspect.ts';
import { type CommitInfo } from '../ref/tree.ts';
import { type Dropped, targetName } from '../plan/targets.ts';
import { type Issue } from '../diagnostics/aggregate.ts';
import { type FailureReason } from '../diagnostics/failure-reason.ts';
import { type CcacheStats } from './ccache-stats.ts';
import { type Regressions } from '../diagnostics/regressions.ts';
import { type BootResult } from '../boot/boot-result.ts';
import { type SourceMount } from '../plan/source-layout.ts';
import { targetPaths } from '../logs-layout.ts';

/**
 * pass/fail are the kernel build's verdict; `error` means the target never finished
 * (the build could not start, or was stopped): no verdict on the kernel.
 */
export type TargetStatus = 'pass' | 'fail' | 'error';

/** What stopped a build before every target finished: the job's cancel, or its logs folder passing its limit. */
export type StopCause = 'cancelled' | 'logs over limit';

/** One target's outcome, as kept in results.json. */
export interface TargetResult {
  target: string;
  arch: string;
  config: string;
  status: TargetStatus;
  /** The step that ended the target: config, olddefconfig or build. */
  stage?: string;
  /** For a failure caused by the machine, not the code; for a target that never finished, what stopped the build. */
  reason?: FailureReason | StopCause;
  exitCode?: number;
  durationSeconds?: number;
  /** User + system CPU seconds of everything the target ran. */
  cpuSeconds?: number;
  /** Options its fragments asked for (CONFIG_X=v), checked against its final .config. */
  requires?: string[];
  /** Paths relative to the results folder. */
  log: string;
  dotConfig?: string;
  /** Errors and warnings (noise, section mismatches and syscalls apart) its log reported. */
  errors?: number;
  warnings?: number;
  /** For a target that did not pass: its first errors, or the end of its log when none parsed. */
  excerpt?: { source: 'errors' | 'tail'; lines: string[] };
  /** What a built target kept (see the `keep` input): its folder, relative to the results folder, and the files in it. */
  kept?: { dir: string; files: string[] };
  /** `size vmlinux`, the bootable image's bytes, the number of modules. */
  sizes?: TargetSizes;
  /** How its boot went, when it was to boot. */
  boot?: BootResult;
}

/** `size vmlinux` of a target, the bytes of its bootable image and its number of modules. */
export interface TargetSizes {
  text: number;
  data: number;
  bss: number;
  imageBytes: number;
  modules: number;
}

/** Totals over all targets' logs. */
export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  /** Warnings filtered as known noise. */
  noise: number;
  sectionMismatches: number;
  /** `#warning syscall X not implemented`: new syscalls an arch lacks. */
  syscalls: number;
  /** Error-class splats (panic, Oops, BUG, ...) and WARNINGs on boot consoles; absent in results before boots. */
  bootErrors?: number;
  bootWarnings?: number;
}

/**
 * The run's verdict: pass and fail are the kernel's; error means the run itself failed
 * (its set-up in the container: checkout, tools) and says nothing of the kernel.
 */
export type RunResult = 'pass' | 'fail' | 'error';

/** Why a run is `error`: what failed, and the end of the driver's output that shows it. */
export interface RunError {
  message: string;
  lines: string[];
}

/** results.json: the machine-readable record of one build. */
export interface BuildResults {
  schema: 1;
  /** False when the run stopped before every target had a verdict, or failed in its set-up. */
  complete: boolean;
  result: RunResult;
  /** Set when result is `error`. */
  error?: RunError;
  tree: string;
  ref: string;
  refKind: string;
  remote?: string;
  /** Fetch URL of the remote, for reports. */
  remoteUrl?: string;
  /** The source repository on the build machine. */
  source?: string;
  /** Folders the source needed beside it, as the build mounted them (for reproducers). */
  sourceMounts?: SourceMount[];
  sha: string;
  buildId: string;
  kernelVersion: string;
  image: {
    name: string;
    id: string;
    digest: string;
    toolchain: string;
    reason: string;
    /** CROSS_COMPILE per arch and make variables, as the build used them (for reproducers). */
    cross: Record<string, string>;
    makeVars: string[];
  };
  /** Size of the /build tmpfs. */
  tmpfsSize: string;
  /** The compiler's version line per arch, as the build ran it. */
  toolchains?: Record<string, string>;
  commits: CommitInfo[];
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  /** Exit code of the in-container driver: non-zero when the build could not start. */
  driverExitCode: number;
  targets: TargetResult[];
  /** Every target of the plan, by name, in the plan's order; a shard builds only some. */
  targetOrder: string[];
  /** `i/N` when this is one shard of a plan. */
  shard?: string;
  dropped: Dropped[];
  /** Compiler cache hits and misses of this build, when it used ccache. */
  ccache?: CcacheStats;
  /** Set once the logs are analysed. */
  counts?: DiagnosticCounts;
  /** Distinct problems, errors first, then by count. */
  issues?: Issue[];
  /** What is new or gone since the baseline build, when there is one. */
  regressions?: Regressions;
}

/** What target.sh writes to <arch>/<config>.status. */
export interface TargetStatusRecord {
  status: 'pass' | 'fail' | 'timeout';
  exitCode: number;
  stage: string;
  startMs: number;
  endMs: number;
  cpuMs?: number;
}

/** Parse a status line "RESULT EXIT STAGE START_MS END_MS [CPU_MS]"; undefined when it is not one. */
export function parseTargetStatus(text: string): TargetStatusRecord | undefined {
  const m = /^(pass|fail|timeout) (\d+) (config|olddefconfig|build) (\d+) (\d+)(?: (\d+))?\s*$/.exec(text);
  if (!m) return undefined;
  const record: TargetStatusRecord = { status: m[1] as TargetStatusRecord['status'], exitCode: Number(m[2]), stage: m[3], startMs: Number(m[4]), endMs: Number(m[5]) };
  if (m[6] !== undefined) record.cpuMs = Number(m[6]);
  return record;
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
  /** The last lines of the driver's output, which show a set-up failure. */
  driverTail?: string[];
}): BuildResults {
  const { plan, image, statuses, startedAt, finishedAt, driverExitCode, stoppedBy, ccache } = args;
  const toolchains = parseToolchains(args.toolchains ?? '');
  const targets: TargetResult[] = plan.targets.map((t) => {
    const paths = targetPaths(t.arch, t.config);
    const record = parseTargetStatus(statuses.get(targetName(t)) ?? '');
    const base = { target: targetName(t), arch: t.arch, config: t.config, ...(t.requires?.length ? { requires: t.requires } : {}), log: paths.log };
    if (!record) return { ...base, status: 'error', ...(stoppedBy ? { reason: stoppedBy } : {}) };
    return {
      ...base,
      status: record.status === 'pass' ? 'pass' : 'fail',
      ...(record.status === 'timeout' ? { reason: 'timeout' as const } : {}),
      stage: record.stage,
      exitCode: record.exitCode,
      durationSeconds: Math.round((record.endMs - record.startMs) / 100) / 10,
      ...(record.cpuMs === undefined ? {} : { cpuSeconds: Math.round(record.cpuMs / 100) / 10 }),
      dotConfig: paths.dotConfig,
    };
  });
  const error = runError(driverExitCode, stoppedBy, args.driverTail ?? []);
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
    tmpfsSize: plan.tmpfsSize,
    ...(Object.keys(toolchains).length > 0 ? { toolchains } : {}),
    commits: plan.commits,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    driverExitCode,
    ...(ccache ? { ccache } : {}),
    targets,
    targetOrder: plan.allTargets,
    ...(plan.shard ? { shard: `${plan.shard.index}/${plan.shard.count}` } : {}),
    dropped: plan.dropped,
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

/** Parse the driver's toolchains.txt: "ARCH<TAB>version line" a line. */
export function parseToolchains(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out[line.slice(0, tab)] = line.slice(tab + 1).trim();
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

/** The kernel's verdict over targets: pass when every target built, and every one that booted passed. */
export function targetsResult(targets: TargetResult[]): 'pass' | 'fail' {
  return targets.every((t) => t.status === 'pass' && t.boot?.status !== 'fail') ? 'pass' : 'fail';
}
