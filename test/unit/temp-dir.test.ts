import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// In a process of its own, as the test runner runs each file: the folders must go when
// it exits, also when it dies of an error.
test('tempDir: its folders are removed when the process exits, also by an uncaught error', () => {
  const script = [
    `import { tempDir } from ${JSON.stringify(join(import.meta.dirname, '../support/temp-dir.ts'))};`,
    "import { writeFileSync } from 'node:fs';",
    "const dir = tempDir('selftest');",
    "writeFileSync(dir + '/file', 'x');",
    'console.log(dir);',
    "throw new Error('the test failed');",
  ].join('\n');
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.notEqual(child.status, 0, 'the script throws');
  assert.match(child.stderr, /the test failed/);
  const dir = child.stdout.trim();
  assert.ok(dir.startsWith(join(tmpdir(), 'kb-selftest-')), dir);
  assert.equal(existsSync(dir), false, `${dir} is left`);
});
