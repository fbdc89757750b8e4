// The floor: records of the source tree and its ref. Imports only src/types, so any module may import it.

/** A commit of the source tree, for reports. */
export interface CommitInfo {
  sha: string;
  author: string;
  date: string;
  subject: string;
}

/** How a ref was found in the repository. */
export type RefKind = 'head' | 'remote-branch' | 'remote-head' | 'tag' | 'branch' | 'sha';

/** A ref resolved to a commit, with the build id the original builder would give it. */
export interface ResolvedRef {
  /** The ref as given. */
  ref: string;
  kind: RefKind;
  /** The remote, for `remote/branch` and bare `remote` refs. */
  remote?: string;
  sha: string;
  /** `git describe` of the sha (next-* tags on the next remote, v* tags otherwise), or the sha. */
  buildId: string;
}

/**
 * A kernel version as the top-level Makefile states it, plus the linux-next date when
 * the tree is a linux-next snapshot. Release candidates keep their number so that rc10
 * sorts after rc9, which a plain string or semver prerelease "rc10" would not.
 */
export interface KernelVersion {
  major: number;
  minor: number;
  sublevel: number;
  /** Release candidate number, from EXTRAVERSION `-rcN`. */
  rc?: number;
  /** EXTRAVERSION as written (`-rc3`, `-next`, empty). */
  extra: string;
  /** linux-next snapshot date, `YYYYMMDD`. */
  next?: string;
  /** What `make kernelversion` would print, plus `-next-DATE` for linux-next. */
  text: string;
}
