import { type BuildPlan } from '../types/plan.ts';
import { type ImageInfo } from '../types/image.ts';
import type Docker from 'dockerode';
import { type FoundDiagnostic } from '../bisect/types.ts';

/** checkpatch's three kinds of finding, as it prints them. */
export type CheckpatchType = 'ERROR' | 'WARNING' | 'CHECK';

/** One finding of scripts/checkpatch.pl on a commit: where it points (a commit message finding has no file), and what it says. */
export interface CheckpatchFinding {
  type: CheckpatchType;
  file?: string;
  line?: number;
  message: string;
}

/** checkpatch on one commit: its counts (its own `total:` line where it printed one) and its findings, bounded. */
export interface CheckpatchResult {
  errors: number;
  warnings: number;
  checks: number;
  findings: CheckpatchFinding[];
  /** Findings past the ones kept. */
  more?: number;
  /** Why there are no counts: checkpatch printed no `total:` line (it could not run on the commit). */
  problem?: string;
}

/** One commit of a series: its place `k` of `n` on the first-parent walk from the base, oldest first. */
export interface SeriesCommit {
  k: number;
  sha: string;
  subject: string;
  author: string;
  /** The files it changes against its first parent: where a finding not printed again is gone, and what the simulation compiles again. */
  files: string[];
}

/** What a series run asks of checkpatch: off, or on (with --strict, which adds its CHECK findings). */
export type CheckpatchMode = 'off' | 'on' | 'strict';

/** What fails a series run besides a commit that fails to build or adds an error. */
export type SeriesFailOn = 'new-warnings' | 'checkpatch';

/** Patches to apply on the base, as read on the host: their headers, and the mbox `git am` takes in the container. */
export interface SeriesPatches {
  path: string;
  list: { k: number; subject: string; author: string; files: string[]; sha256: string }[];
  mbox: string;
}

/** A patch `git am` could not apply: the ones after it are not built. */
export interface NotApplied {
  k: number;
  subject: string;
  reason: string;
}

/** Everything a series run will do, as plain data: printed by `series --plan-only`, then acted on. */
export interface SeriesPlan {
  source: string;
  tree: string;
  /** What was asked: `BASE..HEAD`, or the patches' path on `--ref`. */
  range: string;
  base: { ref: string; sha: string };
  /** A range's head; patches have none until applied. */
  head?: { ref: string; sha: string };
  /** A range's commits, oldest first, as `git log --first-parent` walks base..head; none for patches (made in the container). */
  commits: SeriesCommit[];
  /** Patches applied with `git am` on the base in the container's clone: each applied patch a commit of the series. */
  patches?: SeriesPatches;
  limit: number;
  checkpatch: CheckpatchMode;
  /** checkpatch's message types it is told to ignore (--ignore). */
  checkpatchIgnore: string[];
  failOn: SeriesFailOn[];
  /** The series' folder: series.json, summary.md, driver.log, commits/<k>/. */
  dir: string;
  /** The targets, planned at the head as a build plans them; every commit builds them all. */
  build: BuildPlan;
  image: ImageInfo;
  container: Docker.ContainerCreateOptions;
}

/** What one commit did to one target: its build, and what it added and took away against its parent. */
export interface SeriesTargetStep {
  target: string;
  build: 'pass' | 'fail' | 'error';
  /** A machine fault (timeout, out of memory, ...), which says nothing of the commit. */
  fault?: string;
  /** Findings (errors, warnings, sparse, W=) the commit's build printed that its parent's had not, with their place. */
  added: FoundDiagnostic[];
  /** Findings of the parent that the commit's build no longer has (where the commit recompiled them). */
  removed: FoundDiagnostic[];
}

/** One commit's check: each target, checkpatch, and how long the step took. */
export interface SeriesStep {
  k: number;
  sha: string;
  subject: string;
  targets: SeriesTargetStep[];
  checkpatch?: CheckpatchResult;
  seconds: number;
}

/** A target the series broke: the first commit it failed at, and the first after it that built again. */
export interface SeriesBreak {
  target: string;
  at: number;
  fixedAt?: number;
}

/** series.json: the run, commit by commit. */
export interface SeriesResult {
  schema: 1;
  tree: string;
  source: string;
  range: string;
  base: { ref: string; sha: string; targets: { target: string; build: 'pass' | 'fail' | 'error' }[]; seconds: number };
  /** The last commit checked: a range's head, or the last patch applied. */
  head?: { ref: string; sha: string };
  /** How many commits or patches the series has: `n` of every `k/n`. */
  n: number;
  /** Patches given: their path, each one's sha256 (KCIDB's patchset hashes), the one `git am` stopped at, if it did. */
  patches?: { path: string; sha256: string[]; notApplied?: NotApplied };
  targets: string[];
  image: { name: string; id: string };
  steps: SeriesStep[];
  breaks: SeriesBreak[];
  result: 'pass' | 'fail';
  /** Why the run fails, each in words: the breaks, the commits adding errors, what fail-on asked. */
  failures: string[];
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
}
