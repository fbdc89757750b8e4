import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { getInputs, parseMode } from '../inputs/inputs.ts';
import { type InputReader } from '../types/inputs.ts';
import { Input, Output, SeriesOption } from '../constants.ts';
import { InputError, KernelbuilderError } from '../errors.ts';
import { gitIn } from '../ref/git.ts';
import { connectDocker } from '../container/docker.ts';
import { checkPlan, logPlan, runBuild } from '../engine.ts';
import { failedBoots, failedTargets, failedTests, overallResult } from '../results/results.ts';
import { type BuildResults } from '../types/results.ts';
import { type ReportPaths } from '../report/write-reports.ts';
import { type Annotation, chooseAnnotations } from '../report/annotations.ts';
import { echoFailures } from '../report/echo-failures.ts';
import { buildMatrix } from '../fanout/matrix.ts';
import { planRefs } from '../fanout/plan-refs.ts';
import { reportShards } from '../fanout/report-shards.ts';
import { parseReportInputs } from '../fanout/report-inputs.ts';
import { type Log } from '../log.ts';
import { actionLog, annotationLine, failStep } from './action-log.ts';
import { abortOnSignals } from './signals.ts';
import { ccacheKeys } from '../cache/ccache-key.ts';
import { restoreCcache, saveCcache } from '../cache/actions-cache.ts';
import { savePostState } from '../publish/post-upload.ts';
import { targetName } from '../values/target-name.ts';
import { loadProjectFragments } from '../plan/project-fragments.ts';
import { bisectRegressions } from '../bisect/after-build.ts';
import { bisectAnnotations } from '../bisect/report.ts';
import { checkRefSyntax } from '../ref/ref-syntax.ts';
import { resolveRef } from '../ref/resolve.ts';
import { parseCommits, getSeriesInputs } from '../series/plan.ts';
import { pushBase, readPushEvent } from '../series/push-range.ts';
import { checkSeriesPlan } from '../series/check-plan.ts';
import { runSeries } from '../series/run-series.ts';
import { seriesAnnotations, writeSeriesReports } from '../series/report.ts';
import { seriesScope } from '../series/format.ts';

/**
 * The action's main step. mode build (the default): inputs → plan → build → outputs,
 * annotations and job summary; mode plan: the matrix for a fan-out over runners; mode
 * report: merge the shards' results into one report. Owns the step's outcome: a failed
 * kernel build or an expected error fails the step with a message; an unexpected
 * error keeps its stack.
 */
export async function runAction(driverDir: string): Promise<void> {
  const log = actionLog();
  const read: InputReader = (name) => core.getInput(name);
  try {
    const mode = parseMode(read(Input.mode));
    if (mode === 'plan') await planMode(read, log, driverDir);
    else if (mode === 'report') await reportMode(read, log);
    else if (parseCommits(read(SeriesOption.commits)) === 'each' || read(SeriesOption.patches).trim() !== '') await seriesMode(read, log, driverDir);
    else await buildMode(read, log, driverDir);
  } catch (e) {
    failStep(e instanceof KernelbuilderError ? e.message : ((e as Error).stack ?? String(e)));
  }
}

