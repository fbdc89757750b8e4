import { join } from 'node:path';
import { BisectOption, CONTAINER_LABEL, DRIVER_MOUNT, Input } from '../constants.ts';
import { InputError } from '../errors.ts';
import { getInputs, splitList } from '../inputs/inputs.ts';
import { type Inputs, type InputReader } from '../types/inputs.ts';
import { checkRefSyntax } from '../ref/ref-syntax.ts';
import { type Git, tryGit } from '../ref/git.ts';
import { resolveRef } from '../ref/resolve.ts';
import { KERNEL_ARCHES, parseTargetName, splitTargetName } from '../values/target-name.ts';
import { splitCompiler } from '../values/compiler.ts';
import { makePlan } from '../plan/plan.ts';
import { type BuildPlan } from '../types/plan.ts';
import { bisectDirName, pathSafe } from '../logs-layout.ts';
import { type ProjectFragments } from '../plan/project-fragments.ts';
import { type BisectPlan, type WhatAsked } from './types.ts';
import { estimatedSteps, parseWhat } from './verdict.ts';
import { containerSpec } from '../container/spec.ts';
import { KUNIT_ARCHES, parseKunit } from '../inputs/kunit-inputs.ts';
import { kunitConfigName } from '../plan/kunit-targets.ts';
import { type ImageInfo } from '../types/image.ts';

/** What a bisect needs from its user, validated: the ends, the one target, what is sought, and the build's inputs. */
export interface BisectInputs {
  good: string;
  bad: string;
  /** The target's name parts; `compiler` for a matrix target (`config` ends in `@compiler`). */
  target: { arch: string; config: string; compiler?: string };
  what: WhatAsked;
  /** The inputs of a build of the target at the bad end: every step builds as it would. */
  build: Inputs;
}

/** Read and validate a bisect's options; the build inputs are a build's of the one target at the bad end. */
export function getBisectInputs(read: InputReader): BisectInputs {
  const good = checkRefSyntax(requiredOption(read, BisectOption.good, 'the last known good ref'), BisectOption.good);
  const bad = checkRefSyntax(requiredOption(read, BisectOption.bad, 'the first known bad ref'), BisectOption.bad);
  const target = parseTarget(requiredOption(read, BisectOption.target, 'ARCH/CONFIG, e.g. x86/tinyconfig'));
  const what = parseWhat(read(BisectOption.what));
  const name = `${target.arch}/${target.config}`;
  const kunit = kunitRequestOf(target, read);
  const build = getInputs((input) => {
    if (input === Input.ref) return bad;
    if (input === Input.arches) return target.arch;
    // A KUnit target is planned from its KUnit config, alone; any other target has no KUnit run.
    if (input === Input.configs) return kunit === undefined ? splitCompiler(target.config).spec : '';
    // A matrix target (`defconfig@clang-19`) is planned with its one compiler, under the same name.
    if (input === Input.toolchains) return target.compiler ?? '';
    if (input === Input.kunit) return kunit ?? 'off';
    if (input === Input.kunitArches && kunit !== undefined) return target.arch;
    // A boot bisect boots the target at every step.
    if (input === Input.boot && what.kind === 'boot' && read(input).trim() === '') return name;
    return read(input);
  });
  return { good, bad, target, what, build };
}

/**
 * A bisect's inputs from a build's, already checked: the one target at the bad end, in the
 * build's tree (its folder beside the build's), booting only when a boot is sought, and
 * nothing of the build's that only a full build has (baseline, shard, the bisects).
 */
export function bisectInputsOfBuild(build: Inputs, tree: string, good: string, bad: string, target: string, what: WhatAsked): BisectInputs {
  const { arch, config } = splitTargetName(target);
  // A matrix target (`defconfig@clang-19`) is planned with its one compiler, under the same name.
  const { spec, compiler } = splitCompiler(config);
  const boot = what.kind === 'boot' && build.boot ? { ...build.boot, targets: [target] } : undefined;
  // A KUnit target is planned from its one KUnit config, alone.
  const kunitRequest = build.kunit?.requests.find((r) => kunitConfigName(r) === spec);
  const kunit = kunitRequest && build.kunit ? { ...build.kunit, requests: [kunitRequest], arches: [arch] } : undefined;
  const { baseline: _baseline, shard: _shard, targets: _targets, bisect: _bisect, boot: _boot, kunit: _kunit, toolchains: _toolchains, ...common } = build;
  return {
    good,
    bad,
    target: { arch, config, ...(compiler ? { compiler } : {}) },
    what,
    build: { ...common, ref: bad, tree, arches: [arch], configs: kunit ? [] : [spec], ...(compiler ? { toolchains: [compiler] } : {}), ...(boot ? { boot } : {}), ...(kunit ? { kunit } : {}) },
  };
}

