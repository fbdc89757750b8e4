import { type Target, targetName } from './targets.ts';
import { type TargetResult } from '../types/results.ts';

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
  /** Compile jobs kbuild runs for it (`  CC `, `  AS ` lines): the objects of its progress. */
  objects: number;
  /** Bytes of its object dir at its end, which is its peak: a build only adds files. */
  objdirBytes: number;
  /** Bytes one of its compile jobs holds in memory, about. */
  memoryPerJobBytes: number;
  /** Which figures came from an earlier build of it; the others are its class's. */
  measured: { cpuSeconds: boolean; objects: boolean; objdirBytes: boolean };
}

/** A config class: what a config of it costs when no earlier build tells. */
export interface ConfigClass {
  name: string;
  cpuSeconds: number;
  serialSeconds: number;
  objects: number;
  objdirBytes: number;
  memoryPerJobBytes: number;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

/**
 * Static costs by config class, for the real 6.1 tree with gcc 12 on one core of this
 * 2-core machine. tinyconfig and allnoconfig are as measured here (about 300 CPU s and
 * 350-400 objects); defconfig and allmodconfig are scaled from them by their object
 * counts (x86 defconfig about 2,400 objects, allmodconfig about 30,000) at the same CPU
 * seconds per object, their object dirs at the same bytes per object, and their serial
 * tail (link, modpost) grown with the size of what is linked.
 */
export const CONFIG_CLASSES: Record<'tiny' | 'small' | 'default' | 'all', ConfigClass> = {
  tiny: { name: 'tinyconfig', cpuSeconds: 300, serialSeconds: 25, objects: 350, objdirBytes: 45 * MB, memoryPerJobBytes: 200 * MB },
  small: { name: 'allnoconfig', cpuSeconds: 340, serialSeconds: 25, objects: 400, objdirBytes: 55 * MB, memoryPerJobBytes: 200 * MB },
  default: { name: 'defconfig', cpuSeconds: 2100, serialSeconds: 60, objects: 2400, objdirBytes: 330 * MB, memoryPerJobBytes: 250 * MB },
  all: { name: 'allmodconfig', cpuSeconds: 26000, serialSeconds: 400, objects: 30000, objdirBytes: 4 * GB, memoryPerJobBytes: 350 * MB },
};

/** The class of a target's config: by its base (the make target that starts its .config). */
export function configClass(t: Target): ConfigClass {
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
      const cls = configClass(t);
      const before = previous.get(targetName(t));
      const passed = before?.status === 'pass' ? before : undefined;
      const positive = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n > 0;
      const measured = { cpuSeconds: positive(passed?.cpuSeconds), objects: positive(passed?.objects), objdirBytes: positive(passed?.objdirBytes) };
      return [
        targetName(t),
        {
          cpuSeconds: measured.cpuSeconds ? passed!.cpuSeconds! : cls.cpuSeconds,
          serialSeconds: cls.serialSeconds,
          objects: measured.objects ? passed!.objects! : cls.objects,
          objdirBytes: measured.objdirBytes ? passed!.objdirBytes! : cls.objdirBytes,
          memoryPerJobBytes: cls.memoryPerJobBytes,
          measured,
        },
      ];
    }),
  );
}
