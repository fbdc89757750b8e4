import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NODE24, runAction } from '../support/action-run.ts';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { SERIES_TOY } from '../support/toy-series.ts';
import { git } from '../support/tiny-tree.ts';
import { tempDir } from '../support/temp-dir.ts';
import { foreignCommands, runnerCommands } from '../support/runner-commands.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { Marked } from 'marked';

// A toy tree that is an attacker of the runner's log and of a terminal: every text it
// controls that kernelbuilder prints (its build output, a config file's name under
// `configs: all`, the culprit commit's subject and author, the diagnostic a bisect looks
// for) carries workflow commands in each of the runner's forms, after a CR, behind a
// character ICU skips, and terminal escapes. The real action (dist/) and CLI run on it;
// their output is read with the runner's rules (test/support/runner-commands.ts).
// Every payload's command would carry data or properties starting with FORGED.

/**
 * Build output: each line a command in some form, or a terminal escape. x86/tinyconfig
 * prints it and fails on every commit with no error parsed, so its log's end is echoed.
 */
const HOSTILE_OUTPUT = [
  'case $O in *-tinyconfig) ;; *) false ;; esac && {',
  String.raw`printf '##[error]FORGED-old-form\n'`,
  String.raw`printf 'x\r::error::FORGED-after-cr\n'`,
  String.raw`printf '  ::add-mask::FORGED-mask\n'`,
  String.raw`printf '\342\200\213::warning::FORGED-zero-width\n'`,
  String.raw`printf '#\302\255#[error]FORGED-soft-hyphen\n'`,
  String.raw`printf '\033]0;FORGED-title\007\033[2J\302\2332J\n'`,
  String.raw`printf '::stop-commands::FORGED-silence\n'`,
  // Markdown: a line that would close the excerpt's code block, then an image and HTML.
  String.raw`printf '%s\n' '\`\`\`' '![FORGED](https://forged.example/x.png) <img src=FORGED> [FORGED](https://forged.example)'`,
  'exit 2; }',
  '',
].join('\n');

/** The culprit's change: x86/allnoconfig fails with a diagnostic that forges a command itself. */
const CULPRIT_BREAK = String.raw`case $O in *-allnoconfig) printf 'init/main.c:12:5: error: ##[error]FORGED-diagnostic \033[31mred\r::error::FORGED-diag-cr\n'; exit 1 ;; esac` + '\n';

/** A config file `configs: all` refuses by name, and says so naming it: in the log, and in the summary's list of what was not built. */
const HOSTILE_CONFIG = 'x##[error]FORGED-config_[FORGED](https:__forged.example)_defconfig';

const CULPRIT_SUBJECT = 'fix\r::error file=FORGED.c::FORGED-subject ##[error]FORGED-subject-old \x1b]0;FORGED\x07';
const CULPRIT_AUTHOR = 'Eve ##[add-mask]FORGED-author \x1b[2J';

/** The toy tree: v6.1 builds (printing HOSTILE_OUTPUT), three commits on top, the second breaking it under a hostile subject. */
function hostileTree(): string {
  const source = makeToyKernel(`${HOSTILE_OUTPUT}${SERIES_TOY}`, { arches: ['x86'], fragments: { [HOSTILE_CONFIG]: 'CONFIG_X=y\n' } });
  mkdirSync(join(source, 'toy.d'), { recursive: true });
  writeFileSync(join(source, 'toy.d', '00-base'), 'true\n');
  git(source, 'add', '-A');
  git(source, 'commit', '-q', '-m', 'toy: source toy.d');
  git(source, 'tag', '-f', '-a', '-m', 'v6.1', 'v6.1');
  const commit = (files: Record<string, string>, subject: string, author = 'A U Thor <a@example.org>') => {
    for (const [path, text] of Object.entries(files)) writeFileSync(join(source, path), text);
    git(source, 'add', '-A');
    git(source, 'commit', '-q', '--cleanup=verbatim', `--author=${author}`, '-m', subject);
  };
  commit({ 'note-1.txt': '1\n' }, 'harmless 1');
  commit({ 'toy.d/50-main': CULPRIT_BREAK }, CULPRIT_SUBJECT, `${CULPRIT_AUTHOR} <eve@example.org>`);
  commit({ 'note-2.txt': '2\n' }, 'harmless 2');
  return source;
}

/** Commands in `output` that are not kernelbuilder's own, or that carry a payload's text where the runner acts on it. */
function forged(output: string): string[] {
  const carried = runnerCommands(output).filter((c) => /FORGED/.test(c.name) || /FORGED/.test(c.properties) || c.data.startsWith('FORGED'));
  return [...foreignCommands(output), ...carried].map((c) => JSON.stringify(c.line));
}

/** Control characters but LF and tab: none of the tree's may reach a terminal or the log raw. */
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

