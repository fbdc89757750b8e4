import { join } from 'node:path';
import type Docker from 'dockerode';
import { type Log } from '../log.ts';
import { type BuildPlan } from '../types/plan.ts';
import { type BuildResults, type TargetResult } from '../types/results.ts';
import { CONSOLE_LIMIT, targetPaths } from '../logs-layout.ts';
import { readInsideOrNothing } from '../safe-files.ts';
import { type BootResult } from '../types/boot.ts';
import { type BootImageInfo, bootImageLacks } from './boot-image.ts';
import { INITRAMFS_FILE, bootReproducer } from './boot-spec.ts';
import { type Machine, chooseMachine, defaultMachineTable } from './machines.ts';
import { runBoot } from './run-boot.ts';
import { ConsoleFile } from './console-file.ts';

/** What boots need besides the results: the engine, the boot image, who they run as. */
export interface BootDeps {
  docker: Docker;
  log: Log;
  image: BootImageInfo;
  /** uid:gid of the boot container (the build's user). */
  user: string;
  kvmGid?: number;
  signal?: AbortSignal;
}

/**
 * Boot each target the plan boots, one after another once the build is done: those that
 * built and whose config fits a machine run QEMU in a locked-down container, their console
 * written to the kept folder; the others are `skipped` with the reason. The verdict is
 * read from the console afterwards (analyseLogs), so that `report` can read it again.
 */
export async function bootTargets(results: BuildResults, plan: BuildPlan, logsDir: string, deps: BootDeps): Promise<BuildResults> {
  if (!plan.boot) return results;
  const chosen = new Set(plan.boot.targets);
  const targets: TargetResult[] = [];
  for (const t of results.targets) {
    if (!chosen.has(t.target)) targets.push(t);
    else targets.push({ ...t, boot: await bootOne(t, plan, logsDir, deps) });
  }
  return { ...results, targets };
}

async function bootOne(t: TargetResult, plan: BuildPlan, logsDir: string, deps: BootDeps): Promise<BootResult> {
  const skip = (message: string): BootResult => {
    deps.log.info(`boot ${t.target}: skipped: ${message}`);
    return { status: 'skipped', message };
  };
  if (t.status !== 'pass') return skip('the build did not pass');
  if (deps.signal?.aborted) return skip('the run was cancelled');
  const paths = targetPaths(t.arch, t.config);
  const dotConfig = readInsideOrNothing(logsDir, `${paths.kept}/config`, 4 * 2 ** 20);
  if (dotConfig === undefined) return skip('the build kept no .config');
  const choice = chooseMachine(defaultMachineTable, t.arch, dotConfig);
  if ('skipped' in choice) return skip(choice.skipped);
  const { machine } = choice;
  const lacks = bootImageLacks(deps.image, machine);
  if (lacks) return skip(lacks);
  const kept = t.kept?.files ?? [];
  if (!(kept as string[]).includes(machine.image)) return skip(`the build kept no ${machine.image}`);
  if (!(kept as string[]).includes(INITRAMFS_FILE)) return skip(`no boot init was made (see the end of ${t.log})`);

  deps.log.info(`boot ${t.target}: ${describeMachine(machine)}, timeout ${plan.boot!.timeoutSeconds} s`);
  const request = { keptDir: join(logsDir, paths.kept), machine, image: deps.image, user: deps.user, kvm: plan.boot!.kvm, kvmGid: deps.kvmGid, label: `${plan.tree}/${plan.ref.buildId}/boot` };
  const booted = { machine: describeMachine(machine), console: paths.console, reproducer: bootReproducer(request) };
  const console = new ConsoleFile(join(logsDir, paths.console), CONSOLE_LIMIT);
  try {
    const run = await runBoot(deps.docker, request, { timeoutSeconds: plan.boot!.timeoutSeconds, onLine: (_stream, line) => console.write(line), signal: deps.signal });
    if (run.cancelled) return { status: 'skipped', message: 'the run was cancelled during the boot', ...booted };
    // The verdict is the console's to give: analyseLogs reads it.
    return { status: 'fail', reason: 'console not read', ...booted, durationSeconds: run.durationSeconds, exitCode: run.exitCode, timedOut: run.timedOut };
  } finally {
    console.close();
  }
}

/** `qemu-system-x86_64 -M q35`: the machine as the reports name it. */
export function describeMachine(machine: Machine): string {
  return `${machine.qemu} -M ${machine.machine}`;
}
