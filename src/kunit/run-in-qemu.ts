import { join } from 'node:path';
import { type BuildPlan } from '../types/plan.ts';
import { type BuildResults, type TargetResult } from '../types/results.ts';
import { type KunitResult } from '../types/kunit.ts';
import { CONSOLE_LIMIT, targetPaths } from '../logs-layout.ts';
import { readInsideOrNothing } from '../safe-files.ts';
import { writeInside } from '../write-inside.ts';
import { targetName } from '../values/target-name.ts';
import { KtapReader } from './ktap-reader.ts';
import { type RunRecord, formatRunRecord } from './run-record.ts';
import { kunitTotals } from './merge-runs.ts';
import { bootImageLacks } from '../boot/boot-image.ts';
import { type KernelStart } from '../boot/boot-spec.ts';
import { type BootDeps, describeMachine } from '../boot/boot-targets.ts';
import { chooseMachine, defaultMachineTable } from '../boot/machines.ts';
import { runBoot } from '../boot/run-boot.ts';
import { ConsoleFile } from '../boot/console-file.ts';

/**
 * The kernel parameters of a KUnit run in QEMU, as the tree's kunit.py gives them: the
 * tests run (kunit.enable=1) before any init would, then the kernel reboots, which QEMU's
 * -no-reboot makes its end; and the run's number, so that its console says which it was.
 */
function kunitStart(run: number): KernelStart {
  return { initramfs: false, parameters: ['kunit.enable=1', 'kunit_shutdown=reboot', `kernelbuilder.run=${run}`] };
}

/**
 * Run the KUnit kernels the plan boots (targets whose test is `kunit-qemu`) once the
 * build is done, one after another: each on its arch's machine in the locked-down boot
 * container, its console written to its kept folder as the n-th run's, each run recorded
 * as kunit-uml.sh records a UML run. A run whose console shows a failing or crashed case,
 * or no KTAP at all, is run again, up to the plan's retries: the reader of the consoles
 * (withKunit) calls a case that passed on a retry flaky. A target that cannot run (no
 * machine fits its config, no kernel image kept) is given its KUnit result here, a skip
 * with the reason.
 */
export async function runKunitInQemu(results: BuildResults, plan: BuildPlan, logsDir: string, deps: BootDeps): Promise<BuildResults> {
  const mine = new Set(plan.targets.filter((t) => t.test === 'kunit-qemu').map(targetName));
  if (mine.size === 0 || !plan.tests) return results;
  const targets: TargetResult[] = [];
  for (const t of results.targets) {
    const skipped = mine.has(t.target) ? await runTarget(t, plan, logsDir, deps) : undefined;
    targets.push(skipped ? { ...t, kunit: skipped } : t);
  }
  return { ...results, targets };
}

/** Run one target's KUnit kernel, its retries included; a skip when it cannot run, else nothing (the consoles say it all). */
async function runTarget(t: TargetResult, plan: BuildPlan, logsDir: string, deps: BootDeps): Promise<KunitResult | undefined> {
  const skip = (reason: string): KunitResult => {
    deps.log.info(`KUnit ${t.target}: skipped: ${reason}`);
    return { status: 'skipped', reason, mode: 'qemu', attempts: 0, consoles: [], totals: kunitTotals([]), cases: [] };
  };
  if (t.status !== 'pass') return undefined;
  if (deps.signal?.aborted) return skip('the run was cancelled');
  const paths = targetPaths(t.arch, t.config);
  const dotConfig = readInsideOrNothing(logsDir, `${paths.kept}/config`, 4 * 2 ** 20);
  if (dotConfig === undefined) return skip('the build kept no .config');
  const choice = chooseMachine(defaultMachineTable, t.arch, dotConfig, 'kunit');
  if ('skipped' in choice) return skip(choice.skipped);
  const { machine } = choice;
  const lacks = bootImageLacks(deps.image, machine);
  if (lacks) return skip(lacks);
  if (!((t.kept?.files ?? []) as string[]).includes(machine.image)) return skip(`the build kept no ${machine.image} (keep it: keep kernel)`);

  const { retries, timeoutSeconds } = plan.tests!;
  deps.log.info(`KUnit ${t.target}: ${describeMachine(machine)}, timeout ${timeoutSeconds} s a run`);
  const keptDir = join(logsDir, paths.kept);
  const records: RunRecord[] = [];
  for (let run = 1; run <= retries + 1 && !deps.signal?.aborted; run++) {
    const console = new ConsoleFile(join(logsDir, paths.kunitConsoles[run - 1]), CONSOLE_LIMIT);
    const reader = new KtapReader();
    const request = { keptDir, machine, image: deps.image, user: deps.user, kvm: false, label: `${plan.tree}/${plan.ref.buildId}/kunit`, start: kunitStart(run) };
    let booted;
    try {
      booted = await runBoot(deps.docker, request, {
        timeoutSeconds,
        onLine: (stream, line) => {
          console.write(line);
          if (stream === 'stdout') reader.push(line);
        },
        signal: deps.signal,
      });
    } finally {
      console.close();
    }
    if (booted.cancelled) break;
    records.push({ run, exit: booted.exitCode, timedOut: booted.timedOut, milliseconds: booted.durationSeconds * 1000 });
    writeInside(logsDir, paths.kunitStatus, records.map(formatRunRecord).join(''));
    const reading = reader.end({ timedOut: booted.timedOut });
    deps.log.info(`KUnit ${t.target} run ${run}: ${reading.totals.total} cases, ${reading.totals.fail} failed, ${reading.totals.crashed} crashed, in ${Math.round(booted.durationSeconds)} s`);
    if (reading.started && reading.totals.fail + reading.totals.crashed === 0) break;
  }
  return records.length === 0 ? skip('the run was cancelled') : undefined;
}
