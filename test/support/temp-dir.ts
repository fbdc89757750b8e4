import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

// At exit, not in an after() hook: node:test gives an after() called inside a test or a
// before hook to that test or hook (a folder made in before() would go when the hook
// ends), and a file's own after hooks (stopping Azurite in its folder) must run first.
// The test runner gives each file a process, which exits when its tests are done,
// passed, failed or thrown out of.
process.once('exit', () => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A new folder `kb-<name>-XXXXXX` under the system temp folder (mode 0700, as mkdtemp
 * makes it), removed with all it holds when the test file's process exits.
 */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `kb-${name}-`));
  made.push(dir);
  return dir;
}
