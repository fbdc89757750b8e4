import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAlternates, parseGitFile, sourceMounts } from '../../src/plan/source-layout.ts';
import { type SourceMount } from '../../src/types/source.ts';
import { checkSourceReadable } from '../../src/container/readable.ts';
import { InputError } from '../../src/errors.ts';
import { git } from '../support/tiny-tree.ts';

/** A folder for one test's repositories, removed when the test ends. */
function scratch(t: TestContext): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'kb-layout-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function repo(dir: string): string {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'master');
  writeFileSync(join(dir, 'Makefile'), 'VERSION = 6\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'one');
  return dir;
}

/** The mounts of a source as git on the host sees it, as [host, container] pairs. */
function mountsOf(source: string): [string, string][] {
  const [gitDir, commonDir] = git(source, 'rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir').split('\n');
  return sourceMounts(source, { gitDir, commonDir }).map((m) => [m.host, m.container]);
}

function layoutError(source: string): string {
  try {
    mountsOf(source);
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return (e as Error).message;
  }
  return 'no error';
}

test('a plain repository needs nothing beside /src', (t) => {
  assert.deepEqual(mountsOf(repo(join(scratch(t), 'linux'))), []);
});

test('clone --shared: the origin object store, where the alternates file names it', (t) => {
  const dir = scratch(t);
  const origin = repo(join(dir, 'origin'));
  execFileSync('git', ['clone', '-q', '--shared', origin, join(dir, 'linux')]);
  assert.deepEqual(mountsOf(join(dir, 'linux')), [[join(origin, '.git/objects'), join(origin, '.git/objects')]]);
});

test('alternates chain: --reference of a --shared clone mounts both stores', (t) => {
  const dir = scratch(t);
  const origin = repo(join(dir, 'origin'));
  execFileSync('git', ['clone', '-q', '--shared', origin, join(dir, 'mirror')]);
  execFileSync('git', ['clone', '-q', '--reference', join(dir, 'mirror'), `file://${origin}`, join(dir, 'linux')]);
  assert.deepEqual(mountsOf(join(dir, 'linux')), [
    [join(dir, 'mirror/.git/objects'), join(dir, 'mirror/.git/objects')],
    [join(origin, '.git/objects'), join(origin, '.git/objects')],
  ]);
});

test('a relative alternate is mounted where it resolves from /src/.git/objects', (t) => {
  const dir = scratch(t);
  const origin = repo(join(dir, 'origin'));
  execFileSync('git', ['clone', '-q', '--shared', origin, join(dir, 'linux')]);
  writeFileSync(join(dir, 'linux/.git/objects/info/alternates'), '# borrowed\n../../../origin/.git/objects\n');
  assert.equal(git(join(dir, 'linux'), 'cat-file', '-t', 'HEAD'), 'commit', 'git itself reads it');
  assert.deepEqual(mountsOf(join(dir, 'linux')), [[join(origin, '.git/objects'), '/origin/.git/objects']]);
});

test('a linked worktree: the common git dir, at the path its .git file names', (t) => {
  const dir = scratch(t);
  const main = repo(join(dir, 'main'));
  git(main, 'worktree', 'add', '-q', '--detach', join(dir, 'wt'), 'master');
  assert.deepEqual(mountsOf(join(dir, 'wt')), [[join(main, '.git'), join(main, '.git')]]);
});

test('a worktree with relative paths: its git dir resolves from /src', (t) => {
  const dir = scratch(t);
  const main = repo(join(dir, 'main'));
  git(main, 'worktree', 'add', '-q', '--detach', join(dir, 'wt'), 'master');
  writeFileSync(join(dir, 'wt/.git'), 'gitdir: ../main/.git/worktrees/wt\n');
  assert.deepEqual(mountsOf(join(dir, 'wt')), [[join(main, '.git'), '/main/.git']]);
});

