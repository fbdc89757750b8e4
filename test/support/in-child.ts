import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Run `code` (an ES module in TypeScript, with `src` bound to the URL of the source folder)
 * in a child node, killed after `timeoutMs`: a hang in it (a blocking open, a backtracking
 * regular expression) then fails the test instead of stopping the test runner with it.
 */
export function inChild(code: string, timeoutMs: number): Promise<{ stdout: string; killed: boolean }> {
  const src = new URL('../../src/', import.meta.url).href;
  const cwd = fileURLToPath(new URL('../..', import.meta.url));
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `const src = ${JSON.stringify(src)};\n${code}`], { timeout: timeoutMs, cwd }, (error, stdout) =>
      resolve({ stdout, killed: error?.killed ?? false }),
    );
  });
}
