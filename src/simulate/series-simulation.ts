import { type Target, type TargetCost } from '../types/targets.ts';
import { targetName } from '../values/target-name.ts';
import { simulate } from './jobserver.ts';
import { type SimMachine } from './types.ts';

/**
 * What one commit of a series costs each target beyond the objects it makes make compile
 * again: make's walk of the tree, the link and image, the kept files (serial), and what the
 * step costs besides (the checkout, checkpatch, reading the step on the host: fixed).
 * bench/series (2026-12-05, x86 tinyconfig, eight commits of one file each, 2 cores): each
 * commit 7.9 to 10.0 s, 8.7 on average, checkpatch included; a first guess of 8 + 3 s
 * predicted 11. A change to one source costs about a third of a second of it.
 */
export const SERIES_STEP = { serialSeconds: 6, fixedSeconds: 2.5 } as const;

/** A series' prediction: the base from empty object dirs, then each commit on the one before, one after another. */
export interface SeriesSimulation {
  baseSeconds: number;
  commitSeconds: number[];
  wallSeconds: number;
}

/**
 * Simulate a series as the runner runs it: a step at a time, every target of a step under
 * the one jobserver and the next step once all have finished. The base is a build of each
 * target from its cost table; a commit is, per target, the sources it touched compiled
 * again at the target's own CPU per object, with a step's serial work, plus the step's fixed
 * cost. A header a commit touches counts as one source (the files including it are not
 * known before the build): a header-heavy series is predicted short.
 */
export function simulateSeries(args: { targets: readonly Target[]; costs: ReadonlyMap<string, TargetCost>; commits: readonly { sources: number }[]; machine: SimMachine }): SeriesSimulation {
  const { targets, costs, machine } = args;
  const cost = (t: Target) => costs.get(targetName(t))!;
  const baseSeconds = simulate(
    targets.map((t) => ({ name: targetName(t), cost: cost(t) })),
    machine,
  ).wallSeconds;
  const commitSeconds = args.commits.map(({ sources }) => {
    const steps = targets.map((t) => {
      const c = cost(t);
      const perObject = c.objects > 0 ? Math.max(0, c.cpuSeconds - c.serialSeconds) / c.objects : 0;
      return { name: targetName(t), cost: { cpuSeconds: sources * perObject + SERIES_STEP.serialSeconds, serialSeconds: SERIES_STEP.serialSeconds, objects: sources, objdirBytes: 0, memoryPerJobBytes: c.memoryPerJobBytes } };
    });
    return simulate(steps, { cores: machine.cores, jobs: machine.jobs }).wallSeconds + SERIES_STEP.fixedSeconds;
  });
  return { baseSeconds, commitSeconds, wallSeconds: baseSeconds + commitSeconds.reduce((a, b) => a + b, 0) };
}

/** The sources among a commit's changed files: what make compiles again (C and assembler files, and headers, one each). */
export function sourcesOf(files: readonly string[]): number {
  return files.filter((f) => /\.(c|S|h)$/.test(f)).length;
}
