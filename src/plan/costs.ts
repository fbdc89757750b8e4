import { targetName } from '../values/target-name.ts';
import { type Target, type TargetCost } from '../types/targets.ts';
import { type TargetResult } from '../types/results.ts';

/** A config class: what a config of it costs when no earlier build tells. */
export interface ConfigClass {
  name: string;
  cpuSeconds: number;
  serialSeconds: number;
  /** CPU seconds before its first object: the config steps and the host programs (kconfig, fixdep, objtool, dtc). */
  setupCpuSeconds: number;
  /** Seconds after its last object, one process at a time: the link, the image, the kept files. */
  tailSeconds: number;
  objects: number;
  objdirBytes: number;
  memoryPerJobBytes: number;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

/**
 * Static costs by config class, for the real 6.1 tree with gcc 12 on one core of this
 * 2-core machine. tinyconfig and allnoconfig are as bench/sweep measured them here
 * (x86, arm64, riscv; means): CPU seconds and object dirs from kernelbuilder's own
 * results, serial seconds from the same targets built alone (their config steps, and
 * 2 x wall - CPU on 2 cores). defconfig and allmodconfig were not built here (a
 * defconfig is about half an hour of this machine, an allmodconfig many hours): their
 * object counts are typical of x86 (about 2,400 and 30,000), their CPU at 0.87 s an
 * object, 2.2 times the tiny configs' 0.39 s (larger units, more headers each), their
 * object dirs at 0.14 MiB an object (allnoconfig's is 0.115), their serial tail (link,
 * modpost) grown with what is linked. Set-up CPU and tail: the main job's cold build
 * (tinyconfig+kb-boot.config, 4 targets at -j4, an empty compiler cache, 2026-12-04) built
 * its first objects about 48 CPU s into each target and ended about 30 s after its last
 * (15 of them kb-boot's boot init, PROJECT_FRAGMENT_COSTS); the larger classes' set-up is
 * of the same order, their tail grown with what is linked. A tree's own previous build
 * replaces all of these.
 */
export const CONFIG_CLASSES: Record<'tiny' | 'small' | 'kunit' | 'default' | 'all', ConfigClass> = {
  tiny: { name: 'tinyconfig', cpuSeconds: 170, serialSeconds: 10, setupCpuSeconds: 45, tailSeconds: 15, objects: 440, objdirBytes: 36 * MB, memoryPerJobBytes: 200 * MB },
  small: { name: 'allnoconfig', cpuSeconds: 270, serialSeconds: 8, setupCpuSeconds: 45, tailSeconds: 15, objects: 610, objdirBytes: 70 * MB, memoryPerJobBytes: 200 * MB },
  // KUnit targets (alldefconfig seeded with a .kunitconfig, test set): the tree's default.config (all of KUnit's tests a
  // config enables by default) as one run built it here (2026-12-05, -j4, compiler cache 14% warm): um 645 objects in
  // 181 CPU s, x86 1083 in 293, arm64 778 in 273; object dirs 71, 175 and 96 MiB; means. A lib/kunit config builds
  // fewer. Set-up, serial and tail are the tiny class's, not measured apart. Until this row they were defconfigs:
  // 2,400 objects, and a first ETA of ~50 min for a run of 7.
  kunit: { name: 'kunit (default.config)', cpuSeconds: 250, serialSeconds: 10, setupCpuSeconds: 45, tailSeconds: 15, objects: 835, objdirBytes: 114 * MB, memoryPerJobBytes: 200 * MB },
  default: { name: 'defconfig', cpuSeconds: 2100, serialSeconds: 60, setupCpuSeconds: 60, tailSeconds: 45, objects: 2400, objdirBytes: 330 * MB, memoryPerJobBytes: 250 * MB },
  all: { name: 'allmodconfig', cpuSeconds: 26000, serialSeconds: 400, setupCpuSeconds: 60, tailSeconds: 300, objects: 30000, objdirBytes: 4 * GB, memoryPerJobBytes: 350 * MB },
};

/** What a fragment kernelbuilder ships adds to a config's cost, per arch. */
export interface FragmentCost {
  objects: Record<string, number>;
  cpuSeconds: Record<string, number>;
  tailSeconds: number;
}

/**
 * What kernelbuilder's own fragments add to a config of the tiny and small classes (a
 * larger config already holds what they ask for): tinyconfig+kb-boot.config as the main
 * job built it on this machine (an empty compiler cache, -j4, 2026-12-04: x86 616 objects
 * in 415 CPU s, arm 553 in 340, arm64 525 in 405, riscv 518 in 335) less the tiny class's
 * figures; its tail the boot init (headers, the init, the cpio). An arch not listed takes
 * the mean of those listed. A fragment kernelbuilder ships costs what it costs: without
 * this row the main job's targets were taken for plain tinyconfigs, a third of their
 * objects and half their CPU short.
 */
export const PROJECT_FRAGMENT_COSTS: Record<string, FragmentCost> = {
  'kb-boot.config': { objects: { x86: 176, arm: 113, arm64: 85, riscv: 78 }, cpuSeconds: { x86: 245, arm: 170, arm64: 235, riscv: 165 }, tailSeconds: 15 },
};

/** A per-arch figure of a fragment's row: the arch's, else the mean of the row's. */
function perArch(row: Record<string, number>, arch: string): number {
  const values = Object.values(row);
  return row[arch] ?? values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
}

/**
 * What clang costs against GCC, CPU for CPU, in a compiler matrix: x86 and arm64 tinyconfig
 * of 6.1 with an empty compiler cache, one run of the kernelbuilder/compilers image
 * (2026-12-05): GCC 12 338 CPU s, clang 14 385, clang 19 377. (bench/images.ts's two
 * images once gave 1.54, with clang 14 in its own image on a slower machine.)
 */
const CLANG_CPU_FACTOR = 1.13;

/**
 * A target's static cost: its config class's, plus what the fragments kernelbuilder ships
 * add to a tiny or small config, times what its compiler costs against GCC.
 */
export function staticCost(t: Target): ConfigClass {
  const cls = gccCost(t);
  return t.compiler?.startsWith('clang') ? { ...cls, cpuSeconds: Math.round(cls.cpuSeconds * CLANG_CPU_FACTOR) } : cls;
}

/** A target's static cost with GCC: its config class's, plus what the fragments kernelbuilder ships add to a tiny or small config. */
function gccCost(t: Target): ConfigClass {
  const cls = configClass(t);
  if (cls !== CONFIG_CLASSES.tiny && cls !== CONFIG_CLASSES.small) return cls;
  const rows = (t.fragments ?? []).flatMap((f) => (f.kind === 'file' && PROJECT_FRAGMENT_COSTS[f.name] ? [PROJECT_FRAGMENT_COSTS[f.name]!] : []));
  return rows.reduce(
    (c, row) => ({
      ...c,
      objects: Math.round(c.objects + perArch(row.objects, t.arch)),
      cpuSeconds: Math.round(c.cpuSeconds + perArch(row.cpuSeconds, t.arch)),
      tailSeconds: c.tailSeconds + row.tailSeconds,
    }),
    cls,
  );
}

/**
 * The class of a target's config: a KUnit target's (but all_tests.config's, which enables
 * every test the arch has) is KUnit's; any other's by its base (the make target that
 * starts its .config).
 */
export function configClass(t: Target): ConfigClass {
  if (t.test && !t.config.startsWith('kunit-all')) return CONFIG_CLASSES.kunit;
  const base = (t.base ?? t.config).toLowerCase();
  if (base === 'allmodconfig' || base === 'allyesconfig') return CONFIG_CLASSES.all;
  if (base === 'tinyconfig' || base.includes('tiny')) return CONFIG_CLASSES.tiny;
  if (base === 'allnoconfig' || base.includes('nommu')) return CONFIG_CLASSES.small;
  return CONFIG_CLASSES.default;
}

/**
 * The cost table of `targets`: each one's figures from `previous` (the tree's newest
 * complete earlier build, previousTargets) where that build passed it and counted the
 * figure, its class's otherwise. A target that failed stopped somewhere along the way:
 * its figures say nothing of a whole build.
 */
export function targetCosts(targets: Target[], previous: Map<string, TargetResult> = new Map()): Map<string, TargetCost> {
  return new Map(
    targets.map((t) => {
      const cls = staticCost(t);
      const before = previous.get(targetName(t));
      const passed = before?.status === 'pass' ? before : undefined;
      const positive = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n > 0;
      const measured = { cpuSeconds: positive(passed?.cpuSeconds), objects: positive(passed?.objects), objdirBytes: positive(passed?.objdirBytes) };
      const cpuSeconds = measured.cpuSeconds ? passed!.cpuSeconds! : cls.cpuSeconds;
      // A build records no phase times: a measured target's set-up and tail keep their
      // class's share of its CPU (a warm compiler cache shortens them all).
      const scale = cpuSeconds / cls.cpuSeconds;
      return [
        targetName(t),
        {
          cpuSeconds,
          serialSeconds: cls.serialSeconds,
          setupCpuSeconds: cls.setupCpuSeconds * scale,
          tailSeconds: cls.tailSeconds * scale,
          objects: measured.objects ? passed!.objects! : cls.objects,
          objdirBytes: measured.objdirBytes ? passed!.objdirBytes! : cls.objdirBytes,
          memoryPerJobBytes: cls.memoryPerJobBytes,
          measured,
        },
      ];
    }),
  );
}
