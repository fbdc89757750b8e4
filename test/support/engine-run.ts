import { fileURLToPath } from 'node:url';
import Docker from 'dockerode';
import { getInputs } from '../../src/inputs/inputs.ts';
import { gitIn } from '../../src/ref/git.ts';
import { type BuildOutcome, type CheckedPlan, checkPlan, runBuild } from '../../src/engine.ts';
import { recordingLog } from './recording-log.ts';
import { tempDir } from './temp-dir.ts';

/**
 * Run the engine in this process, as the fronts do, on the real Docker engine with the
 * real driver (src/driver) and image. Inputs are the action's, by name. `alter` changes
 * the checked plan before the build, for a test that takes something of it away.
 */
export async function runEngine(
  inputs: Record<string, string>,
  signal?: AbortSignal,
  alter: (checked: CheckedPlan) => CheckedPlan = (c) => c,
): Promise<BuildOutcome & { logs: string; log: ReturnType<typeof recordingLog> }> {
  const logs = inputs.logs ?? tempDir('logs');
  const parsed = getInputs((n) => ({ ccache: 'off', ...inputs, logs })[n] ?? '');
  const log = recordingLog();
  const deps = {
    git: gitIn(parsed.source),
    docker: new Docker(),
    log,
    driverDir: fileURLToPath(new URL('../../src/driver/', import.meta.url)),
    uid: process.getuid!(),
    gid: process.getgid!(),
    signal,
  };
  const checked = await checkPlan(parsed, deps);
  return { ...(await runBuild(alter(checked), parsed, deps)), logs, log };
}