async function buildMode(read: InputReader, log: Log, driverDir: string): Promise<void> {
  const inputs = getInputs(read);
  for (const w of inputs.warnings) log.warning(w);
  const docker = await connectDocker();
  const deps = { git: gitIn(inputs.source), docker, log, driverDir, uid: process.getuid!(), gid: process.getgid!(), signal: abortOnSignals() };
  const checked = await checkPlan(inputs, deps);
  logPlan(checked, log);
  // From here on there is a logs folder worth uploading, whatever happens next.
  savePostState({ logsDir: checked.plan.logsDir, upload: inputs.upload, artifacts: inputs.artifacts }, core.saveState);
  const { plan, image } = checked;
  // In actions mode the cache folder starts empty each job: fill it before the container starts.
  const keys = plan.ccache?.actionsCache ? ccacheKeys({ imageId: image.id, targets: plan.targets.map(targetName), sha: plan.ref.sha }) : undefined;
  const restoredKey = keys && (await restoreCcache(plan.ccache!.dir, keys, log));
  const built = await runBuild(checked, inputs, deps);
  const { reports, skipped } = built;
  if (keys) await saveCcache(plan.ccache!.dir, keys, { skipped, cancelled: deps.signal.aborted, restoredKey }, log);
  // Results already there were bisected when they were built.
  const { results, bisects } = skipped ? { results: built.results, bisects: [] } : await bisectRegressions(built.results, reports, plan.logsDir, inputs, deps);
  for (const a of bisects.flatMap(bisectAnnotations)) annotate(a);
  core.setOutput(Output.firstBadCommits, (results.bisects ?? []).flatMap((b) => (b.culprit ? [b.culprit.sha] : [])).join(' '));
  core.setOutput(Output.sha, results.sha);
  core.setOutput(Output.buildId, results.buildId);
  core.setOutput(Output.kernelVersion, results.kernelVersion);
  core.setOutput(Output.image, results.image.name);
  core.setOutput(Output.skipped, String(skipped));
  await publish([{ results, reports }], log);
}

/**
 * Build mode with `commits: each` (every commit the push brought: from its before, else
 * from where it left the default branch, else from commits-base) or with `patches` (an mbox
 * or a folder of format-patch files applied on ref): each commit built on the one before,
 * checked and reported as a series; the step fails when a commit fails to build or adds an
 * error, or a patch does not apply (or what fail-on asks).
 */
async function seriesMode(read: InputReader, log: Log, driverDir: string): Promise<void> {
  const source = read(Input.source).trim();
  const git = gitIn(source);
  const patches = read(SeriesOption.patches).trim();
  if (patches !== '' && parseCommits(read(SeriesOption.commits)) === 'each') throw new InputError(SeriesOption.patches, patches, 'patches are checked on ref, commits each checks the push: give one of them');
  let range = '';
  if (patches === '') {
    const head = (await resolveRef(git, checkRefSyntax(read(Input.ref).trim() || 'HEAD'))).sha;
    const { base, why } = await pushBase({ commitsBase: read(SeriesOption.commitsBase).trim(), event: readPushEvent(process.env.GITHUB_EVENT_PATH), git, head });
    log.info(`commits: each, from ${why}, to ${head.slice(0, 12)}`);
    range = `${base}..${head}`;
  }
  // A range names its own ends; patches go on ref.
  const inputs = getSeriesInputs((name) => (name === SeriesOption.range ? range : name === Input.ref && range !== '' ? '' : read(name)));
  for (const w of inputs.build.warnings) log.warning(w);
  const deps = { git, docker: await connectDocker(), log, driverDir, uid: process.getuid!(), gid: process.getgid!() };
  const plan = await checkSeriesPlan(inputs, deps);
  // From here on there is a folder worth uploading, whatever happens next.
  savePostState({ logsDir: plan.dir, upload: inputs.build.upload, artifacts: inputs.build.artifacts }, core.saveState);
  log.info(`checking ${seriesScope(plan)} on ${plan.build.targets.length} targets, each built on the one before; in ${plan.dir}`);
  const result = await runSeries(plan, { ...deps, noise: inputs.build.noise, signal: abortOnSignals() });
  const reports = writeSeriesReports(result, plan.dir, { emailTo: inputs.build.emailTo, failOn: plan.failOn, kcidbOrigin: inputs.build.kcidbOrigin });
  for (const a of seriesAnnotations(result)) annotate(a);
  core.setOutput(Output.sha, result.head?.sha ?? plan.base.sha);
  core.setOutput(Output.result, result.result);
  core.setOutput(Output.seriesJson, reports.result);
  core.setOutput(Output.summary, reports.summary);
  core.setOutput(Output.email, reports.email);
  core.setOutput(Output.junitXml, reports.junit);
  core.setOutput(Output.kcidbJson, reports.kcidb);
  core.setOutput(Output.failedTargets, [...new Set(result.breaks.map((b) => b.target))].join(' '));
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(readFileSync(reports.summary, 'utf8')).write();
  if (result.failures.length > 0) failStep(result.failures.join('; '));
}

