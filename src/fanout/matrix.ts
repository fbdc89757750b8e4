import { type BuildPlan } from '../types/plan.ts';
import { shardTargets } from '../plan/estimate.ts';
import { targetName } from '../values/target-name.ts';
import { InputError } from '../errors.ts';
import { Input } from '../constants.ts';

/** A workflow matrix holds 256 jobs at most. */
export const MAX_JOBS = 256;

/** One job of the matrix a plan job hands to `strategy.matrix`. */
export interface MatrixJob {
  ref: string;
  'build-id': string;
  /** `i/N`, for names and reports. */
  shard: string;
  /** The job's arch/config targets, space separated: the `targets` input of its build step. */
  targets: string;
  /** Expected seconds of the shard. */
  cost: number;
}

/**
 * The matrix for building `plans` (one a ref) on `shards` runners each: every plan split
 * by its estimates (previous durations where the plan job's logs have them) into shards
 * of about equal cost. The split is carried in the matrix, so build jobs on other
 * runners need not agree on estimates.
 */
export function buildMatrix(plans: BuildPlan[], shards: number): { include: MatrixJob[] } {
  if (plans.length > MAX_JOBS) {
    throw new InputError(Input.refs, `${plans.length} refs`, `a matrix holds ${MAX_JOBS} jobs: plan at most ${MAX_JOBS} refs at a time`);
  }
  if (plans.length * shards > MAX_JOBS) {
    throw new InputError(Input.shards, String(shards), `${plans.length} refs × ${shards} shards is more than the ${MAX_JOBS} jobs a matrix holds`);
  }
  const include: MatrixJob[] = [];
  for (const plan of plans) {
    const estimates = new Map(Object.entries(plan.estimates));
    const parts = shardTargets(plan.targets, estimates, Math.min(shards, plan.targets.length));
    parts.forEach((part, i) => {
      include.push({
        // HEAD is this checkout's: a build job on another runner gets the commit it named here.
        ref: plan.ref.kind === 'head' ? plan.ref.sha : plan.ref.ref,
        'build-id': plan.ref.buildId,
        shard: `${i + 1}/${parts.length}`,
        targets: part.map(targetName).join(' '),
        cost: Math.round(part.reduce((sum, t) => sum + (estimates.get(targetName(t)) ?? 0), 0)),
      });
    });
  }
  return { include };
}
