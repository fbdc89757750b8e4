import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getInputs } from '../../src/inputs/inputs.ts';
import { InputError } from '../../src/errors.ts';
import { type BisectRequest, chooseBisects } from '../../src/bisect/choose.ts';
import { bisectInputsOfBuild, getBisectInputs } from '../../src/bisect/plan.ts';
import { recordOf } from '../../src/bisect/after-build.ts';
import { type BisectResult } from '../../src/bisect/types.ts';
import { type BuildResults, type Regressions, type TargetResult } from '../../src/types/results.ts';
import { type Issue } from '../../src/types/diagnostics.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { renderEmail } from '../../src/report/email.ts';
import { sampleResults } from '../support/results-fixture.ts';

const required = { source: '/srv/linux', ref: 'next/master' };
const read = (over: Record<string, string>) => (name: string) => ({ ...required, ...over })[name] ?? '';

test('bisect inputs: off by default; new-failures and new-errors with a limit and a timeout for all the bisects', () => {
  assert.equal(getInputs(read({})).bisect, undefined);
  assert.equal(getInputs(read({ bisect: 'off', 'bisect-limit': '5' })).bisect, undefined);
  assert.deepEqual(getInputs(read({ bisect: 'new-failures' })).bisect, { mode: 'new-failures', limit: 1, timeoutSeconds: 7200 });
  assert.deepEqual(getInputs(read({ bisect: 'new-errors', 'bisect-limit': '0', 'bisect-timeout': '90m' })).bisect, { mode: 'new-errors', limit: 0, timeoutSeconds: 5400 });
  assert.deepEqual(getInputs(read({ bisect: 'new-errors', 'bisect-limit': '20' })).bisect?.limit, 20);
});

test('bad bisect inputs name the input, the value and what is allowed', () => {
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ bisect: 'yes' }, 'bisect', /off \(the default\), new-failures .* or new-errors/],
    [{ bisect: 'New-Failures' }, 'bisect', /new-failures/],
    [{ bisect: 'new-failures', 'bisect-limit': '21' }, 'bisect-limit', /from 0 to 20/],
    [{ bisect: 'new-failures', 'bisect-limit': '-1' }, 'bisect-limit', /from 0 to 20/],
    [{ bisect: 'new-failures', 'bisect-limit': 'all' }, 'bisect-limit', /from 0 to 20/],
    // A typo shows even while bisect is off: it would matter the day it is turned on.
    [{ 'bisect-limit': '1.5' }, 'bisect-limit', /whole number/],
    [{ bisect: 'new-failures', 'bisect-timeout': '2 hours' }, 'bisect-timeout', /a duration is/],
    [{ bisect: 'new-failures', 'bisect-timeout': '8d' }, 'bisect-timeout', /from 1s to 7d/],
  ];
  for (const [over, input, allowed] of cases) {
    assert.throws(
      () => getInputs(read(over)),
      (e: unknown) => e instanceof InputError && e.message.startsWith(`input '${input}': `) && allowed.test(e.message) && e.message.includes(JSON.stringify(over[input])),
      JSON.stringify(over),
    );
  }
});

const BASE = 'b'.repeat(40);
const NOW = 'a'.repeat(40);

function issue(signature: string, severity: 'error' | 'warning', targets: string[]): Issue {
  const [kind, file, message] = signature.split('|');
  return { signature, kind: kind as Issue['kind'], severity, file, line: 3, message, context: [], count: 1, targets, noise: false };
}

function build(opts: { failed?: Record<string, Partial<TargetResult>>; bootFailed?: string[]; issues?: Issue[]; regressions?: Partial<Regressions> | null; result?: BuildResults['result'] }): BuildResults {
  const names = ['x86/defconfig', 'arm64/defconfig', 'riscv/defconfig', 'x86/tinyconfig'];
  const r = sampleResults(names, { sha: NOW, issues: opts.issues ?? [], ...(opts.result ? { result: opts.result } : {}) });
  r.targets = r.targets.map((t) => ({
    ...t,
    ...(opts.failed?.[t.target] ? { status: 'fail' as const, ...opts.failed[t.target] } : {}),
    ...(opts.bootFailed?.includes(t.target) ? { boot: { status: 'fail' } as TargetResult['boot'] } : {}),
  }));
  if (opts.regressions !== null) {
    r.regressions = {
      baseline: { buildId: 'v6.1.191', sha: BASE, results: '/logs/stable/v6.1.191/results.json' },
      newIssues: [],
      fixedIssues: [],
      newlyFailing: [],
      newlyPassing: [],
      newlyFailingBoots: [],
      newlyPassingBoots: [],
      sizes: [],
      ...opts.regressions,
    };
  }
  return r;
}

