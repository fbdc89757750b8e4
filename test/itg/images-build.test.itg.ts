import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Docker from 'dockerode';
import { buildImages } from '../../src/images/build-images.ts';
import { parseImageTable } from '../../src/images/table.ts';
import { recordingLog } from '../support/recording-log.ts';
import { tempDir } from '../support/temp-dir.ts';

// `images build` through dockerode on the real engine, with a Dockerfile no layer cache
// has seen, from the debootstrapped base that scripts/prepare.sh makes.
test('images build: a new image from a local base, labels and all; a missing base is skipped, never pulled', async () => {
  const dir = tempDir('images');
  mkdirSync(join(dir, 'probe'));
  const marker = randomUUID();
  writeFileSync(join(dir, 'probe/Dockerfile'), `ARG BASE=debian:bookworm-slim\nFROM \${BASE}\nRUN echo ${marker} > /kb-built\nLABEL org.kernelbuilder.arches="x86" org.kernelbuilder.toolchain="gcc"\n`);
  const table = parseImageTable(
    JSON.stringify({
      images: [
        { name: 'kernelbuilder-test/probe', dockerfile: 'probe/Dockerfile', base: 'debian:bookworm-slim' },
        { name: 'kernelbuilder-test/orphan', dockerfile: 'probe/Dockerfile', base: 'kernelbuilder-test/no-such-base:1' },
      ],
      select: [{ kernels: '*', image: 'kernelbuilder-test/probe' }],
    }),
    'image-table',
    'test table',
  );
  const docker = new Docker();
  const outcomes = await buildImages(docker, table, dir, recordingLog(), { base: ['kernelbuilder/debian-base:bookworm'] });
  assert.deepEqual(outcomes.map((o) => [o.name, o.outcome]), [
    ['kernelbuilder-test/probe', 'built'],
    ['kernelbuilder-test/orphan', 'skipped'],
  ]);
  assert.match(outcomes[1].detail, /base kernelbuilder-test\/no-such-base:1 is not present/);
  const inspect = await docker.getImage('kernelbuilder-test/probe').inspect();
  assert.equal(inspect.Config.Labels['org.kernelbuilder.arches'], 'x86');
  await docker.getImage('kernelbuilder-test/probe').remove({ force: true });
});

test('images build: a --base that is neither on the engine nor an image of the table is refused before anything is built', async () => {
  const dir = tempDir('images-absent-base');
  mkdirSync(join(dir, 'probe'));
  writeFileSync(join(dir, 'probe/Dockerfile'), 'ARG BASE=debian:bookworm-slim\nFROM ${BASE}\n');
  const table = parseImageTable(
    JSON.stringify({ images: [{ name: 'kernelbuilder-test/never-built', dockerfile: 'probe/Dockerfile', base: 'debian:bookworm-slim' }], select: [{ kernels: '*', image: 'kernelbuilder-test/never-built' }] }),
    'image-table',
    'test table',
  );
  const log = recordingLog();
  await assert.rejects(buildImages(new Docker(), table, dir, log, { base: ['kernelbuilder-test/no-such-base:1'] }), /input 'base': "kernelbuilder-test\/no-such-base:1" is not allowed; kernelbuilder-test\/no-such-base:1 is not on the Docker engine/);
  await assert.rejects(new Docker().getImage('kernelbuilder-test/never-built').inspect(), /no such image/i);
});
