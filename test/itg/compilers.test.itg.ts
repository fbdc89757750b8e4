import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../support/action-run.ts';
import { commitOnBranch, kernelRepo } from '../support/kernel-repo.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { type KcidbData } from '../../src/report/kcidb.ts';
import { tempDir } from '../support/temp-dir.ts';

// The compiler matrix on the real 6.1 tree: x86 tinyconfig with GCC 12 and clang 19 in one
// run (one container of the kernelbuilder/compilers image, one jobserver), then a commit
// only clang warns about: -Wsometimes-uninitialized, which clang's -Wall holds and GCC has
// no match for (the kernel turns GCC's -Wmaybe-uninitialized off). Plain tinyconfig, the
// least a compiler can build: clang costs about 1.5 times GCC's CPU, and no other test
// fills this cache.
const source = kernelRepo();
const branch = 'kb-test/compilers';
const gcc = 'x86/tinyconfig@gcc';
const clang = 'x86/tinyconfig@clang-19';

test('x86 tinyconfig with gcc and clang-19 in one run, each by its compiler; then a warning only clang prints is new for the clang target only, marked "clang-19 only" in every report', () => {
  const clean = execFileSync('git', ['-C', source, 'rev-parse', 'refs/remotes/stable/HEAD'], { encoding: 'utf8' }).trim();
  execFileSync('git', ['-C', source, 'update-ref', `refs/heads/${branch}`, clean]);
  const logs = tempDir('logs');
  const inputs = { source, ref: branch, tree: 'linux', arches: 'x86', configs: 'tinyconfig', toolchains: 'gcc clang-19', logs };

  const first = runAction(inputs);
  assert.equal(first.status, 0, first.stdout.slice(-3000) + first.stderr);
  const before = JSON.parse(readFileSync(first.outputs['results-json'], 'utf8')) as BuildResults;
  assert.equal(before.image.name, 'kernelbuilder/compilers');
  assert.deepEqual(before.targets.map((t) => [t.target, t.compiler, t.status]), [[gcc, 'gcc', 'pass'], [clang, 'clang-19', 'pass']]);
  // Each target was built by its own compiler: the kernel's .config says which it saw.
  const dir = join(logs, 'linux', before.buildId);
  const dotConfig = (name: string) => readFileSync(join(dir, before.targets.find((t) => t.target === name)!.dotConfig!), 'utf8');
  assert.match(dotConfig(gcc), /^CONFIG_CC_IS_GCC=y$/m);
  assert.match(dotConfig(clang), /^CONFIG_CC_IS_CLANG=y$/m);
  assert.match(dotConfig(clang), /^CONFIG_CLANG_VERSION=19\d{4}$/m);
  assert.match(dotConfig(clang), /^CONFIG_LD_IS_LLD=y$/m, 'LLVM=1: linked by ld.lld');
  assert.match(before.toolchains!['x86@gcc']!, /^gcc .*12\.2/);
  assert.match(before.toolchains!['x86@clang-19']!, /clang version 19\./);
  const kcidb = JSON.parse(readFileSync(first.outputs['kcidb-json'], 'utf8')) as KcidbData;
  assert.deepEqual(kcidb.builds.map((b) => [b.config_name, /clang version 19/.test(String(b.compiler)), /LLVM=1/.test(String(b.command))]), [['tinyconfig', false, false], ['tinyconfig', true, true]]);

  const warned = commitOnBranch(
    source,
    'kb-test/clang-only-warning',
    'init/main.c',
    (t) => `${t}\nint kernelbuilder_clang_only(int x);\nint kernelbuilder_clang_only(int x)\n{\n\tint y;\n\n\tif (x)\n\t\ty = 1;\n\treturn y;\n}\n`,
    'init: a value only clang sees used uninitialized (kernelbuilder test)',
  );
  execFileSync('git', ['-C', source, 'update-ref', `refs/heads/${branch}`, warned]);
  const second = runAction(inputs);
  assert.equal(second.status, 0, 'a new warning alone does not fail the run: ' + second.stdout.slice(-2000));
  const r = JSON.parse(readFileSync(second.outputs['results-json'], 'utf8')) as BuildResults;
  assert.equal(r.sha, warned);
  assert.equal(r.regressions!.baseline.sha, clean);
  const fresh = r.regressions!.newIssues.map((s) => r.issues!.find((i) => i.signature === s)!);
  assert.equal(fresh.length, 1, JSON.stringify(fresh));
  assert.deepEqual([fresh[0].file, fresh[0].flag, fresh[0].targets, fresh[0].onlyCompilers], ['init/main.c', '-Wsometimes-uninitialized', [clang], ['clang-19']]);
  assert.deepEqual(r.targets.map((t) => [t.target, t.warnings]), [[gcc, 0], [clang, 1]]);
  const line = `init/main\\.c:\\d+:\\d+: warning: variable 'y' is used uninitialized whenever 'if' condition is false \\[-Wsometimes-uninitialized\\]`;
  // The email's new lines, 0-day's way: marked >>, with the targets that print them.
  assert.match(readFileSync(second.outputs.email, 'utf8'), new RegExp(`^>> ${line} \\(clang-19 only\\)  \\[x86/tinyconfig@clang-19\\]$`, 'm'));
  assert.match(second.summary, new RegExp(`${line} \\(clang-19 only\\)`));
  assert.match(readFileSync(join(logs, 'linux', r.buildId, 'index.html'), 'utf8'), /is used uninitialized whenever .* \(clang-19 only\)/);
});
