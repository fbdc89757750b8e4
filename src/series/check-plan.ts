import { buildUser } from '../values/build-user.ts';
import { type EngineDeps, checkPlanOnEngine, checkPlanOnHost } from '../engine.ts';
import { loadProjectFragments } from '../plan/project-fragments.ts';
import { basename } from 'node:path';
import { bisectContainerSpec } from '../bisect/plan.ts';
import { type SeriesInputs, planSeries } from './plan.ts';
import { type SeriesPlan } from './types.ts';

/**
 * Plan a series and check it as a build's plan is checked (the source readable by the build
 * user; the image present, building the arches, its userland running): every refusal comes
 * before a container starts. Its container is a bisect's: the stepping driver, waiting.
 */
export async function checkSeriesPlan(inputs: SeriesInputs, deps: Pick<EngineDeps, 'git' | 'docker' | 'driverDir' | 'uid' | 'gid'>): Promise<SeriesPlan> {
  const planned = await planSeries(inputs, deps.git, loadProjectFragments(deps.driverDir));
  checkPlanOnHost(planned.build, deps);
  const { image } = await checkPlanOnEngine(planned.build, deps);
  const label = `${planned.tree}/${basename(planned.dir)}`;
  const container = bisectContainerSpec(planned.build, image, deps.driverDir, buildUser(deps.uid, deps.gid), label);
  return { ...planned, image, container };
}
