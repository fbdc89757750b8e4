// The floor: records every stage shares about targets. Imports only src/types, so any module may import it.

/**
 * What a target applies on top of its base config: a fragment file of the tree's config
 * folders (`make NAME.config`), one option, or a file anywhere in the tree read as a
 * mini-config (a `.kunitconfig`): those are given together to the base's make as
 * KCONFIG_ALLCONFIG, as kunit.py seeds its .config from them.
 */
export type Fragment = { kind: 'file'; name: string } | { kind: 'option'; option: string; value: string } | { kind: 'tree'; path: string };

/**
 * A kernel's own tests a target runs once built: KUnit, with the kernel run as a Linux
 * program in the build container (UML), or booted in QEMU once the build is done.
 */
export type TargetTest = 'kunit-uml' | 'kunit-qemu';

/** One kernel build: an arch and a config, with what is merged into the config. */
export interface Target {
  arch: string;
  /** The name it goes by: `defconfig`, `defconfig+kvm_guest.config`, a derived variant's name. */
  config: string;
  /** The make target that makes the starting .config; default `config`. */
  base?: string;
  /** Applied in order after the base, before olddefconfig. */
  fragments?: Fragment[];
  /** CONFIG_X=v the fragments ask for, checked against the final .config. */
  requires?: string[];
  /**
   * Text of the fragment files kernelbuilder ships that this target merges, by name: the
   * tree has none of that name, so the driver copies its own in (and a reproducer must).
   */
  shippedFragments?: Record<string, string>;
  /** The kernel's own tests it runs once built. */
  test?: TargetTest;
  /**
   * The compiler of a matrix build (the toolchains input): `gcc` or `clang-N`; its name then
   * ends in `@<compiler>`. Absent: the image's own toolchain.
   */
  compiler?: string;
}

/** Something asked for that this tree cannot build, and why. */
export interface Dropped {
  arch: string;
  config?: string;
  reason: string;
}

/**
 * What one target costs to build: the cost table that the scheduler (space on /build) and
 * the simulator (wall, utilisation, peak /build and memory) plan with. Each figure is
 * measured by the tree's newest complete earlier build of the target where it passed, else
 * the static estimate of its config class; `measured` says which.
 */
export interface TargetCost {
  /** User + system CPU seconds of its whole build (config, compile, link). */
  cpuSeconds: number;
  /**
   * Seconds of its build that run one process at a time whatever -j is: making the
   * .config, the final link, modpost. A measured target keeps its class's figure: a
   * build records no phase times.
   */
  serialSeconds: number;
  /** CPU seconds before its first object (config steps, host programs): its class's share of its CPU. */
  setupCpuSeconds: number;
  /** Seconds after its last object (link, image, kept files): its class's share of its CPU. */
  tailSeconds: number;
  /** Compile jobs kbuild runs for it (`  CC `, `  AS ` lines): the objects of its progress. */
  objects: number;
  /** Bytes of its object dir at its end, which is its peak: a build only adds files. */
  objdirBytes: number;
  /** Bytes one of its compile jobs holds in memory, about. */
  memoryPerJobBytes: number;
  /** Which figures came from an earlier build of it; the others are its class's. */
  measured: { cpuSeconds: boolean; objects: boolean; objdirBytes: boolean };
}
