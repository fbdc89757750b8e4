import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { runEngine } from '../support/engine-run.ts';

// What happens after the container has run must not lose the build's results.

test('a folder the build plants where a report goes neither blocks the report nor reaches the logs: the gate names it once', async (t) => {
  // The failed target's reproducer path, made a folder with a file by the build: in its
  // staging folder only, which the gate leaves behind; the host writes the reproducer.
  const src = makeToyKernel('mkdir -p /logs/x86/tinyconfig.reproduce.sh/keep && echo planted > /logs/x86/tinyconfig.reproduce.sh/keep/x\necho "x.c:1:1: error: broken"\nexit 1\n', { arches: ['x86'] });
  const logs = mkdtempSync(join(tmpdir(), 'kb-logs-'));
  t.after(() => {
    rmSync(src, { recursive: true, force: true });
    rmSync(logs, { recursive: true, force: true });
  });
  const { results, reports, log } = await runEngine({ source: src, ref: 'v6.1', arches: 'x86', configs: 'tinyconfig', logs });
  assert.deepEqual(results.targets.map((x) => [x.target, x.status]), [['x86/tinyconfig', 'fail']]);
  assert.equal(results.complete, true);
  const written = JSON.parse(readFileSync(reports.results, 'utf8'));
  assert.equal(written.targets[0].status, 'fail');
  assert.ok(existsSync(reports.summary) && existsSync(reports.email));
  const reproducer = join(dirname(reports.results), 'x86', 'tinyconfig.reproduce.sh');
  assert.ok(lstatSync(reproducer).isFile(), 'the reproducer is the host\'s file');
  assert.match(readFileSync(reproducer, 'utf8'), /^#!\/bin\/sh|docker run/m);
  const warnings = log.lines.filter((l) => l.startsWith('warning: '));
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /^warning: left out of .* "x86\/tinyconfig\.reproduce\.sh\/keep\/x"$/);
});
