import type Docker from 'dockerode';
import { CONTAINER_LABEL, OWNER_LABEL } from '../constants.ts';

/** Whether a process of this machine is alive (signal 0 checks without sending). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove what crashed earlier runs left: containers with kernelbuilder's label that have
 * stopped, or whose owning process is gone. Running builds of other jobs on the same
 * engine (several runners on one box) are left alone. Returns the ids removed.
 */
export async function removeLeftovers(docker: Docker, isAlive: (pid: number) => boolean = alive): Promise<string[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: [CONTAINER_LABEL] } });
  const removed: string[] = [];
  for (const c of containers) {
    const owner = Number(c.Labels[OWNER_LABEL]);
    const orphan = c.State !== 'running' || !Number.isInteger(owner) || owner <= 0 || !isAlive(owner);
    if (!orphan) continue;
    await docker
      .getContainer(c.Id)
      .remove({ force: true, v: true })
      .then(() => removed.push(c.Id))
      .catch(() => undefined);
  }
  return removed;
}
