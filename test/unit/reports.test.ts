import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { type BuildResults } from '../../src/types/results.ts';
import { analyseLogs } from '../../src/diagnostics/analyse.ts';
import { defaultNoise, parseNoiseFile } from '../../src/diagnostics/noise.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { emailSubject, renderEmail } from '../../src/report/email.ts';
import { chooseAnnotations } from '../../src/report/annotations.ts';
import { reproducer } from '../../src/report/reproducer.ts';
import { InputError } from '../../src/errors.ts';
import { tempDir } from '../support/temp-dir.ts';
import { tally } from '../../src/diagnostics/tally.ts';
import { type Diagnostic } from '../../src/types/diagnostics.ts';
import { compareWithBaseline } from '../../src/diagnostics/regressions.ts';

const base: BuildResults = {
  schema: 1,
  complete: true,
  result: 'fail',
  tree: 'next',
  ref: 'next/master',
  refKind: 'remote-branch',
  remote: 'next',
  remoteUrl: 'https://git.example.org/next.git',
  source: '/srv/linux',
  sha: 'c'.repeat(40),
  buildId: 'next-20260105',
  kernelVersion: '6.19.0-rc4-next-20260105',
  image: { name: 'kernelbuilder/gcc-12', id: 'sha256:' + 'd'.repeat(64), digest: 'sha256:' + 'd'.repeat(64), toolchain: 'gcc 12', reason: 'default', cross: { x86: '', arm64: 'aarch64-linux-gnu-' }, makeVars: [] },
  tmpfsSize: '60g',
  commits: [{ sha: 'c'.repeat(40), author: 'A', date: '2026-01-05', subject: 'Add linux-next specific files for 20260105' }],
  startedAt: '2026-01-05T00:00:00Z',
  finishedAt: '2026-01-05T00:10:00Z',
  durationSeconds: 600,
  driverExitCode: 0,
  targets: [
    { target: 'x86/defconfig', arch: 'x86', config: 'defconfig', status: 'fail', stage: 'build', exitCode: 2, log: 'x86/defconfig.log' },
    { target: 'arm64/defconfig', arch: 'arm64', config: 'defconfig', status: 'pass', stage: 'build', exitCode: 0, log: 'arm64/defconfig.log' },
    { target: 'arm64/tinyconfig', arch: 'arm64', config: 'tinyconfig', status: 'fail', stage: 'build', exitCode: 2, log: 'arm64/tinyconfig.log' },
  ],
  targetOrder: ['x86/defconfig', 'arm64/defconfig', 'arm64/tinyconfig'],
  dropped: [],
};

// Logs in the shape gcc, ld, modpost and make print them.
const logs: Record<string, string> = {
  'x86/defconfig.log': [
    '  CC      kernel/fork.o',
    '/build/src/kernel/fork.c: In function ‘copy_process’:',
    "/build/src/kernel/fork.c:2101:9: error: 'undeclared_on_purpose' undeclared (first use in this function)",
    '  CC      mm/slub.o',
    "/build/src/mm/slub.c:88:13: warning: unused variable 'x' [-Wunused-variable]",
    'arch/x86/kernel/return_address.c:12:2: warning: #warning return_address should use unwind tables [-Wcpp]',
    "make[3]: *** [/build/src/scripts/Makefile.build:250: kernel/fork.o] Error 1",
  ].join('\n'),
  'arm64/defconfig.log': [
    "/build/src/mm/slub.c:90:13: warning: unused variable 'x' [-Wunused-variable]",
    'WARNING: modpost: vmlinux.o: section mismatch in reference: foo (section: .text) -> bar (section: .init.text)',
  ].join('\n'),
  'arm64/tinyconfig.log': ['  LD      vmlinux', 'Killed', 'make[1]: *** [Makefile:1164: vmlinux] Error 137'].join('\n'),
};

async function analysed(): Promise<BuildResults> {
  const dir = tempDir('report');
  for (const [path, text] of Object.entries(logs)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), `${text}\n`);
  }
  return analyseLogs(base, dir, defaultNoise);
}

