import { join } from 'node:path';
import type Docker from 'dockerode';
import { CONTAINER_LABEL, DRIVER_MOUNT, OWNER_LABEL } from '../constants.ts';
import { type BuildPlan } from '../types/plan.ts';
import { type ImageInfo } from '../types/image.ts';
import { targetName } from '../values/target-name.ts';
import { type Target } from '../types/targets.ts';
import { longestFirst } from '../plan/estimate.ts';
import { SOURCE_MOUNT } from '../values/mount-place.ts';
import { fragmentWord } from '../values/config-spec.ts';
import { ccacheSize } from '../values/size.ts';
import { CONSOLE_LIMIT } from '../logs-layout.ts';
import { type LockdownOptions, lockdown } from './lockdown.ts';

/** The pids limit: a -j(cores+2) kernel build runs a few hundred processes at most. */
export const PIDS_LIMIT = 8192;

/** The host folder of the compiler cache for one image: compilers differ between images. */
export function ccacheDirFor(root: string, image: ImageInfo): string {
  return join(root, image.id.replace(/^sha256:/, '').slice(0, 16));
}

/**
 * A target as the driver takes it: ARCH|NAME|BASE|OBJDIR_BYTES|TEST|COMPILER[|FRAGMENT...],
 * OBJDIR_BYTES the bytes its object dir is predicted to fill on /build, for the driver's
 * space scheduler (empty: none, the target never waits; so for a figure that is no whole
 * number of bytes bash can add), TEST the tests it runs once built (empty: none),
 * COMPILER gcc or clang-N in a compiler matrix (empty: the image's toolchain). No part
 * holds '|' (checked at input).
 */
export function driverTarget(t: Target, objdirBytes?: number): string {
  const bytes = objdirBytes === undefined ? NaN : Math.ceil(objdirBytes);
  return [t.arch, t.config, t.base ?? t.config, Number.isSafeInteger(bytes) && bytes > 0 ? String(bytes) : '', t.test ?? '', t.compiler ?? '', ...(t.fragments ?? []).map(fragmentWord)].join('|');
}

/** Where the driver builds from: its checkout's folder, or the source's work tree mounted there (KB_IN_PLACE=1). */
export const IN_PLACE_MOUNT = '/build/src';

/** Where a build's (or bisect's) container writes: its staging folder (gate/staging.ts), never the logs folder. */
export const LOGS_MOUNT = '/logs';

/**
 * The container spec with /logs mounted from `hostDir`: the staging folder the host makes
 * just before the run (a private, random name), whose files reach the logs folder only
 * through the gate.
 */
export function withLogsMount(spec: Docker.ContainerCreateOptions, hostDir: string): Docker.ContainerCreateOptions {
  const mounts = spec.HostConfig?.Mounts ?? [];
  return { ...spec, HostConfig: { ...spec.HostConfig, Mounts: mounts.map((m) => (m.Target === LOGS_MOUNT ? { ...m, Source: hostDir } : m)) } };
}

/** A build container's lockdown (lockdown.ts): its pids limit and tmpfs folders; the printed reproducer's too. */
export function buildLockdown(tmpfsSize: string): LockdownOptions {
  return { pidsLimit: PIDS_LIMIT, tmpfs: { '/build': `size=${tmpfsSize},exec,mode=1777`, '/tmp': 'size=1g,exec,mode=1777' } };
}

/**
 * The container for a plan, as plain data (dockerode's create options), with the
 * original builder's contract: /src the source repo read-only (and its work tree at
 * /build/src, read-only, when the plan builds in place), /build a tmpfs, /logs
 * this build's log folder (replaced by its staging folder when it runs: withLogsMount), no
 * network; the folders the repo's git files point to (worktree git dir, alternates)
 * read-only where they point. Beyond it, the lockdown of every container (lockdown.ts): no
 * capabilities, no privilege gain, a read-only root filesystem, a pids limit, and no
 * variable of the runner's environment.
 */
