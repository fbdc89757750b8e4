import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Input, SimulateOption } from '../constants.ts';
import { InputError, KernelbuilderError } from '../errors.ts';
import { getInputs, readEmailTo, readNoise } from '../inputs/inputs.ts';
import { type Inputs, type InputReader } from '../types/inputs.ts';
import { buildMatrix } from '../fanout/matrix.ts';
import { planRefs } from '../fanout/plan-refs.ts';
import { reportShards } from '../fanout/report-shards.ts';
import { parseReportInputs } from '../fanout/report-inputs.ts';
import { type Log } from '../log.ts';
import { terminalLog } from './terminal-log.ts';
import { gitIn } from '../ref/git.ts';
import { connectDocker } from '../container/docker.ts';
import { makePlan } from '../plan/plan.ts';
import { loadProjectFragments } from '../plan/project-fragments.ts';
import { buildImages, chooseImages, imagesBuildFailure } from '../images/build-images.ts';
import { formatImageList, listImages } from '../images/list.ts';
import { defaultImageTable } from '../images/table.ts';
import { checkPlan, checkPlanOnEngine, checkPlanOnHost, logPlan, runBuild } from '../engine.ts';
import { failedBoots, failedTargets, failedTests, overallResult } from '../results/results.ts';
import { type RunResult } from '../types/results.ts';
import { rerenderFolder } from '../pipeline/rerender.ts';
import { checkOutputPath, writeWhole } from '../output-file.ts';
import { DEFAULT_KCIDB_ORIGIN, parseKcidbOrigin } from '../report/kcidb-origin.ts';
import { echoFailures } from '../report/echo-failures.ts';
import { abortOnSignals } from './signals.ts';
import { getBisectInputs } from '../bisect/plan.ts';
import { checkBisectPlan } from '../bisect/check-plan.ts';
import { runBisect } from '../bisect/run-bisect.ts';
import { bisectRegressions } from '../bisect/after-build.ts';
import { outcomeLine, writeBisectReports } from '../bisect/report.ts';
import { getSeriesInputs } from '../series/plan.ts';
import { checkSeriesPlan } from '../series/check-plan.ts';
import { runSeries } from '../series/run-series.ts';
import { writeSeriesReports } from '../series/report.ts';
import { seriesScope } from '../series/format.ts';
import { simulateSeries, sourcesOf } from '../simulate/series-simulation.ts';
import { targetCosts } from '../plan/costs.ts';
import { availableParallelism } from 'node:os';
import { type Command, COMMANDS, commandHelp, generalHelp, groupHelp, nearest, parseCommandArgs } from './cli-options.ts';
import { previousTargets } from '../results/previous.ts';
import { treeDir } from '../logs-layout.ts';
import { type PlanSimulation, simulatePlan } from '../simulate/plan-simulation.ts';
import { getSimSettings } from '../simulate/sim-inputs.ts';
import { simulationSummary } from '../simulate/summary.ts';
import { textTimeline } from '../simulate/text-timeline.ts';
import { simulationPage } from '../simulate/html-page.ts';
import { terminalJson, terminalLine, terminalText } from '../text/terminal.ts';
import packageJson from '../../package.json' with { type: 'json' };

/** Where the CLI finds what ships with it. */
export interface CliPaths {
  driverDir: string;
  imagesDir: string;
}

/** Where the CLI writes: the terminal, or a test's buffers. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether `err` is a terminal, where the progress line may be redrawn in place. */
  errIsTerminal?: boolean;
}

const terminal: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), errIsTerminal: process.stderr.isTTY === true };

type Values = Record<string, string | boolean | string[] | undefined>;

/** The exit code of a verdict: a run error is an error (2), as a bad input is, never a kernel failure (1). */
const EXIT_CODE: Record<RunResult, number> = { pass: 0, fail: 1, error: 2 };

/** Run the CLI; returns the exit code (the thin bin sets it). */
export async function runCli(argv: string[], paths: CliPaths, io: CliIo = terminal): Promise<number> {
  const log = terminalLog(io.err, io.errIsTerminal === true);
  try {
    const [first, second] = argv;
    if (first === '--version' || first === '-V') {
      io.out(`kernelbuilder ${packageJson.version}\n`);
      return 0;
    }
    if (first === undefined || first === '--help' || first === '-h' || (first === 'help' && second === undefined)) {
      (first === undefined ? io.err : io.out)(`${generalHelp()}\n`);
      return first === undefined ? 2 : 0;
    }
    if (first === 'help') return help(second === 'images' ? `images ${argv[2] ?? ''}`.trim() : second, io);
    // A group without its command, or asked for help, lists the group's commands.
    if (first === 'images' && (second === undefined || second === '--help' || second === '-h')) {
      (second === undefined ? io.err : io.out)(`${groupHelp(first)}\n`);
      return second === undefined ? 2 : 0;
    }
    const name = first === 'images' ? `images ${second ?? ''}`.trim() : first;
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw unknownCommand(name);
    const parsed = parseCommandArgs(command, argv.slice(first === 'images' ? 2 : 1));
    if (parsed.help) {
      io.out(`${commandHelp(command)}\n`);
      return 0;
    }
    return await run(command, parsed.values, parsed.positionals, paths, log, io);
  } catch (e) {
    // An error may quote the tree (a config's name, a commit): shown, never obeyed, by the terminal.
    io.err(`${terminalText(`kernelbuilder: ${e instanceof KernelbuilderError ? e.message : ((e as Error).stack ?? String(e))}`)}\n`);
    return 2;
  }
}