test('analysis: counts, issues by signature across targets, noise apart, excerpts never empty', async () => {
  const r = await analysed();
  assert.deepEqual(r.counts, { errors: 1, warnings: 2, noise: 1, sectionMismatches: 1, syscalls: 0, sparse: 0 });
  const unused = r.issues!.find((i) => i.message === "unused variable 'x'")!;
  assert.equal(unused.count, 2, 'same warning on another line of another target is one issue');
  assert.deepEqual(unused.targets, ['x86/defconfig', 'arm64/defconfig']);
  assert.equal(unused.file, 'mm/slub.c');
  assert.equal(r.issues![0].severity, 'error');
  const x86 = r.targets[0];
  assert.equal(x86.excerpt!.source, 'errors');
  assert.ok(x86.excerpt!.lines.some((l) => /^kernel\/fork\.c:2101:9: error: 'undeclared_on_purpose' undeclared/.test(l)), x86.excerpt!.lines.join('\n'));
  // Killed by the OOM killer: no parsed error, so the end of the log is the excerpt.
  assert.equal(r.targets[2].excerpt!.source, 'tail');
  assert.ok(r.targets[2].excerpt!.lines.includes('Killed'));
  assert.equal(r.targets[1].excerpt, undefined, 'no excerpt for a target that passed');
});

test('email: the original builder subject and sections', async () => {
  const r = await analysed();
  assert.equal(emailSubject(r), 'next build: 2 warnings 2 failures (next/next-20260105)');
  const email = renderEmail(r, { to: 'maintainer@example.org' });
  assert.match(email, /^To: maintainer@example.org\nSubject: next build: 2 warnings 2 failures \(next\/next-20260105\)\n\n/);
  for (const line of ['Tree:     https://git.example.org/next.git', 'Branch:   next/master', 'Runtime:  10m 0s', 'Passed:   1', 'Failed:   2', 'Section mismatches: 1']) {
    assert.ok(email.includes(line), line);
  }
  assert.match(email, /Failed configs:\n  x86\/defconfig \(failed at build, exit 2\)\n  arm64\/tinyconfig \(failed: out of memory\)/);
  assert.match(email, /x86\/defconfig:\n(.*\n)*  kernel\/fork\.c:2101:9: error: 'undeclared_on_purpose'/);
  assert.match(email, /arm64\/tinyconfig:\n  \(no error parsed; the end of the log\)\n(.*\n)*  Killed/);
  assert.match(email, /Section mismatches:\n +1 vmlinux\.o: section mismatch in reference/);
});

test('email: no field can end a header and start another', async () => {
  const r = await analysed();
  for (const hostile of ['next-20260105\nBcc: evil@x.org', 'next-20260105\r\nBcc: evil@x.org', 'next\rBcc: evil@x.org']) {
    const email = renderEmail({ ...r, buildId: hostile, tree: hostile }, { to: 'maintainer@example.org\nBcc: evil@x.org' });
    const headers = email.slice(0, email.indexOf('\n\n')).split('\n');
    assert.deepEqual(headers.map((h) => h.split(':')[0]), ['To', 'Subject'], JSON.stringify(headers));
    assert.ok(!/[\r\u0000-\u0008\u000b-\u001f]/.test(headers.join('')), JSON.stringify(headers));
  }
});

test('tally: one rule decides which count a diagnostic goes to', () => {
  const d = (kind: Diagnostic['kind'], severity: Diagnostic['severity'], message = 'm') => ({ kind, severity, message });
  assert.equal(tally(d('compiler', 'error'), false), 'errors');
  assert.equal(tally(d('compiler', 'error'), true), 'errors', 'errors are never noise');
  assert.equal(tally(d('make', 'error', '[Makefile:250: kernel/fork.o] Error 1'), false), undefined, "make's repeat counts nowhere");
  assert.equal(tally(d('compiler', 'note'), false), undefined);
  assert.equal(tally(d('compiler', 'warning'), false), 'warnings');
  assert.equal(tally(d('section-mismatch', 'warning'), false), 'sectionMismatches');
  assert.equal(tally(d('syscall', 'warning'), false), 'syscalls');
  assert.equal(tally(d('syscall', 'warning'), true), 'noise', 'noise first, whatever the kind');
});

