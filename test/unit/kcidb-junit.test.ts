import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildResults } from '../../src/types/results.ts';
import { analyseLogs } from '../../src/diagnostics/analyse.ts';
import { defaultNoise } from '../../src/diagnostics/noise.ts';
import { KCIDB_EXCERPT_LIMIT, renderKcidb } from '../../src/report/kcidb.ts';
import { renderJunit } from '../../src/report/junit.ts';
import { writeReports } from '../../src/report/write-reports.ts';
import { sampleResults } from '../support/results-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';
import { readJunit } from '../support/junit-check.ts';
import { validateKcidb } from '../support/kcidb-check.ts';
import { kunitRun } from '../support/kunit-fixture.ts';

/** Control characters, a NUL, markup and an ANSI colour code: what a hostile build prints. */
const HOSTILE = 'x\u0000y\u0007z \u001b[31mred\u001b[0m <b>&amp;</b> "q" \'a\' ]]> \uD800';

/** A failed build of two arches with a boot, its logs parsed as the report does. */
async function failedBuild(t: { after: (f: () => void) => void }): Promise<{ dir: string; results: BuildResults }> {
  const dir = tempDir('formats');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const results = sampleResults(['x86/tinyconfig', 'arm64/tinyconfig', 'arm64/defconfig'], {
    result: 'fail',
    remote: 'stable',
    remoteUrl: 'https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git',
    makeVars: ['W=1'],
    toolchains: { x86: 'gcc (Debian 12.2.0-14) 12.2.0', arm64: 'aarch64-linux-gnu-gcc (Debian 12.2.0-14) 12.2.0' },
  });
  Object.assign(results.targets[0], { status: 'fail', stage: 'build', exitCode: 2, durationSeconds: 12.3, dotConfig: 'x86/tinyconfig.config' });
  Object.assign(results.targets[1], { durationSeconds: 40, kept: { dir: 'arm64/tinyconfig', files: ['Image', 'System.map'] }, boot: { status: 'fail', reason: 'kernel panic', message: `VFS: Unable to mount root fs ${HOSTILE}`, durationSeconds: 4.5, console: 'arm64/tinyconfig/console.log', machine: 'qemu-system-aarch64 -M virt' } });
  Object.assign(results.targets[2], { status: 'error', reason: 'cancelled' });
  const logs: Record<string, string> = {
    'x86/tinyconfig.log': ['  CC      kernel/fork.o', `/build/src/kernel/fork.c:2101:9: error: 'nope' undeclared ${HOSTILE}`, '/build/src/kernel/fork.c:2200:1: error: expected declaration', "/build/src/mm/slub.c:88:13: warning: unused variable 'x' [-Wunused-variable]", 'make[3]: *** [scripts/Makefile.build:250: kernel/fork.o] Error 1', ''].join('\n'),
    'arm64/tinyconfig.log': ["/build/src/mm/slub.c:88:13: warning: unused variable 'x' [-Wunused-variable]", ''].join('\n'),
    'arm64/defconfig.log': '',
  };
  for (const [path, text] of Object.entries(logs)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, results: await analyseLogs(results, dir, defaultNoise) };
}

