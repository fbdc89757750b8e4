import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildPlan } from '../types/plan.ts';
import { targetName } from '../values/target-name.ts';
import { type ImageInfo } from '../types/image.ts';
import { type BuildResults } from '../types/results.ts';
import { collectResults } from '../results/results.ts';
import { targetPaths } from '../logs-layout.ts';
import { withKept } from '../results/kept.ts';
import { analyseLogs } from '../diagnostics/analyse.ts';
import { isNoise } from '../diagnostics/noise.ts';
import { type NoiseFilter } from '../types/inputs.ts';
import { scanLog } from '../diagnostics/scan-log.ts';
import { tally } from '../diagnostics/tally.ts';
import { type Diagnostic, type Issue } from '../types/diagnostics.ts';
import { type FoundDiagnostic, type StepObservation } from './types.ts';

/**
 * Read one step's folder as a build's results are read: the status target.sh wrote, the
 * kept files, the boot (when `boot` is given: bootTargets on the step's folder), then
 * the log and console through the real parser (analyseLogs), and the log's first error
 * in log order. `plan` is the bisect's build plan with the step's folder as logsDir.
 */
export async function observeStep(args: {
  plan: BuildPlan;
  image: ImageInfo;
  exitCode: number;
  startedAt: Date;
  finishedAt: Date;
  noise: NoiseFilter;
  boot?: (results: BuildResults) => Promise<BuildResults>;
}): Promise<StepObservation> {
  const { plan, noise } = args;
  const t = plan.targets[0];
  const statusPath = join(plan.logsDir, targetPaths(t.arch, t.config).status);
  const collected = collectResults({
    plan,
    image: args.image,
    statuses: new Map([[targetName(t), readIfThere(statusPath)]]),
    startedAt: args.startedAt,
    finishedAt: args.finishedAt,
    driverExitCode: args.exitCode,
  });
  const kept = withKept(collected, plan.logsDir);
  const booted = args.boot && kept.targets[0].status === 'pass' ? await args.boot(kept) : kept;
  const analysed = await analyseLogs(booted, plan.logsDir, noise);
  const result = analysed.targets[0];
  let firstError: Diagnostic | undefined;
  await scanLog(join(plan.logsDir, result.log), result.target, (d) => {
    if (!firstError && tally(d, isNoise(d, noise)) === 'errors') firstError = d;
  });
  const counted = (analysed.issues ?? []).filter((i) => !i.noise && tally(i, i.noise) !== undefined);
  return {
    build: analysed.result === 'error' ? 'error' : result.status,
    ...(result.reason ? { fault: result.reason } : {}),
    ...(firstError ? { firstError: found(firstError) } : {}),
    issues: counted.map(found),
    ...(result.boot ? { boot: result.boot.status } : {}),
  };
}

function found(d: Diagnostic | Issue): FoundDiagnostic {
  return {
    signature: d.signature,
    kind: d.kind,
    severity: d.severity,
    message: d.message,
    ...(d.file === undefined ? {} : { file: d.file }),
    ...(d.line === undefined ? {} : { line: d.line }),
  };
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
