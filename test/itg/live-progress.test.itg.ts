import { test } from 'node:test';
import assert from 'node:assert/strict';
import { streamActionFromSource } from '../support/action-run.ts';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { tempDir } from '../support/temp-dir.ts';

test("a build that fails early shows its first error in the action's output within seconds, while it keeps building", { timeout: 300_000 }, async (t) => {
  // The toy prints a compiler error stamped with the time it printed it (ms), then keeps
  // building for about a minute, printing kbuild's CC lines, and fails at the end.
  const src = makeToyKernel(
    [
      'echo "  CC      init/version.o"',
      'echo "init/main.c:12:5: error: expected \';\' printed at $(date +%s%3N)"',
      'for i in $(seq 1 30); do echo "  CC      kernel/obj$i.o"; sleep 2; done',
      'exit 2',
      '',
    ].join('\n'),
    { arches: ['x86'] },
  );
  const run = await streamActionFromSource({ source: src, ref: 'v6.1', arches: 'x86', configs: 'tinyconfig', ccache: 'off', logs: tempDir('logs') });
  assert.equal(run.status, 1, run.lines.map((l) => l.text).join('\n'));
  const error = run.lines.find((l) => l.text.startsWith('first error in x86/tinyconfig after '));
  assert.ok(error, run.lines.map((l) => l.text).join('\n'));
  const printedAt = Number(/printed at (\d+)$/.exec(error.text)![1]);
  assert.match(error.text, /^first error in x86\/tinyconfig after \d+ s: init\/main\.c:12:5: error: expected ';' printed at \d+$/);
  t.diagnostic(`first error shown ${error.at - printedAt} ms after the build printed it`);
  // Within the build's first half (it runs a minute more), not a speed figure: a loaded machine is slow.
  assert.ok(error.at - printedAt < 20_000, `the error showed ${error.at - printedAt} ms after the build printed it`);
  const end = run.lines.find((l) => l.text.startsWith('kernelbuilder: x86/tinyconfig fail'));
  assert.ok(end && end.at - error.at > 40_000, 'the error showed while the build went on, not at its end');

  // Build output, the first error with it, is fenced: it cannot issue workflow commands.
  const texts = run.lines.map((l) => l.text);
  const open = texts.findIndex((t) => t.startsWith('::stop-commands::'));
  const token = texts[open].slice('::stop-commands::'.length);
  const close = texts.indexOf(`::${token}::`);
  const at = texts.indexOf(error.text);
  assert.ok(open < at && at < close, 'the first error is inside the fence');
  // A steady progress line while it built, with its objects counted live; the phases are groups.
  const progress = texts.filter((t) => /^progress \d+ s: 0\/1 done, 1 running, 0 waiting; x86\/tinyconfig \d+\/~\d+ objects; ETA ~/.test(t));
  assert.ok(progress.length >= 1, texts.join('\n'));
  t.diagnostic(progress.join('\n'));
  assert.ok(progress.some((t) => !/ (0|1)\/~/.test(t)), `objects were counted as they were built: ${progress.join(' | ')}`);
  for (const group of ['plan', 'build', 'reports']) assert.ok(texts.includes(`::group::${group}`), group);
  assert.ok(texts.indexOf('::group::build') < open && close < texts.indexOf('::group::reports'), 'groups open outside the fence');
});