test('kcidb.json of a failed build is valid against the KCIDB I/O 5.3 schema, with a checkout, a build per target, a test per boot, issues and incidents', async (t) => {
  const { dir, results } = await failedBuild(t);
  const data = renderKcidb(results, dir, 'kernelbuilder');
  assert.ok(validateKcidb(data), JSON.stringify(validateKcidb.errors, null, 1));
  assert.deepEqual(data.version, { major: 5, minor: 3 });
  assert.equal(data.checkouts.length, 1);
  assert.deepEqual(
    (({ tree_name, git_repository_url, git_commit_hash, git_commit_name, git_repository_branch }) => ({ tree_name, git_repository_url, git_commit_hash, git_commit_name, git_repository_branch }))(data.checkouts[0] as Record<string, unknown>),
    { tree_name: 'stable', git_repository_url: 'https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git', git_commit_hash: 'a'.repeat(40), git_commit_name: 'v6.1.192', git_repository_branch: 'linux-6.1.y' },
  );
  assert.deepEqual(data.builds.map((b) => [b.architecture, b.config_name, b.status]), [['x86', 'tinyconfig', 'FAIL'], ['arm64', 'tinyconfig', 'PASS'], ['arm64', 'defconfig', 'MISS']]);
  const x86 = data.builds[0];
  assert.equal(x86.compiler, 'gcc (Debian 12.2.0-14) 12.2.0');
  assert.equal(x86.duration, 12.3);
  assert.match(String(x86.command), /^make -C \/build\/src O=\/build\/out ARCH=x86 W=1 -k -j\$\(nproc\)$/);
  assert.match(String(x86.log_excerpt), /error: 'nope' undeclared/);
  assert.ok(!String(x86.log_excerpt).includes('\0'), 'no NUL: the schema refuses it');
  assert.deepEqual((data.builds[1].output_files as { name: string; url: string }[]).map((f) => f.name), ['Image', 'System.map']);
  assert.equal((data.builds[1].output_files as { url: string }[])[0].url, `file://${dir}/arm64/tinyconfig/Image`);
  assert.deepEqual(data.tests.map((x) => [x.build_id, x.path, x.status]), [[data.builds[1].id, 'boot', 'FAIL']]);
  assert.equal(data.tests[0].log_url, `file://${dir}/arm64/tinyconfig/console.log`);
  // Three errors in x86 (two of gcc, make's), one warning in both arches: four issues, five incidents, each tied to its builds.
  assert.equal(data.issues.length, 4);
  assert.ok(data.issues.every((i) => /^kernelbuilder:[0-9a-f]{32}$/.test(String(i.id))));
  const warning = data.issues.find((i) => /unused variable/.test(String(i.comment)))!;
  assert.deepEqual(data.incidents.filter((x) => x.issue_id === warning.id).map((x) => x.build_id), [data.builds[0].id, data.builds[1].id]);
  assert.equal(data.incidents.length, 5);
});

test('kcidb.json: an excerpt past the schema\'s limit is cut under it; the schema itself refuses what the writer must not write', async (t) => {
  const { dir, results } = await failedBuild(t);
  results.targets[0].excerpt = { source: 'tail', lines: Array.from({ length: 2000 }, (_, i) => `line ${i} ${'é'.repeat(10)}`) };
  const data = renderKcidb(results, dir, 'my_lab');
  assert.ok(validateKcidb(data), JSON.stringify(validateKcidb.errors));
  assert.ok(String(data.builds[0].log_excerpt).length <= KCIDB_EXCERPT_LIMIT);
  assert.ok(String(data.builds[0].id).startsWith('my_lab:'));
  // The fixture is a real check: what the schema forbids, it refuses.
  for (const spoil of [
    (d: Record<string, unknown[]>) => Object.assign(d.builds[0] as object, { log_excerpt: 'x'.repeat(KCIDB_EXCERPT_LIMIT + 1) }),
    (d: Record<string, unknown[]>) => Object.assign(d.builds[0] as object, { status: 'BROKEN' }),
    (d: Record<string, unknown[]>) => Object.assign(d.builds[0] as object, { id: 'no-origin' }),
    (d: Record<string, unknown[]>) => Object.assign(d.tests[0] as object, { path: 'boot..x' }),
    (d: Record<string, unknown[]>) => Object.assign(d.checkouts[0] as object, { git_repository_url: 'ssh://host/x.git' }),
    (d: Record<string, unknown[]>) => Object.assign(d.builds[0] as object, { log_excerpt: 'a\u0000b' }),
    (d: Record<string, unknown[]>) => Object.assign(d.builds[0] as object, { unknown_field: 1 }),
  ]) {
    const copy = structuredClone(data) as unknown as Record<string, unknown[]>;
    spoil(copy);
    assert.equal(validateKcidb(copy), false, JSON.stringify(copy).slice(0, 200));
  }
});

