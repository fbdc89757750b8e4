import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Input, SeriesOption } from '../constants.ts';
import { InputError } from '../errors.ts';
import { getInputs, splitList } from '../inputs/inputs.ts';
import { type Inputs, type InputReader } from '../types/inputs.ts';
import { checkRefSyntax } from '../ref/ref-syntax.ts';
import { type Git, tryGit } from '../ref/git.ts';
import { resolveRef } from '../ref/resolve.ts';
import { commitLog } from '../ref/commit-log.ts';
import { makePlan } from '../plan/plan.ts';
import { type ProjectFragments } from '../plan/project-fragments.ts';
import { pathSafe, patchesDirName, seriesDirName } from '../logs-layout.ts';
import { type Patches, readPatches } from './patches.ts';
import { type CheckpatchMode, type SeriesCommit, type SeriesFailOn, type SeriesPlan } from './types.ts';

export const DEFAULT_COMMITS_LIMIT = 50;
export const MAX_COMMITS_LIMIT = 500;
const CHECKPATCH_MODES: readonly CheckpatchMode[] = ['on', 'strict', 'off'];
const FAIL_ON: readonly SeriesFailOn[] = ['new-warnings', 'checkpatch'];
/** checkpatch's message types (--ignore): upper-case words with underscores, e.g. FILE_PATH_CHANGES. */
const CHECKPATCH_TYPE = /^[A-Z][A-Z0-9_]{0,63}$/;
/** What checkpatch ignores unless told otherwise: a series adding a file is not a style problem. */
export const DEFAULT_CHECKPATCH_IGNORE = ['FILE_PATH_CHANGES'];

/** What the action's `commits` input asks: off (the default: build the ref) or each (every commit the push brought). */
export function parseCommits(text: string): 'off' | 'each' {
  const value = text.trim() || 'off';
  if (value !== 'off' && value !== 'each') throw new InputError(SeriesOption.commits, value, 'commits is off (the default: build the ref) or each (every commit the push brought, each built on the one before)');
  return value;
}

/** What a series needs from its user, validated: the range or the patches, what each commit is checked for, the build's inputs. */
export interface SeriesInputs {
  base: string;
  /** A range's head; undefined for patches. */
  head?: string;
  /** `BASE..HEAD`, or the patches' path. */
  range: string;
  /** Patches to apply on the base (`--patches` with `--ref`), read and checked. */
  patches?: Patches;
  limit: number;
  checkpatch: CheckpatchMode;
  checkpatchIgnore: string[];
  failOn: SeriesFailOn[];
  /** A build's inputs at the head: every commit builds the same targets. */
  build: Inputs;
}

/**
 * Read and validate a series' options before the tree is read: `--range BASE..HEAD`, or
 * `--patches PATH` applied on `--ref` (exactly one of the two), and the rest.
 */
export function getSeriesInputs(read: InputReader): SeriesInputs {
  const range = read(SeriesOption.range).trim();
  const patchesPath = read(SeriesOption.patches).trim();
  const ref = read(Input.ref).trim();
  if ((range === '') === (patchesPath === '')) {
    throw new InputError(SeriesOption.range, range, 'give exactly one of range (BASE..HEAD: the commits of HEAD not in BASE) and patches (an mbox or a folder of git format-patch files, applied on ref)');
  }
  if (range !== '' && ref !== '') throw new InputError(Input.ref, ref, 'a range names its own base; ref is the base of patches only');
  const limitText = read(SeriesOption.commitsLimit).trim() || String(DEFAULT_COMMITS_LIMIT);
  if (!/^\d{1,4}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > MAX_COMMITS_LIMIT) {
    throw new InputError(SeriesOption.commitsLimit, limitText, `commits-limit is a whole number from 1 to ${MAX_COMMITS_LIMIT}: the longest range a series checks; default ${DEFAULT_COMMITS_LIMIT}`);
  }
  const limit = Number(limitText);
  let ends: { base: string; head?: string; patches?: Patches };
  if (range !== '') {
    const parts = /^([^.]+(?:\.[^.]+)*)\.\.([^.]+(?:\.[^.]+)*)$/.exec(range);
    if (!parts) throw new InputError(SeriesOption.range, range, 'a range is BASE..HEAD, two refs as --ref takes them, e.g. v6.1..my-branch');
    ends = { base: checkRefSyntax(parts[1], SeriesOption.range), head: checkRefSyntax(parts[2], SeriesOption.range) };
  } else {
    if (ref === '') throw new InputError(Input.ref, '', 'patches are applied on a ref: give ref, e.g. --ref stable/linux-6.1.y');
    ends = { base: checkRefSyntax(ref, Input.ref), patches: readPatches(patchesPath, limit) };
  }
  const checkpatch = (read(SeriesOption.checkpatch).trim() || 'on') as CheckpatchMode;
  if (!CHECKPATCH_MODES.includes(checkpatch)) throw new InputError(SeriesOption.checkpatch, checkpatch, 'checkpatch is on (the default), strict (adds its CHECK findings) or off');
  const ignoreText = read(SeriesOption.checkpatchIgnore).trim();
  const checkpatchIgnore = ignoreText === '' ? DEFAULT_CHECKPATCH_IGNORE : splitList(ignoreText).filter((t) => t !== 'none');
  for (const t of checkpatchIgnore) {
    if (!CHECKPATCH_TYPE.test(t)) throw new InputError(SeriesOption.checkpatchIgnore, t, `checkpatch-ignore lists checkpatch's message types, e.g. "FILE_PATH_CHANGES SPDX_LICENSE_TAG", or none; default ${DEFAULT_CHECKPATCH_IGNORE.join(' ')}`);
  }
  const failOn = splitList(read(SeriesOption.failOn).trim()) as SeriesFailOn[];
  for (const f of failOn) {
    if (!FAIL_ON.includes(f)) throw new InputError(SeriesOption.failOn, f, `fail-on lists ${FAIL_ON.join(' and ')}: what fails the run besides a commit that fails to build or adds an error (reported either way)`);
  }
  // Every commit builds the targets of the head (a range's) or the base (patches'); a step keeps nothing but its logs and .config.
  const build = getInputs((input) => (input === Input.ref ? (ends.head ?? ends.base) : input === Input.keep ? 'none' : read(input)));
  return { ...ends, range: range || patchesPath, limit, checkpatch, checkpatchIgnore, failOn: [...new Set(failOn)], build };
}

