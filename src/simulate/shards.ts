import { targetName } from '../values/target-name.ts';
import { type Target, type TargetCost } from '../types/targets.ts';
import { longestFirst, shardTargets } from '../plan/estimate.ts';
import { simulate } from './jobserver.ts';
import { type SimMachine, type SimTarget, type Simulation } from './types.ts';

/** A matrix of runners, each simulated: each runner's run, the slowest's wall (the matrix's) and the balance. */
export interface MatrixSimulation {
  /** One a runner, in shard order (shard 1 first). */
  runners: Simulation[];
  /** The slowest runner's wall: when the matrix's last build job ends. */
  wallSeconds: number;
  /** The slowest runner's wall over the mean runner's: 1 is a perfect split. */
  balance: number;
}

/**
 * Simulate `targets` on `shards` runners alike (`machine` each), split as the matrix splits
 * them (shardTargets by `estimates`, at most one shard per target) and each runner's
 * targets in the order its driver starts them (longest first by the same estimates).
 */
export function simulateShards(targets: Target[], costs: Map<string, TargetCost>, estimates: Map<string, number>, shards: number, machine: SimMachine): MatrixSimulation {
  const parts = shardTargets(targets, estimates, Math.max(1, Math.min(shards, targets.length)));
  const runners = parts.map((part) => simulate(simTargets(longestFirst(part, estimates), costs), machine));
  const walls = runners.map((r) => r.wallSeconds);
  const wallSeconds = Math.max(...walls);
  const mean = walls.reduce((sum, w) => sum + w, 0) / walls.length;
  return { runners, wallSeconds, balance: mean > 0 ? wallSeconds / mean : 1 };
}

function simTargets(targets: Target[], costs: Map<string, TargetCost>): SimTarget[] {
  return targets.map((t) => {
    const cost = costs.get(targetName(t));
    if (!cost) throw new Error(`no cost for target ${targetName(t)}: the cost table is made from the same targets`);
    return { name: targetName(t), cost };
  });
}
