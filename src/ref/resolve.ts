import { type Git, tryGit } from './git.ts';
import { SourceError } from '../errors.ts';
import { type RefKind, type ResolvedRef } from '../types/ref.ts';

/** The ref that names what the source has checked out: resolved once, to its sha. */
export const HEAD_REF = 'HEAD';

/**
 * Resolve a ref (already checked by checkRefSyntax) the way the original builder did:
 * `remote/branch` first, then a bare remote (its HEAD), a tag, a branch, and last an
 * abbreviated or full sha; `HEAD` is the source's checked-out commit. Reads only.
 */
export async function resolveRef(git: Git, ref: string): Promise<ResolvedRef> {
  const found = await findRef(git, ref);
  if (!found) {
    throw new SourceError(
      `ref ${JSON.stringify(ref)} is not in the source repository: it is no remote-tracking branch, ` +
        `remote, tag, branch or commit there (fetch it first; list refs with 'git for-each-ref')`,
    );
  }
  const { kind, remote, sha } = found;
  const nextTree = remote === 'next' || ref.startsWith('next-');
  const described = await tryGit(git, ['describe', '--match', nextTree ? 'next-*' : 'v*', sha]);
  return { ref, kind, remote, sha, buildId: described?.trim() || sha };
}

async function findRef(git: Git, ref: string): Promise<{ kind: RefKind; remote?: string; sha: string } | undefined> {
  if (ref === HEAD_REF) {
    const sha = await commitOf(git, HEAD_REF);
    return sha ? { kind: 'head', sha } : undefined;
  }
  const candidates: { kind: RefKind; name: string; remote?: string }[] = [];
  if (ref.includes('/')) candidates.push({ kind: 'remote-branch', name: `refs/remotes/${ref}`, remote: ref.split('/')[0] });
  else candidates.push({ kind: 'remote-head', name: `refs/remotes/${ref}/HEAD`, remote: ref });
  candidates.push({ kind: 'tag', name: `refs/tags/${ref}` }, { kind: 'branch', name: `refs/heads/${ref}` });
  if (/^[0-9a-f]{4,40}$/.test(ref)) candidates.push({ kind: 'sha', name: ref });

  for (const c of candidates) {
    const sha = c.kind === 'sha' ? await commitOf(git, c.name) : await commitOfRef(git, c.name);
    if (sha) return { kind: c.kind, remote: c.remote, sha };
  }
  return undefined;
}

/**
 * The commit a full ref name points to, only when that ref exists. rev-parse alone is not
 * enough: it reads any name with `-g<hex>` in it as `git describe` output, so that
 * `refs/tags/bogus-g8c0f7a` would "resolve" to commit 8c0f7a although no such tag exists.
 * show-ref --verify takes exact ref names only (and follows symbolic refs like remote HEADs).
 */
async function commitOfRef(git: Git, fullName: string): Promise<string | undefined> {
  const target = (await tryGit(git, ['show-ref', '--verify', '--hash', '--', fullName]))?.trim();
  return target ? commitOf(git, target) : undefined;
}

async function commitOf(git: Git, name: string): Promise<string | undefined> {
  const out = await tryGit(git, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${name}^{commit}`]);
  return out?.trim() || undefined;
}
