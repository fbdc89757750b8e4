import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../support/action-run.ts';
import { commitOnBranch, kernelRepo } from '../support/kernel-repo.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { tempDir } from '../support/temp-dir.ts';

// The fan-out as a workflow runs it, on the real 6.1 tree with a compile error on x86:
// a plan job's matrix, three build jobs (each its own logs, as on three runners), their
// logs folders "downloaded" into one folder, and a report job — against one unsharded
// run of the same targets.

const source = kernelRepo();
const ref = 'kb-test/x86-compile-error';
const common = { source, ref, tree: 'linux', arches: 'x86 arm64 riscv', configs: 'tinyconfig' };

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

test('three shards and a report give the statuses and diagnostics of one run', () => {
  commitOnBranch(source, ref, 'arch/x86/kernel/setup.c', (t) => `${t}\nint kernelbuilder_broken(void) { return undeclared_on_purpose; }`, 'x86: break the build on purpose (kernelbuilder test)');

  const single = runAction({ ...common, logs: tempDir('single') });
  assert.equal(single.outputs.result, 'fail', single.stdout.slice(-2000));
  const one = JSON.parse(readFileSync(single.outputs['results-json'], 'utf8')) as BuildResults;

  const plan = runAction({ ...common, mode: 'plan', shards: '3', logs: tempDir('plan') });
  assert.equal(plan.status, 0, plan.stdout.slice(-2000));
  const matrix = JSON.parse(plan.outputs.matrix) as { include: { ref: string; shard: string; targets: string }[] };
  assert.deepEqual(matrix.include.map((j) => j.shard), ['1/3', '2/3', '3/3']);
  assert.deepEqual(matrix.include.flatMap((j) => j.targets.split(' ')).sort(), ['arm64/tinyconfig', 'riscv/tinyconfig', 'x86/tinyconfig']);

  const downloads = tempDir('downloads');
  for (const job of matrix.include) {
    const run = runAction({ ...common, ref: job.ref, shard: job.shard, targets: job.targets, logs: tempDir('shard') });
    const results = JSON.parse(readFileSync(run.outputs['results-json'], 'utf8')) as BuildResults;
    assert.equal(results.shard, job.shard);
    assert.deepEqual(results.targets.map((t) => t.target), job.targets.split(' ').sort((a, b) => one.targetOrder.indexOf(a) - one.targetOrder.indexOf(b)));
    // What actions/download-artifact would lay out: one folder per artifact.
    cpSync(join(run.outputs['results-json'], '..'), join(downloads, `kernelbuilder-linux-shard-${job.shard.replace('/', 'of')}-logs`), { recursive: true });
  }

  const report = runAction({ mode: 'report', results: downloads, logs: tempDir('report') });
  assert.equal(report.status, 1, 'the report fails as the single run did');
  assert.equal(report.outputs.result, 'fail');
  assert.equal(report.outputs['failed-targets'], 'x86/tinyconfig');
  const merged = JSON.parse(readFileSync(report.outputs['results-json'], 'utf8')) as BuildResults;
  assert.deepEqual(comparable(merged), comparable(one));
  assert.match(readFileSync(report.outputs.email, 'utf8'), /^Subject: linux build: \d+ warnings 1 failures/m);
});
