import { chownSync, createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { type Inputs } from './types/inputs.ts';
import { type Log } from './log.ts';
import { type Git } from './ref/git.ts';
import { makePlan } from './plan/plan.ts';
import { type BuildPlan } from './types/plan.ts';
import { loadProjectFragments } from './plan/project-fragments.ts';
import { targetName } from './values/target-name.ts';
import { checkImageArches, checkImageCompilers, inspectImage } from './images/inspect.ts';
import { type ImageInfo } from './types/image.ts';
import { checkImageUserland } from './container/userland.ts';
import { ccacheDirFor, containerSpec, withLogsMount } from './container/spec.ts';
import { buildUser } from './values/build-user.ts';
import { ccacheDelta } from './results/ccache-stats.ts';
import { runContainer } from './container/run.ts';
import { removeLeftovers } from './container/cleanup.ts';
import { watchLogsFolder } from './container/logs-watch.ts';
import { dockerEndpoint } from './container/docker.ts';
import { DockerError, InputError } from './errors.ts';
import { Input } from './constants.ts';
import { TailBuffer } from './parse/tail-buffer.ts';
import { startLiveProgress } from './report/live-progress.ts';
import { type ScannedLog } from './diagnostics/scan-log.ts';
import { checkSourceReadable } from './container/readable.ts';
import { collectResults } from './results/results.ts';
import { type BuildResults, type StopCause } from './types/results.ts';
import { type ReportPaths, reportDirs, reportPaths } from './report/write-reports.ts';
import { afterContainer } from './pipeline/after-container.ts';
import { containerFiles } from './gate/admitted.ts';
import { makeStaging, removeStaging } from './gate/staging.ts';
import { alreadyBuilt, readResults } from './results/previous.ts';
import { bootTargets } from './boot/boot-targets.ts';
import { runKunitInQemu } from './kunit/run-in-qemu.ts';
import { type BootImageInfo, inspectBootImage } from './boot/boot-image.ts';
import { kvmDeviceGroup } from './boot/kvm.ts';
import { prepareLogsDir } from './logs-dir.ts';
import { CCACHE_STATS, DRIVER_LOG, MEMORY_PEAK_FILE, RESULTS_FILE, TOOLCHAINS_FILE, targetPaths, treeDirOf } from './logs-layout.ts';
import { readInsideOrNothing } from './safe-files.ts';
import { formatBytes } from './values/size.ts';

/** Lines of the driver's output kept for a set-up failure's report. */
const DRIVER_TAIL_LINES = 15;

/** What the engine reaches outside itself through; the fronts pass the real ones. */
export interface EngineDeps {
  git: Git;
  docker: Docker;
  log: Log;
  /** Folder holding driver.sh and target.sh, mounted into the container. */
  driverDir: string;
  /** The runner's uid and gid. */
  uid: number;
  gid: number;
  now?: () => Date;
  signal?: AbortSignal;
}

/** A finished build: its results with diagnostics, and where the reports are. */
export interface BuildOutcome {
  results: BuildResults;
  reports: ReportPaths;
  /** True when earlier complete results answered the plan and nothing was built. */
  skipped: boolean;
}

/** A plan with the image it will run in, checked against the Docker engine. */
export interface CheckedPlan {
  plan: BuildPlan;
  image: ImageInfo;
  container: Docker.ContainerCreateOptions;
  /** The image boots run in, and with boot-kvm the group that may open /dev/kvm, when the plan boots. */
  boot?: { image: BootImageInfo; kvmGid?: number };
}

/** Plan, then check the plan on the host and against the engine: nothing a build needs is missing. */
export async function checkPlan(inputs: Inputs, deps: EngineDeps): Promise<CheckedPlan> {
  const plan = await makePlan(inputs, deps.git, loadProjectFragments(deps.driverDir));
  checkPlanOnHost(plan, deps);
  return checkPlanOnEngine(plan, deps);
}

/** What the host must allow a plan: the user the build runs as can read the source. */
export function checkPlanOnHost(plan: BuildPlan, deps: Pick<EngineDeps, 'uid' | 'gid'>): void {
  const [uid, gid] = buildUser(deps.uid, deps.gid).split(':').map(Number);
  checkSourceReadable(plan.source, plan.sourceMounts, uid, gid);
}

/**
 * What the engine must allow a plan: the image is present, builds every arch, its
 * userland runs here, and the CPU limit is one the engine can give.
 */
export async function checkPlanOnEngine(plan: BuildPlan, deps: Pick<EngineDeps, 'docker' | 'driverDir' | 'uid' | 'gid'>): Promise<CheckedPlan> {
  const image = await inspectImage(deps.docker, plan.image.image);
  checkImageArches(image, [...new Set(plan.targets.map((t) => t.arch))]);
  checkImageCompilers(image, [...new Set(plan.targets.flatMap((t) => t.compiler ?? []))]);
  await checkImageUserland(deps.docker, image);
  await checkEngineCpus(deps.docker, plan.limits.cpus);
  // A boot that cannot happen (no boot image, no usable /dev/kvm) is refused before the build;
  // KUnit in QEMU boots too.
  const boots = plan.boot !== undefined || plan.targets.some((t) => t.test === 'kunit-qemu');
  const boot = boots ? { image: await inspectBootImage(deps.docker), ...(plan.boot?.kvm ? { kvmGid: kvmDeviceGroup() } : {}) } : undefined;
  return { plan, image, container: containerSpec(plan, image, deps.driverDir, buildUser(deps.uid, deps.gid)), ...(boot ? { boot } : {}) };
}

/** Docker refuses a container with more CPUs than its host has, but only when it is created: refuse it first. */
async function checkEngineCpus(docker: Docker, cpus: number | undefined): Promise<void> {
  if (cpus === undefined) return;
  const { NCPU } = (await docker.info()) as { NCPU: number };
  if (cpus > NCPU) throw new InputError(Input.cpus, String(cpus), `the Docker engine has ${NCPU} CPUs: cpus is at most ${NCPU}`);
}

/** Log what the plan will do and why, before it is done, in the plan's phase (which the build's closes). */
export function logPlan({ plan, image }: CheckedPlan, log: Log): void {
  log.group('plan');
  log.info(`ref ${plan.ref.ref} (${plan.ref.kind}) is ${plan.ref.sha}, build id ${plan.ref.buildId}, Linux ${plan.version.text}`);
  log.info(`image ${image.name} (${image.toolchain}, ${image.digest}): ${plan.image.reason}`);
  for (const d of plan.dropped) log.info(`not building ${d.arch}${d.config ? `/${d.config}` : ''}: ${d.reason}`);
  log.info(`targets: ${plan.targets.map(targetName).join(' ')}; -j${plan.jobs}; logs in ${plan.logsDir}`);
  log.info(checkoutPlanLine(plan));
  log.info(spacePlanLine(plan));
}

/** Where the container's /build/src comes from, and why: the source's work tree in place, or a clone and its size. */
export function checkoutPlanLine(plan: Pick<BuildPlan, 'checkout' | 'checkoutBytes'>): string {
  return plan.checkout.kind === 'in-place'
    ? "checkout: none, built in place: the source's work tree is at the commit and clean, mounted read-only"
    : `checkout: a clone in /build (${formatBytes(plan.checkoutBytes)}): ${plan.checkout.why}`;
}

/**
 * The space scheduler's part of the plan, in one line: the limit on /build, and each
 * target's predicted object dir and where the figure comes from.
 */
export function spacePlanLine(plan: Pick<BuildPlan, 'targets' | 'costs' | 'spaceLimitBytes' | 'tmpfsSize' | 'checkoutBytes'>): string {
  const predicted = plan.targets.map((t) => {
    const cost = plan.costs[targetName(t)];
    return cost ? `${targetName(t)} ${formatBytes(cost.objdirBytes)} (${cost.measured.objdirBytes ? 'measured' : 'its class'})` : `${targetName(t)} unknown`;
  });
  return `space on /build: targets start while their predicted object dirs fit in ${formatBytes(plan.spaceLimitBytes)} (tmpfs-size ${plan.tmpfsSize} less ${plan.checkoutBytes > 0 ? `the checkout's ${formatBytes(plan.checkoutBytes)} and ` : ''}a margin), else wait; predicted: ${predicted.join(', ')}`;
}

/**
 * Build a checked plan: one container, every target under one jobserver, results in the
 * plan's log folder. A failed kernel build is a result (result: 'fail'), not an error;
 * a set-up failure in the container is a result too (result: 'error'), for the fronts to raise.
 */
export async function runBuild(checked: CheckedPlan, inputs: Inputs, deps: EngineDeps): Promise<BuildOutcome> {
  const { plan, image, container } = checked;
  const previous = readResults(join(plan.logsDir, RESULTS_FILE));
  if (!inputs.force && previous && alreadyBuilt(previous, plan, image.id)) {
    deps.log.info(`already built: ${plan.logsDir} has complete results for ${plan.ref.sha} with image ${image.id}; set force to build again`);
    deps.log.endGroup();
    return { results: previous, reports: reportPaths(previous, reportDirs(inputs.logs, plan.logsDir)), skipped: true };
  }
  prepareLogsDir(plan.logsDir, plan.targets);
  const [buildUid, buildGid] = String(container.User).split(':').map(Number);
  prepareCcacheDir(plan, image, [buildUid, buildGid], deps.uid);
  // The container writes only its staging folder; the logs folder is the host's alone.
  const staging = makeStaging(plan.logsDir, buildUid !== deps.uid ? { uid: buildUid, gid: buildGid } : undefined);
  try {
    const { scanned, ...run } = await runInStaging(checked, staging, deps);
    const outcome = await afterContainer({
      dir: plan.logsDir,
      admit: [{ from: staging, files: containerFiles(plan.targets, plan.limits.logs), removeAfter: true }],
      results: (dir) => collectResults({ plan, image, ...run, ...driverFiles(plan, dir) }),
      kept: true,
      scanned,
      ...(checked.boot ? { boot: (built: BuildResults) => bootOrWarn(built, plan, checked.boot!, String(container.User), deps) } : {}),
      tests: new Set(plan.targets.filter((t) => t.test).map(targetName)),
      noise: inputs.noise,
      baseline: inputs.baseline ?? treeDirOf(plan.logsDir),
      reports: { dirs: reportDirs(inputs.logs, plan.logsDir), emailTo: inputs.emailTo, kcidbOrigin: inputs.kcidbOrigin },
      log: deps.log,
      phase: (name) => deps.log.group(name),
    });
    deps.log.endGroup();
    const { results, reports } = outcome as Required<typeof outcome>;
    if (run.engineLost) {
      throw new DockerError(`the Docker engine at ${dockerEndpoint()} failed mid-build (${run.engineLost.message}); the results so far are in ${reports.results}`);
    }
    return { results, reports, skipped: false };
  } finally {
    removeStaging(staging);
  }
}

/** How the container's run went, for the results: its times, exit, what stopped it, the end of the driver's output. */
interface ContainerRun {
  startedAt: Date;
  finishedAt: Date;
  driverExitCode: number;
  stoppedBy?: StopCause;
  driverTail: string[];
  /** The engine went away mid-build: the results so far are still written, then this is raised. */
  engineLost?: Error;
  /** Each target's log as the live progress scanned it, for the analysis to take. */
  scanned: Map<string, ScannedLog>;
}

/**
 * Run the build's container with /logs its staging folder, streaming its output to the
 * runner's log and driver.log, stopped by the job's cancel or when the staging folder
 * passes the logs limit.
 */
async function runInStaging({ plan, container }: CheckedPlan, staging: string, deps: EngineDeps): Promise<ContainerRun> {
  const now = deps.now ?? (() => new Date());
  for (const id of await removeLeftovers(deps.docker)) deps.log.info(`removed container ${id.slice(0, 12)} left by an earlier run`);
  const startedAt = now();
  const driverLog = createWriteStream(join(plan.logsDir, DRIVER_LOG));
  // What a set-up failure said, for the reports: the driver's output ends with it.
  const driverTail = new TailBuffer<string>(DRIVER_TAIL_LINES);
  deps.log.group('build');
  deps.log.beginBuildOutput();
  const live = startLiveProgress({ ...plan, logsDir: staging }, deps.log);
  let exitCode = -1;
  let engineLost: Error | undefined;
  let scanned = new Map<string, ScannedLog>();
  // The build is stopped by the job's cancel, or from here when its staging folder passes the limit.
  let stoppedBy: StopCause | undefined;
  const stop = new AbortController();
  const onCancel = () => {
    stoppedBy ??= 'cancelled';
    stop.abort();
  };
  if (deps.signal?.aborted) onCancel();
  deps.signal?.addEventListener('abort', onCancel, { once: true });
  const stopWatching = watchLogsFolder(staging, plan.limits.logs, (use) => {
    stoppedBy ??= 'logs over limit';
    deps.log.warning(`stopping the build: its logs folder ${plan.logsDir} holds ${use.bytes} bytes in ${use.entries} entries, past the limit of ${plan.limits.logs} bytes (input logs-limit)`);
    stop.abort();
  });
  try {
    ({ exitCode } = await runContainer(
      deps.docker,
      withLogsMount(container, staging),
      (_stream, line) => {
        driverLog.write(`${line}\n`);
        driverTail.push(line);
        deps.log.buildOutput(line);
        live.driverLine(line);
      },
      stop.signal,
    ));
  } catch (e) {
    engineLost = e as Error;
  } finally {
    stopWatching();
    deps.signal?.removeEventListener('abort', onCancel);
    scanned = live.stop();
    deps.log.endBuildOutput();
    await new Promise((resolve) => driverLog.end(resolve));
  }
  return { startedAt, finishedAt: now(), driverExitCode: exitCode, ...(stoppedBy ? { stoppedBy } : {}), driverTail: driverTail.toArray(), ...(engineLost ? { engineLost } : {}), scanned };
}

/** What the driver wrote besides the targets' logs, read from the gated logs folder: each target's status, the ccache stats, toolchains, memory peak. */
function driverFiles(plan: BuildPlan, dir: string): Pick<Parameters<typeof collectResults>[0], 'statuses' | 'ccache' | 'toolchains' | 'memoryPeak'> {
  const read = (rel: string) => readInsideOrNothing(dir, rel, Number.MAX_SAFE_INTEGER);
  const statuses = new Map(plan.targets.map((t) => [targetName(t), read(targetPaths(t.arch, t.config).status)]));
  const [before, after] = [read(CCACHE_STATS.before), read(CCACHE_STATS.after)];
  return {
    statuses,
    ...(before !== undefined && after !== undefined ? { ccache: ccacheDelta(before, after) } : {}),
    ...(read(TOOLCHAINS_FILE) !== undefined ? { toolchains: read(TOOLCHAINS_FILE) } : {}),
    ...(read(MEMORY_PEAK_FILE) !== undefined ? { memoryPeak: read(MEMORY_PEAK_FILE) } : {}),
  };
}

/** Make the host folder of the plan's compiler cache (for its image), owned by the build's user. */
export function prepareCcacheDir(plan: BuildPlan, image: ImageInfo, [buildUid, buildGid]: number[], runnerUid: number): void {
  if (!plan.ccache) return;
  const dir = ccacheDirFor(plan.ccache.dir, image);
  mkdirSync(dir, { recursive: true });
  if (buildUid !== runnerUid) chownSync(dir, buildUid, buildGid);
}

/**
 * Boot what the plan boots, then run its KUnit kernels in QEMU. The build is done and its
 * results must not be lost: a boot step that fails as a whole (the engine gone, say) is a
 * warning, and the results go on without what it would have added.
 */
async function bootOrWarn(results: BuildResults, plan: BuildPlan, boot: NonNullable<CheckedPlan['boot']>, user: string, deps: EngineDeps): Promise<BuildResults> {
  const bootDeps = { docker: deps.docker, log: deps.log, ...boot, user, signal: deps.signal };
  let booted = results;
  try {
    booted = await bootTargets(results, plan, plan.logsDir, bootDeps);
  } catch (e) {
    deps.log.warning(`the boots could not run (${(e as Error).message}); the results have no boot verdicts`);
  }
  try {
    return await runKunitInQemu(booted, plan, plan.logsDir, bootDeps);
  } catch (e) {
    deps.log.warning(`the KUnit runs in QEMU could not run (${(e as Error).message}); their results say what was recorded`);
    return booted;
  }
}