const E1 = "compiler|init/main.c|'x' undeclared";
const E2 = "compiler|net/core/dev.c|expected ';'";
const MAKE = 'make||[Makefile:1992: .] Error 2';
const W1 = "compiler|init/main.c|unused variable 'y'";

const what = (r: BisectRequest) => `${r.target} ${r.what.kind === 'signature' ? r.what.signature : r.what.kind}`;

test('the regressions chosen to bisect, first ones first, distinct, up to the limit', () => {
  const cases: { name: string; results: BuildResults; mode?: 'new-failures' | 'new-errors'; limit?: number; chosen: string[]; leftOut?: string[] }[] = [
    {
      name: 'a newly failing target: its build failure',
      results: build({ failed: { 'arm64/defconfig': {} }, issues: [issue(E1, 'error', ['arm64/defconfig'])], regressions: { newlyFailing: ['arm64/defconfig'], newIssues: [E1] } }),
      chosen: ['arm64/defconfig build'],
    },
    {
      name: 'two targets failing with the same new first error are one regression, on the first',
      results: build({
        failed: { 'x86/defconfig': {}, 'arm64/defconfig': {} },
        issues: [issue(E1, 'error', ['x86/defconfig', 'arm64/defconfig'])],
        regressions: { newlyFailing: ['x86/defconfig', 'arm64/defconfig'], newIssues: [E1] },
      }),
      limit: 5,
      chosen: ['x86/defconfig build'],
    },
    {
      name: "make's own Error lines, the same in every failing target, do not make two failures one",
      results: build({
        failed: { 'x86/defconfig': {}, 'arm64/defconfig': {} },
        issues: [issue(MAKE, 'error', ['x86/defconfig', 'arm64/defconfig']), issue(E1, 'error', ['x86/defconfig']), issue(E2, 'error', ['arm64/defconfig'])],
        regressions: { newlyFailing: ['x86/defconfig', 'arm64/defconfig'], newIssues: [MAKE, E1, E2] },
      }),
      limit: 5,
      chosen: ['x86/defconfig build', 'arm64/defconfig build'],
    },
    {
      name: 'two targets failing with different new errors are two; the limit keeps the first',
      results: build({
        failed: { 'x86/defconfig': {}, 'arm64/defconfig': {} },
        issues: [issue(E1, 'error', ['x86/defconfig']), issue(E2, 'error', ['arm64/defconfig'])],
        regressions: { newlyFailing: ['x86/defconfig', 'arm64/defconfig'], newIssues: [E1, E2] },
      }),
      chosen: ['x86/defconfig build'],
      leftOut: ['arm64/defconfig build'],
    },
    {
      name: 'a target stopped by the machine (timeout, out of memory) says nothing of a commit',
      results: build({ failed: { 'x86/defconfig': { reason: 'timeout' }, 'riscv/defconfig': { status: 'error' } }, regressions: { newlyFailing: ['x86/defconfig', 'riscv/defconfig'] } }),
      limit: 5,
      chosen: [],
    },
    {
      name: 'a boot that newly fails where the build passed; a boot lost with its build is the build failure',
      results: build({ failed: { 'arm64/defconfig': {} }, bootFailed: ['x86/tinyconfig'], regressions: { newlyFailing: ['arm64/defconfig'], newlyFailingBoots: ['arm64/defconfig', 'x86/tinyconfig'] } }),
      limit: 5,
      chosen: ['arm64/defconfig build', 'x86/tinyconfig boot'],
    },
    {
      name: 'new-failures leaves new error signatures alone',
      results: build({ issues: [issue(E2, 'error', ['riscv/defconfig'])], regressions: { newIssues: [E2] } }),
      limit: 5,
      chosen: [],
    },
    {
      name: 'new-errors: a new error on a target that still passes, on its first target; warnings and the failures\' own errors are not',
      results: build({
        failed: { 'arm64/defconfig': {} },
        issues: [issue(E1, 'error', ['arm64/defconfig']), issue(E2, 'error', ['arm64/defconfig', 'riscv/defconfig', 'x86/defconfig']), issue(W1, 'warning', ['x86/defconfig'])],
        regressions: { newlyFailing: ['arm64/defconfig'], newIssues: [E1, E2, W1] },
      }),
      mode: 'new-errors',
      limit: 5,
      chosen: ['arm64/defconfig build', `riscv/defconfig ${E2}`],
    },
    {
      name: 'new-errors: an error the baseline had is not new',
      results: build({ issues: [issue(E2, 'error', ['riscv/defconfig'])], regressions: { newIssues: [] } }),
      mode: 'new-errors',
      chosen: [],
    },
    {
      name: 'limit 0 bisects nothing and says what it left',
      results: build({ failed: { 'arm64/defconfig': {} }, regressions: { newlyFailing: ['arm64/defconfig'] } }),
      limit: 0,
      chosen: [],
      leftOut: ['arm64/defconfig build'],
    },
  ];
  for (const c of cases) {
    const choice = chooseBisects(c.results, c.mode ?? 'new-failures', c.limit ?? 1);
    assert.ok(!('none' in choice), c.name);
    assert.equal(choice.good, BASE, c.name);
    assert.equal(choice.bad, NOW, c.name);
    assert.deepEqual(choice.requests.map(what), c.chosen, c.name);
    assert.deepEqual(choice.leftOut.map(what), c.leftOut ?? [], c.name);
  }
});

