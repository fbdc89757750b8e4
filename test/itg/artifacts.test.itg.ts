import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type Azurite, startAzurite } from '../support/azurite.ts';
import { type Answers, type ResultsService, runtimeToken, startResultsService } from '../support/results-service.ts';
import { publishBuildArtifacts } from '../../src/publish/publish.ts';
import { ArtifactUploadError, uploadArtifacts } from '../../src/publish/upload-artifacts.ts';
import { planArtifacts } from '../../src/publish/plan-artifacts.ts';
import { ArtifactInput, parseArtifactOptions } from '../../src/publish/artifact-options.ts';
import { MAX_NAME_LENGTH, artifactName } from '../../src/publish/artifact-names.ts';
import { InputError, KernelbuilderError } from '../../src/errors.ts';
import { type TargetStatus } from '../../src/types/results.ts';
import { type ArtifactSource } from '../../src/publish/plan-artifacts.ts';
import { tempDir } from '../support/temp-dir.ts';

const CONTAINER = 'artifacts';
const RUN_ID = 'run-7f3c';
const JOB_ID = 'job-19aa';
const TOKEN = runtimeToken(RUN_ID, JOB_ID);
const ENV = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_WORKSPACE', 'GITHUB_SERVER_URL', 'GITHUB_RETENTION_DAYS'];
const savedEnv = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
const scratch = tempDir('artifacts');
let azurite: Azurite;
let services = 0;

before(async () => {
  azurite = await startAzurite(CONTAINER);
  process.env.ACTIONS_RUNTIME_TOKEN = TOKEN;
  process.env.GITHUB_WORKSPACE = scratch;
  // github.com, not GHES: the client refuses GHES.
  delete process.env.GITHUB_SERVER_URL;
  delete process.env.GITHUB_RETENTION_DAYS;
});

