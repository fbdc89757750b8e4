import { dirname, relative } from 'node:path';
import { type Inputs } from '../types/inputs.ts';
import { KernelbuilderError } from '../errors.ts';
import { type EngineDeps } from '../engine.ts';
import { type BisectRecord, type BuildResults } from '../types/results.ts';
import { type ReportPaths, reportDirs, writeReports } from '../report/write-reports.ts';
import { type BisectRequest, chooseBisects } from './choose.ts';
import { bisectInputsOfBuild } from './plan.ts';
import { checkBisectPlan } from './check-plan.ts';
import { runBisect } from './run-bisect.ts';
import { outcomeLine, writeBisectReports } from './report.ts';
import { type BisectResult } from './types.ts';

/** A build's results with its bisects, and the bisects' own results (for annotations). */
export interface BuildBisects {
  results: BuildResults;
  bisects: BisectResult[];
}

/**
 * After a build compared with a baseline (input bisect): bisect each distinct new
 * regression chosen (chooseBisects) between the baseline's sha and the build's, each as
 * `kernelbuilder bisect` runs one (checked plan, one container, verified culprit, its
 * reports in its own folder), all of them within bisect-timeout; then results.json, the
 * summary and the email of the build are written again with the bisects. A bisect that
 * cannot run (a baseline sha the source lacks, an image gone) is recorded as an error and
 * the others go on: the build's results stand whatever the bisects do.
 */
export async function bisectRegressions(results: BuildResults, reports: ReportPaths, logsDir: string, inputs: Inputs, deps: EngineDeps): Promise<BuildBisects> {
  const settings = inputs.bisect;
  if (!settings) return { results, bisects: [] };
  const choice = chooseBisects(results, settings.mode, settings.limit);
  if ('none' in choice) {
    deps.log.info(`not bisecting: ${choice.none}`);
    return { results, bisects: [] };
  }
  if (choice.leftOut.length > 0) deps.log.info(`not bisecting (bisect-limit ${settings.limit}): ${choice.leftOut.map((r) => r.regression).join('; ')}`);
  if (choice.requests.length === 0) {
    if (choice.leftOut.length === 0) deps.log.info(`not bisecting: no new regression since the baseline ${choice.good.slice(0, 12)} to bisect (bisect ${settings.mode})`);
    return { results, bisects: [] };
  }
  const deadline = AbortSignal.timeout(settings.timeoutSeconds * 1000);
  const records: BisectRecord[] = [];
  const bisects: BisectResult[] = [];
  for (const request of choice.requests) {
    if (deps.signal?.aborted) break;
    if (deadline.aborted) {
      records.push({ ...head(request), result: 'not found', reason: 'timeout: bisect-timeout was spent before it started' });
      continue;
    }
    try {
      const plan = await checkBisectPlan(bisectInputsOfBuild(inputs, results.tree, choice.good, choice.bad, request.target, request.what), deps);
      deps.log.info(`bisecting ${request.regression}: ${plan.commits} commits ${plan.good.sha.slice(0, 12)}..${plan.bad.sha.slice(0, 12)}, about ${plan.estimatedSteps} steps; in ${plan.dir}`);
      const r = await runBisect(plan, { ...deps, noise: inputs.noise, deadline });
      writeBisectReports(r, plan.dir, inputs.emailTo);
      deps.log.info(`${request.regression}: ${outcomeLine(r)}`);
      bisects.push(r);
      records.push(recordOf(request, r, relative(dirname(reports.results), plan.dir)));
    } catch (e) {
      if (!(e instanceof KernelbuilderError)) throw e;
      deps.log.warning(`could not bisect ${request.regression}: ${e.message}`);
      records.push({ ...head(request), result: 'error', reason: e.message });
    }
  }
  const withBisects = { ...results, bisects: records };
  writeReports(withBisects, reportDirs(inputs.logs, logsDir), { emailTo: inputs.emailTo, warn: (m) => deps.log.warning(m) });
  return { results: withBisects, bisects };
}

function head(request: BisectRequest): Pick<BisectRecord, 'regression' | 'target' | 'what'> {
  return { regression: request.regression, target: request.target, what: request.what.kind === 'signature' ? request.what.signature : request.what.kind === 'case' ? `kunit:${request.what.name}` : request.what.kind };
}

/** The build's record of one bisect: what bisect.json says, in short. */
export function recordOf(request: BisectRequest, r: BisectResult, folder: string): BisectRecord {
  const c = r.culprit;
  return {
    ...head(request),
    result: c ? 'found' : 'not found',
    ...(c ? { culprit: { sha: c.sha, subject: c.subject, author: c.author, date: c.date, position: c.position } } : { reason: `${r.reason}${r.detail ? `: ${r.detail}` : ''}` }),
    builds: r.builds,
    durationSeconds: r.durationSeconds,
    folder,
  };
}
