// Types only: what the simulator takes and what it predicts.
import { type TargetCost } from '../types/targets.ts';

/** One target to simulate: its name and the cost figures the simulation uses. */
export interface SimTarget {
  name: string;
  cost: Pick<TargetCost, 'cpuSeconds' | 'serialSeconds' | 'objects' | 'objdirBytes' | 'memoryPerJobBytes'>;
}

/** The machine and the run's settings. */
export interface SimMachine {
  cores: number;
  /** make -j: the jobserver's tokens for the whole run. */
  jobs: number;
  /** The space rule's limit for object dirs (spaceLimitBytes of the tmpfs); none: no rule. */
  spaceLimitBytes?: number;
}

/** One target's predicted run. */
export interface SimTargetRun {
  name: string;
  startSeconds: number;
  endSeconds: number;
  /** Seconds its recipe waited, holding its token, before the space rule let it build. */
  waitedSeconds: number;
}

/** What a simulated run predicts. */
export interface Simulation {
  cores: number;
  jobs: number;
  spaceLimitBytes?: number;
  wallSeconds: number;
  /** Core-seconds the jobs kept busy. */
  busyCoreSeconds: number;
  /** busyCoreSeconds / (wall × cores). */
  utilisation: number;
  /** The most bytes the running targets' object dirs took on /build at once. */
  peakBuildBytes: number;
  /** The most memory the running jobs held at once. */
  peakMemoryBytes: number;
  /** In the order they started (the plan's order). */
  targets: SimTargetRun[];
}
