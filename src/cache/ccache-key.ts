import { createHash } from 'node:crypto';
import { splitTargetName } from '../values/target-name.ts';

/** Bump when what the cache holds changes shape, so old entries are never restored. */
export const CCACHE_KEY_PREFIX = 'kernelbuilder-ccache-v1';

/** The Actions cache keys of one build's compiler cache, from most to least specific. */
export interface CcacheKeys {
  primary: string;
  /** Prefixes tried in order when the primary key has no entry. */
  restore: string[];
}

/**
 * The keys of a build's compiler cache: `<prefix>-<image>-<arches>-<targets hash>-<sha>`.
 * A new commit of the same image and targets restores the newest entry of the same
 * targets, else of the same arches, else of the same image: ccache only reuses objects
 * whose compiler and inputs match, so a wider match costs space, never correctness.
 * The image is its id, the same one the cache folder is named by (`ccacheDirFor`), so a
 * restored entry always holds the folder the build mounts. Every part is hex or an
 * arch name: no commas, far below the 512 characters @actions/cache allows.
 */
export function ccacheKeys(args: { imageId: string; targets: string[]; sha: string }): CcacheKeys {
  const image = args.imageId.replace(/^sha256:/, '').slice(0, 16);
  const targets = [...new Set(args.targets)].sort();
  const arches = [...new Set(targets.map((t) => splitTargetName(t).arch))].sort().join('-');
  const targetsHash = createHash('sha256').update(targets.join('\n')).digest('hex').slice(0, 12);
  const byImage = `${CCACHE_KEY_PREFIX}-${image}-`;
  const byArches = `${byImage}${arches}-`;
  const byTargets = `${byArches}${targetsHash}-`;
  return { primary: `${byTargets}${args.sha}`, restore: [byTargets, byArches, byImage] };
}

/**
 * Why a build's compiler cache is not saved, or undefined when it is: nothing was built,
 * the job was cancelled (a half-run cache is not worth a slot of the quota), or the entry
 * restored is already this key's (Actions cache entries cannot be overwritten).
 */
export function whyNotSave(args: { skipped: boolean; cancelled: boolean; restoredKey?: string; primaryKey: string }): string | undefined {
  if (args.skipped) return 'nothing was built';
  if (args.cancelled) return 'the job was cancelled';
  if (args.restoredKey === args.primaryKey) return `it was restored from ${args.primaryKey} itself`;
  return undefined;
}
