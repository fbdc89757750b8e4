import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { git, makeTinyTree } from '../support/tiny-tree.ts';
import { NODE24 } from '../support/action-run.ts';
import { tempDir } from '../support/temp-dir.ts';

function cli(...args: string[]) {
  return spawnSync(NODE24, ['dist/cli.js', ...args], { encoding: 'utf8' });
}

test('plan: a 4.14 tree plans the GCC 7.3 image, and says the image is not here and how to build it', () => {
  const dir = makeTinyTree({ version: '4.14.336', arches: { x86: [], arm64: [], arm: [] } });
  git(dir, 'tag', '-a', '-m', 'v4.14.336', 'v4.14.336');
  const run = cli('plan', '--source', dir, '--ref', 'v4.14.336', '--configs', 'tinyconfig');
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.equal(out.plan.image.image, 'kernelbuilder/gcc-7.3');
  assert.equal(out.plan.version.text, '4.14.336');
  assert.equal(out.plan.ref.buildId, 'v4.14.336');
  assert.deepEqual(out.plan.dropped, [{ arch: 'riscv', reason: 'arch/riscv does not exist in Linux 4.14.336' }]);
  assert.match(out.imageProblem, /kernelbuilder\/gcc-7\.3 is not present.*images build --only kernelbuilder\/gcc-7\.3/);
});

test('plan: the real 6.1 tree with the default image gives the container spec', () => {
  const run = cli('plan', '--source', process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1', '--ref', 'stable', '--configs', 'tinyconfig');
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.equal(out.plan.ref.kind, 'remote-head');
  assert.equal(out.image.name, 'kernelbuilder/gcc-12');
  assert.equal(out.container.HostConfig.NetworkMode, 'none');
  // Each ARCH|NAME|BASE|OBJDIR_BYTES|TEST|COMPILER: the bytes are measured by an earlier build where there is one; no tests, the image's compiler.
  assert.ok(out.container.Cmd.slice(3).every((t: string) => /\|[1-9]\d*\|\|$/.test(t)), out.container.Cmd.join(' '));
  assert.deepEqual(out.container.Cmd.slice(3).map((t: string) => t.replace(/\|\d+\|\|$/, '')).sort(), ['arm64|tinyconfig|tinyconfig', 'arm|tinyconfig|tinyconfig', 'riscv|tinyconfig|tinyconfig', 'x86|tinyconfig|tinyconfig']);
  assert.deepEqual(out.plan.allTargets, ['x86/tinyconfig', 'arm/tinyconfig', 'arm64/tinyconfig', 'riscv/tinyconfig']);
});

test('usage errors exit 2 and name the option', () => {
  const run = cli('build', '--source', '/x', '--bogus', 'y');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--bogus/);
});

test('build refuses --ccache actions: the CLI has no Actions cache service', () => {
  const logs = tempDir('cli-logs');
  const source = makeTinyTree({ version: '6.1.0', arches: { x86: [] } });
  const run = cli('build', '--source', source, '--ref', 'master', '--arches', 'x86', '--configs', 'tinyconfig', '--logs', logs, '--ccache', 'actions');
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /input 'ccache': "actions" is not allowed; the CLI has no Actions cache service/);
  assert.deepEqual(readdirSync(logs), [], 'nothing written');
});
