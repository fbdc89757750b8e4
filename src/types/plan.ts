// Types only: the plan, which every stage after planning reads. Imports only types, so that
// any module may import it without a cycle.
import { type SourceMount } from './source.ts';
import { type ResolvedRef, type KernelVersion, type CommitInfo } from './ref.ts';
import { type ImageChoice } from './image.ts';
import { type Dropped, type Target, type TargetCost } from './targets.ts';
import { type KeepItem } from './boot.ts';
import { type MakeVar } from './inputs.ts';

/**
 * Everything a build will do, as plain data: printed by `kernelbuilder plan`, tested
 * with tables, and only then acted on.
 */
export interface BuildPlan {
  source: string;
  /** Folders the source repository needs beside it (worktree git dir, alternates), mounted read-only. */
  sourceMounts: SourceMount[];
  /** Name of the tree: the remote of a `remote/branch` ref, the `tree` input, or the repo's folder name. */
  tree: string;
  ref: ResolvedRef;
  /** Fetch URL of the ref's remote, when it has one. */
  remoteUrl?: string;
  version: KernelVersion;
  commits: CommitInfo[];
  image: ImageChoice;
  /** What this run builds, in the plan's order (arch by arch, configs as asked). */
  targets: Target[];
  /** Every target of the plan before sharding, by name, in the plan's order: a merged report follows it. */
  allTargets: string[];
  /** Expected seconds per target: from the tree's previous build, or static. */
  estimates: Record<string, number>;
  /**
   * The cost table of this run's targets (targetCosts): CPU seconds and objects for the
   * live progress (expectedWork), the object dir each one is predicted to fill on /build
   * for the driver's space scheduler.
   */
  costs: Record<string, TargetCost>;
  /** How the container gets the commit's files (plan/checkout.ts): the source's own work tree in place, or a clone in /build. */
  checkout: Checkout;
  /** What the tree's checkout takes on /build (checkoutBytesOf its commit) beside the object dirs; 0 when built in place. */
  checkoutBytes: number;
  /**
   * Bytes of /build the running targets' predicted object dirs may take at once
   * (spaceLimitBytes of tmpfsSize less the checkout): the driver starts no target past it
   * while another runs.
   */
  spaceLimitBytes: number;
  /** Set when this run is one shard of the plan. */
  shard?: { index: number; count: number };
  dropped: Dropped[];
  /** `<logs>/<tree>/<build id>`: the only place the build writes. */
  logsDir: string;
  jobs: number;
  tmpfsSize: string;
  /**
   * Per-target timeout in seconds; memory (bytes) and CPU (cores) limits of the container;
   * the most the build may write into its logs folder (bytes).
   */
  limits: { targetTimeout?: number; memory?: number; cpus?: number; logs: number };
  /** The compiler cache on the host; each image gets its own folder in it. `actionsCache`: the folder goes through the Actions cache. */
  ccache?: { dir: string; maxSize: string; actionsCache?: true };
  /** The user's make variables, for every make of every target after the image's. */
  makeVars: MakeVar[];
  /** What each target keeps in its kept folder, besides System.map and the .config. */
  keep: KeepItem[];
  /** The targets of this run to boot once built (by name, in plan order), and how. */
  boot?: { targets: string[]; timeoutSeconds: number; kvm: boolean };
  /** How the targets with tests (KUnit's) run them: the retries of a run with a failing case, a run's timeout. */
  tests?: { retries: number; timeoutSeconds: number };
}

/** What a target is expected to cost, for the live progress: its cost table's figures (expectedWork). */
export interface ExpectedWork {
  /** User + system CPU seconds of its whole build. */
  cpuSeconds: number;
  /** Objects kbuild compiles for it (`  CC `, `  AS ` lines). */
  objects: number;
  /** True when `objects` was counted in a previous build; false when it is its config class's. */
  objectsCounted: boolean;
  /** CPU seconds of it before its first object: the config steps, the host programs. */
  setupCpuSeconds: number;
  /** Seconds of it after its last object, one process at a time: the link, the image. */
  tailSeconds: number;
}

/**
 * The commit's files in the build container, at /build/src either way: `in-place`, the
 * source's work tree (at the commit, clean) mounted read-only; `clone`, a shared clone
 * checked out in the /build tmpfs, `why` it could not be built in place.
 */
export type Checkout = { kind: 'in-place' } | { kind: 'clone'; why: string };