export function containerSpec(plan: BuildPlan, image: ImageInfo, driverDir: string, user: string, ownerPid = process.pid): Docker.ContainerCreateOptions {
  const arches = [...new Set(plan.targets.map((t) => t.arch))];
  const env = [
    `ARCH=${arches.join(' ')}`,
    'HOME=/build/home',
    'LC_ALL=C.UTF-8',
    `KB_MAKE_VARS=${image.makeVars.join(' ')}`,
    // One a line: a value may hold spaces (KCFLAGS=-Wall -Werror); none holds a newline (make-vars.ts).
    `KB_USER_MAKE_VARS=${plan.makeVars.join('\n')}`,
    ...(plan.limits.targetTimeout ? [`KB_TARGET_TIMEOUT=${plan.limits.targetTimeout}`] : []),
    `KB_SPACE_LIMIT=${plan.spaceLimitBytes}`,
    // Fixed from the commit, so that two builds of one sha compile the same bytes (and hit ccache).
    `KBUILD_BUILD_TIMESTAMP=${plan.commits[0]?.date ?? ''}`,
    'KBUILD_BUILD_USER=kernelbuilder',
    'KBUILD_BUILD_HOST=kernelbuilder',
    // Depend mode: a miss takes the dependencies from the compiler's own -MMD output
    // (kbuild's -Wp,-MMD) instead of running the preprocessor a second time.
    ...(plan.ccache ? ['KB_CCACHE=1', 'CCACHE_DIR=/ccache', `CCACHE_MAXSIZE=${ccacheSize(plan.ccache.maxSize)}`, 'CCACHE_DEPEND=1'] : []),
    ...arches.map((a) => `KB_CROSS_${a}=${image.cross[a] ?? ''}`),
    `KB_KEEP=${plan.keep.join(',')}`,
    ...(plan.boot ? [`KB_BOOT_TARGETS=${plan.boot.targets.join(' ')}`] : []),
    ...(plan.tests ? [`KB_KUNIT_RETRIES=${plan.tests.retries}`, `KB_KUNIT_TIMEOUT=${plan.tests.timeoutSeconds}`, `KB_KUNIT_CONSOLE_LIMIT=${CONSOLE_LIMIT}`] : []),
    ...(plan.checkout.kind === 'in-place' ? ['KB_IN_PLACE=1'] : []),
  ];
  const locked = lockdown(buildLockdown(plan.tmpfsSize));
  return {
    Image: image.id,
    Entrypoint: ['/bin/bash'],
    Cmd: [`${DRIVER_MOUNT}/driver.sh`, plan.ref.sha, String(plan.jobs), ...longestFirst(plan.targets, new Map(Object.entries(plan.estimates))).map((t) => driverTarget(t, plan.costs[targetName(t)]?.objdirBytes))],
    Env: env,
    User: user,
    Labels: { [CONTAINER_LABEL]: `${plan.tree}/${plan.ref.buildId}`, [OWNER_LABEL]: String(ownerPid) },
    ...locked,
    AttachStdout: true,
    AttachStderr: true,
    HostConfig: {
      ...locked.HostConfig,
      Mounts: [
        { Type: 'bind', Source: plan.source, Target: SOURCE_MOUNT, ReadOnly: true },
        // The work tree where the driver builds, instead of a checkout there (plan/checkout.ts): read-only, over the /build tmpfs.
        ...(plan.checkout.kind === 'in-place' ? [{ Type: 'bind' as const, Source: plan.source, Target: IN_PLACE_MOUNT, ReadOnly: true }] : []),
        ...plan.sourceMounts.map((m) => ({ Type: 'bind' as const, Source: m.host, Target: m.container, ReadOnly: true })),
        { Type: 'bind', Source: plan.logsDir, Target: LOGS_MOUNT, ReadOnly: false },
        { Type: 'bind', Source: driverDir, Target: DRIVER_MOUNT, ReadOnly: true },
        ...(plan.ccache ? [{ Type: 'bind' as const, Source: ccacheDirFor(plan.ccache.dir, image), Target: '/ccache', ReadOnly: false }] : []),
      ],
      // Swap as large as memory would let a build thrash instead of failing: no swap.
      ...(plan.limits.memory ? { Memory: plan.limits.memory, MemorySwap: plan.limits.memory } : {}),
      ...(plan.limits.cpus ? { NanoCpus: Math.round(plan.limits.cpus * 1e9) } : {}),
    },
  };
}
