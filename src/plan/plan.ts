import { basename } from 'node:path';
import { checkTreeName } from '../values/path-component.ts';
import { sizeInBytes } from '../values/size.ts';
import { type Inputs } from '../types/inputs.ts';
import { RESERVED_TREE_NAMES, buildDir, pathSafe, treeDir } from '../logs-layout.ts';
import { Input } from '../constants.ts';
import { type BuildPlan, type Checkout } from '../types/plan.ts';
import { InputError } from '../errors.ts';
import { type Git, tryGit } from '../ref/git.ts';
import { resolveRef } from '../ref/resolve.ts';
import { checkSourceRepo } from '../ref/source-repo.ts';
import { readTree } from '../ref/tree.ts';
import { selectCompilerImage, selectImage } from '../images/select.ts';
import { withCompilers } from './compiler-targets.ts';
import { planTargets } from './targets.ts';
import { planKunitTargets } from './kunit-targets.ts';
import { targetName } from '../values/target-name.ts';
import { type Target } from '../types/targets.ts';
import { estimateTargets, shardTargets } from './estimate.ts';
import { targetCosts } from './costs.ts';
import { checkoutBytesOf, spaceLimitBytes } from './space.ts';
import { previousDurations, previousTargets } from '../results/previous.ts';
import { isPattern } from '../values/config-spec.ts';
import { type ProjectFragments, withProjectFragments, withShippedFragments } from './project-fragments.ts';
import { type BootSettings } from '../types/boot.ts';
import { sourceMounts } from './source-layout.ts';
import { chooseCheckout } from './checkout.ts';
import { buildsAsOther } from '../values/build-user.ts';

/**
 * Resolve the ref, read the tree at it, choose the image and the targets. Reads only.
 * `projectFragments`: the fragments kernelbuilder ships (loadProjectFragments).
 * `cloneBecause`: a run that checks out commits of its own in the container (a bisect, a
 * series) says why here, and is never given the source's work tree in place.
 */
