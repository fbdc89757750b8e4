import { test } from 'node:test';
import assert from 'node:assert/strict';
import Docker from 'dockerode';
import { removeLeftovers } from '../../src/container/cleanup.ts';
import { CONTAINER_LABEL, OWNER_LABEL } from '../../src/constants.ts';

const docker = new Docker();

async function labelled(owner: number, start: boolean): Promise<Docker.Container> {
  const c = await docker.createContainer({
    Image: 'kernelbuilder/gcc-12',
    Entrypoint: ['/bin/sleep'],
    Cmd: ['120'],
    Labels: { [CONTAINER_LABEL]: 'test/cleanup', [OWNER_LABEL]: String(owner) },
    HostConfig: { NetworkMode: 'none' },
  });
  if (start) await c.start();
  return c;
}

test('leftovers of crashed runs are removed; a live run of another job is not, whatever its state', async () => {
  const gone = 2 ** 22 + 12345; // no such pid: its owner is gone
  const crashedStopped = await labelled(gone, false);
  const crashedRunning = await labelled(gone, true);
  const live = await labelled(process.pid, true);
  // Another job's run between creating its container and starting it: removing it would lose that build.
  const liveCreated = await labelled(process.pid, false);
  try {
    const removed = await removeLeftovers(docker);
    assert.ok(removed.includes(crashedStopped.id));
    assert.ok(removed.includes(crashedRunning.id));
    assert.ok(!removed.includes(live.id));
    assert.ok(!removed.includes(liveCreated.id));
    assert.equal((await live.inspect()).State.Running, true);
    assert.equal((await liveCreated.inspect()).State.Status, 'created');
    await assert.rejects(crashedRunning.inspect(), /no such container/i);
  } finally {
    await live.remove({ force: true });
    await liveCreated.remove({ force: true });
  }
});
