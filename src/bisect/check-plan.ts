import { buildUser } from '../values/build-user.ts';
import { type EngineDeps, checkPlanOnEngine, checkPlanOnHost } from '../engine.ts';
import { loadProjectFragments } from '../plan/project-fragments.ts';
import { bisectDirName, pathSafe } from '../logs-layout.ts';
import { type BisectInputs, bisectContainerSpec, planBisect } from './plan.ts';
import { type BisectPlan } from './types.ts';

/**
 * Plan a bisect and check it as a build's plan is checked (the source readable by the
 * build user; the image present, building the arch, its userland running; the boot
 * image when it boots): every refusal comes before a container starts.
 */
export async function checkBisectPlan(inputs: BisectInputs, deps: Pick<EngineDeps, 'git' | 'docker' | 'driverDir' | 'uid' | 'gid'>): Promise<BisectPlan> {
  const planned = await planBisect(inputs, deps.git, loadProjectFragments(deps.driverDir));
  checkPlanOnHost(planned.build, deps);
  const { image, boot } = await checkPlanOnEngine(planned.build, deps);
  const label = `${planned.tree}/${bisectDirName(planned.good.sha, planned.bad.sha, inputs.target.arch, pathSafe(inputs.target.config))}`;
  const container = bisectContainerSpec(planned.build, image, deps.driverDir, buildUser(deps.uid, deps.gid), label);
  return { ...planned, image, ...(boot ? { bootImage: boot.image } : {}), container };
}