/**
 * The series' plan without the engine. A range: both ends resolved (base an ancestor of
 * head), the commits between them as `git log --first-parent` walks them (a merge is checked
 * on its first parent), refused when there are none or more than the limit, the targets
 * planned at the head. Patches: the base resolved, the targets planned there, the patches
 * as read (git am makes their commits in the container). The series' folder. Reads only.
 */
export async function planSeries(inputs: SeriesInputs, git: Git, fragments: ProjectFragments): Promise<Omit<SeriesPlan, 'image' | 'container'>> {
  const build = await makePlan(inputs.build, git, fragments, 'the series checks out each commit');
  const common = { source: build.source, tree: build.tree, range: inputs.range, limit: inputs.limit, checkpatch: inputs.checkpatch, checkpatchIgnore: inputs.checkpatchIgnore, failOn: inputs.failOn };
  if (inputs.patches) {
    const base = build.ref;
    const mboxHash = createHash('sha256').update(inputs.patches.mbox).digest('hex');
    const dir = join(inputs.build.logs, pathSafe(build.tree), patchesDirName(base.sha, mboxHash));
    return { ...common, base: { ref: inputs.base, sha: base.sha }, commits: [], patches: { path: inputs.patches.path, list: inputs.patches.patches, mbox: inputs.patches.mbox }, dir, build: { ...build, logsDir: dir } };
  }
  const base = await resolveRef(git, inputs.base);
  const head = build.ref;
  const named = `${inputs.base} (${base.sha.slice(0, 12)}) .. ${inputs.head} (${head.sha.slice(0, 12)})`;
  if (base.sha === head.sha) throw new InputError(SeriesOption.range, inputs.range, `${named} is empty: base and head are the same commit`);
  // Exit 0: an ancestor; 1: not one (tryGit's undefined).
  if ((await tryGit(git, ['merge-base', '--is-ancestor', base.sha, head.sha])) === undefined) {
    throw new InputError(SeriesOption.range, inputs.range, `its base must be an ancestor of its head: ${base.sha.slice(0, 12)} is not one of ${head.sha.slice(0, 12)}`);
  }
  // One past the limit tells "too long" from "exactly the limit" without walking all of a long range.
  const log = await commitLog(git, `${base.sha}..${head.sha}`, inputs.limit + 1, '%an <%ae>', '%aI', true);
  if (log.length === 0) throw new InputError(SeriesOption.range, inputs.range, `${named} has no commit on its first-parent walk`);
  if (log.length > inputs.limit) {
    throw new InputError(SeriesOption.range, inputs.range, `${named} holds more than ${inputs.limit} commits on its first-parent walk; a series checks at most commits-limit (${inputs.limit}) commits`);
  }
  const commits: SeriesCommit[] = [];
  for (const [i, c] of log.reverse().entries()) {
    const files = (await git.run(['diff', '--name-only', '--no-renames', `${c.sha}^1`, c.sha])).split('\n').filter((l) => l.length > 0);
    commits.push({ k: i + 1, sha: c.sha, subject: c.subject, author: c.author, files });
  }
  const dir = join(inputs.build.logs, pathSafe(build.tree), seriesDirName(base.sha, head.sha));
  return { ...common, base: { ref: inputs.base, sha: base.sha }, head: { ref: inputs.head!, sha: head.sha }, commits, dir, build: { ...build, logsDir: dir } };
}