function run(command: Command, values: Values, positionals: string[], paths: CliPaths, log: Log, io: CliIo): Promise<number> {
  const read: InputReader = (name) => String(values[name] ?? '');
  switch (command.name) {
    case 'plan':
      return plan(read, paths, log, io);
    case 'simulate':
      return simulate(read, { json: values[SimulateOption.json] === true, html: values[SimulateOption.html] }, paths, log, io);
    case 'build':
      return build(read, paths, log);
    case 'report':
      return report(positionals[0], read, io);
    case 'matrix':
      return matrix(read, paths, log, io);
    case 'merge':
      return merge(read, log);
    case 'bisect':
      return bisect(read, values['plan-only'] === true, paths, log, io);
    case 'series':
      return series(read, values['plan-only'] === true, paths, log, io);
    case 'images build':
      return imagesBuild(values, paths, log);
    default:
      return imagesList(io);
  }
}

function help(name: string | undefined, io: CliIo): number {
  const command = COMMANDS.find((c) => c.name === name);
  const text = command ? commandHelp(command) : groupHelp(name ?? '');
  if (text === undefined) throw unknownCommand(name ?? '');
  io.out(`${text}\n`);
  return 0;
}

function unknownCommand(name: string): KernelbuilderError {
  const near = nearest(name, COMMANDS.map((c) => c.name));
  return new KernelbuilderError(`unknown command ${JSON.stringify(name.slice(0, 80))}${near ? `; did you mean ${near}?` : ''}\n${generalHelp()}`);
}

function readInputs(read: InputReader, log: Log): Inputs {
  return checkedForCli(getInputs(read), log);
}

/** A build's inputs as the CLI takes them: the Actions cache refused, the warnings told. */
function checkedForCli(inputs: Inputs, log: Log): Inputs {
  // The Actions cache service is reached through a job's runtime token: a terminal has none.
  if (inputs.ccache?.actionsCache) throw new InputError(Input.ccache, 'actions', "the CLI has no Actions cache service; use --ccache host (with --ccache-dir) or off");
  for (const w of inputs.warnings) log.warning(w);
  return inputs;
}

/** What a bisect or a series reaches the engine through, once its build inputs are checked for the CLI. */
async function steppedRunDeps(build: Inputs, paths: CliPaths, log: Log) {
  checkedForCli(build, log);
  return { git: gitIn(build.source), docker: await connectDocker(), log, driverDir: paths.driverDir, uid: process.getuid!(), gid: process.getgid!() };
}

async function matrix(read: InputReader, paths: CliPaths, log: Log, io: CliIo): Promise<number> {
  const { plans, shards } = await planRefs(read, log, loadProjectFragments(paths.driverDir));
  io.out(`${terminalJson(buildMatrix(plans, shards))}\n`);
  return 0;
}

async function merge(read: InputReader, log: Log): Promise<number> {
  const inputs = parseReportInputs(read);
  const builds = await reportShards(inputs.results, inputs.logs, { ...inputs, log });
  for (const { results, reports } of builds) {
    echoFailures(results, log);
    log.info(`${results.tree}/${results.buildId}: ${results.result}; ${reports.results}, ${reports.email}`);
  }
  return EXIT_CODE[overallResult(builds.map((b) => b.results))];
}

/**
 * The plan, checked as a build checks it. What a build would stop at is reported beside
 * the plan (sourceProblem, imageProblem), not fatal: the plan stands without an engine
 * and is worth reading before the problem is mended.
 */
