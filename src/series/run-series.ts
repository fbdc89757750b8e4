import { join } from 'node:path';
import type Docker from 'dockerode';
import { KernelbuilderError } from '../errors.ts';
import { type Log } from '../log.ts';
import { type NoiseFilter } from '../types/inputs.ts';
import { driverTarget } from '../container/spec.ts';
import { containerFiles } from '../gate/admitted.ts';
import { afterContainer } from '../pipeline/after-container.ts';
import { collectResults } from '../results/results.ts';
import { readInsideOrNothing } from '../safe-files.ts';
import { tally } from '../diagnostics/tally.ts';
import { targetName } from '../values/target-name.ts';
import { CHECKPATCH_FILE, PATCHES_MBOX, SERIES_FILES, SERIES_STEPS_DIR, seriesStepDir, targetPaths } from '../logs-layout.ts';
import { writeInside } from '../write-inside.ts';
import { parseAmOutput } from './am-output.ts';
import { type FoundDiagnostic } from '../bisect/types.ts';
import { found } from '../bisect/observe-step.ts';
import { parseCheckpatch } from './checkpatch.ts';
import { commitChanges, type Known } from './changes.ts';
import { seriesFailures } from './verdict.ts';
import { stepLine } from './report.ts';
import { type CheckpatchResult, type SeriesBreak, type SeriesPatches, type SeriesPlan, type SeriesResult, type SeriesStep, type SeriesTargetStep } from './types.ts';
import { openSteppedRun } from '../bisect/stepped-run.ts';

/** What a series reaches outside itself through; the fronts pass the real ones. */
export interface SeriesDeps {
  docker: Docker;
  log: Log;
  uid: number;
  noise: NoiseFilter;
  now?: () => Date;
  signal?: AbortSignal;
}

/** checkpatch's output on one commit: its findings are one line each, a series of many is still small. */
const CHECKPATCH_LIMIT = 2 * 2 ** 20;

/** One target's build in one step, read through the one pipeline after a container. */
interface TargetObservation {
  build: 'pass' | 'fail' | 'error';
  fault?: string;
  printed: FoundDiagnostic[];
}

/**
 * Run a checked series plan: one container, the clone in its /build; the base built from
 * empty object dirs, then each commit on the one before (make rebuilds what it changed), all
 * targets of a step under one make -j, each step's files through the gate into
 * commits/<k>/ and read with the real parser; checkpatch on each commit. What each commit
 * adds and removes is told against its parent, target by target. Returns series.json's
 * content; writes no report.
 */
