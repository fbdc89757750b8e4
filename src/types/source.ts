// The floor: where the build container finds the source. Imports only src/types, so any module may import it.

/**
 * A folder of the host the source repository needs beside /src (the git dir of a
 * worktree, the common git dir, an alternate object store), mounted read-only at the
 * path the repository's own files name, so that git inside the container finds it.
 */
export interface SourceMount {
  /** The folder on the host, as a real path. */
  host: string;
  /** The path inside the container. */
  container: string;
  /** What it is, in words (for the plan and for errors). */
  why: string;
}