test('junit.xml of a failed build, read by junit2json: a testsuite per arch, a testcase per build and boot, failures with the first errors', async (t) => {
  const { results } = await failedBuild(t);
  const suites = await readJunit(renderJunit(results));
  assert.deepEqual(suites.map((s) => [s.name, s.tests, s.failures, s.errors, s.skipped]), [['x86', 1, 1, 0, 0], ['arm64', 3, 1, 1, 0]]);
  const cases = suites.flatMap((s) => s.testcase ?? []);
  assert.deepEqual(cases.map((c) => [c.classname, c.name, c.time]), [
    ['x86/tinyconfig', 'build', 12.3],
    ['arm64/tinyconfig', 'build', 40],
    ['arm64/tinyconfig', 'boot', 4.5],
    ['arm64/defconfig', 'build', 0],
  ]);
  const [failure] = cases[0].failure!;
  // The first errors (the parser drops the colour codes; what XML 1.0 forbids is U+FFFD), not make's echo of the failed recipe.
  assert.match(failure.message!, /^kernel\/fork\.c:2101:9: error: 'nope' undeclared x\uFFFDy\uFFFDz red .*; kernel\/fork\.c:2200:1: error: expected declaration$/);
  assert.match(failure.inner!, /error: 'nope' undeclared/);
  assert.match(cases[2].failure![0].message!, /^fail: kernel panic: VFS: Unable to mount root fs/);
  assert.match(cases[2].failure![0].message!, /<b>&amp;<\/b> "q" 'a' ]]>/, 'markup kept as text');
  assert.equal(cases[3].error![0].message, 'arm64/defconfig never finished: cancelled');
  assert.equal(cases[1].failure, undefined);
  assert.deepEqual(suites[0].properties!.find((p) => p.name === 'make-vars'), { name: 'make-vars', value: 'W=1' });
});

test('writeReports writes kcidb.json and junit.xml beside results.json, with the given origin', async (t) => {
  const { dir, results } = await failedBuild(t);
  const paths = writeReports(results, { logsDir: dir, emailDir: dir }, { kcidbOrigin: 'lab_1' });
  assert.equal(paths.kcidb, join(dir, 'kcidb.json'));
  const data: { checkouts: { origin: string }[] } = JSON.parse(readFileSync(paths.kcidb, 'utf8'));
  const valid = validateKcidb(data);
  assert.ok(valid, JSON.stringify(validateKcidb.errors));
  assert.equal(data.checkouts[0].origin, 'lab_1');
  assert.equal((await readJunit(readFileSync(paths.junit, 'utf8'))).length, 2);
});

test('KUnit cases with hostile names, expectations and reasons: junit.xml and kcidb.json stay valid, every text kept as text', async () => {
  const results = sampleResults(['um/kunit']);
  results.targets[0].kunit = kunitRun([
    { suite: `s ${HOSTILE}`, case: `c ${HOSTILE}`, param: `p.${HOSTILE}`, status: 'fail', diagnostic: { message: `EXPECTATION ${HOSTILE}`, file: 'lib/a.c', line: 1, detail: [HOSTILE, '::error::x\r\n##[error]y'] }, runs: { total: 1, passed: 0 } },
    { suite: 's', case: 'crashed', status: 'crashed', reason: HOSTILE, runs: { total: 1, passed: 0 } },
    { suite: 's', case: 'skipped', status: 'skip', reason: HOSTILE, runs: { total: 1, passed: 0 } },
    { suite: 's', case: 'flaky', status: 'flaky', diagnostic: { message: HOSTILE, detail: [HOSTILE] }, runs: { total: 2, passed: 1 } },
  ]);
  const [suite] = await readJunit(renderJunit(results));
  const cases = suite.testcase!;
  assert.equal(cases[1].classname, `um/kunit.s ${HOSTILE}`.replace(/[\u0000\u0007\u001b]|\uD800/g, '\uFFFD'));
  assert.match(cases[1].failure![0].message!, /<b>&amp;<\/b> "q" 'a' ]]>/);
  assert.match(String(cases[4]['system-out']), /^flaky: passed 1 of 2 runs/);
  const data = renderKcidb(results, '/logs', 'kernelbuilder');
  assert.ok(validateKcidb(data), JSON.stringify(validateKcidb.errors, null, 1));
  assert.match(String(data.tests[0].path), /^kunit\.s_x_y_z_[A-Za-z0-9_-]+\.c_[A-Za-z0-9_-]+\.p_x_y_z_[A-Za-z0-9_-]+$/, 'a path of safe parts; a dot in a name is no part of its own');
  assert.ok(String(data.tests[0].log_excerpt).includes('::error::x\r\n##[error]y'), 'the excerpt is the diagnostic, for KCIDB to show as text');
});