test('no bisect without a baseline with a sha other than the build\'s, or of a build that did not run: said why', () => {
  const failing = { failed: { 'arm64/defconfig': {} }, regressions: { newlyFailing: ['arm64/defconfig'] } };
  const cases: [BuildResults, RegExp][] = [
    [build({ ...failing, regressions: null }), /no baseline/],
    [build({ ...failing, regressions: { ...failing.regressions, baseline: { buildId: 'x', sha: '', results: '/old/results.json' } } }), /\/old\/results\.json has no sha/],
    [build({ ...failing, regressions: { ...failing.regressions, baseline: { buildId: 'v6.1.192', sha: NOW, results: 'r' } } }), /is the same commit a{12}/],
    [build({ ...failing, result: 'error' }), /failed to run/],
  ];
  for (const [results, why] of cases) {
    const choice = chooseBisects(results, 'new-failures', 5);
    assert.ok('none' in choice && why.test(choice.none), JSON.stringify(choice));
  }
});

test("a bisect's inputs from the build's: the one target at the build's sha, in its tree, booting only for a boot", () => {
  const inputs = getInputs(read({ arches: 'x86 arm64', configs: 'defconfig tinyconfig', boot: 'all', baseline: '', shard: '1/2', bisect: 'new-failures' }));
  const b = bisectInputsOfBuild(inputs, 'stable', BASE, NOW, 'arm64/tinyconfig+kb-boot.config', { kind: 'build' });
  assert.deepEqual([b.good, b.bad, b.target], [BASE, NOW, { arch: 'arm64', config: 'tinyconfig+kb-boot.config' }]);
  assert.deepEqual([b.build.ref, b.build.tree, b.build.arches, b.build.configs], [NOW, 'stable', ['arm64'], ['tinyconfig+kb-boot.config']]);
  assert.equal(b.build.boot, undefined, 'a build bisect boots nothing');
  assert.equal(b.build.shard, undefined);
  assert.equal(b.build.bisect, undefined);
  const boot = bisectInputsOfBuild(inputs, 'stable', BASE, NOW, 'x86/tinyconfig', { kind: 'boot' });
  assert.deepEqual(boot.build.boot, { ...inputs.boot, targets: ['x86/tinyconfig'] });
});

