import { type Target, targetName } from './targets.ts';
import { type ExpectedWork } from '../types/plan.ts';
import { type TargetResult } from '../types/results.ts';

/**
 * Objects per second of static cost, to guess a target's object count when no earlier
 * build counted it: the real 6.1 tree compiles about 2,400 objects for x86 defconfig
 * (static cost 1800) and about 350 for tinyconfig (160).
 */
const OBJECTS_PER_STATIC_SECOND = 1.5;

/**
 * Relative cost of a config when no earlier build tells: allmodconfig and allyesconfig
 * build most of the tree, a defconfig a good part, tinyconfig and allnoconfig little.
 * Units are rough seconds on one core of a 2-core machine for the real 6.1 tree.
 */
export function staticEstimate(t: Target): number {
  const base = (t.base ?? t.config).toLowerCase();
  if (base === 'allmodconfig' || base === 'allyesconfig') return 7200;
  if (base === 'tinyconfig') return 160;
  if (base === 'allnoconfig') return 200;
  if (base.includes('nommu') || base.includes('tiny')) return 400;
  return 1800;
}

/**
 * Seconds each target is expected to take: its duration in an earlier build of the same
 * tree where there is one, the static estimate otherwise.
 */
export function estimateTargets(targets: Target[], previous: Map<string, number> = new Map()): Map<string, number> {
  return new Map(targets.map((t) => [targetName(t), previous.get(targetName(t)) ?? staticEstimate(t)]));
}

/**
 * The work each target is expected to be, for the live progress: CPU seconds and objects
 * as the tree's previous build of it counted them, else from its static cost. Only a
 * previous build that passed tells: one that failed stopped somewhere along the way.
 */
export function expectedWork(targets: Target[], previous: Map<string, Pick<TargetResult, 'status' | 'cpuSeconds' | 'objects'>> = new Map()): Map<string, ExpectedWork> {
  return new Map(
    targets.map((t) => {
      const before = previous.get(targetName(t));
      const passed = before?.status === 'pass' ? before : undefined;
      const cost = staticEstimate(t);
      const counted = passed?.objects !== undefined && passed.objects > 0;
      return [
        targetName(t),
        {
          cpuSeconds: passed?.cpuSeconds !== undefined && passed.cpuSeconds > 0 ? passed.cpuSeconds : cost,
          objects: counted ? passed.objects! : Math.round(cost * OBJECTS_PER_STATIC_SECOND),
          objectsCounted: counted,
        },
      ];
    }),
  );
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
