import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectResults } from '../../src/results/results.ts';
import { withKept } from '../../src/results/kept.ts';
import { analyseLogs } from '../../src/diagnostics/analyse.ts';
import { compareWithBaseline } from '../../src/diagnostics/regressions.ts';
import { recordOf } from '../../src/bisect/after-build.ts';
import { type BisectResult } from '../../src/bisect/types.ts';
import { defaultNoise } from '../../src/diagnostics/noise.ts';
import { checkResults, parseResults } from '../../src/results/check-results.ts';
import { type BuildPlan } from '../../src/types/plan.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { parseKernelVersion } from '../../src/ref/kernel-version.ts';
import { KernelbuilderError } from '../../src/errors.ts';
import { SchemaError, array, object, string } from '../../src/schema.ts';
import { tempDir } from '../support/temp-dir.ts';
import { sampleResults } from '../support/results-fixture.ts';
import { kunitCases, kunitRun } from '../support/kunit-fixture.ts';
import { type KunitCase, type KunitResult } from '../../src/types/kunit.ts';

// What the code writes into results.json, through the functions that write it, must pass
// the schema every reader applies: else a build could not be re-reported, merged or compared.

const plan: BuildPlan = {
  source: '/srv/linux',
  sourceMounts: [{ host: '/srv/main/.git', container: '/home/u/main/.git', why: 'the common git dir /srv/main/.git' }],
  tree: 'stable',
  ref: { ref: 'stable/linux-6.1.y', kind: 'remote-branch', remote: 'stable', sha: 'a'.repeat(40), buildId: 'v6.1.192-3-gabcdef123456' },
  version: parseKernelVersion('6.1.192')!,
  commits: [{ sha: 'a'.repeat(40), author: 'A U Thor', date: '2026-01-04T10:00:00+01:00', subject: 'mm: fix a leak' }],
  image: { image: 'kernelbuilder/gcc-12', reason: 'the default image' },
  targets: [
    { arch: 'x86', config: 'tinyconfig', base: 'tinyconfig', fragments: [{ kind: 'file', name: 'kb-boot.config' }], shippedFragments: { 'kb-boot.config': '# boot\nCONFIG_KVM_GUEST=y\n' }, requires: ['CONFIG_KVM_GUEST=y'] },
    { arch: 'arm64', config: 'defconfig' },
    { arch: 'riscv', config: 'tinyconfig' },
    { arch: 'mips', config: 'tinyconfig' },
  ],
  dropped: [{ arch: 'sparc', reason: 'arch/sparc has no tinyconfig' }, { arch: 'um', config: 'defconfig', reason: 'no cross compiler' }],
  logsDir: '/logs/stable/v6.1.192',
  jobs: 4,
  tmpfsSize: '60g',
  limits: { logs: 2 ** 31 },
  makeVars: ['W=1'],
  keep: ['kernel'],
  allTargets: ['x86/tinyconfig', 'arm64/defconfig', 'riscv/tinyconfig', 'mips/tinyconfig', 'arm/tinyconfig'],
  estimates: {},
  costs: {},
  checkout: { kind: 'clone', why: 'a test plan' },
  checkoutBytes: 0,
  spaceLimitBytes: 2 ** 34,
  shard: { index: 1, count: 2 },
} as unknown as BuildPlan;

const image = { name: 'kernelbuilder/gcc-12', id: 'sha256:' + 'd'.repeat(64), digest: 'kernelbuilder/gcc-12@sha256:' + 'e'.repeat(64), toolchain: 'gcc 12', cross: { arm64: 'aarch64-linux-gnu-', riscv: 'riscv64-linux-gnu-' }, makeVars: ['LLVM=0'], arches: [], compilers: ['gcc'] };