/**
 * The KUnit config a KUnit target (`um/kunit`, `um/kunit-all`, `um/kunit-<folder>`) is
 * built from, as the kunit input words it: `default`, `all`, or the one of `--kunit`'s
 * .kunitconfig paths (read as a build reads them) whose target has that name; undefined
 * for a target that is no KUnit's.
 */
function kunitRequestOf(target: { arch: string; config: string }, read: InputReader): string | undefined {
  const config = splitCompiler(target.config).spec;
  if (!KUNIT_ARCHES.includes(target.arch) || !/^kunit(?:-|$)/.test(config)) return undefined;
  const given = parseKunit((name) => read(name).trim() || undefined, splitList)?.requests ?? [];
  const request = [{ kind: 'default' } as const, { kind: 'all' } as const, ...given].find((r) => kunitConfigName(r) === config);
  if (request === undefined) {
    throw new InputError(BisectOption.target, `${target.arch}/${target.config}`, `it is a KUnit target: give --kunit the .kunitconfig (or its folder) it is built from, e.g. --kunit lib/kunit for ${target.arch}/kunit-lib-kunit`);
  }
  return request.kind === 'file' ? request.path : request.kind;
}

function requiredOption(read: InputReader, name: string, allowed: string): string {
  const value = read(name).trim();
  if (value === '') throw new InputError(name, '', `it is required: ${allowed}`);
  return value;
}

/** ARCH/CONFIG: a kernel arch and a config spec, as the targets input takes them. */
export function parseTarget(text: string): { arch: string; config: string; compiler?: string } {
  return parseTargetName(BisectOption.target, text, `a target is ARCH/CONFIG with ARCH one of ${KERNEL_ARCHES.join(' ')}, e.g. x86/tinyconfig`);
}

/**
 * The bisect's plan without the engine: both ends resolved (good an ancestor of bad, not
 * the same commit), the range counted, the target planned at the bad end as a build
 * plans it (an arch or config the tree lacks is refused here), the bisect's folder.
 * Reads only.
 */
export async function planBisect(inputs: BisectInputs, git: Git, fragments: ProjectFragments): Promise<Omit<BisectPlan, 'image' | 'container' | 'bootImage'>> {
  // One arch and one config: the plan has the one target, or refuses with why the tree lacks it.
  const target = `${inputs.target.arch}/${inputs.target.config}`;
  const build = await makePlan(inputs.build, git, fragments, 'the bisect checks out each step').catch((e: unknown) => {
    throw asTargetError(e, target);
  });
  const good = await resolveRef(git, inputs.good);
  const bad = build.ref;
  if (good.sha === bad.sha) throw new InputError(BisectOption.good, inputs.good, `good and bad are the same commit ${bad.sha}: there is nothing between them to bisect`);
  // Exit 0: an ancestor; 1: not one (tryGit's undefined); anything else is an error git reports.
  if ((await tryGit(git, ['merge-base', '--is-ancestor', good.sha, bad.sha])) === undefined) {
    throw new InputError(BisectOption.good, inputs.good, `it must be an ancestor of bad (${inputs.bad}, ${bad.sha.slice(0, 12)}): ${good.sha.slice(0, 12)} is not`);
  }
  const commits = Number((await git.run(['rev-list', '--count', `${good.sha}..${bad.sha}`])).trim());
  const steps = estimatedSteps(commits);
  const dir = join(inputs.build.logs, pathSafe(build.tree), bisectDirName(good.sha, bad.sha, inputs.target.arch, pathSafe(inputs.target.config)));
  return {
    source: build.source,
    tree: build.tree,
    good: { ref: inputs.good, sha: good.sha },
    bad: { ref: inputs.bad, sha: bad.sha },
    commits,
    estimatedSteps: steps,
    buildBudget: steps + 3,
    target,
    what: inputs.what,
    dir,
    build: { ...build, logsDir: dir },
  };
}

/**
 * The one container of a bisect or a series: a build's (containerSpec, /logs its folder) with the
 * bisect driver waiting for the host's steps instead of building.
 */
export function bisectContainerSpec(build: BuildPlan, image: ImageInfo, driverDir: string, user: string, label: string): ReturnType<typeof containerSpec> {
  const spec = containerSpec(build, image, driverDir, user);
  return {
    ...spec,
    Cmd: [`${DRIVER_MOUNT}/bisect.sh`, 'serve'],
    Labels: { ...spec.Labels, [CONTAINER_LABEL]: label },
    AttachStdout: false,
    AttachStderr: false,
  };
}

/** A bisect's arches and configs are its --target's: a refusal of either names the target. */
function asTargetError(e: unknown, target: string): unknown {
  return e instanceof InputError && (e.input === Input.arches || e.input === Input.configs) ? new InputError(BisectOption.target, target, e.allowed) : e;
}
