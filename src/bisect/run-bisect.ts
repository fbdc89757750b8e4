import { rmSync } from 'node:fs';
import type Docker from 'dockerode';
import { join } from 'node:path';
import { KernelbuilderError } from '../errors.ts';
import { type Log } from '../log.ts';
import { type Git } from '../ref/git.ts';
import { type NoiseFilter } from '../types/inputs.ts';
import { driverTarget } from '../container/spec.ts';
import { bootTargets } from '../boot/boot-targets.ts';
import { runKunitInQemu } from '../kunit/run-in-qemu.ts';
import { BISECT_FILES, BISECT_STEPS_DIR, bisectStepDir } from '../logs-layout.ts';
import { parseBisectOutput } from './git-bisect-output.ts';
import { observeStep } from './observe-step.ts';
import { decideFromEnds, positionIn, verdictOf } from './verdict.ts';
import { type BisectPlan, type BisectResult, type BisectStep, type Culprit, type NotFoundReason, type Sought, type StepObservation, type Verdict } from './types.ts';
import { describeSought, stepLine } from './report.ts';
import { commitLog } from '../ref/commit-log.ts';
import { openSteppedRun } from './stepped-run.ts';

/** What a bisect reaches outside itself through; the fronts pass the real ones. */
export interface BisectDeps {
  git: Git;
  docker: Docker;
  log: Log;
  uid: number;
  gid: number;
  noise: NoiseFilter;
  now?: () => Date;
  signal?: AbortSignal;
  /** When it aborts, the bisect is stopped (its container killed) and named nothing: not found, timeout. */
  deadline?: AbortSignal;
}

/** The bisect's folder in the container, where /logs is mounted. */
const CONTAINER_LOGS = '/logs';

/**
 * Run a checked bisect plan: one container, the clone in its /build, the ends built and
 * read first (they decide what is sought, or that there is nothing to bisect), then
 * `git bisect` stepped in the clone, each step built into steps/<k>/ and read on the
 * host with the real parser, then the culprit built again from an empty object dir and
 * its parents' verdicts checked. Returns bisect.json's content; writes no report.
 */
