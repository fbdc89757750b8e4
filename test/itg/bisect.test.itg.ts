import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/entry/cli.ts';
import { type BisectResult } from '../../src/bisect/types.ts';
import { breaks, harmless, repoChecksums, toySeries, warns } from '../support/toy-series.ts';
import { tempDir } from '../support/temp-dir.ts';

// Bisects of toy series on the real Docker engine, driver and image: each commit of a
// series changes what the toy build prints; the bisect must name the one that matters.

const paths = { driverDir: fileURLToPath(new URL('../../src/driver/', import.meta.url)), imagesDir: fileURLToPath(new URL('../../images/', import.meta.url)) };

async function bisect(source: string, good: string, bad: string, ...more: string[]) {
  const logs = tempDir('bisect-logs');
  let out = '';
  let err = '';
  const code = await runCli(['bisect', '--source', source, '--good', good, '--bad', bad, '--target', 'x86/tinyconfig', '--logs', logs, '--ccache', 'off', ...more], paths, {
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code, out, err, logs };
}

function readResult(err: string): BisectResult {
  const path = /results in (\S+bisect\.json)/.exec(err)?.[1];
  assert.ok(path, err);
  return JSON.parse(readFileSync(path, 'utf8')) as BisectResult;
}

/** This file's containers: kernelbuilder's label, and a bisect's folder in it (other runs may share the engine). */
function ourContainers(): string {
  const all = execFileSync('docker', ['ps', '-a', '--filter', 'label=org.kernelbuilder.build', '--format', '{{.ID}} {{.Label "org.kernelbuilder.build"}}'], { encoding: 'utf8' });
  return all.split('\n').filter((l) => /^\S+ kb-toy-[^/]+\/bisect-/.test(l)).join('\n');
}

/** ceil(log2(n)) + 3: the two ends, the steps, the culprit's verification. */
const budget = (n: number) => Math.ceil(Math.log2(n)) + 3;

test('a 16-commit series with a commit that breaks the build: the culprit, verified, within ceil(log2 n)+3 builds; the source unchanged', async () => {
  const culprit = 11;
  const changes = Array.from({ length: 16 }, (_, i) => (i + 1 === culprit ? { 'toy.d/50-main': breaks('init/main.c', 12, "'boot_cpu' undeclared (first use in this function)") } : harmless(i)));
  const { source, shas } = toySeries(changes);
  const before = repoChecksums(source);
  const run = await bisect(source, 'v6.1', 'master', '--what', 'build');
  assert.equal(run.code, 0, run.err);
  const r = readResult(run.err);
  assert.equal(r.culprit?.sha, shas[culprit - 1]);
  assert.deepEqual(r.culprit?.position, { k: culprit, n: 16 });
  assert.equal(r.culprit?.diagnostic?.file, 'init/main.c');
  assert.equal(r.culprit?.diagnostic?.line, 12);
  assert.equal(r.culprit?.verification.culprit, 'bad');
  assert.deepEqual(r.culprit?.verification.parents.map((p) => [p.sha, p.verdict]), [[shas[culprit - 2], 'good']]);
  assert.ok(r.builds <= budget(16), `${r.builds} builds: ${r.steps.map((s) => s.label).join(' ')}`);
  assert.equal(r.builds, r.steps.length);
  assert.match(r.bisectLog, /git bisect start '--no-checkout'/);
  assert.match(r.bisectLog, new RegExp(`first bad commit: \\[${shas[culprit - 1]}\\]`));
  assert.match(run.err, /^\[1\/~4\] [0-9a-f]{12} (good|bad) in [\d.]+s$/m);
  const email = readFileSync(join(run.logs, r.tree, `bisect-${r.good.sha.slice(0, 12)}-${r.bad.sha.slice(0, 12)}-x86-tinyconfig`, 'email.txt'), 'utf8');
  assert.match(email, new RegExp(`^commit: ${shas[culprit - 1]} \\[${culprit}/16\\]`, 'm'));
  assert.deepEqual(repoChecksums(source), before, 'refs, objects, status and files of the source are as they were');
  assert.equal(ourContainers(), '', 'the container is gone');
});

test('a series where one commit adds a warning: without --what the new signature is chosen and its commit named', async () => {
  const culprit = 6;
  const warning = warns('kernel/sched/core.c', 40, "unused variable 'rq'", '-Wunused-variable');
  const changes = Array.from({ length: 13 }, (_, i) => (i + 1 === culprit ? { 'toy.d/60-sched': warning } : harmless(i)));
  const { source, shas } = toySeries(changes);
  const run = await bisect(source, 'v6.1', 'master');
  assert.equal(run.code, 0, run.err);
  const r = readResult(run.err);
  assert.deepEqual(r.sought, { kind: 'signature', signature: "compiler|kernel/sched/core.c|unused variable 'rq'" });
  assert.equal(r.culprit?.sha, shas[culprit - 1]);
  assert.deepEqual(r.culprit?.position, { k: culprit, n: 13 });
  assert.equal(r.culprit?.diagnostic?.severity, 'warning');
  assert.ok(r.builds <= budget(13), `${r.builds} builds`);
});

test('an unrelated broken commit in the middle (another first error) is skipped, and the culprit still found', async () => {
  const other = { 'toy.d/40-net': breaks('net/core/dev.c', 99, "expected ';' before '}' token") };
  const changes: Record<string, string | null>[] = Array.from({ length: 14 }, (_, i) => harmless(i));
  // Commits 7 and 8 break the build elsewhere (8 still broken), 9 mends it; 11 is the culprit.
  changes[6] = other;
  changes[7] = { ...harmless(7), 'toy.d/40-net': other['toy.d/40-net'] + '# still\n' };
  changes[8] = { 'toy.d/40-net': null };
  changes[10] = { 'toy.d/50-main': breaks('init/main.c', 12, "'boot_cpu' undeclared") };
  const { source, shas } = toySeries(changes);
  const run = await bisect(source, 'v6.1', 'master', '--what', 'build');
  assert.equal(run.code, 0, run.err);
  const r = readResult(run.err);
  assert.equal(r.culprit?.sha, shas[10]);
  assert.ok(r.steps.some((s) => s.verdict === 'skip' && [shas[6], shas[7]].includes(s.sha)), r.steps.map((s) => `${s.label} ${s.verdict}`).join(', '));
  assert.match(r.bisectLog, /git bisect skip/);
});

test('a good end that is bad: not found, exit 1, said why; a signature neither end shows: refused after the ends, exit 2', async () => {
  const { source, shas } = toySeries([{ 'toy.d/50-main': breaks('init/main.c', 12, "'x' undeclared") }, harmless(1), harmless(2)]);
  const goodIsBad = await bisect(source, shas[1], 'master', '--what', 'build');
  assert.equal(goodIsBad.code, 1, goodIsBad.err);
  assert.match(goodIsBad.err, /no culprit: good end is bad/);
  const neither = await bisect(source, 'v6.1', 'master', '--what', 'compiler|x|y');
  assert.equal(neither.code, 2, neither.err);
  assert.match(neither.err, /input 'what': "compiler\|x\|y" is not allowed; neither end shows this signature/);
  assert.doesNotMatch(neither.err, /\[1\/~/, 'no step was built');
  assert.equal(ourContainers(), '');
});

test('bad input is refused before any container starts', async (t) => {
  const { source, shas } = toySeries([harmless(1), harmless(2), { 'other.txt': 'x\n' }]);
  // A branch off the series: not a descendant of its second commit.
  execFileSync('git', ['-C', source, 'branch', 'side', shas[0]]);
  const cases: { name: string; args: string[]; message: RegExp }[] = [
    { name: 'equal ends', args: ['master', 'master'], message: /input 'good': "master" is not allowed; good and bad are the same commit/ },
    { name: 'good not an ancestor of bad', args: ['master', 'side'], message: /input 'good': "master" is not allowed; it must be an ancestor of bad/ },
    { name: 'unknown arch', args: ['v6.1', 'master', '--target', 'vax/tinyconfig'], message: /input 'target': "vax\/tinyconfig" is not allowed/ },
    { name: 'arch the tree lacks', args: ['v6.1', 'master', '--target', 'riscv/tinyconfig'], message: /input 'target': "riscv\/tinyconfig" is not allowed; Linux 6\.1\.0 has no arch\/ of it; its arches are / },
    { name: 'config with a path', args: ['v6.1', 'master', '--target', 'x86/../../x'], message: /input 'target'/ },
    { name: 'a what that is no signature', args: ['v6.1', 'master', '--what', 'oops'], message: /input 'what': "oops" is not allowed/ },
    { name: 'unknown good ref', args: ['nosuch', 'master'], message: /ref "nosuch" is not in the source repository/ },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const [good, bad, ...more] = c.args;
      // A --target given here comes after the helper's, and the last one counts.
      const run = await bisect(source, good, bad, ...more);
      assert.equal(run.code, 2, run.err);
      assert.match(run.err, c.message);
      assert.equal(ourContainers(), '', 'no container was started');
    });
  }
});