async function plan(read: InputReader, paths: CliPaths, log: Log, io: CliIo): Promise<number> {
  const inputs = readInputs(read, log);
  const buildPlan = await makePlan(inputs, gitIn(inputs.source), loadProjectFragments(paths.driverDir));
  const user = { uid: process.getuid!(), gid: process.getgid!() };
  const sourceProblem = await problemOf(async () => checkPlanOnHost(buildPlan, user));
  let checked: object = {};
  const imageProblem = await problemOf(async () => {
    const { image, container } = await checkPlanOnEngine(buildPlan, { docker: await connectDocker(), driverDir: paths.driverDir, ...user });
    checked = { image, container };
  });
  const simulation = simulationBlock(simulatePlan(buildPlan, previousTargets(treeDir(inputs.logs, buildPlan.tree)), getSimSettings(read, inputs)));
  io.out(`${terminalJson({ plan: buildPlan, simulation, ...checked, ...(sourceProblem ? { sourceProblem } : {}), ...(imageProblem ? { imageProblem } : {}) })}\n`);
  return 0;
}

/** The plan's short block of its simulation on this machine: the summary's lines. */
function simulationBlock(sim: PlanSimulation): { summary: string[] } {
  return { summary: simulationSummary(sim) };
}

/**
 * Plan as `plan` does (reads only, no engine), then simulate the build on the machine the
 * options describe: the summary and a timeline per runner, or all of it as JSON.
 */
async function simulate(read: InputReader, out: { json: boolean; html?: unknown }, paths: CliPaths, log: Log, io: CliIo): Promise<number> {
  // Bad simulate options are refused before the tree is read; the page's path before anything.
  const html = typeof out.html === 'string' ? checkOutputPath(SimulateOption.html, out.html) : undefined;
  const inputs = readInputs(read, log);
  const settings = getSimSettings(read, inputs);
  const buildPlan = await makePlan(inputs, gitIn(inputs.source), loadProjectFragments(paths.driverDir));
  const sim = simulatePlan(buildPlan, previousTargets(treeDir(inputs.logs, buildPlan.tree)), settings);
  if (html) writeWhole(html, simulationPage(sim, `simulation of ${buildPlan.tree}/${buildPlan.ref.buildId}`));
  if (out.json) {
    io.out(`${terminalJson(sim)}\n`);
    return 0;
  }
  const timelines = sim.runners.map((r, i) => `${sim.runners.length > 1 ? `runner ${i + 1}:\n` : ''}${textTimeline(r)}`);
  io.out(`${terminalText([...simulationSummary(sim), '', ...timelines].join('\n'))}\n`);
  return 0;
}

/** The message of the expected error `check` stops at, or undefined when it passes; a bug still throws. */
async function problemOf(check: () => Promise<void>): Promise<string | undefined> {
  try {
    await check();
    return undefined;
  } catch (e) {
    if (!(e instanceof KernelbuilderError)) throw e;
    return e.message;
  }
}

async function build(read: InputReader, paths: CliPaths, log: Log): Promise<number> {
  const inputs = readInputs(read, log);
  const deps = {
    git: gitIn(inputs.source),
    docker: await connectDocker(),
    log,
    driverDir: paths.driverDir,
    uid: process.getuid!(),
    gid: process.getgid!(),
    signal: abortOnSignals(),
  };
  const checked = await checkPlan(inputs, deps);
  logPlan(checked, log);
  const built = await runBuild(checked, inputs, deps);
  const { reports, skipped } = built;
  if (skipped) log.info('skipped: already built (--force true to build again)');
  const { results } = skipped ? built : await bisectRegressions(built.results, reports, checked.plan.logsDir, inputs, deps);
  echoFailures(results, log);
  const failed = failedTargets(results);
  const boots = results.targets.filter((t) => t.boot && t.boot.status !== 'skipped');
  const booted = boots.length > 0 ? `, ${boots.length - failedBoots(results).length}/${boots.length} booted` : '';
  const tested = failedTests(results);
  const kunit = tested.length > 0 ? `, KUnit failed on ${tested.join(' ')}` : '';
  const verdict = results.error ? `error: ${results.error.message}` : `${results.result}: ${results.targets.length - failed.length}/${results.targets.length} targets passed${booted}${kunit}`;
  log.info(`${verdict}; results in ${reports.results}, email ${reports.email}`);
  return EXIT_CODE[overallResult([results])];
}

/**
 * Bisect: the plan (printed alone with --plan-only), refused before any container on bad
 * input; then the run and its reports. Exit 0 with a verified culprit, 1 without one.
 */
async function bisect(read: InputReader, planOnly: boolean, paths: CliPaths, log: Log, io: CliIo): Promise<number> {
  const inputs = getBisectInputs(read);
  const deps = await steppedRunDeps(inputs.build, paths, log);
  const plan = await checkBisectPlan(inputs, deps);
  if (planOnly) {
    io.out(`${terminalJson(plan)}\n`);
    return 0;
  }
  log.info(`bisecting ${plan.target} over ${plan.commits} commits ${plan.good.sha.slice(0, 12)}..${plan.bad.sha.slice(0, 12)}: about ${plan.estimatedSteps} steps, ${plan.buildBudget} builds; in ${plan.dir}`);
  const result = await runBisect(plan, { ...deps, noise: inputs.build.noise, signal: abortOnSignals() });
  const reports = writeBisectReports(result, plan.dir, inputs.build.emailTo);
  log.info(`${outcomeLine(result)}; results in ${reports.result}, email ${reports.email}`);
  return result.culprit ? 0 : 1;
}

