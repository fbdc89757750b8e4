import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { DRIVER_MOUNT } from '../constants.ts';
import { prepareCcacheDir } from '../engine.ts';
import { type SteppingContainer, type SteppingDeps, startSteppingContainer } from '../container/stepping.ts';
import { type BuildPlan } from '../types/plan.ts';
import { type ImageInfo } from '../types/image.ts';

/**
 * Open a bisect's or a series' run in its folder: what an earlier run of it left there
 * removed (its steps folder and its own files: no step of an earlier run may be read as
 * this one's), the compiler cache ready for the build user, then its one stepping
 * container of bisect.sh, its output in `driverLog`.
 */
export async function openSteppedRun(args: {
  what: 'bisect' | 'series';
  dir: string;
  stepsDir: string;
  files: readonly string[];
  driverLog: string;
  container: Docker.ContainerCreateOptions;
  build: BuildPlan;
  image: ImageInfo;
  deps: SteppingDeps;
}): Promise<SteppingContainer> {
  const { dir, deps } = args;
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, args.stepsDir), { recursive: true, force: true });
  for (const file of args.files) rmSync(join(dir, file), { force: true });
  const [uid, gid] = String(args.container.User).split(':').map(Number);
  prepareCcacheDir(args.build, args.image, [uid, gid], deps.uid);
  return startSteppingContainer({
    what: args.what,
    dir,
    driverLog: join(dir, args.driverLog),
    spec: args.container,
    buildUser: { uid, gid },
    logsLimit: args.build.limits.logs,
    driverPath: `${DRIVER_MOUNT}/bisect.sh`,
    deps,
  });
}
