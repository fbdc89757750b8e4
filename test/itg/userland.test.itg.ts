import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { inspectImage } from '../../src/images/inspect.ts';
import { checkImageUserland } from '../../src/container/userland.ts';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { runEngine } from '../support/engine-run.ts';
import { tempDir } from '../support/temp-dir.ts';

// An image with an x32 userland, as the seed's Gentoo x32 images have: its one binary,
// /bin/true, is a real x32 program built by the gcc-12 image's GCC. Whether this host
// runs it decides what the check must say, so the test asks the host directly too.

const TAG = 'kb-test/x32-userland';
const TRUE_X32 = `void _start(void) {
  /* exit(0) through the x32 system call ABI: x86-64's number 60 with the x32 bit set. */
  __asm__ volatile("mov $0x4000003c, %eax\\n\\txor %edi, %edi\\n\\tsyscall");
  for (;;) {}
}
`;

/** Build the image; returns the x32 binary's path on the host. */
function makeX32Image(): string {
  const dir = tempDir('x32');
  mkdirSync(join(dir, 'root', 'bin'), { recursive: true });
  // The gcc-12 image compiles as its build user: it reads the folder and writes bin/.
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'root', 'bin'), 0o777);
  writeFileSync(join(dir, 'true.c'), TRUE_X32);
  execFileSync('docker', ['run', '--rm', '--network', 'none', '-v', `${dir}:/w`, 'kernelbuilder/gcc-12', 'gcc', '-mx32', '-nostdlib', '-static', '-o', '/w/root/bin/true', '/w/true.c']);
  execFileSync('tar', ['-C', join(dir, 'root'), '-cf', join(dir, 'root.tar'), '.']);
  const labels = ['userland="x32"', 'toolchain="gcc"', 'toolchain-version="12"', 'arches="x86"', 'cross.x86=""'];
  execFileSync('docker', ['import', ...labels.flatMap((l) => ['--change', `LABEL org.kernelbuilder.${l}`]), join(dir, 'root.tar'), TAG]);
  return join(dir, 'root', 'bin', 'true');
}

const binary = makeX32Image();
const hostRunsX32 = spawnSync(binary).status === 0;
const docker = new Docker();

function ourContainers(): string {
  return execFileSync('docker', ['ps', '-aq', '--filter', 'label=org.kernelbuilder.build'], { encoding: 'utf8' }).trim();
}

test.after(() => spawnSync('docker', ['rmi', '-f', TAG]));

test(`the userland check says what the host says of a real x32 binary (this host: ${hostRunsX32 ? 'runs' : 'does not run'} x32)`, async () => {
  const image = await inspectImage(docker, TAG);
  assert.equal(image.userland, 'x32');
  const check = checkImageUserland(docker, image);
  if (hostRunsX32) await check;
  else await assert.rejects(check, /^DockerError: image kb-test\/x32-userland has the userland x32, which this host cannot run \(true in the image failed: .+\); it needs a kernel built with CONFIG_X86_X32_ABI=y/);
  assert.equal(ourContainers(), '', 'the check leaves no container');
});

test('a build on an x32 image this host cannot run is refused before it starts', { skip: hostRunsX32 && 'this host runs x32 binaries' }, async () => {
  const src = makeToyKernel('echo "  LD      vmlinux"\n', { arches: ['x86'] });
  const logs = tempDir('logs');
  await assert.rejects(runEngine({ source: src, ref: 'v6.1', arches: 'x86', configs: 'tinyconfig', image: TAG, logs }), /which this host cannot run/);
  assert.equal(execFileSync('find', [logs, '-mindepth', '1'], { encoding: 'utf8' }), '', 'nothing is written under the logs folder');
  assert.equal(ourContainers(), '');
});