test('--plan-only prints the checked plan: the range, the budget, the build contract of the one container; builds nothing', async () => {
  const { source } = toySeries(Array.from({ length: 12 }, (_, i) => harmless(i)));
  const run = await bisect(source, 'v6.1', 'master', '--plan-only');
  assert.equal(run.code, 0, run.err);
  const plan = JSON.parse(run.out);
  assert.deepEqual([plan.commits, plan.estimatedSteps, plan.buildBudget, plan.target], [12, 4, 7, 'x86/tinyconfig']);
  assert.deepEqual(plan.container.Cmd, ['/opt/kernelbuilder/bisect.sh', 'serve']);
  const host = plan.container.HostConfig;
  assert.deepEqual([host.NetworkMode, host.ReadonlyRootfs, host.CapDrop, host.SecurityOpt], ['none', true, ['ALL'], ['no-new-privileges']]);
  assert.deepEqual(host.Mounts.filter((m: { Target: string }) => ['/src', '/logs'].includes(m.Target)).map((m: { Target: string; Source: string; ReadOnly: boolean }) => [m.Target, m.Source, m.ReadOnly]), [
    ['/src', source, true],
    ['/logs', plan.dir, false],
  ]);
  assert.ok(host.Tmpfs['/build']);
  assert.equal(ourContainers(), '');
});
