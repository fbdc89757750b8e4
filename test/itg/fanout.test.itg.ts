import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../support/action-run.ts';
import { commitOnBranch, kernelRepo } from '../support/kernel-repo.ts';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { tempDir } from '../support/temp-dir.ts';

// A compile error on x86 in the real 6.1 tree: one run fails that target, names the file
// and line everywhere, and builds the other (the config is the boot tests', so the
// compiler cache holds all but the broken file). Then the fan-out as a workflow runs it: a
// plan job's matrix, two build jobs (each its own logs, as on two runners), their logs
// folders "downloaded" into one folder, and a report job, which must give what one run gave.

const source = kernelRepo();
const ref = 'kb-test/x86-compile-error';
const config = 'tinyconfig+kb-boot.config';
const x86 = `x86/${config}`;
const riscv = `riscv/${config}`;
const common = { source, ref, tree: 'linux', arches: 'x86 riscv', configs: config };

function comparable(r: BuildResults) {
  return {
    sha: r.sha,
    result: r.result,
    complete: r.complete,
    targets: r.targets.map((t) => [t.target, t.status, t.stage, t.exitCode, t.errors, t.warnings]),
    counts: r.counts,
    issues: r.issues!.map((i) => [i.signature, i.severity, i.file, i.line, i.count, i.targets.join(' ')]),
  };
}

