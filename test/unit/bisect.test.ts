import { test } from 'node:test';
import { Marked } from 'marked';
import { filesToRebuild } from '../../src/bisect/run-bisect.ts';
import assert from 'node:assert/strict';
import { decideFromEnds, estimatedSteps, parseWhat, positionIn, verdictOf } from '../../src/bisect/verdict.ts';
import { parseBisectOutput } from '../../src/bisect/git-bisect-output.ts';
import { bisectAnnotations, bisectEmail, bisectSummary, stepLine } from '../../src/bisect/report.ts';
import { getBisectInputs, parseTarget, planBisect } from '../../src/bisect/plan.ts';
import { type BisectResult, type FoundDiagnostic, type Sought, type StepObservation, type Verdict } from '../../src/bisect/types.ts';
import { gitIn } from '../../src/ref/git.ts';
import { git, makeTinyTree } from '../support/tiny-tree.ts';
import { tempDir } from '../support/temp-dir.ts';

const err = (file: string, message: string): FoundDiagnostic => ({ signature: `compiler|${file}|${message}`, kind: 'compiler', severity: 'error', message, file, line: 12 });
const warn = (file: string, message: string): FoundDiagnostic => ({ signature: `compiler|${file}|${message}`, kind: 'compiler', severity: 'warning', message, file, line: 3 });
const mainErr = err('init/main.c', "'x' undeclared");
const netErr = err('net/core/dev.c', "expected ';'");
const newWarn = warn('kernel/sched/core.c', "unused variable 'rq'");

const pass = (issues: FoundDiagnostic[] = [], boot?: StepObservation['boot']): StepObservation => ({ build: 'pass', issues, ...(boot ? { boot } : {}) });
const fail = (first: FoundDiagnostic, more: FoundDiagnostic[] = []): StepObservation => ({ build: 'fail', firstError: first, issues: [first, ...more] });

test('verdictOf: good, bad or skip from what a step shows', () => {
  const build: Sought = { kind: 'build', firstError: mainErr.signature };
  const signature: Sought = { kind: 'signature', signature: newWarn.signature };
  const boot: Sought = { kind: 'boot' };
  const cases: [string, Sought, StepObservation, Verdict][] = [
    ['build passes', build, pass(), 'good'],
    ['build fails with the sought first error', build, fail(mainErr), 'bad'],
    ['build fails with another first error', build, fail(netErr, [mainErr]), 'skip'],
    ['build fails by timeout', build, { ...fail(mainErr), fault: 'timeout' }, 'skip'],
    ['set-up failure', build, { build: 'error', issues: [] }, 'skip'],
    ['no parsed error sought, none shown', { kind: 'build' }, { build: 'fail', issues: [] }, 'bad'],
    ['no parsed error sought, one shown', { kind: 'build' }, fail(netErr), 'skip'],
    ['signature shown by a passing build', signature, pass([newWarn]), 'bad'],
    ['signature shown by a failing build', signature, fail(netErr, [newWarn]), 'bad'],
    ['signature absent, build passes', signature, pass(), 'good'],
    ['signature absent, build fails', signature, fail(netErr), 'skip'],
    ['boot fails', boot, pass([], 'fail'), 'bad'],
    ['boot passes', boot, pass([], 'pass'), 'good'],
    ['boot skipped', boot, pass([], 'skipped'), 'skip'],
    ['boot sought, build fails', boot, fail(netErr), 'skip'],
  ];
  for (const [name, sought, step, want] of cases) assert.equal(verdictOf(sought, step), want, name);
});

