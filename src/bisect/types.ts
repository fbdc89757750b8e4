import type Docker from 'dockerode';
import { type BuildPlan } from '../types/plan.ts';
import { type ImageInfo } from '../types/image.ts';
import { type BootImageInfo } from '../boot/boot-image.ts';
import { type CommitInfo } from '../types/ref.ts';

/**
 * What a bisect looks for, as asked: `auto` chooses from the two ends once they are built;
 * `case` a failing KUnit case by name (`suite.case`), whose issue signature the bad end gives.
 */
export type WhatAsked = { kind: 'auto' } | { kind: 'build' } | { kind: 'boot' } | { kind: 'signature'; signature: string } | { kind: 'case'; name: string };

/**
 * What a bisect looks for, once known from the ends: the target failing to build with
 * the bad end's first error (undefined when the bad end's log had no parsed error), a
 * failing boot, or an issue signature (as results.json names them).
 */
export type Sought = { kind: 'build'; firstError?: string } | { kind: 'boot' } | { kind: 'signature'; signature: string };

/** A step's verdict, as `git bisect` takes it. */
export type Verdict = 'good' | 'bad' | 'skip';

/** The diagnostic a bisect names: the first of its kind in the step's log. */
export interface FoundDiagnostic {
  signature: string;
  kind: string;
  severity: string;
  message: string;
  file?: string;
  line?: number;
}

/** What one step's build (and boot) showed, read from its folder with the real parser. */
export interface StepObservation {
  /** The target's build: pass, fail, or error (no verdict on the kernel: set-up failure, stopped). */
  build: 'pass' | 'fail' | 'error';
  /** Why it failed when a machine fault or a limit says so (timeout, out of memory, ...): no verdict on the code. */
  fault?: string;
  /** The first error of the log (not noise), in log order. */
  firstError?: FoundDiagnostic;
  /** Every issue the step shows (build and boot, noise left out), errors first: results.json's order. */
  issues: FoundDiagnostic[];
  /** The boot's status when the step booted. */
  boot?: 'pass' | 'fail' | 'skipped';
}

/** One build of a bisect: the ends, each step `git bisect` asked for, the verification. */
export interface BisectStep {
  /** good, bad, 1, 2, ..., culprit, parent-<sha12>: also its folder, steps/<label>/. */
  label: string;
  sha: string;
  verdict: Verdict;
  seconds: number;
  /** Built with an empty object dir (the ends' first, the culprit's verification); else make rebuilt what changed. */
  fresh: boolean;
  /** The step's first error signature, when its build failed: what tells `skip` from `bad`. */
  firstError?: string;
}

/** Everything a bisect will do, as plain data: printed by `bisect --plan-only`, tested with tables, then acted on. */
export interface BisectPlan {
  source: string;
  tree: string;
  good: { ref: string; sha: string };
  bad: { ref: string; sha: string };
  /** Commits in good..bad (the bad end included). */
  commits: number;
  /** ceil(log2(commits)): the steps `git bisect` needs without skips. */
  estimatedSteps: number;
  /** The most builds the bisect should need without skips: the two ends, the steps, the culprit's verification. */
  buildBudget: number;
  target: string;
  what: WhatAsked;
  /** The bisect's own folder: `<logs>/<tree>/bisect-<good12>-<bad12>-<arch>-<config>/`. */
  dir: string;
  /** The build plan of the bad end's one target, whose container contract every step runs under. */
  build: BuildPlan;
  image: ImageInfo;
  bootImage?: BootImageInfo;
  /** The one container of the bisect: the build contract, the driver waiting for the host's steps. */
  container: Docker.ContainerCreateOptions;
}

/** Why a bisect named no commit. */
export type NotFoundReason = 'good end is bad' | 'bad end is good' | 'all skipped' | 'not verified' | 'nothing differs' | 'timeout';

/** The first bad commit, verified. */
export interface Culprit extends CommitInfo {
  /** Its place in the range, oldest first, as the 0-day bot writes `commit: <sha> [k/n]`. */
  position: { k: number; n: number };
  /** What it introduced: the sought diagnostic as its verification build showed it. */
  diagnostic?: FoundDiagnostic;
  /** Its verification: built again from an empty object dir, and each parent's verdict (and which step gave it). */
  verification: { culprit: Verdict; parents: { sha: string; verdict: Verdict; step: string }[] };
}

/** A bisect's results, as bisect.json holds them. */
export interface BisectResult {
  schema: 1;
  tree: string;
  source: string;
  target: string;
  good: { ref: string; sha: string };
  bad: { ref: string; sha: string };
  commits: number;
  estimatedSteps: number;
  image: { name: string; id: string };
  /** What was looked for (after the ends when it was chosen), undefined when the ends showed nothing to look for. */
  sought?: Sought;
  outcome: 'found' | 'not found';
  /** Said when nothing is named: why. */
  reason?: NotFoundReason;
  detail?: string;
  culprit?: Culprit;
  steps: BisectStep[];
  /** Every build of the bisect: steps.length. */
  builds: number;
  /** `git bisect log` of the clone. */
  bisectLog: string;
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
}