async function planMode(read: InputReader, log: Log, driverDir: string): Promise<void> {
  const { plans, shards } = await planRefs(read, log, loadProjectFragments(driverDir));
  const matrix = buildMatrix(plans, shards);
  core.setOutput(Output.matrix, JSON.stringify(matrix));
  const rows = matrix.include.map((j) => `| ${j.ref} | ${j['build-id']} | ${j.shard} | ${j.targets.split(' ').length} | ${Math.round(j.cost / 60)} min |`);
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(['## kernelbuilder plan', '', '| ref | build id | shard | targets | estimate |', '| --- | --- | --- | ---: | ---: |', ...rows, ''].join('\n'))
      .write();
  }
  log.info(`matrix: ${matrix.include.length} jobs for ${plans.length} refs`);
}

async function reportMode(read: InputReader, log: Log): Promise<void> {
  const inputs = parseReportInputs(read);
  await publish(await reportShards(inputs.results, inputs.logs, { ...inputs, log }), log);
}

/** Outputs, failure excerpts, annotations and the job summary of one or more builds. */
async function publish(builds: { results: BuildResults; reports: ReportPaths }[], log: Log): Promise<void> {
  const failed = builds.flatMap(({ results }) => failedTargets(results).map((t) => (builds.length > 1 ? `${results.buildId}:${t}` : t)));
  const total = builds.reduce((n, b) => n + b.results.targets.length, 0);
  const result = overallResult(builds.map((b) => b.results));
  core.setOutput(Output.result, result);
  core.setOutput(Output.failedTargets, failed.join(' '));
  const failedToBoot = builds.flatMap(({ results }) => failedBoots(results).map((t) => (builds.length > 1 ? `${results.buildId}:${t}` : t)));
  core.setOutput(Output.failedBoots, failedToBoot.join(' '));
  core.setOutput(Output.resultsJson, builds.map((b) => b.reports.results).join('\n'));
  core.setOutput(Output.summary, builds.map((b) => b.reports.summary).join('\n'));
  core.setOutput(Output.email, builds.map((b) => b.reports.email).join('\n'));
  core.setOutput(Output.kcidbJson, builds.map((b) => b.reports.kcidb).join('\n'));
  core.setOutput(Output.junitXml, builds.map((b) => b.reports.junit).join('\n'));
  for (const { results, reports } of builds) {
    echoFailures(results, log);
    for (const a of chooseAnnotations(results.issues ?? [])) annotate(a);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(readFileSync(reports.summary, 'utf8')).write();
  }
  const errors = builds.flatMap(({ results }) => (results.error ? [`${results.tree}/${results.buildId}: ${results.error.message}`] : []));
  const failedKunit = builds.flatMap(({ results }) => failedTests(results).map((t) => (builds.length > 1 ? `${results.buildId}:${t}` : t)));
  const problems = [
    ...(failed.length > 0 ? [`${failed.length} of ${total} targets failed: ${failed.join(' ')}`] : []),
    ...(failedToBoot.length > 0 ? [`${failedToBoot.length} failed to boot: ${failedToBoot.join(' ')}`] : []),
    ...(failedKunit.length > 0 ? [`KUnit failed on ${failedKunit.join(' ')}`] : []),
  ];
  if (result === 'error') failStep(`run error, not a kernel failure: ${errors.join('; ') || 'see the results'}`);
  else if (problems.length > 0) failStep(problems.join('; '));
}

/** Annotations carry a tree's text (diagnostics, a culprit's subject): written through the action log's escaping. */
function annotate(a: Annotation): void {
  process.stdout.write(annotationLine(a));
}
