import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NODE24 } from '../support/action-run.ts';
import { kernelRepo } from '../support/kernel-repo.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { tempDir } from '../support/temp-dir.ts';

function ourContainers(): string[] {
  return execFileSync('docker', ['ps', '-aq', '--filter', 'label=org.kernelbuilder.build'], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

test('a cancelled job (SIGINT, then SIGTERM 7.5 s later) leaves no container and keeps its logs and results', async () => {
  const logs = tempDir('logs');
  const outputFile = join(logs, '..', `${logs.split('/').pop()}-output`);
  writeFileSync(outputFile, '');
  const before = new Set(ourContainers());
  const child = spawn(NODE24, ['dist/index.js'], {
    env: {
      PATH: process.env.PATH,
      GITHUB_OUTPUT: outputFile,
      INPUT_SOURCE: kernelRepo(),
      INPUT_REF: 'stable/linux-6.1.y',
      INPUT_ARCHES: 'x86 riscv',
      INPUT_CONFIGS: 'tinyconfig',
      INPUT_LOGS: logs,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  // Cancel once the kernel builds are under way: their logs have lines. The container writes
  // them into the build's staging folder (`.v6.1.192.staging-XXXXXX` beside its folder) until the gate.
  const treeDir = join(logs, 'stable');
  const x86Log = () => {
    const staging = existsSync(treeDir) ? readdirSync(treeDir).find((n) => n.startsWith('.v6.1.192.staging-')) : undefined;
    return staging ? join(treeDir, staging, 'x86/tinyconfig.log') : undefined;
  };
  const underWay = () => {
    const log = x86Log();
    return log !== undefined && existsSync(log) && statSync(log).size > 0;
  };
  for (let i = 0; i < 600 && !underWay(); i++) await sleep(500);
  assert.match(stdout, /building 2 targets/);
  const started = ourContainers().filter((id) => !before.has(id));
  assert.equal(started.length, 1);
  const cancelledAt = Date.now();
  child.kill('SIGINT');
  const term = setTimeout(() => child.kill('SIGTERM'), 7500);
  await exited;
  clearTimeout(term);
  for (let i = 0; i < 100 && ourContainers().includes(started[0]); i++) await sleep(100);
  const goneAfter = (Date.now() - cancelledAt) / 1000;
  assert.ok(!ourContainers().includes(started[0]), 'the container is gone');
  assert.ok(goneAfter <= 10, `container gone ${goneAfter} s after the cancel`);

  const results = JSON.parse(readFileSync(join(logs, 'stable', 'v6.1.192', 'results.json'), 'utf8')) as BuildResults;
  assert.equal(results.complete, false);
  assert.deepEqual(results.targets.map((t) => [t.target, t.status, t.reason]), [
    ['x86/tinyconfig', 'error', 'cancelled'],
    ['riscv/tinyconfig', 'error', 'cancelled'],
  ]);
  assert.ok(readFileSync(join(logs, 'stable', 'v6.1.192', 'x86/tinyconfig.log'), 'utf8').length > 0, 'the log so far is kept');
  assert.match(readFileSync(join(logs, 'stable', 'v6.1.192', 'summary.md'), 'utf8'), /did not complete/);
  assert.equal(x86Log(), undefined, 'the staging folder went with the gate');
  // No tmpfs is left: tmpfs mounts die with their container.
  assert.doesNotMatch(execFileSync('mount', { encoding: 'utf8' }), new RegExp(started[0].slice(0, 12)));
});
