import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Azurite, startAzurite } from '../support/azurite.ts';
import { type Answers, type ResultsService, runtimeToken, startResultsService } from '../support/results-service.ts';
import { NODE24, parseOutputFile } from '../support/action-run.ts';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { git } from '../support/tiny-tree.ts';
import { ccacheKeys } from '../../src/cache/ccache-key.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { tempDir } from '../support/temp-dir.ts';

// The action's main step with `ccache: actions`, as a hosted runner runs it: a fresh
// RUNNER_TEMP each job, the cache service v2 of a local results service, archives in
// Azurite. Between jobs only the cache service remembers anything.

let azurite: Azurite;
before(async () => {
  azurite = await startAzurite('cache');
});
after(async () => {
  await azurite?.stop();
});

async function startService(answers: Answers = {}): Promise<ResultsService> {
  return startResultsService(() => {
    throw new Error('no artifacts are uploaded by the main step');
  }, answers, (blob) => azurite.blobSasUrl(blob));
}

/** x86 compiles one file through $CC, so ccache sees one compile a build. */
const TOY = 'case $ARCH in x86) printf "int f(void) { return 1; }\\n" > $O/a.c && $CC -c $O/a.c -o $O/a.o && echo "  CC      a.o" ;; esac\n';
const DIST = join(process.cwd(), 'dist/index.js');

interface Job {
  status: number | null;
  stdout: string;
  results: BuildResults;
}

/**
 * One job's main step: a new runner layout (workspace and temp folder side by side, as
 * on a hosted runner), run without blocking this process, which serves the cache calls.
 */
async function job(service: ResultsService, source: string): Promise<Job> {
  const runner = tempDir('runner');
  const [workspace, temp] = [join(runner, 'work/toy/toy'), join(runner, 'work/_temp')];
  mkdirSync(workspace, { recursive: true });
  mkdirSync(temp, { recursive: true });
  const outputFile = join(runner, 'output');
  writeFileSync(outputFile, '');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    ACTIONS_CACHE_SERVICE_V2: 'true',
    ACTIONS_RESULTS_URL: service.url,
    ACTIONS_RUNTIME_TOKEN: runtimeToken('run-1', 'job-1'),
    INPUT_SOURCE: source,
    INPUT_REF: 'master',
    INPUT_TREE: 'toy',
    INPUT_ARCHES: 'x86',
    INPUT_CONFIGS: 'tinyconfig',
    INPUT_LOGS: join(runner, 'logs'),
    INPUT_CCACHE: 'actions',
  };
  const { status, stdout } = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
    const child = spawn(NODE24, [DIST], { cwd: workspace, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ status: code, stdout: out }));
  });
  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
  assert.ok(outputs['results-json'], `no results-json output:\n${stdout}`);
  return { status, stdout, results: JSON.parse(readFileSync(outputs['results-json'], 'utf8')) as BuildResults };
}

function keysOf(results: BuildResults) {
  return ccacheKeys({ imageId: results.image.id, targets: ['x86/tinyconfig'], sha: results.sha });
}

test('ccache actions: the first job misses and saves; a job on the next commit restores through a restore key and hits', async () => {
  const service = await startService();
  try {
    const src = makeToyKernel(TOY);
    const first = await job(service, src);
    assert.equal(first.status, 0, first.stdout);
    assert.deepEqual(first.results.ccache, { hits: 0, misses: 1, hitRate: 0 });
    const firstKeys = keysOf(first.results);
    assert.match(first.stdout, new RegExp(`compiler cache: nothing restored for ${firstKeys.primary} or its restore keys`));
    assert.ok(first.stdout.includes(`compiler cache saved as ${firstKeys.primary}`), first.stdout);
    assert.deepEqual(service.cacheEntries.map((e) => [e.key, e.finalized]), [[firstKeys.primary, true]]);
    const lookup = service.calls.find((c) => c.method === 'GetCacheEntryDownloadURL')!;
    assert.deepEqual([lookup.body.key, lookup.body.restore_keys], [firstKeys.primary, firstKeys.restore]);

    git(src, 'commit', '-q', '--allow-empty', '-m', 'next');
    const second = await job(service, src);
    assert.equal(second.status, 0, second.stdout);
    const secondKeys = keysOf(second.results);
    assert.notEqual(secondKeys.primary, firstKeys.primary, 'a new commit, a new primary key');
    assert.ok(second.stdout.includes(`compiler cache restored from ${firstKeys.primary}`), second.stdout);
    assert.deepEqual(second.results.ccache, { hits: 1, misses: 0, hitRate: 1 });
    // Both entries share one version although the runners' temp folders differ.
    assert.deepEqual(service.cacheEntries.map((e) => [e.key, e.finalized]), [[firstKeys.primary, true], [secondKeys.primary, true]]);
    assert.equal(new Set(service.cacheEntries.map((e) => e.version)).size, 1);
  } finally {
    await service.stop();
  }
});

test('ccache actions: a failing cache service costs warnings, not the build', async () => {
  const service = await startService({
    GetCacheEntryDownloadURL: () => ({ status: 500, body: { code: 'internal', msg: 'cache backend down' } }),
    FinalizeCacheEntryUpload: () => ({ status: 200, body: { ok: false, message: 'cache quota exceeded' } }),
  });
  try {
    const run = await job(service, makeToyKernel(TOY));
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.results.result, 'pass');
    assert.deepEqual(run.results.ccache, { hits: 0, misses: 1, hitRate: 0 });
    assert.match(run.stdout, /^::warning::Failed to restore: .*cache backend down/m);
    assert.match(run.stdout, /^::warning::Failed to save: cache quota exceeded/m);
    assert.doesNotMatch(run.stdout, /^::error/m);
    assert.doesNotMatch(run.stdout, /compiler cache saved as/);
    assert.deepEqual([...new Set(service.calls.map((c) => c.method))], ['GetCacheEntryDownloadURL', 'CreateCacheEntry', 'FinalizeCacheEntryUpload']);
  } finally {
    await service.stop();
  }
});
