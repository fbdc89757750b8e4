import { targetName } from '../values/target-name.ts';
import { type Target, type TargetCost } from '../types/targets.ts';
import { type ExpectedWork } from '../types/plan.ts';
import { staticCost } from './costs.ts';

/**
 * Relative cost of a config when no earlier build tells: its static CPU seconds
 * (staticCost: its config class's and its project fragments'), for the order and the
 * shards' balance.
 */
export function staticEstimate(t: Target): number {
  return staticCost(t).cpuSeconds;
}

/**
 * Seconds each target is expected to take: its duration in an earlier build of the same
 * tree where there is one, the static estimate otherwise.
 */
export function estimateTargets(targets: Target[], previous: Map<string, number> = new Map()): Map<string, number> {
  return new Map(targets.map((t) => [targetName(t), previous.get(targetName(t)) ?? staticEstimate(t)]));
}

/**
 * The work each target is expected to be, for the live progress: the CPU seconds and
 * objects of its cost table (targetCosts: a previous build's that passed, else its
 * config class's).
 */
export function expectedWork(costs: Record<string, TargetCost>): Record<string, ExpectedWork> {
  return Object.fromEntries(Object.entries(costs).map(([name, c]) => [name, { cpuSeconds: c.cpuSeconds, objects: c.objects, objectsCounted: c.measured.objects, setupCpuSeconds: c.setupCpuSeconds, tailSeconds: c.tailSeconds }]));
}

/**
 * Longest first, so that under one jobserver the long builds start early and the short
 * ones fill the cores at the end. Ties keep their order.
 */
export function longestFirst(targets: Target[], estimates: Map<string, number>): Target[] {
  return [...targets].sort((a, b) => (estimates.get(targetName(b)) ?? 0) - (estimates.get(targetName(a)) ?? 0));
}

/**
 * Split targets into `count` shards of about equal cost: longest first, each to the shard
 * with the least cost so far (LPT). Deterministic for the same targets and estimates.
 */
export function shardTargets(targets: Target[], estimates: Map<string, number>, count: number): Target[][] {
  const shards: { cost: number; targets: Target[] }[] = Array.from({ length: count }, () => ({ cost: 0, targets: [] }));
  for (const t of longestFirst(targets, estimates)) {
    const lightest = shards.reduce((min, s) => (s.cost < min.cost ? s : min));
    lightest.targets.push(t);
    lightest.cost += estimates.get(targetName(t)) ?? 0;
  }
  return shards.map((s) => s.targets);
}
