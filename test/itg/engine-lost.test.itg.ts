import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnection, createServer, type Socket } from 'node:net';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Docker from 'dockerode';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { runEngine } from '../support/engine-run.ts';
import { CONTAINER_LABEL } from '../../src/constants.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { tempDir } from '../support/temp-dir.ts';

test('the Docker engine going away mid-build: a clear error naming it, and the results so far kept', async () => {
  // The build talks to the engine through a socket proxy that the test cuts mid-build.
  const dir = tempDir('proxy');
  const proxyPath = join(dir, 'docker.sock');
  const open = new Set<Socket>();
  const proxy = createServer((client) => {
    const engine = createConnection('/var/run/docker.sock');
    open.add(client).add(engine);
    client.pipe(engine).pipe(client);
    const drop = () => {
      client.destroy();
      engine.destroy();
    };
    client.on('error', drop).on('close', drop);
    engine.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => proxy.listen(proxyPath, resolve));
  const real = new Docker();
  const before = new Set((await real.listContainers({ all: true, filters: { label: [CONTAINER_LABEL] } })).map((c) => c.Id));
  const src = makeToyKernel('echo "  CC      init/main.o"; sleep 60\n', { arches: ['x86'] });
  const logs = tempDir('logs');
  process.env.DOCKER_HOST = `unix://${proxyPath}`;
  try {
    const building = runEngine({ source: src, ref: 'v6.1', arches: 'x86', configs: 'tinyconfig', logs });
    const settled = building.then(() => undefined, (e: Error) => e);
    let ours: string | undefined;
    for (let i = 0; i < 200 && !ours; i++) {
      await sleep(100);
      ours = (await real.listContainers({ filters: { label: [CONTAINER_LABEL] } })).map((c) => c.Id).find((id) => !before.has(id));
    }
    assert.ok(ours, 'the build container started');
    await sleep(2000);
    proxy.close();
    for (const s of open) s.destroy();
    const error = await settled;
    assert.ok(error instanceof Error);
    assert.match(error.message, new RegExp(`the Docker engine at DOCKER_HOST=unix://${proxyPath.replace(/[.]/g, '\\.')} failed mid-build .*the results so far are in `));
    const buildDir = join(logs, readdirSync(logs).find((d) => d !== 'emails')!, 'v6.1');
    const results = JSON.parse(readFileSync(join(buildDir, 'results.json'), 'utf8')) as BuildResults;
    assert.equal(results.complete, false);
    assert.deepEqual(results.targets.map((t) => t.status), ['error']);
    assert.ok(existsSync(join(buildDir, 'summary.md')));
    await real.getContainer(ours!).remove({ force: true });
  } finally {
    delete process.env.DOCKER_HOST;
    proxy.close();
  }
});
