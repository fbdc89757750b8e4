import { createRequire as __kbRequire } from 'node:module'; import { fileURLToPath as __kbPath } from 'node:url'; import { dirname as __kbDirname } from 'node:path'; const require = __kbRequire(import.meta.url); const __kbFilename = __kbPath(import.meta.url); const __kbDirname2 = __kbDirname(__kbFilename);
import {
  error,
  getInput,
  info,
  saveState,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunks/chunk-D5ZRSFRA.js";
import {
  abortOnSignals,
  buildMatrix,
  checkPlan,
  echoFailures,
  gitIn,
  isRecipeFailure,
  logPlan,
  parseReportInputs,
  parseShards,
  planRefs,
  reportShards,
  runBuild
} from "./chunks/chunk-JLUZQZ52.js";
import {
  Input,
  KernelbuilderError,
  Output,
  State,
  connectDocker,
  failedTargets,
  getInputs,
  parseMode
} from "./chunks/chunk-LQ4AO3DM.js";

// src/index.ts
import { fileURLToPath } from "node:url";

// src/entry/action.ts
import { readFileSync } from "node:fs";

// src/report/annotations.ts
var ANNOTATIONS_PER_KIND = 10;
function chooseAnnotations(issues, perKind = ANNOTATIONS_PER_KIND) {
  const pick = (severity) => issues.filter((i) => i.severity === severity && !i.noise && !isRecipeFailure(i)).sort((a, b) => Number(b.line !== void 0) - Number(a.line !== void 0) || b.targets.length - a.targets.length || b.count - a.count).slice(0, perKind).map((i) => ({
    severity,
    message: `${i.message}${i.flag ? ` [${i.flag}]` : ""}`,
    title: `${i.kind} ${severity} in ${i.targets.slice(0, 3).join(", ")}${i.targets.length > 3 ? ` and ${i.targets.length - 3} more` : ""}`,
    ...i.file === void 0 ? {} : { file: i.file },
    ...i.line === void 0 ? {} : { startLine: i.line },
    ...i.column === void 0 ? {} : { startColumn: i.column }
  }));
  return [...pick("error"), ...pick("warning")];
}

// src/entry/action-log.ts
import { randomUUID } from "node:crypto";
function actionLog(write = (t) => process.stdout.write(t)) {
  let token;
  return {
    info: (m) => info(m),
    warning: (m) => warning(m),
    beginBuildOutput() {
      token = randomUUID();
      write(`::stop-commands::${token}
`);
    },
    buildOutput: (line) => write(`${line}
`),
    endBuildOutput() {
      if (token) write(`::${token}::
`);
      token = void 0;
    }
  };
}

// src/entry/action.ts
async function runAction(driverDir) {
  const log = actionLog();
  const read = (name) => getInput(name);
  try {
    const mode = parseMode(read(Input.mode));
    if (mode === "plan") await planMode(read, log);
    else if (mode === "report") await reportMode(read, log);
    else await buildMode(read, log, driverDir);
  } catch (e) {
    setFailed(e instanceof KernelbuilderError ? e.message : e.stack ?? String(e));
  }
}
async function buildMode(read, log, driverDir) {
  const inputs = getInputs(read);
  const docker = await connectDocker();
  const deps = { git: gitIn(inputs.source), docker, log, driverDir, uid: process.getuid(), gid: process.getgid(), signal: abortOnSignals() };
  const checked = await checkPlan(inputs, deps);
  logPlan(checked, log);
  saveState(State.logsDir, checked.plan.logsDir);
  const { results, reports, skipped } = await runBuild(checked, inputs, deps);
  setOutput(Output.sha, results.sha);
  setOutput(Output.buildId, results.buildId);
  setOutput(Output.kernelVersion, results.kernelVersion);
  setOutput(Output.image, results.image.name);
  setOutput(Output.skipped, String(skipped));
  await publish([{ results, reports }], log);
}
async function planMode(read, log) {
  const plans = await planRefs(read, log);
  const matrix = buildMatrix(plans, parseShards(read(Input.shards)));
  setOutput(Output.matrix, JSON.stringify(matrix));
  const rows = matrix.include.map((j) => `| ${j.ref} | ${j["build-id"]} | ${j.shard} | ${j.targets.split(" ").length} | ${Math.round(j.cost / 60)} min |`);
  if (process.env.GITHUB_STEP_SUMMARY) {
    await summary.addRaw(["## kernelbuilder plan", "", "| ref | build id | shard | targets | estimate |", "| --- | --- | --- | ---: | ---: |", ...rows, ""].join("\n")).write();
  }
  log.info(`matrix: ${matrix.include.length} jobs for ${plans.length} refs`);
}
async function reportMode(read, log) {
  const inputs = parseReportInputs(read);
  await publish(await reportShards(inputs.results, inputs.logs, inputs), log);
}
async function publish(builds, log) {
  const failed = builds.flatMap(({ results }) => failedTargets(results).map((t) => builds.length > 1 ? `${results.buildId}:${t}` : t));
  const total = builds.reduce((n, b) => n + b.results.targets.length, 0);
  setOutput(Output.result, failed.length === 0 ? "pass" : "fail");
  setOutput(Output.failedTargets, failed.join(" "));
  setOutput(Output.resultsJson, builds.map((b) => b.reports.results).join("\n"));
  setOutput(Output.summary, builds.map((b) => b.reports.summary).join("\n"));
  setOutput(Output.email, builds.map((b) => b.reports.email).join("\n"));
  for (const { results, reports } of builds) {
    echoFailures(results, log);
    for (const a of chooseAnnotations(results.issues ?? [])) {
      const place = { title: a.title, file: a.file, startLine: a.startLine, startColumn: a.startColumn };
      if (a.severity === "error") error(a.message, place);
      else warning(a.message, place);
    }
    if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(readFileSync(reports.summary, "utf8")).write();
  }
  if (failed.length > 0) setFailed(`${failed.length} of ${total} targets failed: ${failed.join(" ")}`);
}

// src/index.ts
await runAction(fileURLToPath(new URL("./driver/", import.meta.url)));
