import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Azurite, startAzurite } from '../support/azurite.ts';
import { type ResultsService, runtimeToken, startResultsService } from '../support/results-service.ts';
import { NODE24, parseOutputFile } from '../support/action-run.ts';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { tempDir } from '../support/temp-dir.ts';

// The action's two steps as the runner runs them: main, then post with main's state,
// against Azurite and a local results service. The post step must upload whatever the
// main step left, here a build with a failed target.

let azurite: Azurite;
let service: ResultsService;
before(async () => {
  azurite = await startAzurite('post');
  service = await startResultsService((name) => azurite.blobSasUrl(`${name}.zip`));
});
after(async () => {
  await service?.stop();
  await azurite?.stop();
});

/** Run a step without blocking this process: the results service answers from here. */
function step(script: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE24, [script], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('main builds and fails; post, from the state alone, removes nothing left and uploads the logs and the failure summary; on GHES it warns and passes', async () => {
  const src = makeToyKernel('case $ARCH in x86) echo "  LD      vmlinux" ;; arm64) echo "init/main.c:3:1: error: expected declaration" >&2; exit 2 ;; esac\n');
  const work = tempDir('post');
  const [outputFile, stateFile, noiseFile] = [join(work, 'output'), join(work, 'state'), join(work, 'noise')];
  writeFileSync(outputFile, '');
  writeFileSync(stateFile, '');
  writeFileSync(noiseFile, 'known noise\n');
  const runner = {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STATE: stateFile,
    GITHUB_WORKSPACE: work,
    ACTIONS_RUNTIME_TOKEN: runtimeToken('run-1', 'job-1'),
    ACTIONS_RESULTS_URL: service.url,
    INPUT_SOURCE: src,
    INPUT_REF: 'v6.1',
    INPUT_TREE: 'toy',
    INPUT_ARCHES: 'x86 arm64',
    INPUT_CONFIGS: 'tinyconfig',
    INPUT_LOGS: join(work, 'logs'),
    INPUT_CCACHE: 'off',
    INPUT_NOISE: noiseFile,
    'INPUT_ARTIFACT-COMPRESSION-LEVEL': '1',
  };
  const main = await step('dist/index.js', runner);
  assert.equal(main.status, 1, main.stdout);
  const state = parseOutputFile(readFileSync(stateFile, 'utf8'));
  const logsDir = join(work, 'logs', 'toy', 'v6.1');
  assert.deepEqual(state, { upload: 'true', 'artifact-options': '{"compressionLevel":1}', 'logs-dir': logsDir });
  // The runner hands post the same inputs: post must not read them again.
  rmSync(noiseFile);
  const postEnv = { ...runner, ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])) };

  // No traffic leaves the machine: GHES is only a name here, and the client must not call anything.
  const ghes = await step('dist/post.js', { ...postEnv, GITHUB_SERVER_URL: 'https://ghes.example.com' });
  assert.equal(ghes.status, 0, ghes.stdout + ghes.stderr);
  assert.doesNotMatch(ghes.stdout, /::error::/);
  const warnings = ghes.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
  assert.equal(warnings.length, 1, ghes.stdout);
  assert.ok(warnings[0].includes(`in ${logsDir} `) && warnings[0].includes('actions/upload-artifact@v3'), warnings[0]);
  assert.equal(service.calls.length, 0, 'no call to the results service');

  const post = await step('dist/post.js', postEnv);
  assert.equal(post.status, 0, post.stdout + post.stderr);
  assert.match(post.stdout, /uploaded artifact kernelbuilder-toy-v6\.1-logs/);
  assert.match(post.stdout, /uploaded artifact kernelbuilder-toy-v6\.1-failures/);
  assert.deepEqual(service.calls.map((c) => `${c.method} ${c.body.name}`), [
    'CreateArtifact kernelbuilder-toy-v6.1-logs',
    'FinalizeArtifact kernelbuilder-toy-v6.1-logs',
    'CreateArtifact kernelbuilder-toy-v6.1-failures',
    'FinalizeArtifact kernelbuilder-toy-v6.1-failures',
  ]);
  const zip = join(work, 'failures.zip');
  writeFileSync(zip, await azurite.container.getBlockBlobClient('kernelbuilder-toy-v6.1-failures.zip').downloadToBuffer());
  assert.deepEqual(execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean).sort(), ['arm64/tinyconfig.log', 'results.json', 'summary.md']);
});
