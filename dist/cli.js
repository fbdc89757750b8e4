#!/usr/bin/env node
import { createRequire as __kbRequire } from 'node:module'; import { fileURLToPath as __kbPath } from 'node:url'; import { dirname as __kbDirname } from 'node:path'; const require = __kbRequire(import.meta.url); const __kbFilename = __kbPath(import.meta.url); const __kbDirname2 = __kbDirname(__kbFilename);
import {
  abortOnSignals,
  analyseLogs,
  buildMatrix,
  buildUser,
  checkImageArches,
  checkPlan,
  containerSpec,
  echoFailures,
  gitIn,
  imageInfoFromInspect,
  inspectImage,
  loadProjectFragments,
  logPlan,
  makePlan,
  parseReportInputs,
  parseShards,
  planRefs,
  reportShards,
  runBuild,
  writeReports
} from "./chunks/chunk-BIKYYIYW.js";
import {
  DockerError,
  Input,
  InputError,
  KernelbuilderError,
  RESULTS_FILE,
  connectDocker,
  defaultImageTable,
  defaultNoise,
  failedTargets,
  getInputs,
  parseNoiseFile
} from "./chunks/chunk-6IGSYCQT.js";

// src/cli.ts
import { fileURLToPath } from "node:url";

// src/entry/cli.ts
import { parseArgs } from "node:util";

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
      const info = imageInfoFromInspect(spec.name, await docker.getImage(spec.name).inspect());
      listing = { ...listing, present: true, digest: info.digest, toolchain: info.toolchain, arches: info.arches };
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
    i.role === "base" ? "(a base of other images)" : i.kernels.map((k) => `${k} (${i.toolchains.join("/")})`).join(" | ") || "(by image input only)"
  ]);
  const head = ["image", "here", "toolchain", "arches", "digest", "chosen for kernels"];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  return [head, ...rows].map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd()).join("\n");
}

// src/entry/cli.ts
import { readFileSync } from "node:fs";
import { join as join2, resolve } from "node:path";
var USAGE = `usage:
  kernelbuilder plan  --source DIR --ref REF [options]   print the build plan as JSON; starts nothing
  kernelbuilder build --source DIR --ref REF [options]   build; exit 0 pass, 1 kernel build failed, 2 error
  kernelbuilder report DIR [--noise FILE] [--email-to ADDR]  re-render the reports of <logs>/<tree>/<build id>
  kernelbuilder matrix --source DIR --refs "A B" --shards N [options]   the fan-out matrix as JSON (action mode plan)
  kernelbuilder merge --results DIR --logs DIR             merge shards' results into one report (action mode report)
  kernelbuilder images build [--only NAME]... [--base [FROM=]IMAGE]...   build the images of the table
                          (--base IMAGE replaces debian:bookworm-slim; FROM=IMAGE any declared base)
  kernelbuilder images list                                    the table's images: present here, digest, toolchain

options (the action's inputs): --arches "x86 arm arm64 riscv" --configs "defconfig tinyconfig"
  --logs DIR --tree NAME --image IMAGE --image-table FILE|JSON --tmpfs-size 60g --jobs N
  --noise FILE --email-to ADDR --target-timeout 90m --memory 16g --cpus 8 --logs-limit 2g
  --ccache host|off --ccache-dir DIR --ccache-size 20g --baseline RESULTS --force true`;