export async function runSeries(plan: SeriesPlan, deps: SeriesDeps): Promise<SeriesResult> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  const targets = plan.build.targets;
  const names = targets.map(targetName);
  const n = plan.patches ? plan.patches.list.length : plan.commits.length;
  const session = await openSteppedRun({
    what: 'series',
    dir: plan.dir,
    stepsDir: SERIES_STEPS_DIR,
    files: Object.values(SERIES_FILES),
    driverLog: SERIES_FILES.driverLog,
    container: plan.container,
    build: plan.build,
    image: plan.image,
    deps,
  });
  // Patches become commits in the container's clone only: each one's files from bisect.sh am.
  const applyPatches = async (patches: SeriesPatches) => {
    writeInside(session.staging, PATCHES_MBOX, patches.mbox);
    const am = parseAmOutput((await session.driver('am', plan.base.sha, `/logs/${PATCHES_MBOX}`)).text, patches.list.length);
    const commits = am.applied.map((a, i) => ({ k: i + 1, sha: a.sha, subject: patches.list[i].subject, author: patches.list[i].author, files: a.files }));
    const failed = patches.list[am.applied.length];
    const notApplied = am.failure !== undefined || failed ? { k: failed?.k ?? am.applied.length, subject: failed?.subject ?? '', reason: am.failure ?? 'git am made fewer commits than there are patches' } : undefined;
    return { commits, notApplied };
  };
  try {
    const setup = await session.driver('setup');
    if (setup.code !== 0) throw new KernelbuilderError(`the series' set-up in the container failed (exit ${setup.code}): ${setup.text.split('\n').slice(-5).join(' | ')}`);
    const checkpatchArgs = [...(plan.checkpatch === 'strict' ? ['--strict'] : []), ...(plan.checkpatchIgnore.length > 0 ? ['--ignore', plan.checkpatchIgnore.join(',')] : [])];

    const step = async (k: number, sha: string) => {
      const inContainer = `/logs/${SERIES_STEPS_DIR}/${k}`;
      const started = now();
      // The base from empty object dirs; each commit on the one before.
      const { code } = await session.driver('build', sha, inContainer, k === 0 ? '1' : '0', String(plan.build.jobs), ...targets.map((t) => driverTarget(t)));
      if (k > 0 && plan.checkpatch !== 'off') await session.driver('checkpatch', sha, inContainer, ...checkpatchArgs);
      const finished = now();
      const dir = seriesStepDir(plan.dir, k);
      const stepPlan = { ...plan.build, logsDir: dir, ref: { ...plan.build.ref, sha } };
      const { results } = await afterContainer({
        dir,
        admit: [{ from: join(session.staging, SERIES_STEPS_DIR, String(k)), files: [...containerFiles(targets, plan.build.limits.logs), { rel: CHECKPATCH_FILE, limit: CHECKPATCH_LIMIT }], removeAfter: true }],
        results: (d) =>
          collectResults({
            plan: stepPlan,
            image: plan.image,
            statuses: new Map(targets.map((t) => [targetName(t), readInsideOrNothing(d, targetPaths(t.arch, t.config).status, Number.MAX_SAFE_INTEGER)])),
            startedAt: started,
            finishedAt: finished,
            driverExitCode: code,
          }),
        kept: true,
        noise: deps.noise,
        log: deps.log,
      });
      const counted = (results.issues ?? []).filter((i) => !i.noise && tally(i, i.noise) !== undefined);
      const observed = new Map<string, TargetObservation>(
        results.targets.map((t) => [t.target, { build: t.status === 'pass' ? 'pass' : t.status === 'fail' ? 'fail' : 'error', ...(t.reason ? { fault: t.reason } : {}), printed: counted.filter((i) => i.targets.includes(t.target)).map(found) }]),
      );
      if ([...observed.values()].some((o) => o.build === 'error')) {
        throw new KernelbuilderError(`${k === 0 ? 'the base' : `commit ${k}/${n} ${sha.slice(0, 12)}`} could not be built (the driver's exit ${code}${results.error ? `: ${results.error.message}` : ''}); see ${join(plan.dir, SERIES_FILES.driverLog)}`);
      }
      const checkpatch: CheckpatchResult | undefined = k > 0 && plan.checkpatch !== 'off' ? parseCheckpatch(readInsideOrNothing(dir, CHECKPATCH_FILE, CHECKPATCH_LIMIT) ?? '') : undefined;
      return { observed, checkpatch, seconds: Math.round((finished.getTime() - started.getTime()) / 100) / 10 };
    };

    // The commits to check: a range's, or those git am made of the patches on the base (the ones after a patch that did not apply are not built).
    const { commits, notApplied } = plan.patches ? await applyPatches(plan.patches) : { commits: plan.commits, notApplied: undefined };
    if (notApplied) deps.log.warning(`patch ${notApplied.k}/${n} "${notApplied.subject}" does not apply to ${plan.base.ref} (${plan.base.sha.slice(0, 12)}): ${notApplied.reason}; the patches from it on are not built`);
    deps.log.info(`[0/${n}] building the base ${plan.base.sha.slice(0, 12)} from scratch: ${names.join(' ')}`);
    const base = await step(0, plan.base.sha);
    const known = new Map<string, Known>(names.map((name) => [name, new Map(base.observed.get(name)!.printed.map((d) => [d.signature, d]))]));
    const built = new Map(names.map((name) => [name, base.observed.get(name)!.build]));
    deps.log.info(`[0/${n}] base ${plan.base.sha.slice(0, 12)}: ${names.map((name) => `${name} ${built.get(name)}`).join(', ')} in ${base.seconds}s`);
    const baseFails = names.filter((name) => built.get(name) !== 'pass');
    if (baseFails.length > 0) deps.log.warning(`the base ${plan.base.sha.slice(0, 12)} does not build on ${baseFails.join(' ')}: a commit that does not build there is no break, and one that builds fixes it`);
    const steps: SeriesStep[] = [];
    const breaks: SeriesBreak[] = [];
    for (const commit of commits) {
      const { observed, checkpatch, seconds } = await step(commit.k, commit.sha);
      // What the commit changed, on its first parent: a finding there not printed again is gone.
      const touched = new Set(commit.files);
      const stepTargets: SeriesTargetStep[] = names.map((name) => {
        const o = observed.get(name)!;
        const changes = commitChanges(known.get(name)!, o.printed, touched);
        known.set(name, changes.known);
        // A break opens where a target that built fails, and closes where it builds again.
        const open = breaks.find((b) => b.target === name && b.fixedAt === undefined);
        if (o.build === 'fail' && built.get(name) === 'pass' && !open) breaks.push({ target: name, at: commit.k });
        if (o.build === 'pass' && open) open.fixedAt = commit.k;
        built.set(name, o.build);
        return { target: name, build: o.build, ...(o.fault ? { fault: o.fault } : {}), added: changes.added, removed: changes.removed };
      });
      const s: SeriesStep = { k: commit.k, sha: commit.sha, subject: commit.subject, targets: stepTargets, ...(checkpatch ? { checkpatch } : {}), seconds };
      steps.push(s);
      deps.log.info(stepLine(s, n));
      if (checkpatch?.problem) deps.log.warning(`[${commit.k}/${n}] ${checkpatch.problem}`);
    }
    const finishedAt = now();
    const baseTargets = names.map((name) => ({ target: name, build: base.observed.get(name)!.build }));
    const failures = [...(notApplied ? [`patch ${notApplied.k}/${n} "${notApplied.subject}" does not apply to ${plan.base.ref}: ${notApplied.reason}`] : []), ...seriesFailures({ n, steps, breaks, failOn: plan.failOn })];
    const last = commits[commits.length - 1];
    return {
      schema: 1,
      tree: plan.tree,
      source: plan.source,
      range: plan.range,
      base: { ...plan.base, targets: baseTargets, seconds: base.seconds },
      ...(plan.head ? { head: plan.head } : last ? { head: { ref: `patch ${last.k}/${n}`, sha: last.sha } } : {}),
      n,
      ...(plan.patches ? { patches: { path: plan.patches.path, sha256: plan.patches.list.map((p) => p.sha256), ...(notApplied ? { notApplied } : {}) } } : {}),
      targets: names,
      image: { name: plan.image.name, id: plan.image.id },
      steps,
      breaks,
      result: failures.length > 0 ? 'fail' : 'pass',
      failures,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    };
  } finally {
    await session.close();
  }
}