test('the analysis, the email and the summary agree on which warnings count', async () => {
  const dir = tempDir('tally');
  mkdirSync(join(dir, 'x86'));
  writeFileSync(join(dir, 'x86/defconfig.log'), [
    "/build/src/mm/slub.c:88:13: warning: unused variable 'x' [-Wunused-variable]",
    'WARNING: modpost: vmlinux.o: section mismatch in reference: foo (section: .text) -> bar (section: .init.text)',
    'WARNING: modpost: vmlinux.o: section mismatch in reference: noisy (section: .text) -> baz (section: .init.text)',
    '<stdin>:1519:2: warning: #warning syscall kbfix_newcall not implemented [-Wcpp]',
    '<stdin>:1520:2: warning: #warning syscall kbfix_quiet not implemented [-Wcpp]',
  ].join('\n') + '\n');
  const results = { ...base, targets: [{ ...base.targets[1], target: 'x86/defconfig', arch: 'x86', log: 'x86/defconfig.log' }], targetOrder: ['x86/defconfig'] };
  const r = await analyseLogs(results, dir, parseNoiseFile('noisy \\(section\nkbfix_quiet', 'noise'));
  assert.deepEqual(r.counts, { errors: 0, warnings: 1, noise: 2, sectionMismatches: 1, syscalls: 1, sparse: 0 });
  const email = renderEmail(r);
  const summary = renderSummary(r);
  const block = (text: string, title: string) => text.slice(text.indexOf(title)).split('\n\n').slice(0, 3).join('\n\n');
  // The email's "Warnings" and the summary's "Top warnings" list what "1 warnings" counts.
  assert.match(block(email, '\nWarnings:'), /unused variable 'x'/);
  assert.doesNotMatch(block(email, '\nWarnings:'), /section mismatch|syscall/);
  assert.match(block(summary, '### Top warnings'), /unused variable 'x'/);
  assert.doesNotMatch(block(summary, '### Top warnings'), /section mismatch|syscall/);
  for (const text of [email, summary]) {
    assert.match(text, /section mismatch in reference: foo/);
    assert.match(text, /kbfix_newcall/);
    assert.doesNotMatch(text, /noisy|kbfix_quiet/, 'noise is listed nowhere');
  }
});