after(async () => {
  await azurite?.stop();
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/**
 * A results service for one test, pointed at by ACTIONS_RESULTS_URL. Its blobs get a
 * prefix of their own so tests never read each other's uploads.
 */
async function withService<T>(
  answers: Answers,
  run: (service: ResultsService, blobOf: (name: string) => string) => Promise<T>,
  container = CONTAINER,
): Promise<T> {
  const prefix = `svc${++services}`;
  const blobOf = (name: string): string => `${prefix}-${name}.zip`;
  const service = await startResultsService((name) => azurite.blobSasUrl(blobOf(name), container), answers);
  process.env.ACTIONS_RESULTS_URL = service.url;
  try {
    return await run(service, blobOf);
  } finally {
    await service.stop();
  }
}

interface FakeTarget {
  arch: string;
  config: string;
  status: TargetStatus;
  log: Buffer;
}

/**
 * A logs folder as a build leaves it: results.json, summary.md, driver.log and each
 * target's files. results.json carries the main fields of a real one; planning reads
 * only names and targets, so the fixture need not follow every change of BuildResults.
 */
function logsDir(tree: string, buildId: string, targets: FakeTarget[]): { dir: string; results: ArtifactSource } {
  const dir = join(mkdtempSync(join(scratch, 'logs-')), tree, 'build');
  const results = {
    schema: 1,
    complete: targets.every((t) => t.status !== 'error'),
    result: targets.every((t) => t.status === 'pass') ? 'pass' : 'fail',
    tree,
    ref: `${tree}/linux-6.1.y`,
    refKind: 'remote-branch',
    sha: '0123456789abcdef0123456789abcdef01234567',
    buildId,
    kernelVersion: '6.1.192',
    image: { name: 'kernelbuilder/gcc-12', id: `sha256:${'a'.repeat(64)}`, digest: `sha256:${'b'.repeat(64)}`, toolchain: 'gcc 12.2.0', reason: 'table', cross: {}, makeVars: [] },
    tmpfsSize: '60g',
    commits: [],
    targetOrder: targets.map((t) => `${t.arch}/${t.config}`),
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:10:00.000Z',
    durationSeconds: 600,
    driverExitCode: 0,
    targets: targets.map((t) => ({
      target: `${t.arch}/${t.config}`,
      arch: t.arch,
      config: t.config,
      status: t.status,
      stage: 'build',
      exitCode: t.status === 'pass' ? 0 : 2,
      durationSeconds: 300,
      log: `${t.arch}/${t.config}.log`,
      dotConfig: `${t.arch}/${t.config}.config`,
    })),
    dropped: [],
  } satisfies ArtifactSource & Record<string, unknown>;
  const put = (path: string, content: string | Buffer): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  put('results.json', `${JSON.stringify(results, null, 2)}\n`);
  put('summary.md', `## kernelbuilder: ${tree}/${buildId} — ${results.result}\n`);
  put('driver.log', 'kernelbuilder driver: starting\nkernelbuilder driver: done\n');
  for (const t of targets) {
    put(`${t.arch}/${t.config}.log`, t.log);
    put(`${t.arch}/${t.config}.status`, `${t.status === 'pass' ? 'pass 0' : 'fail 2'} build 1735689600000 1735689900000\n`);
    put(`${t.arch}/${t.config}.config`, `#\n# Linux/${t.arch} 6.1.192 Kernel Configuration\n#\nCONFIG_64BIT=y\n`);
  }
  return { dir, results };
}

/** ~5 MB of compiler output. */
function bigLog(): Buffer {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 5 * 2 ** 20; i++) {
    const line = `  CC      drivers/net/ethernet/vendor${i % 97}/file${i}.o  # ${createHash('md5').update(String(i)).digest('hex')}`;
    lines.push(line);
    size += line.length + 1;
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** A log a broken build can leave: text, then NULs, invalid UTF-8 and random bytes. */
function binaryishLog(): Buffer {
  return Buffer.concat([
    Buffer.from('drivers/foo/bar.c:12:5: error: expected \';\' before \'}\' token\n'),
    Buffer.from([0, 0, 0xff, 0xfe, 0xc3, 0x28, 0x0d, 0x0a, 0x1b, 0x5b, 0x33, 0x31, 0x6d]),
    randomBytes(256 * 1024),
    Buffer.from('\nmake[2]: *** [scripts/Makefile.build:250: drivers/foo/bar.o] Error 1\n'),
  ]);
}

/** Regular files under dir, as relative paths, sorted. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((p) => lstatSync(join(dir, p)).isFile())
    .sort();
}

/** Fetch a blob from Azurite, unzip it with unzip(1), and return its entry names and the folder it went to. */
async function downloadAndUnzip(blobName: string): Promise<{ zip: Buffer; entries: string[]; dir: string }> {
  const zip = await azurite.container.getBlockBlobClient(blobName).downloadToBuffer();
  const work = mkdtempSync(join(scratch, 'unzip-'));
  writeFileSync(join(work, 'a.zip'), zip);
  const entries = execFileSync('unzip', ['-Z1', join(work, 'a.zip')], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  execFileSync('unzip', ['-q', join(work, 'a.zip'), '-d', join(work, 'out')]);
  return { zip, entries, dir: join(work, 'out') };
}

function assertSameFiles(unzipped: string, source: string, expected: string[]): void {
  assert.deepEqual(filesUnder(unzipped), expected);
  for (const f of expected) {
    assert.ok(readFileSync(join(unzipped, f)).equals(readFileSync(join(source, f))), `${f} differs from the source`);
  }
}

test('a failed build uploads its whole logs folder and a failure summary, byte for byte, through the real client', async () => {
  const { dir } = logsDir('stable', 'v6.1.192-3-g0123456789ab', [
    { arch: 'x86', config: 'tinyconfig', status: 'pass', log: bigLog() },
    { arch: 'arm64', config: 'defconfig', status: 'fail', log: binaryishLog() },
  ]);
  // A link the build container could plant: must not carry the runner's files out.
  writeFileSync(join(scratch, 'runner-secret'), 'ghp_not_for_artifacts');
  symlinkSync(join(scratch, 'runner-secret'), join(dir, 'x86', 'leak.log'));
  const logsName = 'kernelbuilder-stable-v6.1.192-3-g0123456789ab-logs';
  const failuresName = 'kernelbuilder-stable-v6.1.192-3-g0123456789ab-failures';

  await withService({}, async (service, blobOf) => {
    const started = Date.now();
    const uploaded = await publishBuildArtifacts(dir, parseArtifactOptions((n) => ({ [ArtifactInput.retentionDays]: '7' })[n] ?? ''));

    const logs = await downloadAndUnzip(blobOf(logsName));
    const failures = await downloadAndUnzip(blobOf(failuresName));
    assert.deepEqual(uploaded, [
      { name: logsName, id: 1, size: logs.zip.length },
      { name: failuresName, id: 2, size: failures.zip.length },
    ]);

    const all = [
      'arm64/defconfig.config', 'arm64/defconfig.log', 'arm64/defconfig.status', 'driver.log', 'results.json', 'summary.md',
      'x86/tinyconfig.config', 'x86/tinyconfig.log', 'x86/tinyconfig.status',
    ];
    assert.deepEqual(logs.entries, all);
    assertSameFiles(logs.dir, dir, all);
    assert.ok(statSync(join(dir, 'x86/tinyconfig.log')).size >= 5 * 2 ** 20);
    // Default level 6: text packs well below its size.
    assert.ok(logs.zip.length < 2 * 2 ** 20, `logs zip is ${logs.zip.length} bytes`);

    const summary = ['arm64/defconfig.log', 'results.json', 'summary.md'];
    assert.deepEqual(failures.entries, summary);
    assertSameFiles(failures.dir, dir, summary);

    assert.deepEqual(
      service.calls.map((c) => [c.method, c.body.name]),
      [
        ['CreateArtifact', logsName],
        ['FinalizeArtifact', logsName],
        ['CreateArtifact', failuresName],
        ['FinalizeArtifact', failuresName],
      ],
    );
    for (const call of service.calls) {
      assert.equal(call.authorization, `Bearer ${TOKEN}`);
      assert.equal(call.body.workflow_run_backend_id, RUN_ID);
      assert.equal(call.body.workflow_job_run_backend_id, JOB_ID);
    }
    for (const call of service.calls.filter((c) => c.method === 'CreateArtifact')) {
      const days = (Date.parse(String(call.body.expires_at)) - started) / 86_400_000;
      assert.ok(days > 6.99 && days < 7.01, `expires in ${days} days`);
    }
    const finals = service.calls.filter((c) => c.method === 'FinalizeArtifact');
    for (const [call, { zip }] of [[finals[0], logs], [finals[1], failures]] as const) {
      assert.equal(call.body.size, String(zip.length));
      assert.equal(call.body.hash, `sha256:${createHash('sha256').update(zip).digest('hex')}`);
    }
  });
});

test('a build where all passed uploads only the logs artifact; the name is cleaned; level 0 stores', async () => {
  const { dir, results } = logsDir('next', 'v6.1:rc1/"x"', [{ arch: 'riscv', config: 'tinyconfig', status: 'pass', log: bigLog() }]);
  const plans = planArtifacts(dir, results);
  assert.deepEqual(plans.map((p) => p.name), ['kernelbuilder-next-v6.1_rc1__x_-logs']);

  await withService({}, async (service, blobOf) => {
    const uploaded = await uploadArtifacts(plans, { compressionLevel: 0 });
    assert.deepEqual(service.calls.map((c) => [c.method, c.body.name]), [
      ['CreateArtifact', 'kernelbuilder-next-v6.1_rc1__x_-logs'],
      ['FinalizeArtifact', 'kernelbuilder-next-v6.1_rc1__x_-logs'],
    ]);
    // No retention asked: the repository's setting applies.
    assert.equal(service.calls[0].body.expires_at, undefined);
    const { zip, dir: out } = await downloadAndUnzip(blobOf(plans[0].name));
    assert.equal(uploaded[0].size, zip.length);
    const files = filesUnder(dir);
    assertSameFiles(out, dir, files);
    const total = files.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    assert.ok(zip.length > total, `stored zip ${zip.length} holds ${total} bytes`);
  });
});

test('an upload the service or storage refuses rejects with ArtifactUploadError naming each artifact', async (t) => {
  const { dir, results } = logsDir('stable', 'v6.6.60', [
    { arch: 'x86', config: 'defconfig', status: 'fail', log: Buffer.from('error: boom\n') },
  ]);
  const plans = planArtifacts(dir, results);
  const names = plans.map((p) => p.name);
  const cases: { name: string; answers: Answers; container?: string; message: RegExp; calls: string[] }[] = [
    {
      name: 'CreateArtifact answers ok: false',
      answers: { CreateArtifact: () => ({ status: 200, body: { ok: false, signed_upload_url: '' } }) },
      message: /CreateArtifact: response from backend was not ok/,
      calls: ['CreateArtifact', 'CreateArtifact'],
    },
    {
      name: 'CreateArtifact answers 403',
      answers: { CreateArtifact: () => ({ status: 403, body: { code: 'permission_denied', msg: 'token lacks artifact scope' } }) },
      message: /403.*token lacks artifact scope/,
      calls: ['CreateArtifact', 'CreateArtifact'],
    },
    {
      name: 'the signed URL names a container that does not exist',
      answers: {},
      container: 'no-such-container',
      message: /container does not exist/i,
      calls: ['CreateArtifact', 'CreateArtifact'],
    },
    {
      name: 'FinalizeArtifact answers ok: false',
      answers: { FinalizeArtifact: () => ({ status: 200, body: { ok: false, artifact_id: '0' } }) },
      message: /FinalizeArtifact: response from backend was not ok/,
      calls: ['CreateArtifact', 'FinalizeArtifact', 'CreateArtifact', 'FinalizeArtifact'],
    },
  ];
  for (const c of cases) {
    await t.test(c.name, () =>
      withService(
        c.answers,
        async (service) => {
          await assert.rejects(uploadArtifacts(plans, { compressionLevel: 6 }), (e: unknown) => {
            assert.ok(e instanceof ArtifactUploadError, String(e));
            assert.ok(e instanceof KernelbuilderError);
            assert.deepEqual(e.failures.map((f) => f.name), names);
            for (const n of names) assert.ok(e.message.includes(`${n}: `), e.message);
            assert.match(e.message, c.message);
            return true;
          });
          // Both artifacts were tried: the small one may get through when the big one does not.
          assert.deepEqual(service.calls.map((call) => call.method), c.calls);
        },
        c.container,
      ),
    );
  }
});

test('a client answer without an artifact id is a failure, not a silent pass', async () => {
  const { dir, results } = logsDir('stable', 'v6.6.60', [{ arch: 'x86', config: 'defconfig', status: 'pass', log: Buffer.from('ok\n') }]);
  const client = { uploadArtifact: async () => ({}) };
  await assert.rejects(uploadArtifacts(planArtifacts(dir, results), { compressionLevel: 6 }, client), /returned no artifact id/);
});

test('publishing a folder without results.json says so', async () => {
  const empty = mkdtempSync(join(scratch, 'empty-'));
  await assert.rejects(publishBuildArtifacts(empty, { compressionLevel: 6 }), (e: unknown) => {
    assert.ok(e instanceof KernelbuilderError);
    assert.match(e.message, /cannot publish artifacts: .* holds no results\.json of a kernelbuilder build/);
    return true;
  });
});

test('artifact options: defaults, bounds, and errors that name the input', () => {
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? '';
  assert.deepEqual(parseArtifactOptions(read({})), { retentionDays: undefined, compressionLevel: 6 });
  assert.deepEqual(parseArtifactOptions(read({ [ArtifactInput.retentionDays]: '90', [ArtifactInput.compressionLevel]: '0' })), {
    retentionDays: 90,
    compressionLevel: 0,
  });
  for (const [input, value] of [
    [ArtifactInput.retentionDays, '0'],
    [ArtifactInput.retentionDays, '91'],
    [ArtifactInput.retentionDays, '1e1'],
    [ArtifactInput.retentionDays, '-3'],
    [ArtifactInput.compressionLevel, '10'],
    [ArtifactInput.compressionLevel, '4.5'],
    [ArtifactInput.compressionLevel, 'max'],
  ]) {
    assert.throws(() => parseArtifactOptions(read({ [input]: value })), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.equal(e.input, input);
      assert.ok(e.message.includes(JSON.stringify(value)), e.message);
      return true;
    });
  }
});

test('artifact names stay within bounds and distinct when cut', () => {
  const long = `v6.1-${'x'.repeat(300)}`;
  const a = artifactName('stable', `${long}a`, 'failures');
  const b = artifactName('stable', `${long}b`, 'failures');
  assert.equal(a.length, MAX_NAME_LENGTH);
  assert.ok(a.endsWith('-failures') && b.endsWith('-failures'));
  assert.notEqual(a, b);
  assert.doesNotMatch(artifactName('a:b', 'c\\d|e*f?g<h>i\r\nj\x01', 'logs'), /[":<>|*?\r\n\\/\x00-\x1f]/);
});

test('a symlinked file is left out of the plan', () => {
  const { dir, results } = logsDir('stable', 'v1', [{ arch: 'x86', config: 'defconfig', status: 'fail', log: Buffer.from('x') }]);
  symlinkSync('/etc/passwd', join(dir, 'x86', 'defconfig.log.link'));
  for (const plan of planArtifacts(dir, results)) {
    assert.ok(plan.files.every((f) => !f.endsWith('.link')));
    assert.ok(plan.files.every((f) => relative(dir, f) !== '' && !relative(dir, f).startsWith('..')));
  }
});