/** A build folder as a build leaves it, and the results the code makes of it. */
async function producedResults(dir: string): Promise<BuildResults> {
  const statuses = new Map([
    ['x86/tinyconfig', 'pass 0 build 1000 61000 50000 31457280 2'],
    ['arm64/defconfig', 'fail 2 build 1000 9000 7000'],
    ['riscv/tinyconfig', 'timeout 124 build 1000 99000'],
  ]);
  const collected = collectResults({
    plan, image, statuses, startedAt: new Date(0), finishedAt: new Date(100_000), driverExitCode: 0, stoppedBy: 'cancelled',
    ccache: { hits: 3, misses: 1, hitRate: 0.75 }, toolchains: 'x86\tgcc (Debian 12.2.0-14) 12.2.0\n', memoryPeak: '812000256\n',
  });
  mkdirSync(join(dir, 'x86', 'tinyconfig'), { recursive: true });
  mkdirSync(join(dir, 'arm64'), { recursive: true });
  mkdirSync(join(dir, 'riscv'), { recursive: true });
  writeFileSync(join(dir, 'x86/tinyconfig.log'), '  CC      kernel/fork.o\nkernel/fork.c:12:5: warning: unused variable \x1b[31m‘x’\x1b[0m [-Wunused-variable]\n');
  writeFileSync(join(dir, 'arm64/defconfig.log'), "  CC      mm/slab.o\nmm/slab.c:3:1: error: expected ';' before '}' token\nmake[2]: *** [scripts/Makefile.build:250: mm/slab.o] Error 1\n");
  writeFileSync(join(dir, 'riscv/tinyconfig.log'), 'a line\r\n\x07 of the tail\n');
  writeFileSync(join(dir, 'x86/tinyconfig/bzImage'), 'kernel');
  writeFileSync(join(dir, 'x86/tinyconfig/sizes'), '1000 200 30 4096 0\n');
  writeFileSync(join(dir, 'x86/tinyconfig/console.log'), 'Linux version 6.1.192\nKernel panic - not syncing: VFS: Unable to mount root fs\n');
  const kept = withKept(collected, dir);
  const booted: BuildResults = {
    ...kept,
    targets: kept.targets.map((t) => (t.target === 'x86/tinyconfig' ? { ...t, boot: { status: 'pass', machine: 'qemu-system-x86_64 -M q35', durationSeconds: 12, exitCode: 0, timedOut: false, console: 'x86/tinyconfig/console.log', reproducer: 'docker run --rm kernelbuilder/gcc-12 qemu-system-x86_64' } } : t)),
  };
  const analysed = await analyseLogs(booted, dir, defaultNoise);
  const baseline = { ...analysed, sha: 'b'.repeat(40), issues: [], targets: analysed.targets.map((t) => ({ ...t, status: 'pass' as const })) };
  const regressions = compareWithBaseline(analysed, baseline, '/logs/stable/v6.1.191/results.json', () => [{ name: 'do_fork', before: 10, after: 30, delta: 20 }]);
  const culprit = { sha: 'c'.repeat(40), subject: 'mm: break slab', author: 'A U Thor <a@example.org>', date: '2026-01-01T00:00:00Z', position: { k: 3, n: 8 }, verification: { culprit: 'bad' as const, parents: [] } };
  const bisect = { outcome: 'found', culprit, builds: 4, durationSeconds: 80 } as unknown as BisectResult;
  const request = { regression: 'arm64/defconfig newly fails to build', target: 'arm64/defconfig', what: { kind: 'build' as const } };
  return { ...analysed, regressions, bisects: [recordOf(request, bisect, '../bisect-bbbbbbbbbbbb-aaaaaaaaaaaa-arm64-defconfig')] };
}

test('every field the code writes into results.json passes the schema, unchanged but for the boot reproducer only a runner writes', async () => {
  const r = await producedResults(tempDir('produced'));
  // Each part the readers depend on is there, or this test checks less than it says.
  assert.ok(r.sourceMounts && r.makeVars && r.shard && r.toolchains && r.ccache && r.peakMemoryBytes && r.counts && r.issues?.length && r.regressions?.sizes.length && r.bisects?.length);
  const [x86, arm64, riscv, mips] = r.targets;
  assert.ok(x86.kept && x86.sizes && x86.boot?.reproducer && x86.shippedFragments && x86.requires && x86.cpuSeconds !== undefined && x86.objdirBytes && x86.spaceWaitSeconds !== undefined);
  assert.ok(arm64.excerpt && riscv.reason === 'timeout' && riscv.excerpt && mips.reason === 'cancelled');
  const read = checkResults(JSON.parse(JSON.stringify(r)), '/logs/stable/v6.1.192');
  const { reproducer: _, ...boot } = x86.boot;
  assert.deepEqual(read, JSON.parse(JSON.stringify({ ...r, targets: [{ ...x86, boot }, arm64, riscv, mips] })));
});

test('a run error with the driver\'s last lines, as a failed set-up writes it, passes the schema', () => {
  const r = collectResults({ plan, image, statuses: new Map(), startedAt: new Date(0), finishedAt: new Date(1000), driverExitCode: 128, driverTail: ['fatal: \x1b[1mbad object\x1b[0m', ''] });
  assert.equal(r.result, 'error');
  assert.deepEqual(checkResults(JSON.parse(JSON.stringify(r)), '/d'), JSON.parse(JSON.stringify(r)));
});

