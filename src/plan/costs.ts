import { targetName } from '../values/target-name.ts';
import { type Target, type TargetCost } from '../types/targets.ts';
import { type TargetResult } from '../types/results.ts';

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
 * 2-core machine. tinyconfig and allnoconfig are as bench/sweep measured them here
 * (x86, arm64, riscv; means): CPU seconds and object dirs from kernelbuilder's own
 * results, serial seconds from the same targets built alone (their config steps, and
 * 2 x wall - CPU on 2 cores). defconfig and allmodconfig were not built here (a
 * defconfig is about half an hour of this machine, an allmodconfig many hours): their
 * object counts are typical of x86 (about 2,400 and 30,000), their CPU at 0.87 s an
 * object, 2.2 times the tiny configs' 0.39 s (larger units, more headers each), their
 * object dirs at 0.14 MiB an object (allnoconfig's is 0.115), their serial tail (link,
 * modpost) grown with what is linked. A tree's own previous build replaces all of these.
 */
export const CONFIG_CLASSES: Record<'tiny' | 'small' | 'default' | 'all', ConfigClass> = {
  tiny: { name: 'tinyconfig', cpuSeconds: 170, serialSeconds: 10, objects: 440, objdirBytes: 36 * MB, memoryPerJobBytes: 200 * MB },
  small: { name: 'allnoconfig', cpuSeconds: 270, serialSeconds: 8, objects: 610, objdirBytes: 70 * MB, memoryPerJobBytes: 200 * MB },
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
