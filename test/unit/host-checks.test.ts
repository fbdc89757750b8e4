import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectFragments } from '../support/project-fragments.ts';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { checkHostFolder } from '../../src/host-folder.ts';
import { getInputs } from '../../src/inputs/inputs.ts';
import { checkPlanOnEngine } from '../../src/engine.ts';
import { makePlan } from '../../src/plan/plan.ts';
import { gitIn } from '../../src/ref/git.ts';
import { InputError } from '../../src/errors.ts';
import { ImageLabel } from '../../src/images/inspect.ts';
import { makeTinyTree } from '../support/tiny-tree.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kb-host-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

test('a host folder: created if missing, refused where it is a file, the root or a system folder', () => {
  assert.deepEqual(checkHostFolder('logs', join(scratch, 'new', 'logs')), { path: join(scratch, 'new', 'logs') });
  const file = join(scratch, 'file');
  writeFileSync(file, '');
  for (const [value, reason] of [
    [file, `${file} is not a folder`],
    [join(file, 'below'), `${file} is not a folder`],
    ['/', 'it is the root folder'],
    ['/etc', 'it is in the system folder /etc'],
    ['/proc/self', 'it is in the system folder /proc'],
    ['/usr/local/kb', 'it is in the system folder /usr'],
  ]) {
    assert.throws(() => checkHostFolder('logs', value), (e: unknown) => e instanceof InputError && e.message.startsWith(`input 'logs': ${JSON.stringify(value)} is not allowed; ${reason}`), value);
  }
});

test('a shared folder itself is odd, not dangerous: a warning; a folder inside it is fine', () => {
  assert.match(checkHostFolder('logs', '/tmp').warning ?? '', /input 'logs' is \/tmp, a folder every user shares/);
  assert.equal(checkHostFolder('logs', join(scratch, 'x')).warning, undefined);
  const inputs = getInputs((n) => ({ source: '/srv/linux', ref: 'master', logs: '/tmp', 'ccache-dir': '/var/tmp' })[n] ?? '');
  assert.equal(inputs.warnings.length, 2);
  assert.match(inputs.warnings[1], /input 'ccache-dir' is \/var\/tmp/);
});

test('a tree named by its source folder may not take a name the logs root keeps for itself', async () => {
  // A repository in a folder called emails (inside scratch, removed with it).
  const emails = join(scratch, 'emails');
  renameSync(makeTinyTree({ version: '6.1.0', arches: { x86: [] } }), emails);
  const inputs = getInputs((n) => ({ source: emails, ref: 'master', arches: 'x86' })[n] ?? '');
  await assert.rejects(makePlan(inputs, gitIn(emails), projectFragments), /input 'tree': "emails" is not allowed; the source folder's name names a folder the logs root keeps/);
  const named = getInputs((n) => ({ source: emails, ref: 'master', arches: 'x86', tree: 'linux' })[n] ?? '');
  assert.equal((await makePlan(named, gitIn(emails), projectFragments)).tree, 'linux');
});

test('cpus beyond what the engine has is refused before a container is made', async (t) => {
  const tree = makeTinyTree({ version: '6.1.0', arches: { x86: [] } });
  t.after(() => rmSync(tree, { recursive: true, force: true }));
  const plan = (cpus: string) => makePlan(getInputs((n) => ({ source: tree, ref: 'master', arches: 'x86', cpus, image: 'kb/test' })[n] ?? ''), gitIn(tree), projectFragments);
  const inspect = { Id: 'sha256:1', RepoTags: ['kb/test:latest'], Config: { Labels: { [ImageLabel.arches]: 'x86' } } };
  const docker = { getImage: () => ({ inspect: async () => inspect }), info: async () => ({ NCPU: 2 }) } as unknown as Docker;
  const deps = { docker, driverDir: '/opt/driver', uid: 1000, gid: 1000 };
  await assert.rejects(checkPlanOnEngine(await plan('1024'), deps), /input 'cpus': "1024" is not allowed; the Docker engine has 2 CPUs: cpus is at most 2/);
  assert.equal((await checkPlanOnEngine(await plan('1.5'), deps)).image.id, 'sha256:1');
});
