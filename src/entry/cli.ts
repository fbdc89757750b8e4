import { parseArgs } from 'node:util';
import { Input } from '../constants.ts';
import { InputError, KernelbuilderError } from '../errors.ts';
import { type InputReader, type Inputs, getInputs, readEmailTo } from '../inputs.ts';
import { buildMatrix } from '../fanout/matrix.ts';
import { parseShards, planRefs } from '../fanout/plan-refs.ts';
import { reportShards } from '../fanout/report-shards.ts';
import { parseReportInputs } from '../fanout/report-inputs.ts';
import { type Log } from '../log.ts';
import { gitIn } from '../ref/git.ts';
import { connectDocker } from '../container/docker.ts';
import { makePlan } from '../plan/plan.ts';
import { loadProjectFragments } from '../plan/project-fragments.ts';
import { checkImageArches, inspectImage } from '../images/inspect.ts';
import { buildImages } from '../images/build-images.ts';
import { formatImageList, listImages } from '../images/list.ts';
import { defaultImageTable } from '../images/table.ts';
import { buildUser, containerSpec } from '../container/spec.ts';
import { checkPlan, logPlan, runBuild } from '../engine.ts';
import { type RunResult, failedBoots, failedTargets, overallResult } from '../results/results.ts';
import { analyseLogs } from '../diagnostics/analyse.ts';
import { defaultNoise, parseNoiseFile } from '../diagnostics/noise.ts';
import { writeReports } from '../report/write-reports.ts';
import { readResultsDir } from '../results/check-results.ts';
import { echoFailures } from '../report/echo-failures.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { abortOnSignals } from './signals.ts';

const USAGE = `usage:
  kernelbuilder plan  --source DIR --ref REF [options]   print the build plan as JSON; starts nothing
  kernelbuilder build --source DIR --ref REF [options]   build; exit 0 pass, 1 kernel build failed, 2 error
  kernelbuilder report DIR [--noise FILE] [--email-to ADDR]  re-render the reports of <logs>/<tree>/<build id>, into DIR (the email too)
  kernelbuilder matrix --source DIR --refs "A B" --shards N [options]   the fan-out matrix as JSON (action mode plan)
  kernelbuilder merge --results DIR --logs DIR             merge shards' results into one report (action mode report)
  kernelbuilder images build [--only NAME]... [--base [FROM=]IMAGE]...   build the images of the table
                          (--base IMAGE replaces debian:bookworm-slim; FROM=IMAGE any declared base)
  kernelbuilder images list                                    the table's images: present here, digest, toolchain

options (the action's inputs): --arches "x86 arm arm64 riscv" --configs "defconfig tinyconfig"
  --logs DIR --tree NAME --image IMAGE --image-table FILE|JSON --tmpfs-size 60g --jobs N
  --noise FILE --email-to ADDR --target-timeout 90m --memory 16g --cpus 8 --logs-limit 2g
  --ccache host|off --ccache-dir DIR --ccache-size 20g --baseline RESULTS --force true`;

/** The exit code of a verdict: a run error is an error (2), as a bad input is, never a kernel failure (1). */
const EXIT_CODE: Record<RunResult, number> = { pass: 0, fail: 1, error: 2 };

/** Where the CLI finds what ships with it. */
export interface CliPaths {
  driverDir: string;
  imagesDir: string;
}

/** Run the CLI; returns the exit code (the thin bin sets it). */
export async function runCli(argv: string[], paths: CliPaths): Promise<number> {
  const log = terminalLog();
  try {
    const [command, sub] = argv;
    if (command === 'plan') return await plan(argv.slice(1), paths);
    if (command === 'build') return await build(argv.slice(1), paths, log);
    if (command === 'report') return await report(argv.slice(1));
    if (command === 'matrix') return await matrix(argv.slice(1), paths, log);
    if (command === 'merge') return await merge(argv.slice(1), log);
    if (command === 'images' && sub === 'build') return await imagesBuild(argv.slice(2), paths, log);
    if (command === 'images' && sub === 'list') {
      process.stdout.write(`${formatImageList(await listImages(await connectDocker(), defaultImageTable))}\n`);
      return 0;
    }
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
  } catch (e) {
    process.stderr.write(`kernelbuilder: ${e instanceof KernelbuilderError ? e.message : ((e as Error).stack ?? String(e))}\n`);
    return 2;
  }
}

function readOptions(args: string[]): InputReader {
  const options = Object.fromEntries(Object.values(Input).map((name) => [name, { type: 'string' as const }]));
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new KernelbuilderError(`${(e as Error).message}\n${USAGE}`);
  }
  return (name) => String(values[name] ?? '');
}

