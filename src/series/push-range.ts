import { SeriesOption } from '../constants.ts';
import { InputError } from '../errors.ts';
import { type Git, tryGit } from '../ref/git.ts';
import { checkRefSyntax } from '../ref/ref-syntax.ts';
import { resolveRef } from '../ref/resolve.ts';
import { parseJson } from '../parse-json.ts';
import { readInputFile } from '../read-input-file.ts';

/** Where a push's series starts, and why there, for the log. */
export interface PushBase {
  base: string;
  why: string;
}

/** What the push event's payload says that a series needs: its `before`, whether it was forced, the default branch. */
export interface PushEvent {
  before?: string;
  forced?: boolean;
  defaultBranch?: string;
}

const ZERO = /^0{40}$/;

/** The push event of GITHUB_EVENT_PATH, its few fields checked by type; anything else (another event, no file) is none of them. */
export function readPushEvent(path: string | undefined): PushEvent {
  if (!path) return {};
  let payload: unknown;
  try {
    payload = parseJson(readInputFile(path, { maxBytes: 64 * 2 ** 20, followLinks: true }));
  } catch {
    return {};
  }
  const p = payload as { before?: unknown; forced?: unknown; repository?: { default_branch?: unknown } } | null;
  return {
    ...(typeof p?.before === 'string' && /^[0-9a-f]{40}$/.test(p.before) ? { before: p.before } : {}),
    ...(typeof p?.forced === 'boolean' ? { forced: p.forced } : {}),
    ...(typeof p?.repository?.default_branch === 'string' ? { defaultBranch: p.repository.default_branch } : {}),
  };
}

/**
 * The base of the commits a push brought to `head` (a sha): `commits-base` where given;
 * else the push's `before` when it is a commit of the source and an ancestor of head (not a
 * new branch, not a forced push); else where head left the default branch (the merge base
 * with origin/<default branch>). None of these: an error asking for commits-base.
 */
export async function pushBase(args: { commitsBase: string; event: PushEvent; git: Git; head: string }): Promise<PushBase> {
  const { git, head, event } = args;
  if (args.commitsBase !== '') {
    const ref = checkRefSyntax(args.commitsBase, SeriesOption.commitsBase);
    return { base: (await resolveRef(git, ref)).sha, why: `commits-base ${ref}` };
  }
  const { before } = event;
  const usable = before !== undefined && !ZERO.test(before) && event.forced !== true && (await tryGit(git, ['merge-base', '--is-ancestor', before, head])) !== undefined;
  if (usable) return { base: before, why: `the push's before, ${before.slice(0, 12)}` };
  const reason = before === undefined ? 'the event has no before (not a push)' : ZERO.test(before) ? 'a new branch' : event.forced ? 'a forced push' : `its before ${before.slice(0, 12)} is not an ancestor of ${head.slice(0, 12)} in the source`;
  const branch = event.defaultBranch;
  const remote = branch && /^[A-Za-z0-9._/-]+$/.test(branch) ? `refs/remotes/origin/${branch}` : undefined;
  const forkPoint = remote ? (await tryGit(git, ['merge-base', remote, head]))?.trim() : undefined;
  if (forkPoint) return { base: forkPoint, why: `${reason}: the commits not in origin/${branch} (from ${forkPoint.slice(0, 12)})` };
  throw new InputError(SeriesOption.commitsBase, '', `commits: each needs a base: ${reason}, and ${remote ? `origin/${branch} is not in the source or has no commit in common with ${head.slice(0, 12)}` : 'the event names no default branch'}; give commits-base (a ref, e.g. origin/master)`);
}
