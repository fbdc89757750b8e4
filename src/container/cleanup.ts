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
 * Remove what crashed earlier runs left: containers with kernelbuilder's label whose
 * owning process is gone, running or stopped. A live owner's container is its own, in
 * whatever state: another job's run on the same engine (several runners on one box) may
 * be between creating it and starting it, or collecting it after it stopped, and removing
 * it then would lose that build. Returns the ids removed.
 */
export async function removeLeftovers(docker: Docker, isAlive: (pid: number) => boolean = alive): Promise<string[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: [CONTAINER_LABEL] } });
  const removed: string[] = [];
  for (const c of containers) {
    const owner = Number(c.Labels[OWNER_LABEL]);
    const orphan = !Number.isInteger(owner) || owner <= 0 || !isAlive(owner);
    if (!orphan) continue;
    await docker
      .getContainer(c.Id)
      .remove({ force: true, v: true })
      .then(() => removed.push(c.Id))
      .catch(() => undefined);
  }
  return removed;
}