test('a hostile tree forges no workflow command through the action, and no terminal escape through the CLI', () => {
  const source = hostileTree();
  const logs = tempDir('hostile-logs');
  const common = { source, arches: 'x86', configs: 'all', ccache: 'off', logs, upload: 'false' };

  const base = runAction({ ...common, ref: 'v6.1' });
  assert.equal(base.status, 1, base.stdout + base.stderr);
  const bad = runAction({ ...common, ref: 'master', baseline: base.outputs['results-json'], bisect: 'new-failures' });
  assert.equal(bad.status, 1, bad.stdout + bad.stderr);
  const results = JSON.parse(readFileSync(bad.outputs['results-json'], 'utf8')) as BuildResults;
  const culprit = results.bisects?.[0]?.culprit;
  // Kept in results.json as one line, its controls shown (results.json's text is one line: check-results).
  assert.equal(culprit?.subject, 'fix\\r::error file=FORGED.c::FORGED-subject ##[error]FORGED-subject-old \\x1b]0;FORGED\\x07', 'the bisect named the hostile commit');
  assert.match(culprit?.author ?? '', /FORGED-author/);

  for (const [name, run] of [['baseline', base], ['bisecting build', bad]] as const) {
    assert.deepEqual(forged(run.stdout), [], `${name}: commands forged by the tree`);
    assert.doesNotMatch(run.stdout, RAW_CONTROLS, `${name}: a raw control character in the log`);
    // Each payload reached the log, made harmless: the test saw what it claims to.
    for (const shown of ['##\\x5berror]FORGED-old-form', 'x\\r::error::FORGED-after-cr', '\\x3a:add-mask::FORGED-mask', '\\x1b]0;FORGED-title\\x07', '\\x3a:stop-commands::FORGED-silence']) {
      assert.ok(run.stdout.includes(shown), `${name}: ${shown} is not in the log:\n${run.stdout}`);
    }
    assert.match(run.stdout, /^not building x86: arch\/x86\/configs\/ holds "x##\\x5berror\]FORGED-config_\[FORGED\]\(https:__forged\.example\)_defconfig"/m);
    // The job summary, rendered as GitHub renders markdown: the tree's text is text, no image, link or HTML of its making.
    const summary = readFileSync(run.outputs.summary, 'utf8');
    assert.ok(summary.includes('FORGED-config') && summary.includes('forged.example/x.png'), `${name}: the summary quotes the tree`);
    const rendered = new Marked({ gfm: true, async: false }).parse(summary) as string;
    assert.deepEqual(rendered.match(/<(a|img)\b[^>]*>/g), null, `${name}: the summary renders an element of the tree's`);
  }
  // The bisect's lines: what it looks for (the diagnostic) and what it found (the subject).
  assert.match(bad.stdout, /##\\x5berror\]FORGED-diagnostic/);
  assert.match(bad.stdout, /fix\\r::error file=FORGED\.c::FORGED-subject ##\\x5berror\]FORGED-subject-old \\x1b\]0;FORGED\\x07/);
  // The bisect's email: the subject is one header line.
  const bisectEmail = join(dirname(bad.outputs['results-json']), results.bisects![0].folder!, 'email.txt');
  for (const email of [bad.outputs.email, bisectEmail]) {
    const text = readFileSync(email, 'utf8');
    const head = text.slice(0, text.indexOf('\n\n'));
    assert.ok(head.split('\n').every((l) => /^(To|Subject): /.test(l)), `${email}: ${head}`);
    assert.doesNotMatch(text, /[\r\x07\x1b]/, email);
  }

  // The CLI: a build of the same tree, then `report` of its folder, as in a workflow step or a terminal.
  const cliLogs = tempDir('hostile-cli-logs');
  const cli = (...args: string[]) => spawnSync(NODE24, ['dist/cli.js', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const build = cli('build', '--source', source, '--ref', 'master', '--arches', 'x86', '--configs', 'all', '--ccache', 'off', '--logs', cliLogs);
  assert.equal(build.status, 1, build.stdout + build.stderr);
  const built = /results in (\S+)\/results\.json/.exec(build.stderr)?.[1];
  assert.ok(built, build.stderr);
  const report = cli('report', built);
  assert.equal(report.status, 1, report.stderr);
  assert.match(report.stdout, /FORGED-diagnostic/, 'the summary quotes the tree');
  for (const [name, text] of [['build stdout', build.stdout], ['build stderr', build.stderr], ['report stdout', report.stdout], ['report stderr', report.stderr]]) {
    assert.doesNotMatch(text, RAW_CONTROLS, `${name}: a raw control character reaches the terminal`);
    assert.deepEqual(forged(text), [], `${name}: commands forged by the tree`);
  }
  assert.ok(build.stderr.includes('\\x1b]0;FORGED-title\\x07'), build.stderr);
});
