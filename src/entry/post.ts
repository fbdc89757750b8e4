import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { State } from '../constants.ts';
import { getInputs } from '../inputs.ts';
import { RESULTS_FILE } from '../logs-dir.ts';
import { connectDocker } from '../container/docker.ts';
import { removeLeftovers } from '../container/cleanup.ts';
import { publishBuildArtifacts } from '../publish/publish.ts';

/**
 * The action's post step, which the runner runs whatever happened to the main step
 * (failure, cancel): remove any container the main step could not remove, then upload
 * the build's logs folder, so that nothing is lost. A failed upload fails the step:
 * logs that silently did not arrive are worse than a red step.
 */
export async function runPost(): Promise<void> {
  try {
    const removed = await removeLeftovers(await connectDocker());
    for (const id of removed) core.info(`removed container ${id.slice(0, 12)} left by the build`);
  } catch (e) {
    core.warning(`post step: could not look for leftover containers: ${(e as Error).message}`);
  }
  const logsDir = core.getState(State.logsDir);
  if (!logsDir) return; // the main step stopped before it had a plan: nothing was built
  try {
    const inputs = getInputs((name) => core.getInput(name));
    if (!inputs.upload) return;
    if (!process.env.ACTIONS_RUNTIME_TOKEN) {
      core.info('not uploading artifacts: no ACTIONS_RUNTIME_TOKEN (not running in GitHub Actions)');
      return;
    }
    if (!existsSync(join(logsDir, RESULTS_FILE))) {
      core.warning(`${logsDir} has no ${RESULTS_FILE}: the main step died before it could write one; nothing to upload`);
      return;
    }
    for (const a of await publishBuildArtifacts(logsDir, inputs.artifacts)) core.info(`uploaded artifact ${a.name} (${a.size} bytes, id ${a.id})`);
  } catch (e) {
    core.setFailed(`uploading the build's artifacts failed: ${(e as Error).message}`);
  }
}