function readInputs(args: string[]): Inputs {
  const inputs = getInputs(readOptions(args));
  // The Actions cache service is reached through a job's runtime token: a terminal has none.
  if (inputs.ccache?.actionsCache) throw new InputError(Input.ccache, 'actions', "the CLI has no Actions cache service; use --ccache host (with --ccache-dir) or off");
  return inputs;
}

async function matrix(args: string[], paths: CliPaths, log: Log): Promise<number> {
  const read = readOptions(args);
  process.stdout.write(`${JSON.stringify(buildMatrix(await planRefs(read, log, loadProjectFragments(paths.driverDir)), parseShards(read(Input.shards))), null, 2)}\n`);
  return 0;
}

async function merge(args: string[], log: Log): Promise<number> {
  const inputs = parseReportInputs(readOptions(args));
  const builds = await reportShards(inputs.results, inputs.logs, inputs);
  for (const { results, reports } of builds) {
    echoFailures(results, log);
    log.info(`${results.tree}/${results.buildId}: ${results.result}; ${reports.results}, ${reports.email}`);
  }
  return EXIT_CODE[overallResult(builds.map((b) => b.results))];
}

async function plan(args: string[], paths: CliPaths): Promise<number> {
  const inputs = readInputs(args);
  const buildPlan = await makePlan(inputs, gitIn(inputs.source), loadProjectFragments(paths.driverDir));
  // The plan stands without an engine; the image check and container spec need one.
  let checked: object;
  try {
    const image = await inspectImage(await connectDocker(), buildPlan.image.image);
    checkImageArches(image, [...new Set(buildPlan.targets.map((t) => t.arch))]);
    checked = { image, container: containerSpec(buildPlan, image, paths.driverDir, buildUser(process.getuid!(), process.getgid!())) };
  } catch (e) {
    if (!(e instanceof KernelbuilderError)) throw e;
    checked = { imageProblem: e.message };
  }
  process.stdout.write(`${JSON.stringify({ plan: buildPlan, ...checked }, null, 2)}\n`);
  return 0;
}

async function build(args: string[], paths: CliPaths, log: Log): Promise<number> {
  const inputs = readInputs(args);
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
  const { results, reports, skipped } = await runBuild(checked, inputs, deps);
  if (skipped) log.info('skipped: already built (--force true to build again)');
  echoFailures(results, log);
  const failed = failedTargets(results);
  const boots = results.targets.filter((t) => t.boot && t.boot.status !== 'skipped');
  const booted = boots.length > 0 ? `, ${boots.length - failedBoots(results).length}/${boots.length} booted` : '';
  const verdict = results.error ? `error: ${results.error.message}` : `${results.result}: ${results.targets.length - failed.length}/${results.targets.length} targets passed${booted}`;
  log.info(`${verdict}; results in ${reports.results}, email ${reports.email}`);
  return EXIT_CODE[overallResult([results])];
}

/** Re-read a build's logs with today's parser and noise list, and write every report again. */
async function report(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { noise: { type: 'string' }, 'email-to': { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new KernelbuilderError(`report takes one folder, <logs>/<tree>/<build id>\n${USAGE}`);
  const emailTo = readEmailTo(values['email-to']);
  const logsDir = resolve(positionals[0]);
  // The folder may be anyone's (a downloaded artifact): its results.json is checked as a shard's is.
  const results = readResultsDir(logsDir);
  const noise = values.noise === undefined ? defaultNoise : parseNoiseFile(readFileSync(values.noise, 'utf8'), `--noise ${values.noise}`);
  const analysed = await analyseLogs(results, logsDir, noise);
  // Told only DIR, the re-render writes only there: the email too, not <logs>/emails/.
  const reports = writeReports(analysed, { logsDir, emailDir: logsDir }, { emailTo });
  process.stdout.write(readFileSync(reports.summary, 'utf8'));
  process.stderr.write(`reports written: ${reports.results} ${reports.summary} ${reports.email}\n`);
  return EXIT_CODE[overallResult([results])];
}

async function imagesBuild(args: string[], paths: CliPaths, log: Log): Promise<number> {
  const { values } = parseArgs({ args, options: { only: { type: 'string', multiple: true }, base: { type: 'string', multiple: true } }, strict: true });
  const outcomes = await buildImages(await connectDocker(), defaultImageTable, paths.imagesDir, log, { only: values.only, base: values.base });
  for (const o of outcomes) log.info(`${o.name}: ${o.outcome} (${o.detail})`);
  return outcomes.some((o) => o.outcome === 'failed' || (values.only && o.outcome !== 'built')) ? 1 : 0;
}

function terminalLog(): Log {
  const err = (line: string) => process.stderr.write(`${line}\n`);
  return {
    info: err,
    warning: (m) => err(`warning: ${m}`),
    beginBuildOutput: () => undefined,
    buildOutput: err,
    endBuildOutput: () => undefined,
  };
}