/**
 * Series: the plan (printed alone with --plan-only), refused before any container on bad
 * input; then each commit built on the one before, and the reports. Exit 0 when every
 * commit builds and adds no error (and what --fail-on asks holds), 1 when not.
 */
async function series(read: InputReader, planOnly: boolean, paths: CliPaths, log: Log, io: CliIo): Promise<number> {
  const inputs = getSeriesInputs(read);
  const deps = await steppedRunDeps(inputs.build, paths, log);
  const plan = await checkSeriesPlan(inputs, deps);
  const simulation = simulateSeries({
    targets: plan.build.targets,
    costs: targetCosts(plan.build.targets, previousTargets(treeDir(inputs.build.logs, plan.build.tree))),
    commits: (plan.patches?.list ?? plan.commits).map((c) => ({ sources: sourcesOf(c.files) })),
    machine: { cores: availableParallelism(), jobs: plan.build.jobs },
  });
  if (planOnly) {
    // The mbox is the patches' text: its size is what the plan says of it.
    const shown = plan.patches ? { ...plan, patches: { ...plan.patches, mbox: `${Buffer.byteLength(plan.patches.mbox)} bytes` } } : plan;
    io.out(`${terminalJson({ ...shown, simulation })}\n`);
    return 0;
  }
  log.info(`predicted on ${availableParallelism()} cores: the base ${Math.round(simulation.baseSeconds)} s, each commit ${Math.round(Math.min(...simulation.commitSeconds))} to ${Math.round(Math.max(...simulation.commitSeconds))} s, ${Math.round(simulation.wallSeconds)} s in all`);
  log.info(`checking ${seriesScope(plan)} on ${plan.build.targets.length} targets, each commit built on the one before; in ${plan.dir}`);
  const result = await runSeries(plan, { ...deps, noise: inputs.build.noise, signal: abortOnSignals() });
  const reports = writeSeriesReports(result, plan.dir, { emailTo: inputs.build.emailTo, failOn: plan.failOn, kcidbOrigin: inputs.build.kcidbOrigin });
  for (const f of result.failures) log.info(f);
  log.info(`${result.result}: ${result.steps.length}/${result.n} commits checked, ${result.breaks.length} breaks; results in ${reports.result}, summary ${reports.summary}, email ${reports.email}`);
  return result.result === 'pass' ? 0 : 1;
}

/** Re-read a build's logs with today's parser and noise list, and write every report again. */
async function report(dir: string, read: InputReader, io: CliIo): Promise<number> {
  const logsDir = resolve(dir);
  const noise = readNoise(read(Input.noise).trim() || undefined);
  const emailTo = readEmailTo(read(Input.emailTo).trim() || undefined);
  const kcidbOrigin = parseKcidbOrigin(read(Input.kcidbOrigin).trim() || DEFAULT_KCIDB_ORIGIN);
  // DIR may be anyone's (a downloaded artifact): it passes the gate as a shard folder does.
  const { results, reports } = await rerenderFolder(logsDir, { noise, emailTo, kcidbOrigin, log: { warning: (m) => io.err(`warning: ${terminalLine(m)}\n`) } });
  // The summary quotes the tree (build output, commit subjects): no control of its own reaches the terminal.
  io.out(terminalText(readFileSync(reports.summary, 'utf8')));
  io.err(`reports written: ${reports.results} ${reports.summary} ${reports.email}\n`);
  return EXIT_CODE[overallResult([results])];
}

async function imagesBuild(values: Values, paths: CliPaths, log: Log): Promise<number> {
  const opts = { only: values.only as string[] | undefined, base: values.base as string[] | undefined };
  // Bad options are refused before the engine is asked.
  chooseImages(defaultImageTable, opts);
  const outcomes = await buildImages(await connectDocker(), defaultImageTable, paths.imagesDir, log, opts);
  for (const o of outcomes) log.info(`${o.name}: ${o.outcome} (${o.detail})`);
  const failure = imagesBuildFailure(outcomes, opts.only);
  if (failure) log.warning(failure);
  return failure ? 1 : 0;
}

async function imagesList(io: CliIo): Promise<number> {
  // Labels are whoever built the image's: shown, never obeyed.
  io.out(`${terminalText(formatImageList(await listImages(await connectDocker(), defaultImageTable)))}\n`);
  return 0;
}