async function runCli(argv, paths) {
  const log = terminalLog();
  try {
    const [command, sub] = argv;
    if (command === "plan") return await plan(argv.slice(1), paths);
    if (command === "build") return await build(argv.slice(1), paths, log);
    if (command === "report") return await report(argv.slice(1));
    if (command === "matrix") return await matrix(argv.slice(1), paths, log);
    if (command === "merge") return await merge(argv.slice(1), log);
    if (command === "images" && sub === "build") return await imagesBuild(argv.slice(2), paths, log);
    if (command === "images" && sub === "list") {
      process.stdout.write(`${formatImageList(await listImages(await connectDocker(), defaultImageTable))}
`);
      return 0;
    }
    process.stderr.write(`${USAGE}
`);
    return command === void 0 || command === "--help" || command === "help" ? 0 : 2;
  } catch (e) {
    process.stderr.write(`kernelbuilder: ${e instanceof KernelbuilderError ? e.message : e.stack ?? String(e)}
`);
    return 2;
  }
}
function readOptions(args) {
  const options = Object.fromEntries(Object.values(Input).map((name) => [name, { type: "string" }]));
  let values;
  try {
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new KernelbuilderError(`${e.message}
${USAGE}`);
  }
  return (name) => String(values[name] ?? "");
}
function readInputs(args) {
  const inputs = getInputs(readOptions(args));
  if (inputs.ccache?.actionsCache) throw new InputError(Input.ccache, "actions", "the CLI has no Actions cache service; use --ccache host (with --ccache-dir) or off");
  return inputs;
}
async function matrix(args, paths, log) {
  const read = readOptions(args);
  process.stdout.write(`${JSON.stringify(buildMatrix(await planRefs(read, log, loadProjectFragments(paths.driverDir)), parseShards(read(Input.shards))), null, 2)}
`);
  return 0;
}
async function merge(args, log) {
  const inputs = parseReportInputs(readOptions(args));
  const builds = await reportShards(inputs.results, inputs.logs, inputs);
  for (const { results, reports } of builds) {
    echoFailures(results, log);
    log.info(`${results.tree}/${results.buildId}: ${results.result}; ${reports.results}, ${reports.email}`);
  }
  return builds.every((b) => b.results.result === "pass") ? 0 : 1;
}
async function plan(args, paths) {
  const inputs = readInputs(args);
  const buildPlan = await makePlan(inputs, gitIn(inputs.source), loadProjectFragments(paths.driverDir));
  let checked;
  try {
    const image = await inspectImage(await connectDocker(), buildPlan.image.image);
    checkImageArches(image, [...new Set(buildPlan.targets.map((t) => t.arch))]);
    checked = { image, container: containerSpec(buildPlan, image, paths.driverDir, buildUser(process.getuid(), process.getgid())) };
  } catch (e) {
    if (!(e instanceof KernelbuilderError)) throw e;
    checked = { imageProblem: e.message };
  }
  process.stdout.write(`${JSON.stringify({ plan: buildPlan, ...checked }, null, 2)}
`);
  return 0;
}
async function build(args, paths, log) {
  const inputs = readInputs(args);
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
  log.info(`${results.result}: ${results.targets.length - failed.length}/${results.targets.length} targets passed; results in ${reports.results}, email ${reports.email}`);
  return failed.length === 0 ? 0 : 1;
}
async function report(args) {
  const { values, positionals } = parseArgs({ args, options: { noise: { type: "string" }, "email-to": { type: "string" } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new KernelbuilderError(`report takes one folder, <logs>/<tree>/<build id>
${USAGE}`);
  const logsDir = resolve(positionals[0]);
  let results;
  try {
    results = JSON.parse(readFileSync(join2(logsDir, RESULTS_FILE), "utf8"));
  } catch (e) {
    throw new KernelbuilderError(`${logsDir} holds no readable ${RESULTS_FILE} of a kernelbuilder build: ${e.message}`);
  }
  const noise = values.noise === void 0 ? defaultNoise : parseNoiseFile(readFileSync(values.noise, "utf8"), `--noise ${values.noise}`);
  const analysed = await analyseLogs(results, logsDir, noise);
  const reports = writeReports(analysed, { logsDir, logsRoot: resolve(logsDir, "..", "..") }, { emailTo: values["email-to"] });
  process.stdout.write(readFileSync(reports.summary, "utf8"));
  process.stderr.write(`reports written: ${reports.results} ${reports.summary} ${reports.email}
`);
  return results.result === "pass" ? 0 : 1;
}
async function imagesBuild(args, paths, log) {
  const { values } = parseArgs({ args, options: { only: { type: "string", multiple: true }, base: { type: "string", multiple: true } }, strict: true });
  const outcomes = await buildImages(await connectDocker(), defaultImageTable, paths.imagesDir, log, { only: values.only, base: values.base });
  for (const o of outcomes) log.info(`${o.name}: ${o.outcome} (${o.detail})`);
  return outcomes.some((o) => o.outcome === "failed" || values.only && o.outcome !== "built") ? 1 : 0;
}
function terminalLog() {
  const err = (line) => process.stderr.write(`${line}
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