test('a tree with a compile error fails the right target; the others still build; the error named in every report', () => {
  commitOnBranch(source, ref, 'arch/x86/kernel/setup.c', (t) => `${t}\nint kernelbuilder_broken(void) { return undeclared_on_purpose; }`, 'x86: break the build on purpose (kernelbuilder test)');
  const logs = tempDir('single');
  const run = runAction({ ...common, logs });
  assert.equal(run.status, 1, 'the step fails');
  assert.match(run.stdout, new RegExp(`::error::1 of 2 targets failed: x86/tinyconfig\\+kb-boot\\.config`));
  assert.equal(run.outputs.result, 'fail');
  assert.equal(run.outputs['failed-targets'], x86);

  const results = JSON.parse(readFileSync(run.outputs['results-json'], 'utf8')) as BuildResults;
  assert.equal(results.complete, true);
  assert.deepEqual(
    results.targets.map((t) => [t.target, t.status, t.stage]),
    [
      [x86, 'fail', 'build'],
      [riscv, 'pass', 'build'],
    ],
  );
  const dir = join(logs, 'linux', run.outputs['build-id']);
  const x86Log = readFileSync(join(dir, `${x86}.log`), 'utf8');
  assert.match(x86Log, /arch\/x86\/kernel\/setup\.c:\d+:\d+: error: 'undeclared_on_purpose' undeclared/);
  // -k: the rest of the tree was still compiled after the error.
  assert.match(x86Log, /CC\s+kernel\//);
  assert.ok(existsSync(join(dir, `${riscv}.log`)));

  // The summary names the file, line and message; the annotation points at them.
  const error = results.issues!.find((i) => i.severity === 'error' && i.kind === 'compiler')!;
  assert.equal(error.file, 'arch/x86/kernel/setup.c');
  assert.match(error.message, /'undeclared_on_purpose' undeclared/);
  assert.deepEqual(error.targets, [x86]);
  assert.match(run.summary, new RegExp(`arch/x86/kernel/setup\\.c:${error.line}:\\d+: error: 'undeclared_on_purpose' undeclared`));
  assert.match(run.stdout, new RegExp(`::error title=compiler error in x86/tinyconfig\\+kb-boot\\.config,file=arch/x86/kernel/setup\\.c,line=${error.line},col=\\d+::'undeclared_on_purpose' undeclared`));
  // The email, in the original builder's layout.
  const email = readFileSync(run.outputs.email, 'utf8');
  assert.equal(run.outputs.email, join(logs, 'emails', `linux-${run.outputs['build-id']}.txt`));
  assert.match(email, new RegExp(`^Subject: linux build: \\d+ warnings 1 failures \\(linux/${run.outputs['build-id']}\\)`, 'm'));
  assert.match(email, /Failed configs:\n {2}x86\/tinyconfig\+kb-boot\.config \(failed at build, exit 2\)/);
  assert.match(email, /arch\/x86\/kernel\/setup\.c:\d+:\d+: error: 'undeclared_on_purpose' undeclared/);
  // The reproducer beside the log is a shell script the shell accepts.
  const repro = readFileSync(join(dir, `${x86}.reproduce.sh`), 'utf8');
  assert.match(repro, new RegExp(`checkout -q --detach ${results.sha}`));
  assert.equal(spawnSync('sh', ['-n', join(dir, `${x86}.reproduce.sh`)]).status, 0);
});

test('the fan-out: a plan, two shards and a report give the statuses and diagnostics of one run', () => {
  // The toy kernel (seconds a build): what is checked is the plan, the shards and the
  // merge, which are the same whatever the kernel; the real tree's failure is the test above.
  const toy = makeToyKernel(
    'case $ARCH in x86) echo "arch/x86/kernel/setup.c:3:12: error: \'undeclared_on_purpose\' undeclared (first use in this function)" >&2; exit 2 ;;' +
      ' arm64) echo "init/main.c:7:5: warning: unused variable \'kernelbuilder_unused\' [-Wunused-variable]" >&2; echo "  LD      vmlinux" ;; esac\n',
  );
  const toyInputs = { source: toy, ref: 'v6.1', tree: 'toy', arches: 'x86 arm64', configs: 'tinyconfig', ccache: 'off' };
  const single = runAction({ ...toyInputs, logs: tempDir('single') });
  assert.equal(single.outputs.result, 'fail', single.stdout.slice(-2000));
  const one = JSON.parse(readFileSync(single.outputs['results-json'], 'utf8')) as BuildResults;

  const plan = runAction({ ...toyInputs, mode: 'plan', shards: '2', logs: tempDir('plan') });
  assert.equal(plan.status, 0, plan.stdout.slice(-2000));
  const matrix = JSON.parse(plan.outputs.matrix) as { include: { ref: string; shard: string; targets: string }[] };
  assert.deepEqual(matrix.include.map((j) => j.shard), ['1/2', '2/2']);
  assert.deepEqual(matrix.include.flatMap((j) => j.targets.split(' ')).sort(), ['arm64/tinyconfig', 'x86/tinyconfig']);

  const downloads = tempDir('downloads');
  for (const job of matrix.include) {
    const run = runAction({ ...toyInputs, ref: job.ref, shard: job.shard, targets: job.targets, logs: tempDir('shard') });
    const results = JSON.parse(readFileSync(run.outputs['results-json'], 'utf8')) as BuildResults;
    assert.equal(results.shard, job.shard);
    assert.deepEqual(results.targets.map((t) => t.target), job.targets.split(' ').sort((a, b) => one.targetOrder.indexOf(a) - one.targetOrder.indexOf(b)));
    // What actions/download-artifact would lay out: one folder per artifact.
    cpSync(join(run.outputs['results-json'], '..'), join(downloads, `kernelbuilder-toy-shard-${job.shard.replace('/', 'of')}-logs`), { recursive: true });
  }

  const report = runAction({ mode: 'report', results: downloads, logs: tempDir('report') });
  assert.equal(report.status, 1, 'the report fails as the single run did');
  assert.equal(report.outputs.result, 'fail');
  assert.equal(report.outputs['failed-targets'], 'x86/tinyconfig');
  const merged = JSON.parse(readFileSync(report.outputs['results-json'], 'utf8')) as BuildResults;
  assert.deepEqual(comparable(merged), comparable(one));
  assert.ok(merged.issues!.some((i) => i.severity === 'warning' && i.file === 'init/main.c'), 'the warning of the shard that passed is merged');
  assert.match(readFileSync(report.outputs.email, 'utf8'), /^Subject: toy build: 1 warnings 1 failures/m);
});
