import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { runEngine } from '../support/engine-run.ts';

// What happens after the container has run must not lose the build's results.

test('a report the build made unwritable is a warning: results.json and the other reports are written', async (t) => {
  // The failed target's reproducer path, made a folder by the build: renaming onto it fails.
  const src = makeToyKernel('mkdir -p /logs/x86/tinyconfig.reproduce.sh/keep\necho "x.c:1:1: error: broken"\nexit 1\n', { arches: ['x86'] });
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
  const warnings = log.lines.filter((l) => l.startsWith('warning: '));
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /^warning: could not write .*x86\/tinyconfig\.reproduce\.sh: /);
});