export async function runBisect(plan: BisectPlan, deps: BisectDeps): Promise<BisectResult> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  const session = await openSteppedRun({
    what: 'bisect',
    dir: plan.dir,
    stepsDir: BISECT_STEPS_DIR,
    files: Object.values(BISECT_FILES),
    driverLog: BISECT_FILES.driverLog,
    container: plan.container,
    build: plan.build,
    image: plan.image,
    deps,
  });
  const { staging, driver, bootSignal } = session;
  const steps: BisectStep[] = [];
  const observed = new Map<string, { verdict: Verdict; label: string }>();
  let bisecting = false;
  // What is sought once the ends decided it: a bisect stopped past its deadline still says what it sought.
  let sought: Sought | undefined;
  const resultOf = (end: { reason?: NotFoundReason; detail?: string; culprit?: Culprit }, bisectLog: string): BisectResult => {
    const finishedAt = now();
    return {
      schema: 1,
      tree: plan.tree,
      source: plan.source,
      target: plan.target,
      good: plan.good,
      bad: plan.bad,
      commits: plan.commits,
      estimatedSteps: plan.estimatedSteps,
      image: { name: plan.image.name, id: plan.image.id },
      ...(sought ? { sought } : {}),
      outcome: end.culprit ? 'found' : 'not found',
      ...(end.reason ? { reason: end.reason } : {}),
      ...(end.detail ? { detail: end.detail } : {}),
      ...(end.culprit ? { culprit: end.culprit } : {}),
      steps,
      builds: steps.length,
      bisectLog,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    };
  };
  try {
    const setup = await driver('setup');
    if (setup.code !== 0) throw new KernelbuilderError(`the bisect's set-up in the container failed (exit ${setup.code}): ${setup.text.split('\n').slice(-5).join(' | ')}`);

    const build = async (label: string, sha: string, fresh: boolean, rebuild: string[] = []): Promise<{ observation: StepObservation; seconds: number }> => {
      const stepDir = bisectStepDir(plan.dir, label);
      const started = now();
      // Under make -j the run's jobs: a step's one target has all the cores.
      const { code } = await driver('build', sha, `${CONTAINER_LOGS}/${BISECT_STEPS_DIR}/${label}`, fresh ? '1' : '0', String(plan.build.jobs), driverTarget(plan.build.targets[0]), '--', ...rebuild);
      const finished = now();
      const from = join(staging, BISECT_STEPS_DIR, label);
      const stepPlan = { ...plan.build, logsDir: stepDir, ref: { ...plan.build.ref, sha } };
      const bootDeps = plan.bootImage ? { docker: deps.docker, log: deps.log, image: plan.bootImage, user: String(plan.container.User), signal: bootSignal } : undefined;
      // A boot bisect boots the step; a KUnit bisect in QEMU runs its tests there.
      const boot = bootDeps
        ? async (results: Parameters<typeof bootTargets>[0]) => runKunitInQemu(await bootTargets(results, stepPlan, stepDir, bootDeps), stepPlan, stepDir, bootDeps)
        : undefined;
      const observation = await observeStep({ plan: stepPlan, image: plan.image, from, exitCode: code, startedAt: started, finishedAt: finished, noise: deps.noise, log: deps.log, ...(boot ? { boot } : {}) });
      // Gated: the step's staged files take no more space (the object dir in /build is what the next step reuses).
      rmSync(from, { recursive: true, force: true });
      return { observation, seconds: Math.round((finished.getTime() - started.getTime()) / 100) / 10 };
    };
    const record = (label: string, sha: string, fresh: boolean, verdict: Verdict, seconds: number, o: StepObservation) => {
      const step: BisectStep = { label, sha, verdict, seconds, fresh, ...(o.build !== 'pass' && o.firstError ? { firstError: o.firstError.signature } : {}) };
      steps.push(step);
      observed.set(sha, { verdict, label });
      deps.log.info(stepLine(step, plan.estimatedSteps));
    };

    // The ends: the good one from an empty object dir, the bad one from the good one's.
    const good = await build('good', plan.good.sha, true);
    const bad = await build('bad', plan.bad.sha, false);
    const decision = decideFromEnds(plan.what, good.observation, bad.observation);
    sought = 'sought' in decision ? decision.sought : undefined;
    // Without a thing to look for, an end's verdict is what the reason says of it.
    const reason = sought ? undefined : (decision as { reason: NotFoundReason }).reason;
    record('good', plan.good.sha, true, sought ? verdictOf(sought, good.observation) : reason === 'good end is bad' ? 'bad' : 'good', good.seconds, good.observation);
    record('bad', plan.bad.sha, false, sought ? verdictOf(sought, bad.observation) : reason === 'good end is bad' ? 'bad' : 'good', bad.seconds, bad.observation);
    if (!sought) return await finish({ reason, detail: (decision as { detail: string }).detail });
    const seeking = sought;
    deps.log.info(`bisecting ${plan.commits} commits for ${describeSought(seeking)}: about ${plan.estimatedSteps} steps`);

    bisecting = true;
    const rebuild = filesToRebuild(seeking);
    let state = parseBisectOutput((await driver('bisect', 'start', '--no-checkout', plan.bad.sha, plan.good.sha)).text);
    for (let k = 1; state.kind === 'next'; k++) {
      const sha = state.sha;
      const { observation, seconds } = await build(String(k), sha, false, rebuild);
      const verdict = verdictOf(seeking, observation);
      record(String(k), sha, false, verdict, seconds, observation);
      state = parseBisectOutput((await driver('bisect', verdict, sha)).text);
    }
    if (state.kind === 'only-skipped') {
      return await finish({ reason: 'all skipped', detail: `only skipped commits are left; the first bad commit is one of ${state.candidates.map((c) => c.slice(0, 12)).join(' ')}` });
    }
    if (state.kind !== 'first-bad') throw new KernelbuilderError('git bisect in the clone gave output kernelbuilder does not know (see driver.log in the bisect\'s folder)');

    // Verification: the culprit again from an empty object dir, and each parent's verdict,
    // from the step that tested it where one did (the good end, a step), else built now.
    const again = await build('culprit', state.sha, true);
    const culpritVerdict = verdictOf(seeking, again.observation);
    record('culprit', state.sha, true, culpritVerdict, again.seconds, again.observation);
    const parents = (await deps.git.run(['rev-list', '--parents', '-n', '1', state.sha])).trim().split(' ').slice(1);
    const parentVerdicts: Culprit['verification']['parents'] = [];
    for (const parent of parents) {
      let known = observed.get(parent);
      if (!known || known.verdict === 'skip') {
        const label = `parent-${parent.slice(0, 12)}`;
        const { observation, seconds } = await build(label, parent, false, rebuild);
        record(label, parent, false, verdictOf(seeking, observation), seconds, observation);
        known = observed.get(parent)!;
      }
      parentVerdicts.push({ sha: parent, verdict: known.verdict, step: known.label });
    }
    const verification = { culprit: culpritVerdict, parents: parentVerdicts };
    if (culpritVerdict !== 'bad' || parentVerdicts.some((p) => p.verdict !== 'good')) {
      return await finish({ reason: 'not verified', detail: `git bisect named ${state.sha.slice(0, 12)}, but built again it is ${culpritVerdict} and its parents are ${parentVerdicts.map((p) => `${p.sha.slice(0, 12)} ${p.verdict}`).join(', ')}` });
    }
    return await finish({ culprit: await culpritOf(state.sha, seeking, again.observation, verification) });

    async function finish(end: { reason?: NotFoundReason; detail?: string; culprit?: Culprit }): Promise<BisectResult> {
      return resultOf(end, bisecting ? (await driver('bisect', 'log')).text : '');
    }
  } catch (e) {
    // Past its deadline the bisect names nothing, and says so, what it built so far kept.
    if (session.stoppedBy() !== 'timeout') throw e;
    return resultOf({ reason: 'timeout', detail: `stopped after ${steps.length} builds: the run's bisects took longer than bisect-timeout allows` }, '');
  } finally {
    await session.close();
  }

  async function culpritOf(sha: string, sought: Sought, shown: StepObservation, verification: Culprit['verification']): Promise<Culprit> {
    const [{ author, date, subject }] = await commitLog(deps.git, sha, 1, '%an <%ae>', '%aI');
    const range = (await deps.git.run(['rev-list', '--reverse', '--topo-order', `${plan.good.sha}..${plan.bad.sha}`])).split('\n').filter((l) => l.length > 0);
    const diagnostic =
      sought.kind === 'build' ? shown.firstError : sought.kind === 'signature' ? shown.issues.find((i) => i.signature === sought.signature) : shown.issues.find((i) => i.severity === 'error');
    // Tree text, one line as results.json keeps it (check-results): a subject may hold a CR or ESC.
    return { sha, author, date, subject, position: positionIn(sha, range) ?? { k: 0, n: range.length }, ...(diagnostic ? { diagnostic } : {}), verification };
  }
}

/**
 * The source files a step must compile whatever changed: a warning (or any signature) is
 * printed only when its file is compiled, and an incremental step whose checkout leaves
 * that file as it was would compile nothing and look good. Its object is removed before
 * the step (the compiler cache replays the diagnostic at little cost); a build failure
 * needs nothing: a file that failed has no object, so make compiles it again.
 */
export function filesToRebuild(sought: Sought): string[] {
  if (sought.kind !== 'signature') return [];
  const file = sought.signature.split('|')[1] ?? '';
  return /^[A-Za-z0-9_+-][A-Za-z0-9_.+/-]*\.[cS]$/.test(file) && !file.split('/').includes('..') ? [file] : [];
}
