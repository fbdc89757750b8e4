import { test } from 'node:test';
import { rmSync } from 'node:fs';
import assert from 'node:assert/strict';
import { gitIn } from '../../src/ref/git.ts';
import { resolveRef } from '../../src/ref/resolve.ts';
import { checkRefSyntax } from '../../src/ref/ref-syntax.ts';
import { InputError, SourceError } from '../../src/errors.ts';
import { git, makeTinyTree } from '../support/tiny-tree.ts';

// One real repository: v6.1 (annotated tag) with a commit on top, a next-style tag, a
// branch, and remote-tracking refs for remotes "stable" (with HEAD) and "next".
const dir = makeTinyTree({ version: '6.1.0', arches: { x86: ['x86_64_defconfig'] } });
git(dir, 'tag', '-a', '-m', 'Linux 6.1', 'v6.1');
const tagged = git(dir, 'rev-parse', 'HEAD');
git(dir, 'commit', '-q', '--allow-empty', '-m', 'second');
const head = git(dir, 'rev-parse', 'HEAD');
git(dir, 'tag', '-a', '-m', 'next', 'next-20260105');
git(dir, 'branch', 'topic', tagged);
git(dir, 'update-ref', 'refs/remotes/stable/linux-6.1.y', head);
git(dir, 'symbolic-ref', 'refs/remotes/stable/HEAD', 'refs/remotes/stable/linux-6.1.y');
git(dir, 'update-ref', 'refs/remotes/next/master', head);
// A real tag whose name looks like describe output: it is a ref, so it resolves.
git(dir, 'tag', `look-alike-g${tagged.slice(0, 7)}`, head);
const repo = gitIn(dir);

const cases: [string, { kind: string; remote?: string; sha: string; buildId: string }][] = [
  ['stable/linux-6.1.y', { kind: 'remote-branch', remote: 'stable', sha: head, buildId: `v6.1-1-g${head.slice(0, 7)}` }],
  ['stable', { kind: 'remote-head', remote: 'stable', sha: head, buildId: `v6.1-1-g${head.slice(0, 7)}` }],
  ['next/master', { kind: 'remote-branch', remote: 'next', sha: head, buildId: 'next-20260105' }],
  ['v6.1', { kind: 'tag', sha: tagged, buildId: 'v6.1' }],
  ['next-20260105', { kind: 'tag', sha: head, buildId: 'next-20260105' }],
  ['topic', { kind: 'branch', sha: tagged, buildId: 'v6.1' }],
  ['master', { kind: 'branch', sha: head, buildId: `v6.1-1-g${head.slice(0, 7)}` }],
  [head, { kind: 'sha', sha: head, buildId: `v6.1-1-g${head.slice(0, 7)}` }],
  [tagged.slice(0, 10), { kind: 'sha', sha: tagged, buildId: 'v6.1' }],
  ['HEAD', { kind: 'head', sha: head, buildId: `v6.1-1-g${head.slice(0, 7)}` }],
  [`look-alike-g${tagged.slice(0, 7)}`, { kind: 'tag', sha: head, buildId: `v6.1-1-g${head.slice(0, 7)}` }],
];

for (const [ref, expected] of cases) {
  test(`resolveRef(${ref.length > 20 ? 'full sha' : ref})`, async () => {
    const r = await resolveRef(repo, ref);
    assert.deepEqual({ kind: r.kind, remote: r.remote, sha: r.sha, buildId: r.buildId }, { remote: undefined, ...expected });
  });
}

test('describe finds nothing: the build id is the full sha', async () => {
  const bare = makeTinyTree({ version: '6.1.0', arches: { x86: [] } });
  const sha = git(bare, 'rev-parse', 'HEAD');
  assert.equal((await resolveRef(gitIn(bare), 'master')).buildId, sha);
});

test('an unknown ref is an error that says what was tried', async () => {
  await assert.rejects(resolveRef(repo, 'nope/branch'), (e: unknown) => e instanceof SourceError && /"nope\/branch" is not in the source repository/.test((e as Error).message));
  await assert.rejects(resolveRef(repo, 'deadbeef'), SourceError);
});

test('a name git would read as describe output is no ref: refused, not resolved to its abbreviated sha', async () => {
  for (const ref of [`bogus-g${head.slice(0, 7)}`, `v6.1-1-g${head.slice(0, 7)}`, `stable/x-g${head.slice(0, 7)}`]) {
    await assert.rejects(resolveRef(repo, ref), (e: unknown) => e instanceof SourceError && e.message.includes(`ref ${JSON.stringify(ref)} is not in the source repository`), ref);
  }
});

test('HEAD is what the source has checked out, resolved to its sha when planned', async (t) => {
  const tree = makeTinyTree({ version: '6.1.0', arches: { x86: [] } });
  t.after(() => rmSync(tree, { recursive: true, force: true }));
  const first = git(tree, 'rev-parse', 'HEAD');
  git(tree, 'checkout', '-q', '--detach');
  git(tree, 'commit', '-q', '--allow-empty', '-m', 'detached');
  const detached = git(tree, 'rev-parse', 'HEAD');
  assert.notEqual(detached, first);
  assert.deepEqual(await resolveRef(gitIn(tree), 'HEAD'), { ref: 'HEAD', kind: 'head', remote: undefined, sha: detached, buildId: detached });
  assert.equal(checkRefSyntax('HEAD'), 'HEAD');
});

const badRefs = ['', '-x', '--upload-pack=touch /tmp/pwned', 'a..b', 'a/../b', '$(id)', '`id`', 'a b', 'a;b', 'HEAD~1', 'HEAD^', 'a:b', '/abs', 'a//b', 'a/', '.hidden', 'x/.y', 'foo.lock', 'a\\b', 'a@{1}', 'x'.repeat(256), 'a\nb'];
for (const ref of badRefs) {
  test(`ref ${JSON.stringify(ref).slice(0, 30)} is refused by name`, () => {
    assert.throws(() => checkRefSyntax(ref), (e: unknown) => e instanceof InputError && e.message.startsWith("input 'ref': "));
  });
}

test('the source repository is not written by resolution', async () => {
  const before = git(dir, 'for-each-ref', '--format=%(refname) %(objectname)');
  const objects = git(dir, 'count-objects', '-v');
  for (const [ref] of cases) await resolveRef(repo, ref);
  assert.equal(git(dir, 'for-each-ref', '--format=%(refname) %(objectname)'), before);
  assert.equal(git(dir, 'count-objects', '-v'), objects);
});
