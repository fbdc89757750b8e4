import { join } from 'node:path';
import { type InputReader, getInputs, splitList } from '../inputs.ts';
import { Input } from '../constants.ts';
import { InputError } from '../errors.ts';
import { gitIn } from '../ref/git.ts';
import { type BuildPlan, makePlan } from '../plan/plan.ts';
import { type ProjectFragments } from '../plan/project-fragments.ts';
import { readResults } from '../results/previous.ts';
import { RESULTS_FILE } from '../logs-dir.ts';
import { targetName } from '../plan/targets.ts';
import { type Log } from '../log.ts';

/**
 * Plan every ref of a scheduled sweep (`refs`, one a line, or `ref`): resolve each, and
 * drop those whose build folder already has complete results at that sha for the same
 * targets and image, so a nightly run builds only what moved.
 */
export async function planRefs(read: InputReader, log: Log, projectFragments: ProjectFragments): Promise<BuildPlan[]> {
  const refs = splitList(read(Input.refs));
  if (refs.length === 0 && read(Input.ref).trim() === '') {
    throw new InputError(Input.refs, '', 'plan mode needs refs (one a line) or ref');
  }
  const plans: BuildPlan[] = [];
  for (const ref of refs.length > 0 ? refs : [read(Input.ref).trim()]) {
    const inputs = getInputs((name) => (name === Input.ref ? ref : read(name)));
    const plan = await makePlan(inputs, gitIn(inputs.source), projectFragments);
    const previous = readResults(join(plan.logsDir, RESULTS_FILE));
    const sameTargets = previous?.targets.map((t) => t.target).sort().join(' ') === plan.targets.map(targetName).sort().join(' ');
    if (previous?.complete && previous.sha === plan.ref.sha && previous.image.name === plan.image.image && sameTargets && !inputs.force) {
      log.info(`${ref}: already built at ${plan.ref.sha} (${plan.logsDir}); not planned`);
      continue;
    }
    log.info(`${ref}: ${plan.ref.buildId} at ${plan.ref.sha}, ${plan.targets.length} targets, image ${plan.image.image}`);
    plans.push(plan);
  }
  return plans;
}

/** The number of shards per ref in plan mode: 1 to 256. */
export function parseShards(text: string): number {
  if (text.trim() === '') return 1;
  const n = /^[1-9][0-9]{0,2}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 256)) throw new InputError(Input.shards, text, 'shards is a whole number from 1 to 256');
  return n;
}