test('summary: failures with excerpt, log and reproducer; stays under the limit', async () => {
  const r = await analysed();
  const summary = renderSummary(r);
  assert.match(summary, /### ❌ x86\/defconfig \(failed at build, exit 2\)/);
  assert.match(summary, /Full log: `x86\/defconfig.log`/);
  assert.match(summary, /docker run --rm --network none/);
  assert.match(summary, /\| x86 \| 0 \| 1 \| 1 \| 1 \|/);
  const small = renderSummary(r, 1500);
  assert.ok(Buffer.byteLength(small) <= 1500, `${Buffer.byteLength(small)} bytes`);
  assert.match(small, /more sections left out/);
  const huge = { ...r, targets: Array.from({ length: 400 }, (_, i) => ({ ...r.targets[0], target: `x86/c${i}`, excerpt: { source: 'errors' as const, lines: Array(40).fill('e'.repeat(2000)) } })) };
  assert.ok(Buffer.byteLength(renderSummary(huge)) < 1024 * 1024);
});

test('annotations: errors first, placed ones first, at most 10 a kind, no noise', async () => {
  const r = await analysed();
  const a = chooseAnnotations(r.issues!);
  assert.deepEqual(a[0], {
    severity: 'error',
    message: "'undeclared_on_purpose' undeclared (first use in this function)",
    title: 'compiler error in x86/defconfig',
    file: 'kernel/fork.c',
    startLine: 2101,
    startColumn: 9,
  });
  assert.ok(!a.some((x) => /return_address/.test(x.message)), 'noise is not annotated');
  assert.ok(!a.some((x) => /Error 1/.test(x.message)), "make's repeat of a failed command is not annotated");
  const compileError = r.issues!.find((i) => i.kind === 'compiler' && i.severity === 'error')!;
  const many = Array.from({ length: 30 }, (_, i) => ({ ...compileError, signature: `s${i}`, severity: (i % 2 ? 'error' : 'warning') as 'error' | 'warning' }));
  const chosen = chooseAnnotations(many);
  assert.equal(chosen.filter((x) => x.severity === 'error').length, 10);
  assert.equal(chosen.filter((x) => x.severity === 'warning').length, 10);
});

test('reproducer: runnable as printed (the shell parses it) and exact', async () => {
  const r = await analysed();
  const cmd = reproducer(r, r.targets[2]);
  assert.match(cmd, /--entrypoint \/bin\/bash sha256:d{64} -c /);
  assert.match(cmd, /CROSS_COMPILE=aarch64-linux-gnu- tinyconfig/);
  assert.match(cmd, /checkout -q --detach c{40}/);
  assert.match(cmd, /^docker run --rm --network none --cap-drop ALL --security-opt no-new-privileges --read-only --tmpfs \/build:size=60g,exec,mode=1777 --tmpfs \/tmp:size=1g,exec,mode=1777 --pids-limit 8192 --init -e HOME=\/build /m, 'the build container\'s lockdown');
  const parsed = spawnSync('sh', ['-n', '-c', cmd]);
  assert.equal(parsed.status, 0, parsed.stderr?.toString());
  // The repo is the runner's, the container's user another: only a global setting reaches git's upload-pack.
  assert.match(cmd, /-e HOME=\/build .*-c 'set -e\ngit config --global safe\.directory '\\''\*'\\''\ngit clone -q --shared --no-checkout \/src \/build\/src\n/s);
});

test('reproducer: mounts the folders the source needed, as the build did', async () => {
  const r = { ...(await analysed()), sourceMounts: [{ host: '/srv/main/.git', container: "/home/o'neil/main/.git", why: 'the common git dir' }] };
  const cmd = reproducer(r, r.targets[0]);
  assert.match(cmd, /--mount type=bind,src=\/srv\/linux,dst=\/src,readonly \\\n  --mount type=bind,src=\/srv\/main\/\.git,dst='\/home\/o'\\''neil\/main\/\.git',readonly \\\n/);
  assert.equal(spawnSync('sh', ['-n', '-c', cmd]).status, 0);
});

test('noise file: patterns add to the defaults; a bad one is named by line', () => {
  const noise = parseNoiseFile('# comment\n\nfoo\\.c: .*unused\n', 'noise');
  assert.equal(noise.patterns.length, defaultNoise.patterns.length + 1);
  assert.throws(() => parseNoiseFile('ok\n(unclosed\n', 'noise'), (e: unknown) => e instanceof InputError && /input 'noise': "line 2" is not allowed; .*missing closing \)/.test((e as Error).message));
});

test('sparse: counted apart from warnings, its own section; with a baseline the new lead marked >>, the known counted', async () => {
  const dir = tempDir('sparse');
  mkdirSync(join(dir, 'x86'));
  const log = (extra: string[]) => [
    '  CC      kernel/fork.o',
    "/build/src/kernel/fork.c:88:13: warning: unused variable 'x' [-Wunused-variable]",
    '  CHECK   /build/src/kernel/fork.c',
    "/build/src/kernel/fork.c:2:5: warning: symbol 'counter' was not declared. Should it be static?",
    '/build/src/kernel/fork.c:5:24: warning: incorrect type in assignment (different address spaces)',
    '/build/src/kernel/fork.c:5:24:    expected struct task_struct [noderef] __rcu *real_parent',
    '/build/src/kernel/fork.c:5:24:    got struct task_struct *p',
    ...extra,
    '  AR      kernel/built-in.a',
  ].join('\n') + '\n';
  const results = { ...base, result: 'pass' as const, targets: [{ ...base.targets[1], target: 'x86/tinyconfig', arch: 'x86', config: 'tinyconfig', log: 'x86/tinyconfig.log' }], targetOrder: ['x86/tinyconfig'] };
  writeFileSync(join(dir, 'x86/tinyconfig.log'), log([]));
  const before = await analyseLogs(results, dir, defaultNoise);
  assert.deepEqual(before.counts, { errors: 0, warnings: 1, noise: 0, sectionMismatches: 0, syscalls: 0, sparse: 2 });
  assert.equal(before.targets[0].warnings, 1);
  const email = renderEmail(before);
  assert.match(email, /\nSparse: {3}2\n/);
  assert.match(email, /\nSparse findings:\n {2}kernel\/fork\.c:2:5: warning: symbol 'counter'.*\n {2}kernel\/fork\.c:5:24: warning: incorrect type in assignment \(different address spaces\)\n {5}expected struct task_struct \[noderef\] __rcu \*real_parent\n {5}got struct task_struct \*p\n/);
  assert.doesNotMatch(email.slice(email.indexOf('\nWarnings:'), email.indexOf('\nSparse findings:')), /counter|address spaces/);
  const summary = renderSummary(before);
  assert.match(summary, /2 sparse findings/);
  assert.match(summary, /### Sparse findings\n\n\| count \| targets \| warning \|\n\| ---: \| --- \| --- \|\n\| 1 \| 1 \| `kernel\/fork\.c:2:5: warning: symbol 'counter'/);

  // The same pointer assigned elsewhere in the file, with other types: a new finding, not a known one.
  writeFileSync(join(dir, 'x86/tinyconfig.log'), log([
    '/build/src/kernel/fork.c:9:20: warning: incorrect type in assignment (different address spaces)',
    '/build/src/kernel/fork.c:9:20:    expected struct cred const [noderef] __rcu *cred',
    '/build/src/kernel/fork.c:9:20:    got struct cred *',
  ]));
  const now = await analyseLogs({ ...results, buildId: 'next-20260106' }, dir, defaultNoise);
  const withBase = { ...now, regressions: compareWithBaseline(now, before, '/logs/before/results.json') };
  assert.equal(withBase.regressions.newIssues.length, 1);
  const email2 = renderEmail(withBase);
  assert.match(email2, /\nSparse findings \(new ones prefixed by >>\):\n>> kernel\/fork\.c:9:20: warning: incorrect type in assignment \(different address spaces\)\n {5}expected struct cred const \[noderef\] __rcu \*cred\n {5}got struct cred \*\n {2}\.\.\. and 2 known from the baseline\n/);
  assert.match(email2, /\n>> kernel\/fork\.c:9:20: warning: incorrect type/, 'the changes list it as new too');
  const summary2 = renderSummary(withBase);
  assert.match(summary2, /### Sparse findings\n\n\| count \| targets \| warning \|\n\| ---: \| --- \| --- \|\n\| 1 \| 1 \| `>> kernel\/fork\.c:9:20: warning: incorrect type in assignment \(different address spaces\)` \|\n\n2 known from the baseline, not listed\./);
});

test('W= warnings with a baseline: the new lead marked >>, the known counted; the default warnings are listed whole', async () => {
  const dir = tempDir('w1');
  mkdirSync(join(dir, 'x86'));
  const warning = (file: string, line: number, what: string) => `/build/src/${file}:${line}:6: warning: no previous prototype for '${what}' [-Wmissing-prototypes]`;
  const known = ['  CC      kernel/fork.o', warning('kernel/fork.c', 10, 'known_one'), warning('kernel/exit.c', 20, 'known_two')];
  const results = { ...base, result: 'pass' as const, makeVars: ['W=1'], targets: [{ ...base.targets[1], target: 'x86/tinyconfig', arch: 'x86', config: 'tinyconfig', log: 'x86/tinyconfig.log' }], targetOrder: ['x86/tinyconfig'] };
  writeFileSync(join(dir, 'x86/tinyconfig.log'), `${known.join('\n')}\n`);
  const before = await analyseLogs(results, dir, defaultNoise);
  writeFileSync(join(dir, 'x86/tinyconfig.log'), `${[...known, warning('init/main.c', 30, 'fresh_one')].join('\n')}\n`);
  const now = await analyseLogs({ ...results, buildId: 'next-20260106' }, dir, defaultNoise);
  const withBase = { ...now, regressions: compareWithBaseline(now, before, '/logs/before/results.json') };
  assert.equal(withBase.regressions.newIssues.length, 1);
  const email = renderEmail(withBase);
  assert.match(email, /\nWarnings \(new ones prefixed by >>\):\n\nx86\/tinyconfig: 3 warnings\n>> init\/main\.c:30:6: warning: no previous prototype for 'fresh_one' \[-Wmissing-prototypes\]\n {2}\.\.\. and 2 known from the baseline\n/);
  assert.doesNotMatch(email.slice(email.indexOf('\nWarnings (')), /known_one|known_two/);
  assert.match(renderSummary(withBase), /### Top warnings\n\n\| count \| targets \| warning \|\n\| ---: \| --- \| --- \|\n\| 1 \| 1 \| `>> init\/main\.c:30:6: warning: no previous prototype for 'fresh_one' \[-Wmissing-prototypes\]` \|\n\n2 known from the baseline, not listed\./);

  // Without W= the same build lists every warning, none marked.
  const plain = { ...withBase, makeVars: undefined };
  const all = renderEmail(plain);
  assert.match(all, /\nWarnings:\n\nx86\/tinyconfig: 3 warnings\n {2}init\/main\.c:30:6: .*fresh_one.*\n {2}kernel\/exit\.c:20:6: .*known_two.*\n {2}kernel\/fork\.c:10:6: .*known_one/);
  assert.doesNotMatch(renderSummary(plain), /known from the baseline/);
});