test("a bisect of a KUnit target: planned from its one KUnit config alone, the build's or --kunit's; another target has no KUnit run", () => {
  const inputs = getInputs(read({ kunit: 'default lib/kunit', configs: 'tinyconfig', arches: 'x86' }));
  const b = bisectInputsOfBuild(inputs, 'stable', BASE, NOW, 'um/kunit-lib-kunit', { kind: 'case', name: 'kernelbuilder-faults.kb_fails' });
  assert.deepEqual([b.build.arches, b.build.configs, b.build.kunit?.requests, b.build.kunit?.arches], [['um'], [], [{ kind: 'file', path: 'lib/kunit' }], ['um']]);
  const plain = bisectInputsOfBuild(inputs, 'stable', BASE, NOW, 'x86/tinyconfig', { kind: 'build' });
  assert.deepEqual([plain.build.configs, plain.build.kunit], [['tinyconfig'], undefined]);

  const cli = (over: Record<string, string>) => getBisectInputs((n) => ({ good: BASE, bad: NOW, ...required, ...over })[n] ?? '');
  assert.deepEqual(cli({ target: 'um/kunit-lib-kunit', kunit: 'lib/kunit/' }).build.kunit?.requests, [{ kind: 'file', path: 'lib/kunit' }]);
  assert.deepEqual(cli({ target: 'um/kunit' }).build.kunit?.requests, [{ kind: 'default' }]);
  assert.deepEqual(cli({ target: 'um/kunit' }).build.configs, []);
  assert.equal(cli({ target: 'x86/tinyconfig', kunit: 'default' }).build.kunit, undefined, 'a target that is no KUnit target runs no KUnit');
  assert.throws(() => cli({ target: 'um/kunit-fs-ext4' }), /input 'target': "um\/kunit-fs-ext4" is not allowed; it is a KUnit target: give --kunit the \.kunitconfig/);
});

function bisectResult(over: Partial<BisectResult>): BisectResult {
  return {
    schema: 1, tree: 'stable', source: '/srv/linux', target: 'arm64/defconfig', good: { ref: BASE, sha: BASE }, bad: { ref: NOW, sha: NOW }, commits: 16, estimatedSteps: 4,
    image: { name: 'i', id: 'sha256:1' }, outcome: 'not found', steps: [], builds: 6, bisectLog: '', startedAt: '', finishedAt: '', durationSeconds: 120, ...over,
  };
}

test('the build\'s reports name the first bad commit as the 0-day bot does, and say why when none was named', () => {
  const request: BisectRequest = { regression: 'arm64/defconfig newly fails to build', target: 'arm64/defconfig', what: { kind: 'build' } };
  const culprit = { sha: 'c'.repeat(40), subject: 'init: use boot_cpu', author: 'A U Thor <a@example.org>', date: '2026-01-01T00:00:00Z', position: { k: 11, n: 16 }, verification: { culprit: 'bad' as const, parents: [] } };
  const found = recordOf(request, bisectResult({ outcome: 'found', culprit }), '../bisect-bbbbbbbbbbbb-aaaaaaaaaaaa-arm64-defconfig');
  assert.deepEqual(found, {
    regression: request.regression, target: 'arm64/defconfig', what: 'build', result: 'found',
    culprit: { sha: culprit.sha, subject: culprit.subject, author: culprit.author, date: culprit.date, position: { k: 11, n: 16 } },
    builds: 6, durationSeconds: 120, folder: '../bisect-bbbbbbbbbbbb-aaaaaaaaaaaa-arm64-defconfig',
  });
  const timedOut = recordOf({ ...request, target: 'x86/tinyconfig', regression: 'x86/tinyconfig newly fails to boot', what: { kind: 'boot' } }, bisectResult({ reason: 'timeout', detail: 'stopped after 3 builds' }), '../b2');
  const results = { ...build({}), bisects: [found, timedOut] };
  for (const text of [renderSummary(results), renderEmail(results)]) {
    assert.match(text, /First bad commit/);
    assert.match(text, new RegExp(`^  commit: ${culprit.sha} \\[11/16\\]$`, 'm'));
    assert.match(text, /^ {2}subject: init: use boot_cpu$/m);
    assert.match(text, /^ {2}author: A U Thor <a@example\.org>$/m);
    assert.match(text, /^x86\/tinyconfig newly fails to boot:\n {2}no culprit \(not found\): timeout: stopped after 3 builds$/m);
  }
  assert.doesNotMatch(renderSummary(build({})), /First bad commit/, 'nothing bisected, no section');
});
