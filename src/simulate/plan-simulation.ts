import { type BuildPlan } from '../types/plan.ts';
import { type TargetResult } from '../types/results.ts';
import { targetCosts } from '../plan/costs.ts';
import { type MatrixSimulation, simulateShards } from './shards.ts';
import { spaceLimitBytes } from '../plan/space.ts';

/** The machine a plan is simulated on, and how many runners alike. */
export interface SimSettings {
  cores: number;
  /** make -j on each runner. */
  jobs: number;
  /** The /build tmpfs of each runner, in bytes: the space rule's limit is made from it. */
  tmpfsBytes: number;
  /** The build container's memory limit, in bytes, to hold the peak against. */
  memoryBytes?: number;
  shards: number;
}

/** A plan's simulation: the settings it ran with and what it predicts per runner and for the matrix. */
export interface PlanSimulation extends MatrixSimulation {
  targets: number;
  cores: number;
  jobs: number;
  shards: number;
  spaceLimitBytes: number;
  memoryLimitBytes?: number;
}

/**
 * Simulate the build of `plan`: its targets' cost tables from `previous` (the tree's newest
 * complete build, previousTargets) else their config classes, split and ordered as the
 * matrix and the driver do it (the plan's estimates), each runner under the space rule.
 */
export function simulatePlan(plan: Pick<BuildPlan, 'targets' | 'estimates' | 'checkoutBytes'>, previous: Map<string, TargetResult>, settings: SimSettings): PlanSimulation {
  const limit = spaceLimitBytes(settings.tmpfsBytes, plan.checkoutBytes);
  const matrix = simulateShards(plan.targets, targetCosts(plan.targets, previous), new Map(Object.entries(plan.estimates)), settings.shards, {
    cores: settings.cores,
    jobs: settings.jobs,
    spaceLimitBytes: limit,
  });
  return {
    targets: plan.targets.length,
    cores: settings.cores,
    jobs: settings.jobs,
    shards: matrix.runners.length,
    spaceLimitBytes: limit,
    ...(settings.memoryBytes === undefined ? {} : { memoryLimitBytes: settings.memoryBytes }),
    ...matrix,
  };
}