test('a worktree of a --shared clone: the common git dir and the alternate', (t) => {
  const dir = scratch(t);
  const origin = repo(join(dir, 'origin'));
  execFileSync('git', ['clone', '-q', '--shared', origin, join(dir, 'main')]);
  git(join(dir, 'main'), 'worktree', 'add', '-q', '--detach', join(dir, 'wt'), 'master');
  assert.deepEqual(mountsOf(join(dir, 'wt')), [
    [join(dir, 'main/.git'), join(dir, 'main/.git')],
    [join(origin, '.git/objects'), join(origin, '.git/objects')],
  ]);
});

test('a layout the container cannot be given is refused, naming the reason', (t) => {
  const dir = scratch(t);
  const linux = repo(join(dir, 'linux'));
  const alternates = join(linux, '.git/objects/info/alternates');
  writeFileSync(alternates, `${join(dir, 'gone/.git/objects')}\n`);
  assert.equal(
    layoutError(linux),
    `input 'source': ${JSON.stringify(linux)} is not allowed; the build container could not use this repository: ${alternates} names the object store ${join(dir, 'gone/.git/objects')}, which is not a folder here`,
  );
  writeFileSync(alternates, '/proc\n');
  assert.match(layoutError(linux), /the object store \/proc that .*\/alternates names would have to be mounted at \/proc, over the build's own \/proc$/);
  writeFileSync(alternates, '/\n');
  assert.match(layoutError(linux), /would have to be mounted at \/, over the build's own \/build$/);
  writeFileSync(alternates, '/usr\n');
  assert.match(layoutError(linux), /would have to be mounted at \/usr, over the image's \/usr$/);
  writeFileSync(alternates, '"/quoted\\npath"\n');
  assert.match(layoutError(linux), /names a quoted path/);
  rmSync(alternates);
  execFileSync('mkfifo', [alternates]);
  assert.match(layoutError(linux), /\/alternates is not a regular file of at most 65536 bytes$/, 'a FIFO is refused, not read');
  rmSync(alternates);
  mkdirSync(join(linux, 'drivers'));
  assert.match(layoutError(join(linux, 'drivers')), /it is a folder inside the repository whose git dir is .*\/linux\/\.git: give the repository's top folder$/);
});

test('alternates deeper than git follows from inside the container are refused', (t) => {
  const dir = scratch(t);
  let prev = repo(join(dir, 'r0'));
  for (let i = 1; i <= 6; i++) {
    execFileSync('git', ['clone', '-q', '--shared', prev, join(dir, `r${i}`)]);
    prev = join(dir, `r${i}`);
  }
  assert.match(layoutError(prev), /is more than 5 alternates deep/);
  assert.equal(mountsOf(join(dir, 'r5')).length, 5);
});

test('parsers: a .git file and an alternates file', () => {
  assert.equal(parseGitFile('gitdir: /srv/main/.git/worktrees/wt\n'), '/srv/main/.git/worktrees/wt');
  assert.equal(parseGitFile('gitdir: ../main/.git/worktrees/wt'), '../main/.git/worktrees/wt');
  assert.equal(parseGitFile('ref: refs/heads/master\n'), undefined);
  assert.deepEqual(parseAlternates('# comment\n\n/a/objects\n  ../b/objects  \n'), ['/a/objects', '../b/objects']);
});

test('readable: a worktree .git file needs only r; a mounted folder the build user cannot list is refused', (t) => {
  const dir = scratch(t);
  chmodSync(dir, 0o755);
  const main = repo(join(dir, 'main'));
  git(main, 'worktree', 'add', '-q', '--detach', join(dir, 'wt'), 'master');
  const mounts: SourceMount[] = [{ host: join(main, '.git'), container: join(main, '.git'), why: 'the common git dir' }];
  checkSourceReadable(join(dir, 'wt'), mounts, 1001, 1001);
  chmodSync(join(main, '.git'), 0o700);
  assert.throws(() => checkSourceReadable(join(dir, 'wt'), mounts, 1001, 1001), new RegExp(`uid 1001, which cannot read ${join(main, '.git')} \\(mode 700`));
});
