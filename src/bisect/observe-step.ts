import { type BuildPlan } from '../types/plan.ts';
import { targetName } from '../values/target-name.ts';
import { type ImageInfo } from '../types/image.ts';
import { type BuildResults } from '../types/results.ts';
import { collectResults } from '../results/results.ts';
import { targetPaths } from '../logs-layout.ts';
import { type NoiseFilter } from '../types/inputs.ts';
import { type Log } from '../log.ts';
import { readInsideOrNothing } from '../safe-files.ts';
import { containerFiles } from '../gate/admitted.ts';
import { afterContainer } from '../pipeline/after-container.ts';
import { tally } from '../diagnostics/tally.ts';
import { type Diagnostic, type Issue } from '../types/diagnostics.ts';
import { type FoundDiagnostic, type StepObservation } from './types.ts';

/**
 * Read one step as a build is read, through the one pipeline after a container: the
 * gate (what the step's build left in `from`, its staging folder, admitted into the
 * step's folder, plan.logsDir), the status target.sh wrote, the kept files, the boot
 * (when `boot` is given and the step built), then the log and console through the real
 * parser, read once: its first error in log order comes from the same read.
 * `plan` is the bisect's build plan with the step's folder as logsDir.
 */
export async function observeStep(args: {
  plan: BuildPlan;
  image: ImageInfo;
  from: string;
  exitCode: number;
  startedAt: Date;
  finishedAt: Date;
  noise: NoiseFilter;
  log: Pick<Log, 'warning'>;
  boot?: (results: BuildResults) => Promise<BuildResults>;
}): Promise<StepObservation> {
  const { plan, noise } = args;
  const t = plan.targets[0];
  const boot = args.boot;
  const { results: analysed, firstErrors } = await afterContainer({
    dir: plan.logsDir,
    admit: [{ from: args.from, files: containerFiles(plan.targets, plan.limits.logs) }],
    results: (dir) =>
      collectResults({
        plan,
        image: args.image,
        statuses: new Map([[targetName(t), readInsideOrNothing(dir, targetPaths(t.arch, t.config).status, Number.MAX_SAFE_INTEGER)]]),
        startedAt: args.startedAt,
        finishedAt: args.finishedAt,
        driverExitCode: args.exitCode,
      }),
    kept: true,
    // A KUnit target's runs are what a case's bisect seeks.
    tests: new Set(plan.targets.filter((x) => x.test).map(targetName)),
    ...(boot ? { boot: (kept: BuildResults) => (kept.targets[0].status === 'pass' ? boot(kept) : Promise.resolve(kept)) } : {}),
    noise,
    log: args.log,
  });
  const result = analysed.targets[0];
  const firstError = firstErrors.get(result.target);
  const counted = (analysed.issues ?? []).filter((i) => !i.noise && tally(i, i.noise) !== undefined);
  return {
    build: analysed.result === 'error' ? 'error' : result.status,
    ...(result.reason ? { fault: result.reason } : {}),
    ...(firstError ? { firstError: found(firstError) } : {}),
    issues: counted.map(found),
    ...(result.boot ? { boot: result.boot.status } : {}),
  };
}

/** A diagnostic or issue as a bisect or a series names it: its signature, kind, severity, message and place. */
export function found(d: Diagnostic | Issue): FoundDiagnostic {
  return {
    signature: d.signature,
    kind: d.kind,
    severity: d.severity,
    message: d.message,
    ...(d.file === undefined ? {} : { file: d.file }),
    ...(d.line === undefined ? {} : { line: d.line }),
  };
}
