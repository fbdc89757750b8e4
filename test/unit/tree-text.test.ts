import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitIn } from '../../src/ref/git.ts';
import { readTree } from '../../src/ref/tree.ts';
import { commitLog } from '../../src/ref/commit-log.ts';
import { git, makeTinyTree } from '../support/tiny-tree.ts';

// Names and subjects are the tree's: any byte but NUL. Real git writes and reads them.

test('commit subjects and authors with unit separators, CR and ESC: each field whole, controls shown', async () => {
  const dir = makeTinyTree({ version: '6.1.0', arches: { x86: ['x86_64_defconfig'] } });
  writeFileSync(join(dir, 'f'), 'x\n');
  git(dir, 'add', 'f');
  const subject = 'fix\x1fthe\x1fsplit\rx \x1b[2J';
  execFileSync('git', ['-C', dir, 'commit', '-q', '-m', subject], {
    env: { ...process.env, GIT_AUTHOR_NAME: 'Eve\x1fMallory', GIT_AUTHOR_EMAIL: 'eve@example.org', GIT_COMMITTER_NAME: 'C', GIT_COMMITTER_EMAIL: 'c@example.org', GIT_AUTHOR_DATE: '2026-01-06T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-06T00:00:00Z' },
  });
  const sha = git(dir, 'rev-parse', 'HEAD');
  const [newest, older] = await commitLog(gitIn(dir), sha, 2, '%an <%ae>', '%aI');
  assert.deepEqual(newest, { sha, author: 'Eve\\x1fMallory <eve@example.org>', date: '2026-01-06T00:00:00+00:00', subject: 'fix\\x1fthe\\x1fsplit\\rx \\x1b[2J' });
  assert.equal(older.subject, 'Linux 6.1.0');
  const facts = await readTree(gitIn(dir), sha, ['x86']);
  assert.deepEqual(facts.commits.map((c) => [c.author, c.subject]), [['Eve\\x1fMallory', 'fix\\x1fthe\\x1fsplit\\rx \\x1b[2J'], ['Test', 'Linux 6.1.0']]);
});

test('config file names with a newline, a quote or a tab are read as they are, never as git quotes them', async () => {
  const odd = ['a\nb.config', 'q"uote_defconfig', 'tab\tdefconfig', 'plain_defconfig'];
  const dir = makeTinyTree({ version: '6.1.0', arches: { x86: odd } });
  const facts = await readTree(gitIn(dir), git(dir, 'rev-parse', 'HEAD'), ['x86']);
  assert.deepEqual([...facts.configs.x86].sort(), [...odd].sort());
});
