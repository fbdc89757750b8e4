import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { runEngine } from '../support/engine-run.ts';
import { parseBuildLog } from '../../src/parse/index.ts';

// A printed reproducer of a config with every kind of fragment, run as printed on the real
// engine and image with the toy kernel: the toy fails to compile only when the .config has
// what kernelbuilder's kb-boot.config, the tree's toy.config and the option each add.
const toyScript = [
  'cfg=$O/.config',
  'echo "  CC      init/main.o"',
  'if grep -qx CONFIG_KALLSYMS=y "$cfg" && grep -qx CONFIG_TOY_TREE=y "$cfg" && grep -qx CONFIG_TOY_X=y "$cfg"; then',
  `  echo "init/main.c:12:5: error: 'toy_undeclared' undeclared (first use in this function)"; exit 1`,
  'fi',
  'echo "  LD      vmlinux"',
  '',
].join('\n');

test('the printed reproducer of base+shipped fragment+tree fragment+option runs as printed and shows the same first error', async (t) => {
  const source = makeToyKernel(toyScript, { arches: ['x86'], fragments: { 'toy.config': 'CONFIG_TOY_TREE=y\n' } });
  const logs = realpathSync(mkdtempSync(join(tmpdir(), 'kb-logs-')));
  chmodSync(logs, 0o755);
  t.after(() => {
    rmSync(source, { recursive: true, force: true });
    rmSync(logs, { recursive: true, force: true });
  });
  const config = 'tinyconfig+kb-boot.config+toy.config+CONFIG_TOY_X=y';
  const { results } = await runEngine({ source, ref: 'v6.1', arches: 'x86', configs: config, logs });
  assert.equal(results.result, 'fail', JSON.stringify(results.error ?? results.targets));
  const buildDir = join(logs, results.tree, 'v6.1');
  const firstError = (text: string) => parseBuildLog(text.split('\n')).find((d) => d.severity === 'error');
  const first = firstError(readFileSync(join(buildDir, results.targets[0].log), 'utf8'))!;
  assert.deepEqual([first.file, first.line, first.message], ['init/main.c', 12, "'toy_undeclared' undeclared (first use in this function)"]);

  const summary = readFileSync(join(buildDir, 'summary.md'), 'utf8');
  const printed = /<summary>Reproduce<\/summary>\n\n```sh\n([\s\S]*?)\n```/.exec(summary)![1];
  // The same script is written beside the log.
  assert.equal(readFileSync(join(buildDir, 'x86', `${config}.reproduce.sh`), 'utf8'), `#!/bin/sh\n${printed}\n`);
  assert.match(printed, /cat >\/build\/kb-boot\.config <<[\s\S]*merge_config\.sh -m \.config \/build\/kb-boot\.config/);
  const run = spawnSync('bash', ['-c', printed], { encoding: 'utf8', timeout: 120_000 });
  const output = `${run.stdout}${run.stderr}`;
  assert.doesNotMatch(output, /No rule to make target|fatal:/, output);
  assert.notEqual(run.status, 0, 'the failing build fails again');
  const again = firstError(output);
  assert.deepEqual(again && [again.file, again.line, again.message], [first.file, first.line, first.message], output);
});