test('decideFromEnds: what is sought, or why there is nothing to bisect', () => {
  assert.deepEqual(decideFromEnds({ kind: 'build' }, pass(), fail(mainErr)), { sought: { kind: 'build', firstError: mainErr.signature } });
  assert.deepEqual(decideFromEnds({ kind: 'build' }, fail(mainErr), fail(mainErr)), { reason: 'good end is bad', detail: 'the good end fails to build too' });
  assert.deepEqual(decideFromEnds({ kind: 'build' }, pass(), pass()), { reason: 'bad end is good', detail: 'the bad end builds' });
  // auto: a build failure first, then a new signature (errors first, as results.json orders issues), then a boot.
  assert.deepEqual(decideFromEnds({ kind: 'auto' }, pass([warn('a.c', 'old')]), fail(mainErr)), { sought: { kind: 'build', firstError: mainErr.signature } });
  assert.deepEqual(decideFromEnds({ kind: 'auto' }, pass([warn('a.c', 'old')]), pass([warn('a.c', 'old'), newWarn])), { sought: { kind: 'signature', signature: newWarn.signature } });
  assert.deepEqual(decideFromEnds({ kind: 'auto' }, pass([], 'pass'), pass([], 'fail')), { sought: { kind: 'boot' } });
  assert.equal((decideFromEnds({ kind: 'auto' }, pass([newWarn]), pass([newWarn])) as { reason: string }).reason, 'nothing differs');
  // A signature: the good end must not show it, the bad end must; neither showing it is bad input.
  assert.deepEqual(decideFromEnds({ kind: 'signature', signature: newWarn.signature }, pass(), pass([newWarn])), { sought: { kind: 'signature', signature: newWarn.signature } });
  assert.equal((decideFromEnds({ kind: 'signature', signature: newWarn.signature }, pass([newWarn]), pass([newWarn])) as { reason: string }).reason, 'good end is bad');
  assert.throws(() => decideFromEnds({ kind: 'signature', signature: 'compiler|x|y' }, pass(), pass([newWarn])), /input 'what': "compiler\|x\|y" is not allowed; neither end shows this signature; the bad end's signatures include: "compiler\|kernel\/sched\/core\.c/);
  assert.equal((decideFromEnds({ kind: 'boot' }, pass([], 'fail'), pass([], 'fail')) as { reason: string }).reason, 'good end is bad');
  assert.equal((decideFromEnds({ kind: 'boot' }, pass([], 'pass'), pass([], 'pass')) as { reason: string }).reason, 'bad end is good');
});

test('a KUnit case sought by name: its signature is the bad end\'s issue of that case; a case the bad end does not fail is refused, naming the failing ones', () => {
  const kunitFail: FoundDiagnostic = { signature: 'kunit|lib/kunit/kb.c|kernelbuilder-faults.kb_fails', kind: 'kunit', severity: 'error', message: 'kernelbuilder-faults.kb_fails: EXPECTATION FAILED', file: 'lib/kunit/kb.c', line: 16 };
  const asked = parseWhat('kunit:kernelbuilder-faults.kb_fails');
  assert.deepEqual(asked, { kind: 'case', name: 'kernelbuilder-faults.kb_fails' });
  assert.deepEqual(decideFromEnds(asked, pass(), pass([kunitFail])), { sought: { kind: 'signature', signature: kunitFail.signature } });
  assert.equal((decideFromEnds(asked, pass([kunitFail]), pass([kunitFail])) as { reason: string }).reason, 'good end is bad');
  assert.throws(() => decideFromEnds(parseWhat('kunit:example.other'), pass(), pass([kunitFail])), /input 'what': "kunit:example\.other" is not allowed; the bad end shows no failing KUnit case of that name; its failing cases: kernelbuilder-faults\.kb_fails/);
  // Once sought, its steps are a signature's: a step where the case does not exist (or passes) is good.
  assert.equal(verdictOf({ kind: 'signature', signature: kunitFail.signature }, pass()), 'good');
  for (const bad of ['kunit:', 'kunit:nodot', 'kunit:a b.c', 'kunit:a|b.c']) assert.throws(() => parseWhat(bad), /input 'what'/, bad);
});

test('parseWhat, parseTarget: what they take and what they refuse, naming the option', () => {
  assert.deepEqual(parseWhat(''), { kind: 'auto' });
  assert.deepEqual(parseWhat('build'), { kind: 'build' });
  assert.deepEqual(parseWhat('boot'), { kind: 'boot' });
  assert.deepEqual(parseWhat(newWarn.signature), { kind: 'signature', signature: newWarn.signature });
  for (const bad of ['oops', 'Build', '|x|y', 'compiler|x\ny']) assert.throws(() => parseWhat(bad), /input 'what'/, bad);
  assert.deepEqual(parseTarget('arm64/tinyconfig+kb-boot.config'), { arch: 'arm64', config: 'tinyconfig+kb-boot.config' });
  for (const bad of ['x86', 'vax/defconfig', 'x86/../../etc', 'x86/$(id)']) assert.throws(() => parseTarget(bad), /input 'target'/, bad);
});

test('estimatedSteps and positionIn: ceil(log2 n) steps, [k/n] oldest first', () => {
  assert.deepEqual([1, 2, 3, 12, 16, 17, 5000].map(estimatedSteps), [0, 1, 2, 4, 4, 5, 13]);
  assert.deepEqual(positionIn('c', ['a', 'b', 'c', 'd']), { k: 3, n: 4 });
  assert.equal(positionIn('z', ['a']), undefined);
});

test('parseBisectOutput reads git 2.39 output: next, first bad, only skipped', () => {
  const a = 'a'.repeat(40);
  const b = 'b'.repeat(40);
  assert.deepEqual(parseBisectOutput(`Bisecting: 5 revisions left to test after this (roughly 3 steps)\n[${a}] c6`), { kind: 'next', sha: a, left: 5 });
  assert.deepEqual(parseBisectOutput(`Bisecting: 1 revision left to test after this (roughly 1 step)\n[${a}] c6`), { kind: 'next', sha: a, left: 1 });
  assert.deepEqual(parseBisectOutput(`${b} is the first bad commit\ncommit ${b}\nAuthor: a <a@b>\n`), { kind: 'first-bad', sha: b });
  const skipped = `There are only 'skip'ped commits left to test.\nThe first bad commit could be any of:\n${a}\n${b}\nWe cannot bisect more!`;
  assert.deepEqual(parseBisectOutput(skipped), { kind: 'only-skipped', candidates: [a, b] });
  assert.deepEqual(parseBisectOutput('fatal: something'), { kind: 'unknown' });
});

const sha = (c: string) => c.repeat(40);
const result: BisectResult = {
  schema: 1,
  tree: 'linux',
  source: '/srv/linux',
  target: 'x86/tinyconfig',
  good: { ref: 'v6.1', sha: sha('1') },
  bad: { ref: 'master', sha: sha('9') },
  commits: 16,
  estimatedSteps: 4,
  image: { name: 'kernelbuilder/gcc-12', id: 'sha256:x' },
  sought: { kind: 'build', firstError: mainErr.signature },
  outcome: 'found',
  culprit: {
    sha: sha('b'),
    author: 'A U Thor <a@example.org>',
    date: '2026-01-05T00:00:00+00:00',
    subject: 'init: use boot_cpu',
    position: { k: 11, n: 16 },
    diagnostic: mainErr,
    verification: { culprit: 'bad', parents: [{ sha: sha('a'), verdict: 'good', step: '3' }] },
  },
  steps: [
    { label: 'good', sha: sha('1'), verdict: 'good', seconds: 80.5, fresh: true },
    { label: 'bad', sha: sha('9'), verdict: 'bad', seconds: 20, fresh: false, firstError: mainErr.signature },
    { label: '1', sha: sha('a'), verdict: 'good', seconds: 12.5, fresh: false },
    { label: 'culprit', sha: sha('b'), verdict: 'bad', seconds: 30, fresh: true, firstError: mainErr.signature },
  ],
  builds: 4,
  bisectLog: `git bisect start '--no-checkout' '${sha('9')}' '${sha('1')}'\n# first bad commit: [${sha('b')}] init: use boot_cpu`,
  startedAt: '2026-01-05T00:00:00.000Z',
  finishedAt: '2026-01-05T00:03:00.000Z',
  durationSeconds: 180,
};

test('reports: the progress line, summary, email and annotation of a culprit', () => {
  assert.equal(stepLine(result.steps[2], 4), `[1/~4] ${'a'.repeat(12)} good in 12.5s`);
  assert.equal(stepLine(result.steps[3], 4), `[culprit] ${'b'.repeat(12)} bad in 30s (from scratch)`);
  const summary = bisectSummary(result);
  assert.match(summary, new RegExp(`\\*\\*First bad commit\\*\\* \`commit: ${sha('b')} \\[11/16\\] \\("init: use boot_cpu"\\)\``));
  assert.match(summary, /- introduced: `init\/main\.c:12: error: 'x' undeclared`/);
  assert.match(summary, /\| 1 \| aaaaaaaaaaaa \| good \| 12\.5 \|/);
  assert.match(summary, /```\ngit bisect start/);
  const email = bisectEmail(result, 'dev@example.org');
  assert.match(email, /^To: dev@example.org\nSubject: \[kernelbuilder\] x86\/tinyconfig: bbbbbbbbbbbb "init: use boot_cpu"\n/);
  assert.match(email, new RegExp(`^commit: ${sha('b')} \\[11/16\\] \\("init: use boot_cpu"\\)$`, 'm'));
  assert.match(email, /^author: A U Thor <a@example.org>$/m);
  assert.deepEqual(bisectAnnotations(result), [
    {
      severity: 'error',
      title: `first bad commit for x86/tinyconfig: ${'b'.repeat(12)} [11/16]`,
      message: `${sha('b')} ("init: use boot_cpu") by A U Thor <a@example.org> introduced 'x' undeclared`,
      file: 'init/main.c',
      startLine: 12,
    },
  ]);
});

test('reports: no culprit says why, and annotates nothing', () => {
  const { culprit: _, ...rest } = result;
  const none: BisectResult = { ...rest, outcome: 'not found', reason: 'all skipped', detail: 'only skipped commits are left' };
  assert.match(bisectSummary(none), /\*\*No culprit named\*\*: all skipped: only skipped commits are left/);
  assert.match(bisectEmail(none), /Subject: \[kernelbuilder\] x86\/tinyconfig: bisect 111111111111\.\.999999999999: all skipped/);
  assert.deepEqual(bisectAnnotations(none), []);
});

test('planBisect: the range, its steps and budget, the bisect folder; bad ends refused naming the option', async () => {
  const dir = makeTinyTree({ version: '6.1.0', arches: { x86: [] } });
  git(dir, 'tag', '-a', '-m', 'v6.1', 'v6.1');
  for (let i = 1; i <= 12; i++) git(dir, 'commit', '-q', '--allow-empty', '-m', `change ${i}`);
  git(dir, 'branch', 'side', 'v6.1');
  git(dir, 'checkout', '-q', 'side');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'side');
  const logs = tempDir('bisect-plan-logs');
  const read = (given: Record<string, string>) => (name: string) => ({ source: dir, logs, target: 'x86/tinyconfig', ...given })[name] ?? '';
  const plan = await planBisect(getBisectInputs(read({ good: 'v6.1', bad: 'master' })), gitIn(dir), {});
  const good = git(dir, 'rev-parse', 'v6.1^{commit}').trim();
  const bad = git(dir, 'rev-parse', 'master').trim();
  assert.deepEqual([plan.good.sha, plan.bad.sha, plan.commits, plan.estimatedSteps, plan.buildBudget], [good, bad, 12, 4, 7]);
  assert.equal(plan.dir, `${logs}/${plan.tree}/bisect-${good.slice(0, 12)}-${bad.slice(0, 12)}-x86-tinyconfig`);
  assert.equal(plan.build.logsDir, plan.dir, 'the container mounts the bisect folder as /logs');
  assert.deepEqual(plan.build.targets.map((t) => `${t.arch}/${t.config}`), ['x86/tinyconfig']);
  await assert.rejects(planBisect(getBisectInputs(read({ good: 'master', bad: 'master' })), gitIn(dir), {}), /input 'good': "master" is not allowed; good and bad are the same commit/);
  await assert.rejects(planBisect(getBisectInputs(read({ good: 'master', bad: 'side' })), gitIn(dir), {}), /input 'good': "master" is not allowed; it must be an ancestor of bad/);
  // The target's arch or config the tree lacks: named as the target, the bisect's one input for both.
  await assert.rejects(planBisect(getBisectInputs(read({ good: 'v6.1', bad: 'master', target: 'riscv/tinyconfig' })), gitIn(dir), {}), /^InputError: input 'target': "riscv\/tinyconfig" is not allowed; Linux 6\.1\.0 has no arch\/ of it; its arches are x86$/);
  await assert.rejects(planBisect(getBisectInputs(read({ good: 'v6.1', bad: 'master', target: 'x86/nonesuch_defconfig' })), gitIn(dir), {}), /^InputError: input 'target': "x86\/nonesuch_defconfig" is not allowed; it is not one of defconfig/);
  assert.throws(() => getBisectInputs(read({ bad: 'master' })), /input 'good': "" is not allowed; it is required/);
  assert.throws(() => getBisectInputs(read({ good: '--exec=sh', bad: 'master' })), /input 'good': "--exec=sh" is not allowed/);
  // A boot bisect boots the target, unless told which to boot.
  assert.deepEqual(getBisectInputs(read({ good: 'v6.1', bad: 'master', what: 'boot' })).build.boot?.targets, ['x86/tinyconfig']);
});

test('filesToRebuild: a signature bisect recompiles the signature\'s file at every step; a build bisect needs nothing', () => {
  assert.deepEqual(filesToRebuild({ kind: 'signature', signature: "compiler|init/main.c|'x' defined but not used" }), ['init/main.c']);
  assert.deepEqual(filesToRebuild({ kind: 'signature', signature: 'compiler|arch/x86/entry/entry_64.S|m' }), ['arch/x86/entry/entry_64.S']);
  assert.deepEqual(filesToRebuild({ kind: 'build', firstError: 'x' }), []);
  assert.deepEqual(filesToRebuild({ kind: 'boot' }), []);
  for (const file of ['', '../etc/passwd.c', '/abs/x.c', 'a/../b.c', 'Makefile', 'x.c;rm -rf']) {
    assert.deepEqual(filesToRebuild({ kind: 'signature', signature: `compiler|${file}|m` }), [], file);
  }
});

test('reports: a culprit\'s subject and author cannot add headers to the email, nor controls to its body', () => {
  const hostile: BisectResult = {
    ...result,
    culprit: { ...result.culprit!, subject: 'fix\r\nBcc: victim@example.org\r\n\r\nbody \x1b[2J', author: 'Eve\nCc: all@example.org' },
  };
  const email = bisectEmail(hostile, 'dev@example.org');
  const [head, body] = [email.slice(0, email.indexOf('\n\n')), email.slice(email.indexOf('\n\n') + 2)];
  assert.deepEqual(head.split('\n'), ['To: dev@example.org', `Subject: [kernelbuilder] x86/tinyconfig: ${'b'.repeat(12)} "fix Bcc: victim@example.org body  [2J"`]);
  assert.match(body, /^author: Eve$/m, 'the body keeps its lines: an LF in a field starts a line of the body, never a header');
  assert.match(body, new RegExp(`^commit: ${sha('b')} \\[11/16\\] \\("fix\\\\r$`, 'm'));
  assert.ok(!/[\r\x1b]/.test(email), JSON.stringify(email));
});

test('reports: a culprit\'s subject, author and git\'s bisect log render in the summary as text, in one code block each', () => {
  const evil = '[x](https://evil.example) <img src=x> ``` **b**';
  const hostile: BisectResult = {
    ...result,
    culprit: { ...result.culprit!, subject: evil, author: `Eve <eve@evil.example> ${evil}` },
    bisectLog: `# bad: [${sha('b')}] ${evil}\n\`\`\`\n<script>x</script>`,
  };
  const summary = bisectSummary(hostile);
  const html = new Marked({ gfm: true, async: false }).parse(summary) as string;
  assert.deepEqual(html.match(/<(a|img|script)\b/g), null, 'rendered as GitHub renders it: no link, image or script of the tree\'s');
  assert.match(summary, /^- author: Eve &lt;eve\\@evil\.example&gt; \\\[x\\\]\(https\\:\/\/evil\.example\) &lt;img src=x&gt; \\`\\`\\` \\\*\\\*b\\\*\\\*$/m);
  assert.match(summary, /^````\n# bad: \[b{40}\] \[x\]\(https:\/\/evil\.example\) <img src=x> ``` \*\*b\*\*\n```\n<script>x<\/script>\n````$/m, 'the log in one block its lines cannot close');
});