export async function makePlan(inputs: Inputs, git: Git, projectFragments: ProjectFragments, cloneBecause?: string): Promise<BuildPlan> {
  await checkSourceRepo(git, inputs.source);
  const gitPaths = (await tryGit(git, ['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir']))?.split('\n');
  if (gitPaths === undefined) {
    throw new InputError(Input.source, inputs.source, 'it must be a kernel git repository (a folder where git rev-parse works)');
  }
  const mounts = sourceMounts(inputs.source, { gitDir: gitPaths[0], commonDir: gitPaths[1] });
  const ref = await resolveRef(git, inputs.ref);
  const fragmentNames = inputs.configs.filter((c) => !isPattern(c)).flatMap((c) => c.split('+').slice(1).filter((f) => f.endsWith('.config')));
  const treeFacts = await readTree(git, ref.sha, inputs.arches, [...new Set(fragmentNames)]);
  const tree = { ...treeFacts, fragments: withProjectFragments(treeFacts.fragments, projectFragments, fragmentNames) };
  const matrix = inputs.toolchains ? selectCompilerImage(inputs.imageTable, tree.version, inputs.toolchains, inputs.image) : undefined;
  const image = matrix ? { image: matrix.image, reason: matrix.reason } : selectImage(inputs.imageTable, tree.version, inputs.image, inputs.toolchain);
  const kunit = inputs.kunit ? await planKunitTargets(inputs.kunit, git, ref.sha, tree.version.text) : { targets: [], dropped: [] };
  const built = inputs.configs.length > 0 ? planTargets(inputs.arches, inputs.configs, tree) : { targets: [], dropped: [] };
  const compiled = matrix ? withCompilers([...built.targets, ...kunit.targets], inputs.toolchains!, matrix.unsupported) : { targets: [...built.targets, ...kunit.targets], dropped: [] };
  const asked = compiled.targets;
  const dropped = [...built.dropped, ...kunit.dropped, ...compiled.dropped];
  if (asked.length === 0 && compiled.dropped.length > 0) throw new InputError(Input.toolchains, inputs.toolchains!.join(' '), `it leaves nothing to build in Linux ${tree.version.text}: ${Object.values(matrix!.unsupported).join('; ')}`);
  if (asked.length === 0) throw new InputError(Input.kunit, inputs.kunit!.requests.map((r) => (r.kind === 'file' ? r.path : r.kind)).join(' '), `it leaves nothing to build in Linux ${tree.version.text}: ${dropped.map((d) => d.reason).join('; ')}`);
  const planned = withShippedFragments(asked, treeFacts.fragments, projectFragments);
  const treeName = inputs.tree ?? ref.remote ?? basename(inputs.source);
  // The tree input was checked with the inputs; a name taken from a remote or the source's folder is checked here.
  if (inputs.tree === undefined && RESERVED_TREE_NAMES.includes(pathSafe(treeName))) {
    checkTreeName(pathSafe(treeName), ref.remote === undefined ? "the source folder's name" : `the remote of ref ${JSON.stringify(ref.ref)}`);
  }
  const previous = previousTargets(treeDir(inputs.logs, treeName));
  const estimates = estimateTargets(planned, previousDurations(previous));
  const targets = selectShard(planned, inputs);
  const checkout: Checkout = cloneBecause ? { kind: 'clone', why: cloneBecause } : await chooseCheckout(git, inputs.source, ref.sha, buildsAsOther(process.getuid!()), inputs.logs);
  // A clone shares /build with the object dirs for the whole run: the space rule counts it.
  const checkoutBytes = checkout.kind === 'in-place' ? 0 : checkoutBytesOf((await tryGit(git, ['ls-tree', '-r', '-l', ref.sha])) ?? '');
  const remoteUrl = ref.remote === undefined ? undefined : (await tryGit(git, ['remote', 'get-url', '--', ref.remote]))?.trim();
  return {
    source: inputs.source,
    sourceMounts: mounts,
    tree: treeName,
    ref,
    ...(remoteUrl ? { remoteUrl } : {}),
    version: tree.version,
    commits: tree.commits,
    image,
    targets,
    allTargets: planned.map(targetName),
    estimates: Object.fromEntries(estimates),
    costs: Object.fromEntries(targetCosts(targets, previous)),
    checkout,
    checkoutBytes,
    spaceLimitBytes: spaceLimitBytes(sizeInBytes(inputs.tmpfsSize), checkoutBytes),
    ...(inputs.shard ? { shard: inputs.shard } : {}),
    dropped,
    logsDir: buildDir(inputs.logs, treeName, ref.buildId),
    jobs: inputs.jobs,
    tmpfsSize: inputs.tmpfsSize,
    limits: {
      ...(inputs.targetTimeout ? { targetTimeout: inputs.targetTimeout } : {}),
      ...(inputs.memory ? { memory: inputs.memory } : {}),
      ...(inputs.cpus ? { cpus: inputs.cpus } : {}),
      logs: inputs.logsLimit,
    },
    ...(inputs.ccache ? { ccache: inputs.ccache } : {}),
    makeVars: inputs.makeVars,
    keep: inputs.keep,
    ...(inputs.boot ? { boot: { ...inputs.boot, targets: bootTargets(inputs.boot, planned, targets) } } : {}),
    ...(inputs.kunit && targets.some((t) => t.test) ? { tests: { retries: inputs.kunit.retries, timeoutSeconds: inputs.kunit.timeoutSeconds } } : {}),
  };
}

/** This run's targets that boot: all of them, or those `boot` names (each must be in the plan). */
function bootTargets(boot: BootSettings, planned: Target[], mine: Target[]): string[] {
  const names = mine.map(targetName);
  if (boot.targets === 'all') return names;
  const known = new Set(planned.map(targetName));
  const unknown = boot.targets.filter((t) => !known.has(t));
  if (unknown.length > 0) throw new InputError(Input.boot, unknown.join(' '), `each target to boot must be one of the plan's: ${[...known].join(' ')}`);
  return names.filter((n) => boot.targets.includes(n));
}

/**
 * This run's targets: all of the plan, the ones a `targets` list names, or shard i/N.
 * Shards split by the static estimates only, so that every job of a matrix, each on its
 * own runner with its own logs, computes the same split.
 */
function selectShard(planned: Target[], inputs: Inputs): Target[] {
  let chosen = planned;
  // A matrix job gets its shard's list from the plan job; its `shard` then only names it.
  if (inputs.targets) {
    const names = new Set(planned.map(targetName));
    const unknown = inputs.targets.filter((t) => !names.has(t));
    if (unknown.length > 0) throw new InputError(Input.targets, unknown.join(' '), `each target must be one of the plan's: ${[...names].join(' ')}`);
    chosen = planned.filter((t) => inputs.targets!.includes(targetName(t)));
  } else if (inputs.shard) {
    const mine = new Set(shardTargets(chosen, estimateTargets(chosen), inputs.shard.count)[inputs.shard.index - 1].map(targetName));
    chosen = chosen.filter((t) => mine.has(targetName(t)));
    if (chosen.length === 0) throw new InputError(Input.shard, `${inputs.shard.index}/${inputs.shard.count}`, `the plan has ${planned.length} targets: fewer shards are needed`);
  }
  return chosen;
}
