import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { connectDocker } from '../container/docker.ts';
import { removeLeftovers } from '../container/cleanup.ts';
import { publishBuildArtifacts } from '../publish/publish.ts';
import { decidePostUpload, loadPostState } from '../publish/post-upload.ts';
import { actionLog, failStep } from './action-log.ts';

/**
 * The action's post step, which the runner runs whatever happened to the main step
 * (failure, cancel): remove any container the main step could not remove, then upload
 * the build's logs folder, so that nothing is lost. Reads only what main left in the
 * state, never the inputs again. A failed upload fails the step: logs that silently did
 * not arrive are worse than a red step; where there is no artifact service at all (GHES)
 * a warning says where the logs are, and the outcome stays the build's.
 */
export async function runPost(): Promise<void> {
  // Through the action's one sink, as main's lines: a message may quote a path or an engine's error.
  const log = actionLog();
  try {
    const removed = await removeLeftovers(await connectDocker());
    for (const id of removed) log.info(`removed container ${id.slice(0, 12)} left by the build`);
  } catch (e) {
    log.warning(`post step: could not look for leftover containers: ${(e as Error).message}`);
  }
  try {
    const upload = decidePostUpload(loadPostState(core.getState), process.env, existsSync);
    if (upload.action === 'none' && upload.info) log.info(upload.info);
    else if (upload.action === 'warn') log.warning(upload.message);
    else if (upload.action === 'upload') {
      for (const a of await publishBuildArtifacts(upload.logsDir, upload.artifacts)) log.info(`uploaded artifact ${a.name} (${a.size} bytes, id ${a.id})`);
    }
  } catch (e) {
    failStep(`uploading the build's artifacts failed: ${(e as Error).message}`);
  }
}
