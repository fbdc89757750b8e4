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
  /** The compilers a matrix target may name in it (gcc, clang-N): its compilers label, else its own toolchain. */
  compilers: string[];
  /** A userland other than the host's own (x32), which the host kernel must be able to run. */
  userland?: string;
}

/** The image chosen for a build, and why: the reason is logged and kept in the plan. */
export interface ImageChoice {
  image: string;
  reason: string;
}

/** The image chosen for a compiler matrix, and the compilers it has no support for this kernel for, each with why. */
export interface CompilerImageChoice extends ImageChoice {
  unsupported: Record<string, string>;
}

/** An image kernelbuilder knows how to build: its Dockerfile under images/ and its base. */
export interface ImageSpec {
  name: string;
  /** Path of the Dockerfile, relative to images/. */
  dockerfile: string;
  /** The image the Dockerfile builds FROM by default (its `ARG BASE`). */
  base: string;
  description: string;
  /**
   * Images that build no kernel, never chosen by a select rule: 'base', an image other
   * images build FROM; 'boot', the image kernels are booted in (QEMU).
   */
  role?: ImageRole;
}

/** The roles of images that are no builders (IMAGE_ROLES lists them). */
export type ImageRole = 'base' | 'boot';

/** One selection rule: kernels whose release satisfies the semver range get the image. */
export interface SelectRule {
  kernels: string;
  image: string;
  why: string;
  /** The toolchain family the rule is for (the `toolchain` input); gcc when not given. */
  toolchain: string;
  /**
   * The compilers its image holds for a matrix build (the `toolchains` input), each with the
   * kernels it builds, a semver range. A rule with compilers is chosen only for `toolchains`,
   * one without only for `toolchain`.
   */
  compilers?: Record<string, string>;
}

/** The image table: what can be built, and which image builds which kernel. */
export interface ImageTable {
  images: ImageSpec[];
  select: SelectRule[];
}
