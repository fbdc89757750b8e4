// Types only: a build image as the build needs it. Imports nothing, so that any module
// (the container's spec, results, the engine) may import it.

/** A present image, as the build needs it: exact id, and what its labels declare. */
export interface ImageInfo {
  name: string;
  /** Content-addressed id (`sha256:...`): the container is created from it, so a re-tag mid-run changes nothing. */
  id: string;
  /** A registry digest when the image came from one, else the id. */
  digest: string;
  toolchain: string;
  arches: string[];
  /** Cross prefix per arch; '' for a native arch. */
  cross: Record<string, string>;
  /** Variables every make of a build gets, e.g. LLVM=1 for a clang image. */
  makeVars: string[];
  /** A userland other than the host's own (x32), which the host kernel must be able to run. */
  userland?: string;
}