/** The error of checkResults on `data`, asserting it names `field` and none of `secrets`. */
function refusal(data: unknown, field: string, secrets: string[] = []): string {
  let message = '';
  assert.throws(
    () => checkResults(data, '/downloads/shard-1'),
    (e: unknown) => {
      assert.ok(e instanceof KernelbuilderError, String(e));
      message = e.message;
      return true;
    },
  );
  assert.ok(message.startsWith(`/downloads/shard-1/results.json: field ${field} is not allowed; `), message);
  // Only values that could not be part of the rule's own words.
  for (const s of secrets.filter((v) => v.length > 8)) assert.ok(!message.includes(s), `${message} echoes ${s}`);
  return message;
}

const spoil = (change: (r: BuildResults & Record<string, unknown>) => void): BuildResults => {
  const r = structuredClone(sampleResults(['x86/tinyconfig'], { result: 'fail' })) as BuildResults & Record<string, unknown>;
  r.targets[0] = { ...r.targets[0], status: 'fail', stage: 'build', exitCode: 2 };
  change(r);
  return r;
};

/** Shapes that crashed a reader after the check (issue 18, class 6), each refused by the field's name. */
const malformed: [string, BuildResults][] = [
  ['bisects[0]', spoil((r) => (r.bisects = [null as never]))],
  ['commits[0]', spoil((r) => (r.commits = [null as never]))],
  ['dropped[0]', spoil((r) => (r.dropped = [null as never]))],
  ['targets[0]', spoil((r) => (r.targets = [null as never]))],
  ['error', spoil((r) => (r.error = 'the set-up failed' as never))],
  ['error.lines', spoil((r) => (r.error = { message: 'x' } as never))],
  ['regressions', spoil((r) => (r.regressions = ['x86/tinyconfig'] as never))],
  ['regressions.baseline', spoil((r) => (r.regressions = { newIssues: [], fixedIssues: [], newlyFailing: [], newlyPassing: [], newlyFailingBoots: [], newlyPassingBoots: [], sizes: [] } as never))],
  ['regressions.sizes[0].before', spoil((r) => (r.regressions = { baseline: { buildId: 'v1', sha: 'b'.repeat(40), results: 'r' }, newIssues: [], fixedIssues: [], newlyFailing: [], newlyPassing: [], newlyFailingBoots: [], newlyPassingBoots: [], sizes: [{ target: 'x86/tinyconfig', after: {}, delta: 1, imageDelta: 1 }] } as never))],
  ['targets[0].excerpt', spoil((r) => (r.targets[0].excerpt = 'error: x' as never))],
  ['targets[0].excerpt.lines[0]', spoil((r) => (r.targets[0].excerpt = { source: 'errors', lines: [{ toString: 'x' }] } as never))],
  ['targets[0].kept.files', spoil((r) => (r.targets[0].kept = { dir: 'x86/tinyconfig' } as never))],
  ['targets[0].boot', spoil((r) => (r.targets[0].boot = 'pass' as never))],
  ['targets[0].sizes.text', spoil((r) => (r.targets[0].sizes = { text: '1', data: 1, bss: 1, imageBytes: 1, modules: 1 } as never))],
  ['tree', spoil((r) => (r.tree = { name: 'stable' } as never))],
  ['kernelVersion', spoil((r) => (r.kernelVersion = ['6.1'] as never))],
  ['image', spoil((r) => (r.image = null as never))],
  ['image.toolchain', spoil((r) => (r.image.toolchain = { gcc: 12 } as never))],
  ['commits[0].author', spoil((r) => (r.commits = [{ sha: 'a'.repeat(40), author: { name: 'x' }, date: '2026-01-01T00:00:00Z', subject: 's' }] as never))],
  ['issues', spoil((r) => (r.issues = {} as never))],
  ['issues[0].context', spoil((r) => (r.issues = [{ kind: 'compiler', severity: 'warning', message: 'm', signature: 's', count: 1, targets: [], noise: false }] as never))],
  ['issues[0].kind', spoil((r) => (r.issues = [{ kind: 'objtool', severity: 'warning', message: 'm', context: [], signature: 's', count: 1, targets: [], noise: false }] as never))],
  ['counts.errors', spoil((r) => (r.counts = { errors: null, warnings: 0, noise: 0, sectionMismatches: 0, syscalls: 0 } as never))],
  ['ccache', spoil((r) => (r.ccache = [1, 2] as never))],
  ['targets[0].errors', spoil((r) => (r.targets[0].errors = '3' as never))],
  ['toolchains.x86', spoil((r) => (r.toolchains = { x86: ['gcc'] } as never))],
  ['targets[0].boot.exitCode', spoil((r) => (r.targets[0].boot = { status: 'fail', exitCode: '1' } as never))],
  ['bisects[0].culprit.position', spoil((r) => (r.bisects = [{ regression: 'r', target: 'x86/tinyconfig', what: 'build', result: 'found', culprit: { sha: 'c'.repeat(40), subject: 's', author: 'a', date: '2026-01-01T00:00:00Z' } }] as never))],
  ['targetOrder', spoil((r) => (r.targetOrder = 'x86/tinyconfig' as never))],
  // A target's KUnit run: every field, and its bounds (the reader's, loosened, never unbounded).
  ['targets[0].kunit', spoil((r) => (r.targets[0].kunit = 'fail' as never))],
  ['targets[0].kunit.cases', spoil((r) => (r.targets[0].kunit = kunitRun(Array.from({ length: 120_001 }, (_, i) => ({ suite: 's', case: `c${i}`, status: 'pass', runs: { total: 1, passed: 1 } }))) as never))],
  ['targets[0].kunit.cases[0].status', spoil((r) => (r.targets[0].kunit = withCase({ status: 'broken' })))],
  ['targets[0].kunit.cases[0].suite', spoil((r) => (r.targets[0].kunit = withCase({ suite: 'evil\x1b]0;title\x07' })))],
  ['targets[0].kunit.cases[0].case', spoil((r) => (r.targets[0].kunit = withCase({ case: 'x'.repeat(5000) })))],
  ['targets[0].kunit.cases[0].reason', spoil((r) => (r.targets[0].kunit = withCase({ reason: 'y'.repeat(5000) })))],
  ['targets[0].kunit.cases[0].runs.passed', spoil((r) => (r.targets[0].kunit = withCase({ runs: { total: 1, passed: 2 } })))],
  ['targets[0].kunit.cases[0].diagnostic.detail', spoil((r) => (r.targets[0].kunit = withCase({ diagnostic: { message: 'EXPECTATION FAILED', detail: Array.from({ length: 51 }, () => 'line') } })))],
  ['targets[0].kunit.cases[0].diagnostic.line', spoil((r) => (r.targets[0].kunit = withCase({ diagnostic: { message: 'EXPECTATION FAILED', line: -3, detail: [] } })))],
  ['targets[0].kunit.totals.total', spoil((r) => (r.targets[0].kunit = { ...kunitRun(kunitCases()), totals: { total: 99, pass: 2, fail: 2, skip: 1, crashed: 1, flaky: 1 } }))],
  ['targets[0].kunit.reason', spoil((r) => (r.targets[0].kunit = kunitRun([], { status: 'error', reason: 'z'.repeat(20_000) })))],
  ['targets[0].kunit.consoles', spoil((r) => (r.targets[0].kunit = kunitRun([], { consoles: ['../../etc/passwd'] })))],
  ['counts.kunit', spoil((r) => (r.counts = { errors: 0, warnings: 0, noise: 0, sectionMismatches: 0, syscalls: 0, kunit: -1 }))],
];

