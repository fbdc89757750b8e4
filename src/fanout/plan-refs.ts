import { join } from 'node:path';
import { getInputs, splitList } from '../inputs/inputs.ts';
import { type InputReader } from '../types/inputs.ts';
import { Input } from '../constants.ts';
import { InputError, KernelbuilderError } from '../errors.ts';
import { gitIn } from '../ref/git.ts';
import { checkRefSyntax } from '../ref/ref-syntax.ts';
import { makePlan } from '../plan/plan.ts';
import { type BuildPlan } from '../types/plan.ts';
import { type ProjectFragments } from '../plan/project-fragments.ts';
import { alreadyBuilt, readResults } from '../results/previous.ts';
import { RESULTS_FILE } from '../logs-layout.ts';
import { connectDocker } from '../container/docker.ts';
import { inspectImage } from '../images/inspect.ts';
import { type Log } from '../log.ts';
import { MAX_JOBS } from './matrix.ts';

/** The image id a name has on the engine, or undefined where no engine answers or it is not there. */
export type ImageIdLookup = (image: string) => Promise<string | undefined>;

/** The refs to build and the shards per ref: what a matrix is made of. */
export interface RefPlans {
  plans: BuildPlan[];
  shards: number;
}

/**
 * Plan every ref of a scheduled sweep (`refs`, one a line, or `ref`). Every input is
 * checked before any ref is resolved; then each is resolved, refs that come to the same
 * build (one sha, one build folder) are planned once, and those whose build folder
 * already has complete results for the plan are dropped, so a nightly run builds only
 * what moved.
 */
export async function planRefs(read: InputReader, log: Log, projectFragments: ProjectFragments, imageId: ImageIdLookup = engineImageIds(log)): Promise<RefPlans> {
  const shards = parseShards(read(Input.shards));
  const refs = readRefs(read);
  if (refs.names.length > MAX_JOBS) {
    throw new InputError(refs.input, `${refs.names.length} refs`, `a matrix holds ${MAX_JOBS} jobs: plan at most ${MAX_JOBS} refs at a time`);
  }
  if (refs.names.length * shards > MAX_JOBS) {
    throw new InputError(Input.shards, String(shards), `${refs.names.length} refs × ${shards} shards is more than the ${MAX_JOBS} jobs a matrix holds`);
  }
  // Every other input, checked once with the first ref (all refs passed the syntax check).
  const inputs = getInputs((name) => (name === Input.ref ? refs.names[0] : read(name)));
  for (const w of inputs.warnings) log.warning(w);
  const git = gitIn(inputs.source);
  const plans: BuildPlan[] = [];
  for (const ref of refs.names) {
    const plan = await makePlan({ ...inputs, ref }, git, projectFragments);
    const same = plans.find((p) => p.logsDir === plan.logsDir && p.ref.sha === plan.ref.sha);
    if (same) {
      log.info(`${ref}: the same build as ${same.ref.ref} (${plan.ref.sha}, ${plan.logsDir}); planned once`);
      continue;
    }
    if (!inputs.force && alreadyBuilt(readResults(join(plan.logsDir, RESULTS_FILE)), plan, await imageId(plan.image.image))) {
      log.info(`${ref}: already built at ${plan.ref.sha} (${plan.logsDir}); not planned`);
      continue;
    }
    log.info(`${ref}: ${plan.ref.buildId} at ${plan.ref.sha}, ${plan.targets.length} targets, image ${plan.image.image}`);
    plans.push(plan);
  }
  return { plans, shards };
}

/** The refs to plan, each checked, blamed on the input they came from. */
function readRefs(read: InputReader): { input: string; names: string[] } {
  const lines = splitList(read(Input.refs));
  // Both given, one would be ignored without a word: which was meant is the user's call.
  if (lines.length > 0 && read(Input.ref).trim() !== '') {
    throw new InputError(Input.ref, read(Input.ref).trim(), `give ${Input.refs} or ${Input.ref}, not both: ${Input.refs} holds every ref to plan`);
  }
  if (lines.length > 0) return { input: Input.refs, names: [...new Set(lines.map((r) => checkRefSyntax(r, Input.refs)))] };
  const ref = read(Input.ref).trim();
  if (ref === '') throw new InputError(Input.refs, '', 'plan mode needs refs (one a line) or ref');
  return { input: Input.ref, names: [checkRefSyntax(ref)] };
}

/**
 * Image ids from the Docker engine, connected once on first use. Without an engine (a
 * plan job need not have one) no id is known, so no earlier build can be proven the
 * same and every ref is planned.
 */
export function engineImageIds(log: Log): ImageIdLookup {
  let docker: ReturnType<typeof connectDocker> | undefined;
  return async (image) => {
    docker ??= connectDocker();
    try {
      return (await inspectImage(await docker, image)).id;
    } catch (e) {
      if (!(e instanceof KernelbuilderError)) throw e;
      log.info(`${e.message}; earlier builds with ${image} cannot be matched by image id, so its refs are planned`);
      return undefined;
    }
  };
}

/** The number of shards per ref in plan mode: 1 to 256. */
export function parseShards(text: string): number {
  if (text.trim() === '') return 1;
  const n = /^[1-9][0-9]{0,2}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_JOBS)) throw new InputError(Input.shards, text, `shards is a whole number from 1 to ${MAX_JOBS}`);
  return n;
}