/** A KUnit run of the fixture's cases, its first case changed as given. */
function withCase(change: Record<string, unknown>): KunitResult {
  const run = kunitRun(kunitCases());
  const [first, ...rest] = run.cases;
  return { ...run, cases: [{ ...first, ...change } as KunitCase, ...rest] };
}

for (const [field, data] of malformed) {
  test(`a results.json with a malformed ${field} is refused by the field's name`, () => {
    refusal(JSON.parse(JSON.stringify(data)), field, ['the set-up failed', 'objtool', 'gcc']);
  });
}

test('the refused shapes are at least the 16 the issue counts', () => assert.ok(malformed.length >= 16));

/** `depth` brackets deep, where `field` belongs. */
function nested(depth: number): unknown {
  return JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
}

test('5,000 nested brackets, and 200,000, anywhere in results.json are refused by field, no stack overflow', () => {
  for (const depth of [5000, 200_000]) {
    refusal({ ...spoil(() => undefined), tree: nested(depth) }, 'tree');
    refusal({ ...spoil(() => undefined), commits: nested(depth) }, 'commits[0]');
    refusal({ ...spoil(() => undefined), issues: [{ context: nested(depth) }] }, 'issues[0].kind');
    // A field no schema declares is never walked, and never passed on.
    const read = checkResults({ ...spoil(() => undefined), extra: nested(depth) }, '/d') as BuildResults & { extra?: unknown };
    assert.equal(read.extra, undefined);
  }
  // Read from text, as every reader does.
  const text = JSON.stringify(spoil(() => undefined)).replace(/^\{/, `{"error":${'['.repeat(5000)}${']'.repeat(5000)},`);
  assert.throws(() => parseResults(text), (e: unknown) => e instanceof SchemaError && e.field === 'error');
});

test('dates are ISO 8601 as the code writes them, not whatever Date.parse takes', () => {
  for (const date of ['2026-01-05T00:00:00.000Z', '2026-01-05T00:00:00Z', '2026-01-04T10:00:00+01:00', '2026-01-04T10:00:00.123456789-05:30']) {
    assert.equal(checkResults(spoil((r) => (r.startedAt = date)), '/d').startedAt, date);
  }
  for (const date of ['1', '2026', '2026-01-05', 'Jan 5 2026', 'Mon, 05 Jan 2026 00:00:00 GMT', '2026-01-05 00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-05T25:00:00Z', '2026-01-05T00:00:00', '+002026-01-05T00:00:00Z']) {
    refusal(spoil((r) => (r.startedAt = date)), 'startedAt', [date]);
    refusal(spoil((r) => (r.commits = [{ sha: 'a'.repeat(40), author: 'a', date, subject: 's' }])), 'commits[0].date', [date]);
  }
});

test('a tree the logs root keeps for itself (emails), and a bisect folder\'s name as build id, are refused', () => {
  assert.match(refusal(spoil((r) => (r.tree = 'emails')), 'tree'), /not one the logs root keeps for itself/);
  assert.match(refusal(spoil((r) => (r.buildId = 'bisect-aaaaaaaaaaaa-bbbbbbbbbbbb-x86-tinyconfig')), 'buildId'), /never a bisect folder's name/);
  assert.equal(checkResults(spoil((r) => (r.buildId = 'bisector-1.0')), '/d').buildId, 'bisector-1.0');
});

test('source mounts and the source are folders the plan could have mounted: never the Docker socket, a system folder or over the build\'s own', () => {
  const mount = (host: string, container = '/src/.git') => spoil((r) => (r.sourceMounts = [{ host, container, why: 'the git dir' }]));
  for (const host of ['/var/run/docker.sock', '/run/docker.sock', '/srv/x/docker.sock', '/', '/etc', '/etc/ssl/private', '/usr', '/var', '/proc/1/root', '/dev', 'relative/.git', '/srv/../etc', '/srv/./x', '/srv//x', '/srv/x,dst=/y', '/srv/x:/y']) {
    refusal(mount(host), 'sourceMounts[0].host', [host]);
  }
  for (const container of ['/logs', '/logs/x', '/build/.git', '/', '/usr', '/src', 'src/.git', '/src/../x', '/x,readonly=false']) {
    refusal(mount('/srv/linux/.git', container), 'sourceMounts[0].container', [container]);
  }
  for (const source of ['/var/run/docker.sock', '/', '/etc', 'linux', '/srv/linux,dst=/logs']) refusal(spoil((r) => (r.source = source)), 'source', [source]);
  const fine = spoil((r) => Object.assign(r, { source: '/home/runner/work/linux', sourceMounts: [{ host: '/srv/main/.git', container: '/home/u/main/.git', why: 'the common git dir' }, { host: '/var/cache/objects', container: '/var/cache/objects', why: 'an object store' }] }));
  assert.deepEqual(checkResults(fine, '/d').sourceMounts, fine.sourceMounts);
});

test('schema combinators: a list item, a missing field and a non-object are named by path; undeclared fields are left out', () => {
  const s = object({ a: array(object({ b: string() })) });
  assert.deepEqual(s.check({ a: [{ b: 'x', c: 1 }], d: 2 }, ''), { a: [{ b: 'x' }] });
  assert.throws(() => s.check({ a: [{ b: 'x' }, {}] }, ''), { field: 'a[1].b' });
  assert.throws(() => s.check([], ''), { field: '(top)' });
  assert.throws(() => s.check({ a: [{ b: 'x\u001b]0;title\u0007' }] }, 'r'), (e: unknown) => e instanceof SchemaError && e.field === 'r.a[0].b' && !e.message.includes('title'));
});
