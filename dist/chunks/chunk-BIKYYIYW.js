import { createRequire as __kbRequire } from 'node:module'; import { fileURLToPath as __kbPath } from 'node:url'; import { dirname as __kbDirname } from 'node:path'; const require = __kbRequire(import.meta.url); const __kbFilename = __kbPath(import.meta.url); const __kbDirname2 = __kbDirname(__kbFilename);
import {
  CCACHE_STATS,
  CONTAINER_LABEL,
  DRIVER_LOG,
  DRIVER_MOUNT,
  DockerError,
  Input,
  InputError,
  KernelbuilderError,
  OWNER_LABEL,
  RESULTS_FILE,
  SUMMARY_FILE,
  SourceError,
  TOOLCHAINS_FILE,
  __toESM,
  chownTree,
  collectResults,
  dockerEndpoint,
  getInputs,
  isNoise,
  isPattern,
  planTargets,
  prepareLogsDir,
  readEmailTo,
  readLogs,
  readNoise,
  removeLeftovers,
  removeUnsafeEntries,
  require_semver,
  splitList,
  targetName,
  targetPaths,
  unmetOptions
} from "./chunk-6IGSYCQT.js";

// src/ref/git.ts
import { execFile } from "node:child_process";
function gitIn(dir) {
  const env = { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
  return {
    run: (args) => new Promise((resolve2, reject) => {
      execFile("git", ["-C", dir, ...args], { env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
        if (err) reject(new Error(`git ${args.join(" ")}: ${stderr.trim() || err.message}`));
        else resolve2(stdout);
      });
    })
  };
}
async function tryGit(git, args) {
  try {
    return await git.run(args);
  } catch {
    return void 0;
  }
}

// src/plan/project-fragments.ts
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
function loadProjectFragments(driverDir) {
  const root = join(driverDir, "configs");
  const out = {};
  for (const arch of readdirSync(root)) {
    out[arch] = {};
    for (const name of readdirSync(join(root, arch)).filter((n) => n.endsWith(".config"))) {
      out[arch][name] = readFileSync(join(root, arch, name), "utf8");
    }
  }
  return out;
}
function withProjectFragments(tree, ours, names2) {
  const out = {};
  for (const [arch, files] of Object.entries(tree)) {
    out[arch] = { ...files };
    for (const name of names2) if (out[arch][name] === void 0 && ours[arch]?.[name] !== void 0) out[arch][name] = ours[arch][name];
  }
  return out;
}

// src/plan/plan.ts
import { basename, join as join3 } from "node:path";

// src/ref/resolve.ts
async function resolveRef(git, ref) {
  const found = await findRef(git, ref);
  if (!found) {
    throw new SourceError(
      `ref ${JSON.stringify(ref)} is not in the source repository: it is no remote-tracking branch, remote, tag, branch or commit there (fetch it first; list refs with 'git for-each-ref')`
    );
  }
  const { kind, remote, sha } = found;
  const nextTree = remote === "next" || ref.startsWith("next-");
  const described = await tryGit(git, ["describe", "--match", nextTree ? "next-*" : "v*", sha]);
  return { ref, kind, remote, sha, buildId: described?.trim() || sha };
}
async function findRef(git, ref) {
  const candidates = [];
  if (ref.includes("/")) candidates.push({ kind: "remote-branch", name: `refs/remotes/${ref}`, remote: ref.split("/")[0] });
  else candidates.push({ kind: "remote-head", name: `refs/remotes/${ref}/HEAD`, remote: ref });
  candidates.push({ kind: "tag", name: `refs/tags/${ref}` }, { kind: "branch", name: `refs/heads/${ref}` });
  if (/^[0-9a-f]{4,40}$/.test(ref)) candidates.push({ kind: "sha", name: ref });
  for (const c of candidates) {
    const sha = await commitOf(git, c.name);
    if (sha) return { kind: c.kind, remote: c.remote, sha };
  }
  return void 0;
}
async function commitOf(git, name) {
  const out = await tryGit(git, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${name}^{commit}`]);
  return out?.trim() || void 0;
}

// src/ref/kernel-version.ts
var import_semver = __toESM(require_semver(), 1);
var MAKEFILE_FIELD = /^(VERSION|PATCHLEVEL|SUBLEVEL|EXTRAVERSION)\s*=[ \t]*(.*?)\s*$/;
function kernelVersionFromMakefile(makefile, localversionNext) {
  const fields = /* @__PURE__ */ new Map();
  for (const line of makefile.split("\n", 40)) {
    const m = MAKEFILE_FIELD.exec(line);
    if (m && !fields.has(m[1])) fields.set(m[1], m[2]);
  }
  const major = toNumber(fields.get("VERSION"));
  const minor = toNumber(fields.get("PATCHLEVEL"));
  if (major === void 0 || minor === void 0) return void 0;
  const sublevel = toNumber(fields.get("SUBLEVEL")) ?? 0;
  const extra = fields.get("EXTRAVERSION") ?? "";
  const rc = /^-rc(\d+)$/.exec(extra)?.[1];
  const next = /-next-(\d{8})/.exec(localversionNext ?? "")?.[1];
  const text = `${major}.${minor}.${sublevel}${extra}${next ? `-next-${next}` : ""}`;
  return { major, minor, sublevel, rc: rc === void 0 ? void 0 : Number(rc), extra, next, text };
}
function releaseOf(v) {
  return `${v.major}.${v.minor}.${v.sublevel}`;
}
function toNumber(s) {
  return s !== void 0 && /^\d+$/.test(s) ? Number(s) : void 0;
}

// src/ref/tree.ts
async function readTree(git, sha, arches, fragmentNames = []) {
  const makefile = await tryGit(git, ["cat-file", "blob", `${sha}:Makefile`]);
  const localversionNext = await tryGit(git, ["cat-file", "blob", `${sha}:localversion-next`]);
  const version = makefile === void 0 ? void 0 : kernelVersionFromMakefile(makefile, localversionNext);
  if (!version) {
    throw new SourceError(`commit ${sha} is not a kernel tree: its top-level Makefile has no VERSION and PATCHLEVEL`);
  }
  const treeArches = names(await git.run(["ls-tree", "--name-only", `${sha}:arch`]));
  const configs = {};
  const fragments = {};
  for (const arch of arches.filter((a) => treeArches.includes(a))) {
    configs[arch] = names(await tryGit(git, ["ls-tree", "--name-only", `${sha}:arch/${arch}/configs`]) ?? "");
    fragments[arch] = {};
    for (const name of fragmentNames) {
      const text = await tryGit(git, ["cat-file", "blob", `${sha}:arch/${arch}/configs/${name}`]) ?? await tryGit(git, ["cat-file", "blob", `${sha}:kernel/configs/${name}`]);
      if (text !== void 0) fragments[arch][name] = text;
    }
  }
  const log = await git.run(["log", "-3", "--format=%H%x1f%an%x1f%cI%x1f%s", sha]);
  const commits = names(log).map((line) => {
    const [commitSha, author, date, subject] = line.split("");
    return { sha: commitSha, author, date, subject };
  });
  return { version, arches: treeArches, commits, configs, fragments };
}
function names(out) {
  return out.split("\n").filter((l) => l.length > 0);
}

// src/images/select.ts
var import_semver2 = __toESM(require_semver(), 1);
function selectImage(table, version, forced, toolchain = "gcc") {
  if (forced) return { image: forced, reason: `image ${forced} was given as input` };
  const release = releaseOf(version);
  for (const rule of table.select.filter((r) => r.toolchain === toolchain)) {
    if (import_semver2.default.satisfies(release, rule.kernels)) {
      const why = rule.why ? `: ${rule.why}` : "";
      return {
        image: rule.image,
        reason: `kernel ${version.text} (release ${release}) matches '${rule.kernels}' for ${toolchain} in the image table${why}`
      };
    }
  }
  throw new SourceError(
    `no ${toolchain} rule of the image table matches kernel ${version.text} (release ${release}); the table has ${[...new Set(table.select.map((r) => r.toolchain))].join(", ")} rules; add a rule with "kernels": "*" as the last one`
  );
}

// src/plan/estimate.ts
function staticEstimate(t) {
  const base = (t.base ?? t.config).toLowerCase();
  if (base === "allmodconfig" || base === "allyesconfig") return 7200;
  if (base === "tinyconfig") return 160;
  if (base === "allnoconfig") return 200;
  if (base.includes("nommu") || base.includes("tiny")) return 400;
  return 1800;
}
function estimateTargets(targets, previous = /* @__PURE__ */ new Map()) {
  return new Map(targets.map((t) => [targetName(t), previous.get(targetName(t)) ?? staticEstimate(t)]));
}
function longestFirst(targets, estimates) {
  return [...targets].sort((a, b) => (estimates.get(targetName(b)) ?? 0) - (estimates.get(targetName(a)) ?? 0));
}
function shardTargets(targets, estimates, count) {
  const shards = Array.from({ length: count }, () => ({ cost: 0, targets: [] }));
  for (const t of longestFirst(targets, estimates)) {
    const lightest = shards.reduce((min, s) => s.cost < min.cost ? s : min);
    lightest.targets.push(t);
    lightest.cost += estimates.get(targetName(t)) ?? 0;
  }
  return shards.map((s) => s.targets);
}

// src/results/previous.ts
import { readFileSync as readFileSync2, readdirSync as readdirSync2 } from "node:fs";
import { join as join2 } from "node:path";
function readResults(path) {
  try {
    const data = JSON.parse(readFileSync2(path, "utf8"));
    return data.schema === 1 && Array.isArray(data.targets) ? data : void 0;
  } catch {
    return void 0;
  }
}
function alreadyBuilt(previous, plan, image) {
  if (!previous?.complete || previous.sha !== plan.ref.sha || previous.image.id !== image.id) return false;
  const want = plan.targets.map(targetName).sort();
  const have = previous.targets.map((t) => t.target).sort();
  return want.length === have.length && want.every((t, i) => t === have[i]);
}
function findBaseline(treeDir, current) {
  let best;
  let entries;
  try {
    entries = readdirSync2(treeDir);
  } catch {
    return void 0;
  }
  for (const entry of entries) {
    const path = join2(treeDir, entry, RESULTS_FILE);
    const r = readResults(path);
    if (!r?.complete || r.ref !== current.ref || r.sha === current.sha || r.startedAt >= current.startedAt) continue;
    if (!best || r.startedAt > best.results.startedAt) best = { results: r, path };
  }
  return best;
}
function previousDurations(treeDir) {
  let newest;
  let entries;
  try {
    entries = readdirSync2(treeDir);
  } catch {
    return /* @__PURE__ */ new Map();
  }
  for (const entry of entries) {
    const r = readResults(join2(treeDir, entry, RESULTS_FILE));
    if (r?.complete && (!newest || r.startedAt > newest.startedAt)) newest = r;
  }
  return new Map((newest?.targets ?? []).filter((t) => t.durationSeconds !== void 0).map((t) => [t.target, t.durationSeconds]));
}

// src/plan/plan.ts
async function makePlan(inputs, git, projectFragments) {
  if (await tryGit(git, ["rev-parse", "--git-dir"]) === void 0) {
    throw new InputError(Input.source, inputs.source, "it must be a kernel git repository (a folder where git rev-parse works)");
  }
  const ref = await resolveRef(git, inputs.ref);
  const fragmentNames = inputs.configs.filter((c) => !isPattern(c)).flatMap((c) => c.split("+").slice(1).filter((f) => f.endsWith(".config")));
  const treeFacts = await readTree(git, ref.sha, inputs.arches, [...new Set(fragmentNames)]);
  const tree = { ...treeFacts, fragments: withProjectFragments(treeFacts.fragments, projectFragments, fragmentNames) };
  const image = selectImage(inputs.imageTable, tree.version, inputs.image, inputs.toolchain);
  const { targets: planned, dropped } = planTargets(inputs.arches, inputs.configs, tree);
  const treeName = inputs.tree ?? ref.remote ?? basename(inputs.source);
  const estimates = estimateTargets(planned, previousDurations(join3(inputs.logs, pathSafe(treeName))));
  const targets = selectShard(planned, inputs);
  const remoteUrl = ref.remote === void 0 ? void 0 : (await tryGit(git, ["remote", "get-url", "--", ref.remote]))?.trim();
  return {
    source: inputs.source,
    tree: treeName,
    ref,
    ...remoteUrl ? { remoteUrl } : {},
    version: tree.version,
    commits: tree.commits,
    image,
    targets,
    allTargets: planned.map(targetName),
    estimates: Object.fromEntries(estimates),
    ...inputs.shard ? { shard: inputs.shard } : {},
    dropped,
    logsDir: join3(inputs.logs, pathSafe(treeName), pathSafe(ref.buildId)),
    jobs: inputs.jobs,
    tmpfsSize: inputs.tmpfsSize,
    limits: {
      ...inputs.targetTimeout ? { targetTimeout: inputs.targetTimeout } : {},
      ...inputs.memory ? { memory: inputs.memory } : {},
      ...inputs.cpus ? { cpus: inputs.cpus } : {},
      logs: inputs.logsLimit
    },
    ...inputs.ccache ? { ccache: inputs.ccache } : {},
    keep: inputs.keep,
    ...inputs.boot ? { boot: { ...inputs.boot, targets: bootTargets(inputs.boot, planned, targets) } } : {}
  };
}
function bootTargets(boot, planned, mine) {
  const names2 = mine.map(targetName);
  if (boot.targets === "all") return names2;
  const known = new Set(planned.map(targetName));
  const unknown = boot.targets.filter((t) => !known.has(t));
  if (unknown.length > 0) throw new InputError(Input.boot, unknown.join(" "), `each target to boot must be one of the plan's: ${[...known].join(" ")}`);
  return names2.filter((n) => boot.targets.includes(n));
}
function selectShard(planned, inputs) {
  let chosen = planned;
  if (inputs.targets) {
    const names2 = new Set(planned.map(targetName));
    const unknown = inputs.targets.filter((t) => !names2.has(t));
    if (unknown.length > 0) throw new InputError(Input.targets, unknown.join(" "), `each target must be one of the plan's: ${[...names2].join(" ")}`);
    chosen = planned.filter((t) => inputs.targets.includes(targetName(t)));
  } else if (inputs.shard) {
    const mine = new Set(shardTargets(chosen, estimateTargets(chosen), inputs.shard.count)[inputs.shard.index - 1].map(targetName));
    chosen = chosen.filter((t) => mine.has(targetName(t)));
    if (chosen.length === 0) throw new InputError(Input.shard, `${inputs.shard.index}/${inputs.shard.count}`, `the plan has ${planned.length} targets: fewer shards are needed`);
  }
  return chosen;
}
function pathSafe(name) {
  const safe = name.replace(/[^A-Za-z0-9._+-]/g, "_").replace(/^\.+/, "_");
  return safe.length > 0 ? safe : "_";
}

// src/images/inspect.ts
var ImageLabel = {
  toolchain: "org.kernelbuilder.toolchain",
  toolchainVersion: "org.kernelbuilder.toolchain-version",
  arches: "org.kernelbuilder.arches",
  crossPrefix: "org.kernelbuilder.cross.",
  makeVars: "org.kernelbuilder.make-vars",
  /** Set only on images whose userland is not the host's own, e.g. x32. */
  userland: "org.kernelbuilder.userland"
};
var MAKE_VAR = /^[A-Z_][A-Z0-9_]*=[A-Za-z0-9._\/+-]*$/;
function imageInfoFromInspect(name, inspect) {
  const labels = inspect.Config?.Labels ?? {};
  const arches = (labels[ImageLabel.arches] ?? "").split(/\s+/).filter(Boolean);
  const cross = {};
  for (const arch of arches) cross[arch] = labels[`${ImageLabel.crossPrefix}${arch}`] ?? "";
  const version = labels[ImageLabel.toolchainVersion];
  return {
    name,
    id: inspect.Id,
    digest: inspect.RepoDigests?.[0] ?? inspect.Id,
    toolchain: `${labels[ImageLabel.toolchain] ?? "unknown"}${version ? ` ${version}` : ""}`,
    arches,
    cross,
    makeVars: (labels[ImageLabel.makeVars] ?? "").split(/\s+/).filter(Boolean),
    ...labels[ImageLabel.userland] ? { userland: labels[ImageLabel.userland] } : {}
  };
}
async function inspectImage(docker, name) {
  let inspect;
  try {
    inspect = await docker.getImage(name).inspect();
  } catch (e) {
    if (e.statusCode !== 404) throw new DockerError(`could not inspect image ${name}: ${e.message}`);
  }
  if (!inspect || !isNamed(inspect, name)) {
    throw new DockerError(
      `image ${name} is not present on this Docker engine; build it with 'kernelbuilder images build --only ${name}' (or load it with 'docker load')`
    );
  }
  const info = imageInfoFromInspect(name, inspect);
  const badVar = info.makeVars.find((v) => !MAKE_VAR.test(v));
  if (badVar !== void 0) {
    throw new DockerError(`image ${name} asks for make variable ${JSON.stringify(badVar)} (label ${ImageLabel.makeVars}): only NAME=value with plain characters is allowed`);
  }
  if (info.arches.length === 0) {
    throw new DockerError(`image ${name} declares no arches: it lacks the label ${ImageLabel.arches} that kernelbuilder images carry`);
  }
  return info;
}
function isNamed(inspect, name) {
  const tagged = name.includes(":") && !name.includes("@") ? name : `${name}:latest`;
  return inspect.Id === name || (inspect.RepoTags ?? []).includes(tagged) || (inspect.RepoDigests ?? []).includes(name);
}
function checkImageArches(info, arches) {
  const missing = arches.filter((a) => !info.arches.includes(a));
  if (missing.length > 0) {
    throw new DockerError(
      `image ${info.name} cannot build ${missing.join(", ")}: it declares arches ${info.arches.join(" ")} (label ${ImageLabel.arches}); drop those arches or choose another image`
    );
  }
}

// src/container/spec.ts
import { join as join4 } from "node:path";
var FALLBACK_BUILD_USER = "1001:1001";
var PIDS_LIMIT = 8192;
function ccacheDirFor(root, image) {
  return join4(root, image.id.replace(/^sha256:/, "").slice(0, 16));
}
function driverTarget(t) {
  const fragments = (t.fragments ?? []).map((f) => f.kind === "file" ? f.name : `${f.option}=${f.value}`);
  return [t.arch, t.config, t.base ?? t.config, ...fragments].join("|");
}
function ccacheSize(size) {
  const m = /^(\d+)([kmg]?)$/.exec(size);
  if (!m || m[2] === "") return size;
  return `${m[1]}${m[2].toUpperCase()}i`;
}
function buildUser(uid, gid) {
  return uid === 0 ? FALLBACK_BUILD_USER : `${uid}:${gid}`;
}
function containerSpec(plan, image, driverDir, user, ownerPid = process.pid) {
  const arches = [...new Set(plan.targets.map((t) => t.arch))];
  const env = [
    `ARCH=${arches.join(" ")}`,
    "HOME=/build/home",
    "LC_ALL=C.UTF-8",
    `KB_MAKE_VARS=${image.makeVars.join(" ")}`,
    ...plan.limits.targetTimeout ? [`KB_TARGET_TIMEOUT=${plan.limits.targetTimeout}`] : [],
    // Fixed from the commit, so that two builds of one sha compile the same bytes (and hit ccache).
    `KBUILD_BUILD_TIMESTAMP=${plan.commits[0]?.date ?? ""}`,
    "KBUILD_BUILD_USER=kernelbuilder",
    "KBUILD_BUILD_HOST=kernelbuilder",
    // Depend mode: a miss takes the dependencies from the compiler's own -MMD output
    // (kbuild's -Wp,-MMD) instead of running the preprocessor a second time.
    ...plan.ccache ? ["KB_CCACHE=1", "CCACHE_DIR=/ccache", `CCACHE_MAXSIZE=${ccacheSize(plan.ccache.maxSize)}`, "CCACHE_DEPEND=1"] : [],
    ...arches.map((a) => `KB_CROSS_${a}=${image.cross[a] ?? ""}`),
    `KB_KEEP=${plan.keep.join(",")}`,
    ...plan.boot ? [`KB_BOOT_TARGETS=${plan.boot.targets.join(" ")}`] : []
  ];
  return {
    Image: image.id,
    Entrypoint: ["/bin/bash"],
    Cmd: [`${DRIVER_MOUNT}/driver.sh`, plan.ref.sha, String(plan.jobs), ...longestFirst(plan.targets, new Map(Object.entries(plan.estimates))).map(driverTarget)],
    Env: env,
    User: user,
    Labels: { [CONTAINER_LABEL]: `${plan.tree}/${plan.ref.buildId}`, [OWNER_LABEL]: String(ownerPid) },
    Tty: false,
    OpenStdin: false,
    AttachStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: "none",
      Mounts: [
        { Type: "bind", Source: plan.source, Target: "/src", ReadOnly: true },
        { Type: "bind", Source: plan.logsDir, Target: "/logs", ReadOnly: false },
        { Type: "bind", Source: driverDir, Target: DRIVER_MOUNT, ReadOnly: true },
        ...plan.ccache ? [{ Type: "bind", Source: ccacheDirFor(plan.ccache.dir, image), Target: "/ccache", ReadOnly: false }] : []
      ],
      Tmpfs: {
        "/build": `size=${plan.tmpfsSize},exec,mode=1777`,
        "/tmp": "size=1g,exec,mode=1777"
      },
      ReadonlyRootfs: true,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      PidsLimit: PIDS_LIMIT,
      Init: true,
      // Swap as large as memory would let a build thrash instead of failing: no swap.
      ...plan.limits.memory ? { Memory: plan.limits.memory, MemorySwap: plan.limits.memory } : {},
      ...plan.limits.cpus ? { NanoCpus: Math.round(plan.limits.cpus * 1e9) } : {}
    }
  };
}

// src/diagnostics/analyse.ts
import { join as join5 } from "node:path";

// src/diagnostics/aggregate.ts
var IssueCollector = class {
  bySignature = /* @__PURE__ */ new Map();
  add(d, noise) {
    const known = this.bySignature.get(d.signature);
    if (known) {
      known.count++;
      if (d.target !== void 0 && !known.targets.includes(d.target)) known.targets.push(d.target);
      return;
    }
    const { target, ...first } = d;
    this.bySignature.set(d.signature, { ...first, count: 1, targets: target === void 0 ? [] : [target], noise });
  }
  /** Errors first, then by count, then by place: the order reports show them in. */
  issues() {
    const rank = { error: 0, warning: 1, note: 2 };
    return [...this.bySignature.values()].sort(
      (a, b) => rank[a.severity] - rank[b.severity] || b.count - a.count || (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message)
    );
  }
};

// src/diagnostics/scan-log.ts
import { createReadStream } from "node:fs";

// src/parse/lines.ts
var MAX_LINE_LENGTH = 64 * 1024;
var DECODE_SLICE = 32 * 1024;
function wholeCharacters(bytes) {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const b = bytes[i];
    if (b < 128) return n;
    if (b >= 192) return n - i >= (b >= 240 ? 4 : b >= 224 ? 3 : 2) ? n : i;
  }
  return n;
}
var LineSplitter = class {
  constructor(maxLineLength = MAX_LINE_LENGTH) {
    this.maxLineLength = maxLineLength;
  }
  maxLineLength;
  /** The first bytes of a character that the last chunk cut. */
  cutCharacter;
  carry = "";
  /** True while the rest of an over-long line, already handed on cut, is being skipped. */
  skipping = false;
  /**
   * Calls `onLine` for each line this chunk completes. The way to stream: no array of the
   * chunk's lines is built (for 1 MiB chunks, building them cost more than the splitting).
   */
  feed(chunk, onLine) {
    if (typeof chunk === "string") {
      this.split(chunk, onLine);
      return;
    }
    for (let at = 0; at < chunk.length; at += DECODE_SLICE) {
      this.split(this.decode(Buffer.from(chunk.buffer, chunk.byteOffset + at, Math.min(DECODE_SLICE, chunk.length - at))), onLine);
    }
  }
  /** The lines completed by this chunk. */
  push(chunk) {
    const lines = [];
    this.feed(chunk, (line) => lines.push(line));
    return lines;
  }
  /** The last line when the stream did not end with a newline. */
  end() {
    const rest = this.carry + (this.cutCharacter?.toString("utf8") ?? "");
    this.carry = "";
    this.cutCharacter = void 0;
    const lines = [];
    if (!this.skipping && rest !== "") this.emit(rest, (line) => lines.push(line));
    this.skipping = false;
    return lines;
  }
  // Buffer.toString rather than a StringDecoder, which cost 2 to 10 times more per byte.
  decode(slice) {
    let bytes = slice;
    if (this.cutCharacter !== void 0) {
      bytes = Buffer.concat([this.cutCharacter, slice]);
      this.cutCharacter = void 0;
    }
    const whole = wholeCharacters(bytes);
    if (whole < bytes.length) this.cutCharacter = Buffer.from(bytes.subarray(whole));
    return bytes.toString("utf8", 0, whole);
  }
  split(text, onLine) {
    let start = 0;
    let nl = text.indexOf("\n");
    while (nl !== -1) {
      if (this.skipping) {
        this.skipping = false;
      } else if (this.carry === "") {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        onLine(text.slice(start, end - start > this.maxLineLength ? start + this.maxLineLength : end));
      } else {
        this.emit(this.carry + text.slice(start, nl), onLine);
        this.carry = "";
      }
      start = nl + 1;
      nl = text.indexOf("\n", start);
    }
    if (!this.skipping && start < text.length) {
      this.carry += text.slice(start);
      if (this.carry.length > this.maxLineLength) {
        onLine(this.carry.slice(0, this.maxLineLength));
        this.carry = "";
        this.skipping = true;
      }
    }
  }
  emit(line, onLine) {
    let end = line.charCodeAt(line.length - 1) === 13 ? line.length - 1 : line.length;
    if (end > this.maxLineLength) end = this.maxLineLength;
    onLine(end === line.length ? line : line.slice(0, end));
  }
};

// src/parse/classify.ts
var ECHO = { type: "echo" };
var COMPILER = /^([^:\s][^:]*):(\d+):(?:(\d+):)? (fatal error|error|warning|note): (.*)$/;
var GAS = /^([^:\s][^:]*):(\d+): (Error|Warning): (.*)$/;
var KCONFIG_AT = /^([^:\s][^:]*):(\d+):(warning|error): ?(.*)$/;
var KCONFIG_FILE = /^((?:[^:\s]*\/)?Kconfig[^:\s/]*):(\d+): (.*)$/;
var DTC_AT = /^([^:\s][^:]*):(\d+)\.(\d+)-(?:\d+\.)?\d+: (Warning|ERROR|Error) \(([\w-]+)\): (.*)$/;
var DTC_FILE = /^([^:\s][^:]*): (Warning|ERROR|Error) \(([\w-]+)\): (.*)$/;
var DTC_SYNTAX = /^Error: ([^:\s][^:]*):(\d+)\.(\d+)(?:-[\d.]+)? (.*)$/;
var MAKE = /^(?:\S*\/)?g?make(?:\[\d+\])?: (.*)$/;
var MAKE_RECIPE = /^\[(?:[^\]]*?:\d+: )?([^\]]+)\] Error \d+/;
var MAKEFILE_FATAL = /^([^:\s][^:]*):(\d+): \*\*\* (.*)$/;
var SHELL = /^(?:\S*\/)?(?:ba|da)?sh: (?:line )?\d+: (.*)$/;
var MODPOST = /^(WARNING|ERROR|FATAL): (modpost: )?(.*)$/;
var DRIVER = /^(?:[\w.+-]*-)?(gcc|cc1|cc1plus|cpp|clang|cc|g\+\+|as)(?:-[\d.]+)?: (fatal error|error|warning|note): (.*)$/;
var FILE_LEVEL = /^([^:\s][^:]*): (fatal error|error|warning): (.*)$/;
var LD_LOCATION = /^([^\s:()]+)(?::(\d+))?(?::?\([^)]*\))?: (.+)$/;
var INCLUDE_FROM = /^\s+from \S+:\d+(?::\d+)?[,:]$/;
var FUNCTION_OF_FILE = /^([^:\s][^:]*): (?:In (?:static |member |static member )?function|In constructor|In destructor|At top level|At global scope)\b.*:$/;
var LINKER_NAME = /^(?:\S*[/-])?ld(?:\.(?:bfd|gold|lld))?$/;
var SYSCALL = /^(?:#warning )?syscall \S+ not implemented\b/;
function splitFlag(message) {
  if (message.charCodeAt(message.length - 1) !== 93) return { message };
  const open = message.lastIndexOf(" [-W");
  if (open === -1) return { message };
  let flag = message.slice(open + 2, -1);
  if (flag.startsWith("-Werror=")) flag = `-W${flag.slice(8)}`;
  else if (flag.startsWith("-Werror,")) flag = flag.slice(8);
  return { message: message.slice(0, open), flag };
}
function baseName(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function isKconfigFile(path) {
  const name = baseName(path);
  return name.startsWith("Kconfig") || name === ".config" || name.endsWith("defconfig") || name.endsWith(".config");
}
function isMakefile(path) {
  const name = baseName(path);
  return name.startsWith("Makefile") || name.startsWith("Kbuild") || name.endsWith(".mk");
}
function severityOf(word) {
  const w = word.toLowerCase();
  return w === "warning" ? "warning" : w === "note" ? "note" : "error";
}
function isKbuildEcho(line) {
  if (line.charCodeAt(0) !== 32 || line.charCodeAt(1) !== 32) return false;
  let c = line.charCodeAt(2);
  if (c < 65 || c > 90) return false;
  let i = 3;
  for (c = line.charCodeAt(i); c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 95; c = line.charCodeAt(++i)) ;
  return line.charCodeAt(i) === 32;
}
function compilerDiagnostic(m) {
  const file = m[1];
  const { message, flag } = splitFlag(m[5]);
  let kind = "compiler";
  if (SYSCALL.test(message)) kind = "syscall";
  else if (flag === "-Wcpp" || flag === "-W#warnings" || message.startsWith("#warning") || message.startsWith("#error")) kind = "directive";
  else if (isKconfigFile(file)) kind = "kconfig";
  else if (isMakefile(file)) kind = "make";
  const d = { type: "diagnostic", kind, severity: severityOf(m[4]), file, line: Number(m[2]), message };
  if (m[3] !== void 0) d.column = Number(m[3]);
  if (flag !== void 0) d.flag = flag;
  return d;
}
function linkerDiagnostic(text) {
  let severity = "error";
  let rest = text;
  if (rest.startsWith("warning: ")) {
    severity = "warning";
    rest = rest.slice(9);
  } else if (rest.startsWith("error: ")) {
    rest = rest.slice(7);
  }
  const m = LD_LOCATION.exec(rest);
  if (m === null || !/[./]|^vmlinux$/.test(m[1])) return { type: "diagnostic", kind: "linker", severity, message: rest };
  const d = { type: "diagnostic", kind: "linker", severity, file: m[1], message: m[3] };
  if (m[2] !== void 0) d.line = Number(m[2]);
  return d;
}
function moduleOf(text) {
  const close = text.indexOf(".ko]");
  if (close !== -1) {
    const name = text.slice(text.lastIndexOf("[", close) + 1, close + 3);
    if (name !== "" && !/\s/.test(name)) return name;
  }
  const m = / in (\S+\.(?:o|ko))$/.exec(text);
  return m === null ? void 0 : m[1];
}
function modpostDiagnostic(m) {
  const severity = m[1] === "WARNING" ? "warning" : "error";
  const text = m[3];
  if (text.includes("unmet direct dependencies")) return { type: "diagnostic", kind: "kconfig", severity, message: text };
  if (text.startsWith("Kernel configuration is invalid")) return { type: "diagnostic", kind: "kconfig", severity, message: text };
  if (text.startsWith("Input tree has errors")) return { type: "diagnostic", kind: "dtc", severity, message: text };
  const mismatch = /ection mismatch in reference/.test(text);
  if (m[2] === void 0 && !mismatch) return null;
  const kind = mismatch ? "section-mismatch" : "modpost";
  const at = /^([^\s:()]+\.(?:o|ko)|vmlinux)(?:\([^)]*\))?: (.*)$/.exec(text);
  if (at !== null) return { type: "diagnostic", kind, severity, file: at[1], message: at[2] };
  const d = { type: "diagnostic", kind, severity, message: text };
  const module = moduleOf(text);
  if (module !== void 0) d.file = module;
  return d;
}
function makeDiagnostic(text) {
  if (text.startsWith("warning: ")) return { type: "diagnostic", kind: "make", severity: "warning", message: text.slice(9) };
  if (!text.startsWith("*** ")) return null;
  const rest = text.slice(4);
  if (rest.startsWith("Waiting for unfinished jobs") || rest.startsWith("Deleting file")) return null;
  const recipe = MAKE_RECIPE.exec(rest);
  if (recipe !== null && /[^/.]\.\w+$/.test(recipe[1])) return { type: "diagnostic", kind: "make", severity: "error", file: recipe[1], message: rest };
  return { type: "diagnostic", kind: "make", severity: "error", message: rest };
}
function contextLine(scope, text, opens, subject) {
  return subject === void 0 ? { type: "context", scope, opens, text } : { type: "context", scope, opens, subject, text };
}
function classifyLine(line) {
  const first = line.charCodeAt(0);
  if (first === 32 || first === 9) {
    if (isKbuildEcho(line)) return ECHO;
    if (line.indexOf(":") === -1) return null;
    if (INCLUDE_FROM.test(line)) return contextLine("compiler", line.trim(), false);
    if (/^\s+inlined from /.test(line)) return contextLine("compiler", line.trim(), false);
    return null;
  }
  if (first === 73 && /^In (?:static |member |static member )?function /.test(line)) return contextLine("compiler", line, false);
  const colon = line.indexOf(":");
  if (colon <= 0) return null;
  if (line.startsWith("In file included from ")) return contextLine("compiler", line, true);
  let m;
  const head = line.slice(0, colon);
  if (first === 109 || head.endsWith("make") || head.endsWith("]")) {
    if ((m = MAKE.exec(line)) !== null) return makeDiagnostic(m[1]);
  }
  if (first === 87 || first === 69 || first === 70) {
    if ((m = MODPOST.exec(line)) !== null) return modpostDiagnostic(m);
    if ((m = DTC_SYNTAX.exec(line)) !== null) {
      return { type: "diagnostic", kind: "dtc", severity: "error", file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4] };
    }
    if (line.startsWith("FATAL ERROR: ")) return { type: "diagnostic", kind: "dtc", severity: "error", message: line.slice(13) };
  }
  if (head.endsWith("sh") && (m = SHELL.exec(line)) !== null) return { type: "diagnostic", kind: "make", severity: "error", message: m[1] };
  if (head.endsWith("d") && LINKER_NAME.test(head)) {
    const rest = line.slice(colon + 2);
    const inFunction = rest.indexOf(": in function ");
    if (inFunction !== -1 && (line.endsWith("':") || line.endsWith("\u2019:"))) return contextLine("linker", line, true, rest.slice(0, inFunction));
    return linkerDiagnostic(rest);
  }
  if (line.includes("undefined reference to ") || line.includes("multiple definition of ") || line.includes("relocation truncated to fit")) {
    return linkerDiagnostic(line);
  }
  const c1 = line.charCodeAt(colon + 1);
  if (c1 >= 48 && c1 <= 57) {
    if ((m = COMPILER.exec(line)) !== null) return compilerDiagnostic(m);
    if ((m = GAS.exec(line)) !== null) {
      return { type: "diagnostic", kind: "assembler", severity: severityOf(m[3]), file: m[1], line: Number(m[2]), message: m[4] };
    }
    if ((m = KCONFIG_AT.exec(line)) !== null) {
      return { type: "diagnostic", kind: "kconfig", severity: severityOf(m[3]), file: m[1], line: Number(m[2]), message: m[4] };
    }
    if ((m = DTC_AT.exec(line)) !== null) {
      return { type: "diagnostic", kind: "dtc", severity: severityOf(m[4]), file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[6], flag: m[5] };
    }
    if ((m = KCONFIG_FILE.exec(line)) !== null) {
      const warning = m[3].startsWith("warning: ");
      return { type: "diagnostic", kind: "kconfig", severity: warning ? "warning" : "error", file: m[1], line: Number(m[2]), message: warning ? m[3].slice(9) : m[3] };
    }
    if ((m = MAKEFILE_FATAL.exec(line)) !== null) {
      return { type: "diagnostic", kind: "make", severity: "error", file: m[1], line: Number(m[2]), message: m[3] };
    }
    return null;
  }
  if (c1 !== 32) return null;
  if (line.endsWith(": Assembler messages:")) return contextLine("assembler", line, true, head);
  if ((m = FUNCTION_OF_FILE.exec(line)) !== null) return contextLine("compiler", line, false, m[1]);
  if ((m = DTC_FILE.exec(line)) !== null) {
    return { type: "diagnostic", kind: "dtc", severity: severityOf(m[2]), file: m[1], message: m[4], flag: m[3] };
  }
  if ((m = DRIVER.exec(line)) !== null) {
    const { message, flag } = splitFlag(m[3]);
    const d = { type: "diagnostic", kind: m[1] === "as" ? "assembler" : "compiler", severity: severityOf(m[2]), message };
    if (flag !== void 0) d.flag = flag;
    return d;
  }
  if ((m = FILE_LEVEL.exec(line)) !== null) {
    return { type: "diagnostic", kind: "compiler", severity: severityOf(m[2]), file: m[1], message: m[3] };
  }
  return null;
}

// src/parse/paths.ts
import { posix } from "node:path";
var DEFAULT_TREE_PREFIXES = ["/build/src/"];
var BUILD_DIRS = ["/build/out/[^/\\s'\"`]+/", "/build/[^/\\s'\"`]+/"];
var PSEUDO_FILES = /* @__PURE__ */ new Set(["<stdin>", "<command-line>", "<command line>", "<built-in>", "{standard input}"]);
var UP_DIRS = /^(?:\.\.?\/)+/;
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var PathNormaliser = class {
  prefixes;
  leading;
  inText;
  /** @param treePrefixes absolute source or output directories, tried before the built-in /build ones. */
  constructor(treePrefixes = []) {
    this.prefixes = [...treePrefixes, ...DEFAULT_TREE_PREFIXES].map((p) => p.endsWith("/") ? p : `${p}/`).sort((a, b) => b.length - a.length);
    const alternatives = [...this.prefixes.map(escapeRegExp), ...BUILD_DIRS].join("|");
    this.leading = new RegExp(`^(?:${alternatives})`);
    this.inText = new RegExp(`(^|[\\s'"\`\u2018(\\[,])(?:${alternatives}|(?:\\.\\.?/)+(?=[\\w.-]))`, "g");
  }
  /** The tree-relative form of a path, or undefined for stdin and other pseudo-files. */
  file(path) {
    if (path === "" || PSEUDO_FILES.has(path)) return void 0;
    let p = path.includes("//") || path.includes("/./") ? posix.normalize(path) : path;
    p = p.replace(this.leading, "").replace(UP_DIRS, "");
    return p === "" ? void 0 : p;
  }
  /** A message or context line with every build prefix and leading `../` of its paths removed. */
  text(text) {
    return text.replace(this.inText, "$1");
  }
};

// src/parse/signature.ts
var HEX_OFFSET = /\+?0x[0-9a-fA-F]+(?:\/0x[0-9a-fA-F]+)?/g;
var POSITION = /([^\s:]):\d+(?:[.:]\d+)*(?:-\d+(?:\.\d+)?)?(?=[:\s,)\]'"]|$)/g;
var QUOTES = /[‘’`]/g;
var SPACES = /\s+/g;
function normaliseMessage(message) {
  return message.replace(HEX_OFFSET, "").replace(POSITION, "$1").replace(QUOTES, "'").replace(SPACES, " ").trim();
}
function signatureOf(kind, file, message) {
  return `${kind}|${file ?? ""}|${normaliseMessage(message)}`;
}

// src/parse/log-parser.ts
var ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g;
var SOURCE_EXCERPT = /^ *\d* \|/;
var KCONFIG_EXPLANATION = /^(?:  (?:Depends on|Selected by|Implied by|- )|[^:\s]+:\d+:\t)/;
function scopeOf(kind) {
  switch (kind) {
    case "compiler":
    case "directive":
    case "syscall":
      return "compiler";
    case "linker":
    case "assembler":
      return kind;
    default:
      return void 0;
  }
}
function besideObject(object, source) {
  const stem = (name) => name.slice(0, name.lastIndexOf(".") >>> 0);
  const slash = object.lastIndexOf("/");
  if (slash === -1 || source.includes("/") || stem(object.slice(slash + 1)) !== stem(source)) return void 0;
  return `${object.slice(0, slash + 1)}${source}`;
}
var LogParser = class {
  target;
  paths;
  pending;
  context;
  lastWasContext = false;
  /** The source ld.lld named in ">>> referenced by", until the object line gives its directory. */
  lldSource;
  constructor(opts = {}) {
    this.target = opts.target;
    this.paths = new PathNormaliser(opts.treePrefixes);
  }
  /** Reads one line (without its newline); returns the diagnostics it completes. */
  push(rawLine) {
    if (isKbuildEcho(rawLine)) {
      this.lastWasContext = false;
      return this.flush();
    }
    let line = rawLine.length > MAX_LINE_LENGTH ? rawLine.slice(0, MAX_LINE_LENGTH) : rawLine;
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (line.indexOf("\x1B") !== -1) line = line.replace(ANSI, "");
    if (this.pending !== void 0 && this.continuesPending(line)) return [];
    const cls = classifyLine(line);
    if (cls !== null && cls.type === "context") {
      this.addContext(cls);
      return [];
    }
    const afterContext = this.lastWasContext;
    this.lastWasContext = false;
    if (cls === null) return [];
    if (cls.type === "echo") return this.flush();
    if (cls.severity === "note" && this.pending !== void 0) {
      this.attachNote(cls, afterContext);
      return [];
    }
    const done = this.flush();
    this.lldSource = void 0;
    this.pending = this.complete(cls, afterContext);
    return done;
  }
  /** Ends the log; returns the diagnostic still waiting for a line after it. */
  end() {
    this.context = void 0;
    this.lastWasContext = false;
    return this.flush();
  }
  flush() {
    const d = this.pending;
    this.pending = void 0;
    return d === void 0 ? [] : [d];
  }
  /** Takes a line that only explains the pending diagnostic; false if the line is anything else. */
  continuesPending(line) {
    const pending = this.pending;
    if (line === "" || SOURCE_EXCERPT.test(line)) return true;
    if (line.startsWith(">>> ") && pending.kind === "linker") {
      this.addDetail(pending, line);
      if (pending.file === void 0) this.locateLldReference(pending, line);
      return true;
    }
    if (pending.kind === "dtc" && line.startsWith("  also defined at ")) {
      this.addDetail(pending, line);
      return true;
    }
    if (pending.kind === "kconfig" && KCONFIG_EXPLANATION.test(line)) {
      this.addDetail(pending, line);
      return true;
    }
    return false;
  }
  /**
   * ld.lld names the place of an error after it: ">>> referenced by time.c:31 (/build/src/
   * arch/x86/kernel/time.c:31)" with debug info, else ">>> referenced by time.c" and then
   * ">>>               arch/x86/kernel/time.o:(profile_pc)". The first reference locates it.
   */
  locateLldReference(d, line) {
    const by = /^>>> referenced by (\S+?)(?::(\d+))?(?: \((\S+?):(\d+)\))?$/.exec(line);
    if (by !== null) {
      if (by[3] !== void 0) this.locate(d, this.paths.file(by[3]), Number(by[4]));
      else this.lldSource = { name: by[1], line: by[2] === void 0 ? void 0 : Number(by[2]) };
      return;
    }
    const object = /^>>>\s+(\S+\.o):\(/.exec(line);
    if (object === null || this.lldSource === void 0) return;
    const file = this.paths.file(object[1]);
    if (file !== void 0) this.locate(d, besideObject(file, this.lldSource.name) ?? file, this.lldSource.line);
  }
  locate(d, file, line) {
    if (file === void 0) return;
    d.file = file;
    if (line !== void 0) d.line = line;
    d.signature = signatureOf(d.kind, file, d.message);
    this.lldSource = void 0;
  }
  addDetail(d, line) {
    (d.detail ??= []).push(this.paths.text(line.trim()));
  }
  attachNote(note, afterContext) {
    const file = note.file === void 0 ? void 0 : this.paths.file(note.file);
    const at = file === void 0 ? "" : `${file}:${note.line ?? ""}${note.column === void 0 ? "" : `:${note.column}`}: `;
    this.addDetail(this.pending, `${at}note: ${note.message}`);
    if (afterContext && this.context !== void 0) this.context.files.add(file ?? "");
  }
  addContext(c) {
    const text = this.paths.text(c.text);
    const subject = c.subject === void 0 ? void 0 : this.paths.file(c.subject);
    let group = this.context;
    if (c.opens || !this.lastWasContext || group === void 0 || group.scope !== c.scope) {
      group = { scope: c.scope, lines: [], files: /* @__PURE__ */ new Set() };
      this.context = group;
    }
    group.lines.push(text);
    if (subject !== void 0) {
      group.subject = subject;
      group.files.add(subject);
    }
    this.lastWasContext = true;
  }
  /**
   * The context lines that belong to a diagnostic in `file` of `kind`. Context printed right
   * before a diagnostic is its own, whatever its file: a warning "In function 'f'" of x.c can
   * point into a macro of a header. gcc does not print it again for the next diagnostics in
   * the same function, so it also goes to later diagnostics in the files that claimed it.
   */
  contextFor(kind, file, afterContext) {
    const group = this.context;
    if (group === void 0 || scopeOf(kind) !== group.scope) return [];
    if (group.scope === "linker") return [...group.lines];
    if (afterContext) group.files.add(file ?? "");
    if (group.files.has(file ?? "")) return [...group.lines];
    this.context = void 0;
    return [];
  }
  /** GNU ld names the object in "in function" and the source by its base name ("time.c:(.text+0x11)"). */
  linkerSource(file) {
    const object = this.context?.scope === "linker" ? this.context.subject : void 0;
    if (object === void 0 || file.includes("/")) return file;
    return besideObject(object, file) ?? file;
  }
  complete(raw, afterContext) {
    let file = raw.file === void 0 ? void 0 : this.paths.file(raw.file);
    if (file !== void 0 && raw.kind === "linker") file = this.linkerSource(file);
    const message = this.paths.text(raw.message);
    const located = raw.file === void 0 || file !== void 0;
    return {
      kind: raw.kind,
      severity: raw.severity,
      ...file === void 0 ? {} : { file },
      ...raw.line === void 0 || !located ? {} : { line: raw.line },
      ...raw.column === void 0 || !located ? {} : { column: raw.column },
      message,
      ...raw.flag === void 0 ? {} : { flag: raw.flag },
      context: this.contextFor(raw.kind, file, afterContext),
      ...this.target === void 0 ? {} : { target: this.target },
      signature: signatureOf(raw.kind, file, message)
    };
  }
};

// src/parse/format.ts
function formatDiagnosticLine(d) {
  let at = "";
  if (d.file !== void 0) {
    at = d.file;
    if (d.line !== void 0) at += `:${d.line}`;
    if (d.column !== void 0) at += `:${d.column}`;
    at += ": ";
  }
  const flag = d.flag === void 0 ? "" : ` [${d.flag}]`;
  return `${at}${d.severity}: ${d.message}${flag}`;
}
function formatDiagnostic(d) {
  return [...d.context, formatDiagnosticLine(d), ...d.detail ?? []];
}

// src/parse/tail-buffer.ts
var TailBuffer = class {
  constructor(capacity) {
    this.capacity = capacity;
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }
  capacity;
  items = [];
  next = 0;
  push(item) {
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }
  /** The items kept, oldest first. */
  toArray() {
    return this.items.length < this.capacity ? [...this.items] : [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }
  get size() {
    return this.items.length;
  }
};

// src/parse/excerpt.ts
var ExcerptCollector = class {
  tail;
  maxErrors;
  errors = [];
  constructor(opts = {}) {
    this.tail = new TailBuffer(opts.tailLines ?? 20);
    this.maxErrors = opts.maxErrors ?? 10;
  }
  /** Records a line of the log. */
  addLine(line) {
    this.tail.push(line.length > MAX_LINE_LENGTH ? line.slice(0, MAX_LINE_LENGTH) : line);
  }
  /** Records diagnostics parsed from the log; keeps the first errors that are not make's. */
  addDiagnostics(diagnostics) {
    for (const d of diagnostics) {
      if (this.errors.length >= this.maxErrors) return;
      if (d.severity === "error" && d.kind !== "make") this.errors.push(d);
    }
  }
  /** The excerpt for the log seen so far. */
  excerpt() {
    if (this.errors.length > 0) return { source: "errors", lines: this.errors.flatMap(formatDiagnostic), errors: [...this.errors] };
    return { source: "tail", lines: this.tail.toArray(), errors: [] };
  }
};

// src/diagnostics/failure-reason.ts
var KILLED = /Killed signal terminated program|terminated with signal 9 \[Killed\]|\] Error 137$|^Killed$|: Killed$/;
var FailureSignals = class {
  killed = false;
  noSpace = false;
  see(line) {
    if (!this.noSpace && line.includes("No space left on device")) this.noSpace = true;
    if (!this.killed && line.includes("Killed") || line.endsWith("Error 137")) this.killed ||= KILLED.test(line);
  }
  /** The machine fault the log shows, if any; no space wins, since a full tmpfs also kills. */
  reason() {
    if (this.noSpace) return "no space left on /build";
    if (this.killed) return "out of memory";
    return void 0;
  }
};

// src/diagnostics/scan-log.ts
async function scanLog(path, target, onDiagnostic) {
  const parser = new LogParser({ target });
  const excerpt = new ExcerptCollector();
  const splitter = new LineSplitter();
  const signals = new FailureSignals();
  const take = (lines) => {
    for (const line of lines) {
      excerpt.addLine(line);
      signals.see(line);
      const found = parser.push(line);
      excerpt.addDiagnostics(found);
      for (const d of found) onDiagnostic(d);
    }
  };
  try {
    for await (const chunk of createReadStream(path)) take(splitter.push(chunk));
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
  take(splitter.end());
  const last = parser.end();
  excerpt.addDiagnostics(last);
  for (const d of last) onDiagnostic(d);
  const fault = signals.reason();
  return { excerpt: excerpt.excerpt(), ...fault ? { fault } : {} };
}

// src/diagnostics/recipe-failure.ts
function isRecipeFailure(d) {
  return d.kind === "make" && /^\[.*\] Error \d+$/.test(d.message);
}

// src/diagnostics/analyse.ts
import { readFileSync as readFileSync3 } from "node:fs";
var EXCERPT_LINES = 40;
async function analyseLogs(results, logsDir, noise) {
  const collector = new IssueCollector();
  const counts = { errors: 0, warnings: 0, noise: 0, sectionMismatches: 0, syscalls: 0 };
  const targets = [];
  for (const t of results.targets) {
    let errors = 0;
    let warnings = 0;
    const count = (d) => {
      const filtered = isNoise(d, noise);
      collector.add(d, filtered);
      if (isRecipeFailure(d)) return;
      if (d.severity === "error") {
        errors++;
        counts.errors++;
      } else if (d.severity !== "warning") return;
      else if (filtered) counts.noise++;
      else if (d.kind === "section-mismatch") counts.sectionMismatches++;
      else if (d.kind === "syscall") counts.syscalls++;
      else {
        warnings++;
        counts.warnings++;
      }
    };
    const { excerpt, fault } = await scanLog(join5(logsDir, t.log), t.target, count);
    for (const d of unmetRequests(t, logsDir)) count(d);
    targets.push({
      ...t,
      ...t.status === "fail" && !t.reason && fault ? { reason: fault } : {},
      errors,
      warnings,
      ...t.status === "pass" ? {} : { excerpt: { source: excerpt.source, lines: excerpt.lines.slice(0, EXCERPT_LINES) } }
    });
  }
  return { ...results, targets, counts, issues: collector.issues() };
}
function unmetRequests(t, logsDir) {
  if (!t.requires?.length || !t.dotConfig) return [];
  let dotConfig;
  try {
    dotConfig = readFileSync3(join5(logsDir, t.dotConfig), "utf8");
  } catch {
    return [];
  }
  return unmetOptions(t.requires, dotConfig).map(({ option, want, got }) => {
    const message = `requested ${option}=${want} did not reach .config (it is ${got})`;
    return { kind: "kconfig", severity: "warning", file: ".config", message, context: [], target: t.target, signature: `kconfig|.config|${message}` };
  });
}

// src/report/write-reports.ts
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join as join6 } from "node:path";

// src/report/format-issue.ts
function formatIssue(i) {
  let at = "";
  if (i.file !== void 0) at = `${i.file}${i.line === void 0 ? "" : `:${i.line}`}${i.column === void 0 ? "" : `:${i.column}`}: `;
  const times = i.count > 1 ? ` (${i.count}\xD7)` : "";
  return `${at}${i.severity}: ${i.message}${i.flag ? ` [${i.flag}]` : ""}${times}`;
}

// src/report/reproducer.ts
function reproducer(results, target) {
  const { cross: crossByArch, makeVars } = results.image;
  const cross = crossByArch[target.arch] ?? "";
  const make = [
    "make -C /build/src O=/build/out",
    `ARCH=${target.arch}`,
    ...cross ? [`CROSS_COMPILE=${cross}`] : [],
    ...makeVars
  ].join(" ");
  const script = [
    `git -c safe.directory='*' clone -q --shared --no-checkout /src /build/src`,
    `git -C /build/src checkout -q --detach ${results.sha}`,
    `${make} ${target.config}`,
    `${make} olddefconfig`,
    `${make} -k -j$(nproc)`
  ].join(" && ");
  return [
    `# ${target.target} of ${results.tree}/${results.buildId} (${results.image.name}, ${results.image.toolchain})`,
    `docker run --rm --network none --tmpfs /build:size=${results.tmpfsSize},exec,mode=1777 -e HOME=/build \\`,
    `  --mount type=bind,src=${shellQuote(results.source ?? "/path/to/linux")},dst=/src,readonly \\`,
    `  --entrypoint /bin/bash ${results.image.digest} -c ${shellQuote(script)}`
  ].join("\n");
}
function shellQuote(text) {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

// src/report/outcome.ts
function describeOutcome(t) {
  if (t.status === "pass") return "pass";
  if (t.status === "error") {
    if (t.reason === "cancelled") return "cancelled";
    return t.reason ? `stopped: ${t.reason}` : "did not finish";
  }
  if (t.reason) return `failed: ${t.reason}`;
  return `failed at ${t.stage}, exit ${t.exitCode}`;
}

// src/report/changes.ts
var NEW_ISSUES_SHOWN = 30;
function changeLines(results) {
  const r = results.regressions;
  if (!r) return [];
  const issues = new Map((results.issues ?? []).map((i) => [i.signature, i]));
  const fresh = r.newIssues.map((s) => issues.get(s)).filter((i) => i !== void 0);
  const lines = [`New since ${r.baseline.buildId} (${r.baseline.sha.slice(0, 12)}):`];
  if (r.newlyFailing.length > 0) lines.push(`  newly failing: ${r.newlyFailing.join(" ")}`);
  if (fresh.length === 0 && r.newlyFailing.length === 0) lines.push("  nothing new");
  for (const i of fresh.slice(0, NEW_ISSUES_SHOWN)) lines.push(`>> ${formatIssue(i)}  [${i.targets.join(" ")}]`);
  if (fresh.length > NEW_ISSUES_SHOWN) lines.push(`>> ... and ${fresh.length - NEW_ISSUES_SHOWN} more new issues (results.json)`);
  if (r.newlyPassing.length > 0) lines.push(`  newly passing: ${r.newlyPassing.join(" ")}`);
  if (r.fixedIssues.length > 0) lines.push(`  fixed: ${r.fixedIssues.length} issues of the baseline are gone`);
  return lines;
}

// src/report/summary.ts
var SUMMARY_LIMIT = 1e3 * 1024;
var LINE_LIMIT = 400;
var TOP_WARNINGS = 20;
var STATUS_MARK = { pass: "\u2705", fail: "\u274C", error: "\u26A0\uFE0F" };
function renderSummary(results, limit = SUMMARY_LIMIT) {
  const changes = changeLines(results);
  const blocks = [headline(results), ...changes.length > 0 ? [`### ${changes[0]}

${fenced(changes.slice(1))}`] : [], archTable(results), targetTable(results)];
  for (const t of results.targets.filter((t2) => t2.status !== "pass")) blocks.push(failedTarget(results, t));
  const warnings = topWarnings(results);
  if (warnings) blocks.push(warnings);
  if (results.dropped.length > 0) {
    blocks.push(["Not built:", ...results.dropped.map((d) => `- ${d.arch}${d.config ? `/${d.config}` : ""}: ${d.reason}`)].join("\n"));
  }
  let out = "";
  for (const [i, block] of blocks.entries()) {
    const note = `
_${blocks.length - i} more sections left out to stay under the runner's summary limit: see results.json in the logs._
`;
    if (Buffer.byteLength(out) + Buffer.byteLength(block) + Buffer.byteLength(note) + 2 > limit) return out + note;
    out += `${block}

`;
  }
  return out;
}
function headline(r) {
  const passed = r.targets.filter((t) => t.status === "pass").length;
  const c = r.counts;
  const counts = c ? ` ${c.errors} errors, ${c.warnings} warnings, ${c.sectionMismatches} section mismatches${c.noise ? `, ${c.noise} known-noise warnings filtered` : ""}.` : "";
  return [
    `## kernelbuilder: ${r.tree}/${r.buildId} \u2014 ${r.result === "pass" ? "pass" : "FAIL"}`,
    "",
    `**${passed}/${r.targets.length} targets passed** in ${r.durationSeconds} s.${counts}`,
    "",
    `Linux ${r.kernelVersion} at \`${r.sha.slice(0, 12)}\` (ref \`${r.ref}\`); image \`${r.image.name}\` (${r.image.toolchain}, \`${r.image.digest.slice(0, 19)}\u2026\`).` + (r.ccache ? ` ccache: ${r.ccache.hits} hits, ${r.ccache.misses} misses (${Math.round(r.ccache.hitRate * 100)}%).` : ""),
    ...r.toolchains ? ["", `Toolchains: ${Object.entries(r.toolchains).map(([arch, line]) => `${arch} \`${line}\``).join(", ")}.`] : [],
    ...r.complete ? [] : ["", `**The run did not complete** (driver exit ${r.driverExitCode}): targets marked "did not finish" have no verdict.`]
  ].join("\n");
}
function archTable(r) {
  const arches = [...new Set(r.targets.map((t) => t.arch))];
  const rows = arches.map((arch) => {
    const ts = r.targets.filter((t) => t.arch === arch);
    const sum = (f) => ts.reduce((n, t) => n + (f(t) ?? 0), 0);
    return `| ${arch} | ${ts.filter((t) => t.status === "pass").length} | ${ts.filter((t) => t.status !== "pass").length} | ${sum((t) => t.errors)} | ${sum((t) => t.warnings)} |`;
  });
  return ["| arch | passed | failed | errors | warnings |", "| --- | ---: | ---: | ---: | ---: |", ...rows].join("\n");
}
function targetTable(r) {
  return [
    "| target | status | stage | time | errors | warnings | log |",
    "| --- | --- | --- | ---: | ---: | ---: | --- |",
    ...r.targets.map(
      (t) => `| ${t.target} | ${STATUS_MARK[t.status]} ${t.status === "fail" && !t.reason ? "fail" : describeOutcome(t)} | ${t.stage ?? ""} | ${t.durationSeconds === void 0 ? "" : `${t.durationSeconds} s`} | ${t.errors ?? ""} | ${t.warnings ?? ""} | \`${t.log}\` |`
    )
  ].join("\n");
}
function failedTarget(r, t) {
  const lines = (t.excerpt?.lines ?? []).map((l) => l.length > LINE_LIMIT ? `${l.slice(0, LINE_LIMIT)}\u2026` : l);
  const what = t.excerpt?.source === "tail" ? "No error was parsed; the end of its log:" : "First errors:";
  return [
    `### ${STATUS_MARK[t.status]} ${t.target} (${describeOutcome(t)})`,
    "",
    what,
    "",
    fenced(lines.length > 0 ? lines : ["(the log is empty)"]),
    "",
    `Full log: \`${t.log}\`.`,
    "",
    "<details><summary>Reproduce</summary>",
    "",
    fenced(reproducer(r, t).split("\n"), "sh"),
    "",
    "</details>"
  ].join("\n");
}
function topWarnings(r) {
  const warnings = (r.issues ?? []).filter((i) => i.severity === "warning" && !i.noise).slice(0, TOP_WARNINGS);
  if (warnings.length === 0) return void 0;
  const cell = (text) => text.replace(/\|/g, "\\|").slice(0, LINE_LIMIT);
  return [
    `### Top warnings`,
    "",
    "| count | targets | warning |",
    "| ---: | --- | --- |",
    ...warnings.map((i) => `| ${i.count} | ${i.targets.length} | \`${cell(formatIssue(i)).replace(/`/g, "'")}\` |`)
  ].join("\n");
}
function fenced(lines, lang = "") {
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  const fence = "`".repeat(longest + 1);
  return [`${fence}${lang}`, ...lines, fence].join("\n");
}

// src/report/email.ts
function emailFileName(results) {
  return `${results.tree}-${results.buildId}.txt`.replace(/[^A-Za-z0-9._+-]/g, "_");
}
function emailSubject(results) {
  const failures = results.targets.filter((t) => t.status !== "pass").length;
  return `${results.tree} build: ${results.counts?.warnings ?? 0} warnings ${failures} failures (${results.tree}/${results.buildId})`;
}
function renderEmail(results, opts = {}) {
  const issues = results.issues ?? [];
  const failed = results.targets.filter((t) => t.status !== "pass");
  const passed = results.targets.length - failed.length;
  const out = [];
  if (opts.to) out.push(`To: ${opts.to}`);
  out.push(`Subject: ${emailSubject(results)}`, "");
  out.push(`Tree:     ${results.remoteUrl ?? results.source ?? results.tree}`);
  out.push(`Branch:   ${results.ref}`);
  out.push(`Build id: ${results.buildId} (${results.sha})`);
  out.push(`Kernel:   ${results.kernelVersion}`);
  out.push(`Image:    ${results.image.name} (${results.image.toolchain}, ${results.image.digest})`);
  for (const [arch, line] of Object.entries(results.toolchains ?? {})) out.push(`Toolchain ${arch}: ${line}`);
  out.push("", "Top commits:");
  for (const c of results.commits) out.push(`  ${c.sha.slice(0, 12)} ${c.subject}`);
  out.push("");
  out.push(`Runtime:  ${formatDuration(results.durationSeconds)}`);
  out.push(`Passed:   ${passed}`);
  out.push(`Failed:   ${failed.length}`);
  out.push(`Warnings: ${results.counts?.warnings ?? 0}${results.counts?.noise ? ` (and ${results.counts.noise} known noise, filtered)` : ""}`);
  out.push(`Section mismatches: ${results.counts?.sectionMismatches ?? 0}`);
  if (results.ccache) out.push(`ccache:   ${results.ccache.hits} hits, ${results.ccache.misses} misses`);
  const changes = changeLines(results);
  if (changes.length > 0) out.push("", ...changes);
  if (!results.complete) out.push("", `INCOMPLETE: the run stopped before every target had a verdict (driver exit ${results.driverExitCode}).`);
  if (failed.length > 0) {
    out.push("", "Failed configs:", ...failed.map((t) => `  ${t.target} (${describeOutcome(t)})`));
    out.push("", "Errors:");
    for (const t of failed) {
      out.push("", `${t.target}:`);
      const lines = t.excerpt?.lines ?? [];
      if (t.excerpt?.source === "tail") out.push("  (no error parsed; the end of the log)");
      out.push(...(lines.length > 0 ? lines : ["(the log is empty)"]).map((l) => `  ${l}`));
    }
  }
  const warnings = issues.filter((i) => i.severity === "warning" && !i.noise && i.kind !== "section-mismatch" && i.kind !== "syscall");
  const perTarget = results.targets.filter((t) => (t.warnings ?? 0) > 0);
  if (perTarget.length > 0) {
    out.push("", "Warnings:");
    for (const t of perTarget) {
      out.push("", `${t.target}: ${t.warnings} warnings`);
      for (const i of warnings.filter((w) => w.targets.includes(t.target))) out.push(`  ${formatIssue(i)}`);
    }
  }
  section(out, "New syscalls:", issues.filter((i) => i.kind === "syscall"), (i) => `  ${i.targets.map((t) => t.split("/")[0]).filter(unique).join(" ")}: ${i.message}`);
  section(out, "Section mismatches:", issues.filter((i) => i.kind === "section-mismatch"), (i) => `  ${String(i.count).padStart(4)} ${i.file ? `${i.file}: ` : ""}${i.message}`);
  return `${out.join("\n")}
`;
}
function section(out, title, issues, line) {
  if (issues.length > 0) out.push("", title, ...issues.map(line));
}
function unique(item, i, all) {
  return all.indexOf(item) === i;
}
function formatDuration(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds % 3600 / 60);
  const s = Math.round(seconds % 60);
  return h > 0 ? `${h}h ${m}m ${s}s` : m > 0 ? `${m}m ${s}s` : `${s}s`;
}

// src/report/write-reports.ts
function writeReports(results, dirs, opts = {}) {
  const paths = reportPaths(results, dirs);
  for (const t of results.targets.filter((t2) => t2.status !== "pass")) {
    writeAtomically(join6(dirs.logsDir, `${t.arch}/${t.config}.reproduce.sh`), `#!/bin/sh
${reproducer(results, t)}
`);
  }
  writeAtomically(paths.results, `${JSON.stringify(results, null, 2)}
`);
  writeAtomically(paths.summary, renderSummary(results));
  mkdirSync(join6(dirs.logsRoot, "emails"), { recursive: true });
  writeAtomically(paths.email, renderEmail(results, { to: opts.emailTo }));
  return paths;
}
function reportPaths(results, dirs) {
  return {
    results: join6(dirs.logsDir, RESULTS_FILE),
    summary: join6(dirs.logsDir, SUMMARY_FILE),
    email: join6(dirs.logsRoot, "emails", emailFileName(results))
  };
}
function writeAtomically(path, text) {
  mkdirSync(join6(path, ".."), { recursive: true });
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

// src/engine.ts
import { chownSync, createWriteStream, mkdirSync as mkdirSync2, readFileSync as readFileSync4 } from "node:fs";
import { dirname, join as join10 } from "node:path";

// src/images/userland.ts
import { Readable } from "node:stream";

// src/container/demux.ts
var HEADER = 8;
async function* demuxDockerStream(raw) {
  let pending = Buffer.alloc(0);
  for await (const chunk of raw) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= HEADER) {
      const size = pending.readUInt32BE(4);
      if (pending.length < HEADER + size) break;
      const stream = pending[0] === 2 ? "stderr" : "stdout";
      yield { stream, data: pending.subarray(HEADER, HEADER + size) };
      pending = pending.subarray(HEADER + size);
    }
  }
}

// src/images/userland.ts
var NEEDS = {
  x32: "a kernel built with CONFIG_X86_X32_ABI=y (Debian kernels also need the boot parameter syscall.x32=y)"
};
var FOREIGN_USERLANDS = Object.keys(NEEDS);
async function checkImageUserland(docker, image) {
  if (image.userland === void 0) return;
  const container = await docker.createContainer({
    Image: image.id,
    Cmd: ["true"],
    Labels: { [CONTAINER_LABEL]: "userland-check", [OWNER_LABEL]: String(process.pid) },
    NetworkDisabled: true,
    HostConfig: { NetworkMode: "none", CapDrop: ["ALL"], SecurityOpt: ["no-new-privileges"], ReadonlyRootfs: true }
  });
  let failure;
  try {
    await container.start();
    const { StatusCode } = await container.wait();
    if (StatusCode !== 0) {
      const lastLine = (await containerOutput(container)).trim().split("\n").at(-1);
      failure = `exit ${StatusCode}${lastLine ? `: ${lastLine}` : ""}`;
    }
  } catch (e) {
    failure = e.message;
  } finally {
    await container.remove({ force: true }).catch(() => void 0);
  }
  if (failure !== void 0) {
    const needs = NEEDS[image.userland] ?? `a host that runs ${image.userland} binaries`;
    throw new DockerError(
      `image ${image.name} has the userland ${image.userland}, which this host cannot run (true in the image failed: ${failure}); it needs ${needs}. Build on such a host, or choose an image with a native userland (input image or image-table)`
    );
  }
}
async function containerOutput(container) {
  const raw = await container.logs({ stdout: true, stderr: true, follow: false });
  let text = "";
  for await (const { data } of demuxDockerStream(Readable.from([raw]))) text += data.toString("utf8");
  return text;
}

// src/results/ccache-stats.ts
function parseCcacheStats(text) {
  const stats = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const [name, value] = line.split("	");
    if (name && /^\d+$/.test(value ?? "")) stats.set(name, Number(value));
  }
  return stats;
}
function ccacheDelta(before, after) {
  const b = parseCcacheStats(before);
  const a = parseCcacheStats(after);
  const delta = (name) => Math.max(0, (a.get(name) ?? 0) - (b.get(name) ?? 0));
  const hits = delta("direct_cache_hit") + delta("preprocessed_cache_hit");
  const misses = delta("cache_miss");
  return { hits, misses, hitRate: hits + misses === 0 ? 0 : Math.round(hits / (hits + misses) * 1e3) / 1e3 };
}

// src/container/run.ts
var DRAIN_MS = 1e4;
async function runContainer(docker, spec, sink, signal) {
  const container = await docker.createContainer(spec);
  try {
    const raw = await container.attach({ stream: true, stdout: true, stderr: true });
    const draining = pumpLines(raw, sink);
    const exited = container.wait({ condition: "next-exit" });
    const kill = () => void container.kill().catch(() => void 0);
    signal?.addEventListener("abort", kill, { once: true });
    try {
      await container.start();
      if (signal?.aborted) kill();
      const exitCode = await Promise.race([
        exited.then((r) => r.StatusCode),
        draining.then(() => exitAfterOutputEnded(container, exited))
      ]);
      await drainWithin(draining, raw, DRAIN_MS);
      return { exitCode };
    } finally {
      signal?.removeEventListener("abort", kill);
    }
  } finally {
    await container.remove({ force: true, v: true }).catch(() => void 0);
  }
}
var CHECK_MS = 2e3;
async function exitAfterOutputEnded(container, exited) {
  for (; ; ) {
    let timer;
    const tick = new Promise((r) => {
      timer = setTimeout(() => r(void 0), CHECK_MS);
    });
    const settled = await Promise.race([exited.then((r) => r.StatusCode), tick]).finally(() => clearTimeout(timer));
    if (settled !== void 0) return settled;
    let state;
    try {
      state = (await container.inspect()).State;
    } catch (e) {
      throw new Error(`lost the connection to the Docker engine: ${e.message}`);
    }
    if (!state.Running) return state.ExitCode;
  }
}
async function pumpLines(raw, sink) {
  const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  for await (const { stream, data } of demuxDockerStream(raw)) {
    for (const line of splitters[stream].push(data)) sink(stream, line);
  }
  for (const stream of ["stdout", "stderr"]) {
    for (const line of splitters[stream].end()) sink(stream, line);
  }
}
async function drainWithin(draining, raw, ms) {
  let timer;
  const timeout = new Promise((resolve2) => {
    timer = setTimeout(() => {
      raw.destroy?.();
      resolve2();
    }, ms);
  });
  try {
    await Promise.race([draining.catch(() => void 0), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// src/container/logs-watch.ts
import { lstatSync, readdirSync as readdirSync3 } from "node:fs";
import { join as join7 } from "node:path";
function measureFolder(dir, bound) {
  const use = { bytes: 0, entries: 0 };
  const pending = [dir];
  while (pending.length > 0) {
    const folder = pending.pop();
    let names2;
    try {
      names2 = readdirSync3(folder);
    } catch {
      continue;
    }
    for (const name of names2) {
      const path = join7(folder, name);
      use.entries++;
      try {
        const stat = lstatSync(path);
        if (stat.isDirectory()) pending.push(path);
        else use.bytes += stat.size;
      } catch {
      }
      if (exceeds(use, bound)) return use;
    }
  }
  return use;
}
function exceeds(use, bound) {
  return use.bytes > bound.bytes || use.entries > bound.entries;
}
var LOGS_MAX_ENTRIES = 1e5;
function watchLogsFolder(dir, limitBytes, onOver, intervalMs = 2e3) {
  const bound = { bytes: limitBytes, entries: LOGS_MAX_ENTRIES };
  const timer = setInterval(() => {
    const use = measureFolder(dir, bound);
    if (exceeds(use, bound)) {
      clearInterval(timer);
      onOver(use);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

// src/report/progress.ts
var TARGET_DONE = /^kernelbuilder: (\S+) (pass|fail|timeout) \(stage (\w+), exit (\d+)\) in (\d+)s$/;
var Progress = class {
  constructor(estimates, now = Date.now) {
    this.estimates = estimates;
    this.now = now;
    this.started = now();
  }
  estimates;
  now;
  done = 0;
  estimatedDone = 0;
  started;
  /** The progress line for a driver line that finishes a target, else undefined. */
  see(line) {
    const m = TARGET_DONE.exec(line);
    if (!m || !(m[1] in this.estimates)) return void 0;
    this.done++;
    this.estimatedDone += this.estimates[m[1]];
    const total = Object.keys(this.estimates).length;
    const elapsed = (this.now() - this.started) / 1e3;
    const left = Object.values(this.estimates).reduce((a, b) => a + b, 0) - this.estimatedDone;
    const eta = this.done === total ? "all done" : `ETA ~${formatMinutes(left * elapsed / Math.max(this.estimatedDone, 1))}`;
    return `[${this.done}/${total}] ${m[1]} ${m[2]} in ${m[5]} s; ${eta}`;
  }
};
function formatMinutes(seconds) {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}

// src/container/readable.ts
import { statSync } from "node:fs";
import { join as join8 } from "node:path";
function readableBy(mode, ownerUid, ownerGid, uid, gid) {
  const bits = ownerUid === uid ? mode >> 6 & 7 : ownerGid === gid ? mode >> 3 & 7 : mode & 7;
  return (bits & 5) === 5;
}
function checkSourceReadable(source, uid, gid) {
  for (const path of [source, join8(source, ".git")]) {
    const st = statSync(path, { throwIfNoEntry: false });
    if (st && !readableBy(st.mode, st.uid, st.gid, uid, gid)) {
      throw new InputError(
        Input.source,
        source,
        `the build runs as uid ${uid}, which cannot read ${path} (mode ${(st.mode & 511).toString(8)}, owner ${st.uid}): make it readable (chmod o+rx) or run the runner as the user that owns it`
      );
    }
  }
}

// src/diagnostics/with-regressions.ts
import { statSync as statSync2 } from "node:fs";
import { join as join9 } from "node:path";

// src/diagnostics/regressions.ts
function compareWithBaseline(current, baseline, baselinePath) {
  const real = (issues) => (issues ?? []).filter((i) => !i.noise);
  const before = new Set(real(baseline.issues).map((i) => i.signature));
  const now = new Set(real(current.issues).map((i) => i.signature));
  const statusBefore = new Map(baseline.targets.map((t) => [t.target, t.status]));
  const both = current.targets.filter((t) => statusBefore.has(t.target));
  return {
    baseline: { buildId: baseline.buildId, sha: baseline.sha, results: baselinePath },
    newIssues: real(current.issues).filter((i) => !before.has(i.signature)).map((i) => i.signature),
    fixedIssues: real(baseline.issues).filter((i) => !now.has(i.signature)),
    newlyFailing: both.filter((t) => t.status !== "pass" && statusBefore.get(t.target) === "pass").map((t) => t.target),
    newlyPassing: both.filter((t) => t.status === "pass" && statusBefore.get(t.target) !== "pass").map((t) => t.target)
  };
}

// src/diagnostics/with-regressions.ts
function withRegressions(results, baseline) {
  if (isDirectory(baseline) && !isFile(join9(baseline, RESULTS_FILE))) {
    const found = findBaseline(baseline, results);
    return found ? { ...results, regressions: compareWithBaseline(results, found.results, found.path) } : results;
  }
  const path = isDirectory(baseline) ? join9(baseline, RESULTS_FILE) : baseline;
  const base = readResults(path);
  if (!base) throw new KernelbuilderError(`input 'baseline': ${path} is not a kernelbuilder results.json`);
  return { ...results, regressions: compareWithBaseline(results, base, path) };
}
function isDirectory(path) {
  return statSync2(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
function isFile(path) {
  return statSync2(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

// src/engine.ts
async function checkPlan(inputs, deps) {
  const plan = await makePlan(inputs, deps.git, loadProjectFragments(deps.driverDir));
  const image = await inspectImage(deps.docker, plan.image.image);
  checkImageArches(image, [...new Set(plan.targets.map((t) => t.arch))]);
  await checkImageUserland(deps.docker, image);
  const user = buildUser(deps.uid, deps.gid);
  const [uid, gid] = user.split(":").map(Number);
  checkSourceReadable(plan.source, uid, gid);
  return { plan, image, container: containerSpec(plan, image, deps.driverDir, user) };
}
function logPlan({ plan, image }, log) {
  log.info(`ref ${plan.ref.ref} (${plan.ref.kind}) is ${plan.ref.sha}, build id ${plan.ref.buildId}, Linux ${plan.version.text}`);
  log.info(`image ${image.name} (${image.toolchain}, ${image.digest}): ${plan.image.reason}`);
  for (const d of plan.dropped) log.info(`not building ${d.arch}${d.config ? `/${d.config}` : ""}: ${d.reason}`);
  log.info(`targets: ${plan.targets.map(targetName).join(" ")}; -j${plan.jobs}; logs in ${plan.logsDir}`);
}
async function runBuild(checked, inputs, deps) {
  const { plan, image, container } = checked;
  const previous = readResults(join10(plan.logsDir, RESULTS_FILE));
  if (!inputs.force && previous && alreadyBuilt(previous, plan, image)) {
    deps.log.info(`already built: ${plan.logsDir} has complete results for ${plan.ref.sha} with image ${image.id}; set force to build again`);
    return { results: previous, reports: reportPaths(previous, { logsDir: plan.logsDir, logsRoot: inputs.logs }), skipped: true };
  }
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  prepareLogsDir(plan.logsDir, plan.targets);
  const [buildUid, buildGid] = String(container.User).split(":").map(Number);
  if (buildUid !== deps.uid) chownTree(plan.logsDir, buildUid, buildGid);
  if (plan.ccache) {
    const dir = ccacheDirFor(plan.ccache.dir, image);
    mkdirSync2(dir, { recursive: true });
    if (buildUid !== deps.uid) chownSync(dir, buildUid, buildGid);
  }
  for (const id of await removeLeftovers(deps.docker)) deps.log.info(`removed container ${id.slice(0, 12)} left by an earlier run`);
  const startedAt = now();
  const progress = new Progress(Object.fromEntries(plan.targets.map((t) => [targetName(t), plan.estimates[targetName(t)] ?? 1])));
  const driverLog = createWriteStream(join10(plan.logsDir, DRIVER_LOG));
  deps.log.beginBuildOutput();
  let exitCode = -1;
  let engineLost;
  let stoppedBy;
  const stop = new AbortController();
  const onCancel = () => {
    stoppedBy ??= "cancelled";
    stop.abort();
  };
  if (deps.signal?.aborted) onCancel();
  deps.signal?.addEventListener("abort", onCancel, { once: true });
  const stopWatching = watchLogsFolder(plan.logsDir, plan.limits.logs, (use) => {
    stoppedBy ??= "logs over limit";
    deps.log.warning(`stopping the build: its logs folder ${plan.logsDir} holds ${use.bytes} bytes in ${use.entries} entries, past the limit of ${plan.limits.logs} bytes (input logs-limit)`);
    stop.abort();
  });
  try {
    ({ exitCode } = await runContainer(
      deps.docker,
      container,
      (_stream, line) => {
        driverLog.write(`${line}
`);
        deps.log.buildOutput(line);
        const done = progress.see(line);
        if (done) deps.log.buildOutput(done);
      },
      stop.signal
    ));
  } catch (e) {
    engineLost = e;
  } finally {
    stopWatching();
    deps.signal?.removeEventListener("abort", onCancel);
    deps.log.endBuildOutput();
    await new Promise((resolve2) => driverLog.end(resolve2));
    for (const path of removeUnsafeEntries(plan.logsDir)) {
      deps.log.warning(`removed ${path} from the logs folder: the build left a link or special file there, which kernelbuilder never follows`);
    }
    if (buildUid !== deps.uid) chownTree(plan.logsDir, deps.uid, deps.gid);
  }
  const finishedAt = now();
  const statuses = new Map(plan.targets.map((t) => [targetName(t), readIfThere(join10(plan.logsDir, targetPaths(t.arch, t.config).status))]));
  const ccacheBefore = readIfThere(join10(plan.logsDir, CCACHE_STATS.before));
  const ccacheAfter = readIfThere(join10(plan.logsDir, CCACHE_STATS.after));
  const collected = collectResults({
    plan,
    image,
    statuses,
    startedAt,
    finishedAt,
    driverExitCode: exitCode,
    stoppedBy,
    ccache: ccacheBefore !== void 0 && ccacheAfter !== void 0 ? ccacheDelta(ccacheBefore, ccacheAfter) : void 0,
    toolchains: readIfThere(join10(plan.logsDir, TOOLCHAINS_FILE))
  });
  const analysed = await analyseLogs(collected, plan.logsDir, inputs.noise);
  const results = withRegressions(analysed, inputs.baseline ?? dirname(plan.logsDir));
  const reports = writeReports(results, { logsDir: plan.logsDir, logsRoot: inputs.logs }, { emailTo: inputs.emailTo });
  if (engineLost) {
    throw new DockerError(`the Docker engine at ${dockerEndpoint()} failed mid-build (${engineLost.message}); the results so far are in ${reports.results}`);
  }
  return { results, reports, skipped: false };
}
function readIfThere(path) {
  try {
    return readFileSync4(path, "utf8");
  } catch {
    return void 0;
  }
}

// src/report/echo-failures.ts
function echoFailures(results, log) {
  const failed = results.targets.filter((t) => t.status !== "pass");
  if (failed.length === 0) return;
  log.beginBuildOutput();
  try {
    for (const t of failed) {
      log.buildOutput(`==> ${t.target}: ${describeOutcome(t)}; log ${t.log}`);
      for (const line of t.excerpt?.lines ?? []) log.buildOutput(`    ${line}`);
    }
  } finally {
    log.endBuildOutput();
  }
}

// src/fanout/matrix.ts
var MAX_JOBS = 256;
function buildMatrix(plans, shards) {
  if (plans.length * shards > MAX_JOBS) {
    throw new InputError(Input.shards, String(shards), `${plans.length} refs \xD7 ${shards} shards is more than the ${MAX_JOBS} jobs a matrix holds`);
  }
  const include = [];
  for (const plan of plans) {
    const estimates = new Map(Object.entries(plan.estimates));
    const parts = shardTargets(plan.targets, estimates, Math.min(shards, plan.targets.length));
    parts.forEach((part, i) => {
      include.push({
        ref: plan.ref.ref,
        "build-id": plan.ref.buildId,
        shard: `${i + 1}/${parts.length}`,
        targets: part.map(targetName).join(" "),
        cost: Math.round(part.reduce((sum, t) => sum + (estimates.get(targetName(t)) ?? 0), 0))
      });
    });
  }
  return { include };
}

// src/fanout/plan-refs.ts
import { join as join11 } from "node:path";
async function planRefs(read, log, projectFragments) {
  const refs = splitList(read(Input.refs));
  if (refs.length === 0 && read(Input.ref).trim() === "") {
    throw new InputError(Input.refs, "", "plan mode needs refs (one a line) or ref");
  }
  const plans = [];
  for (const ref of refs.length > 0 ? refs : [read(Input.ref).trim()]) {
    const inputs = getInputs((name) => name === Input.ref ? ref : read(name));
    const plan = await makePlan(inputs, gitIn(inputs.source), projectFragments);
    const previous = readResults(join11(plan.logsDir, RESULTS_FILE));
    const sameTargets = previous?.targets.map((t) => t.target).sort().join(" ") === plan.targets.map(targetName).sort().join(" ");
    if (previous?.complete && previous.sha === plan.ref.sha && previous.image.name === plan.image.image && sameTargets && !inputs.force) {
      log.info(`${ref}: already built at ${plan.ref.sha} (${plan.logsDir}); not planned`);
      continue;
    }
    log.info(`${ref}: ${plan.ref.buildId} at ${plan.ref.sha}, ${plan.targets.length} targets, image ${plan.image.image}`);
    plans.push(plan);
  }
  return plans;
}
function parseShards(text) {
  if (text.trim() === "") return 1;
  const n = /^[1-9][0-9]{0,2}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 256)) throw new InputError(Input.shards, text, "shards is a whole number from 1 to 256");
  return n;
}

// src/fanout/merge.ts
import { cpSync, readdirSync as readdirSync4, statSync as statSync3 } from "node:fs";
import { join as join12, relative } from "node:path";
function findShards(dir) {
  const sets = /* @__PURE__ */ new Map();
  const walk = (d) => {
    for (const entry of readdirSync4(d)) {
      const path = join12(d, entry);
      const st = statSync3(path, { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(path);
      else if (entry === RESULTS_FILE) {
        const results = readResults(path);
        if (!results) continue;
        const key = `${results.tree}/${results.buildId}@${results.sha}`;
        if (!sets.has(key)) sets.set(key, { key, shards: [] });
        sets.get(key).shards.push({ dir: d, results });
      }
    }
  };
  walk(dir);
  if (sets.size === 0) throw new KernelbuilderError(`no kernelbuilder results.json below ${dir}: download the shards' artifacts there first`);
  return [...sets.values()];
}
function mergeShards(set, outDir) {
  const first = set.shards[0].results;
  const byName = /* @__PURE__ */ new Map();
  for (const { dir, results } of set.shards) {
    if (results.image.id !== first.image.id) {
      throw new KernelbuilderError(`shards of ${set.key} were built by different images (${first.image.id}, ${results.image.id}): they cannot be one report`);
    }
    for (const t of results.targets) {
      if (byName.has(t.target)) throw new KernelbuilderError(`target ${t.target} of ${set.key} was built by two shards`);
      byName.set(t.target, stripAnalysis(t));
      for (const file of Object.values(targetPaths(t.arch, t.config))) copyIfThere(join12(dir, file), join12(outDir, file));
      copyIfThere(join12(dir, `${t.arch}/${t.config}.reproduce.sh`), join12(outDir, `${t.arch}/${t.config}.reproduce.sh`));
    }
  }
  const order = first.targetOrder;
  const targets = [...byName.values()].sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target));
  const missing = order.filter((name) => !byName.has(name));
  const startedAt = set.shards.map((s) => s.results.startedAt).sort()[0];
  const finishedAt = set.shards.map((s) => s.results.finishedAt).sort().at(-1);
  const ccache = set.shards.every((s) => s.results.ccache) ? set.shards.reduce((sum, s) => ({ hits: sum.hits + s.results.ccache.hits, misses: sum.misses + s.results.ccache.misses }), { hits: 0, misses: 0 }) : void 0;
  const { shard: _shard, counts: _counts, issues: _issues, regressions: _regressions, ...common } = first;
  return {
    ...common,
    complete: missing.length === 0 && set.shards.every((s) => s.results.complete),
    result: missing.length === 0 && targets.every((t) => t.status === "pass") ? "pass" : "fail",
    startedAt,
    finishedAt,
    durationSeconds: Math.round((Date.parse(finishedAt) - Date.parse(startedAt)) / 1e3),
    driverExitCode: Math.max(...set.shards.map((s) => s.results.driverExitCode)),
    ...ccache ? { ccache: { ...ccache, hitRate: ccache.hits + ccache.misses === 0 ? 0 : Math.round(ccache.hits / (ccache.hits + ccache.misses) * 1e3) / 1e3 } } : {},
    targets
  };
}
function mergedDir(logsRoot, results) {
  return join12(logsRoot, pathSafe(results.tree), pathSafe(results.buildId));
}
function stripAnalysis(t) {
  const { errors: _e, warnings: _w, excerpt: _x, ...rest } = t;
  return rest;
}
function copyIfThere(from, to) {
  if (statSync3(from, { throwIfNoEntry: false })?.isFile() && relative(from, to) !== "") cpSync(from, to);
}

// src/fanout/report-shards.ts
import { dirname as dirname2 } from "node:path";
import { mkdirSync as mkdirSync3 } from "node:fs";
async function reportShards(resultsDir, logsRoot, opts) {
  const out = [];
  for (const set of findShards(resultsDir)) {
    const dir = mergedDir(logsRoot, set.shards[0].results);
    mkdirSync3(dir, { recursive: true });
    const merged = mergeShards(set, dir);
    const analysed = withRegressions(await analyseLogs(merged, dir, opts.noise), dirname2(dir));
    out.push({ results: analysed, reports: writeReports(analysed, { logsDir: dir, logsRoot }, { emailTo: opts.emailTo }) });
  }
  return out;
}

// src/fanout/report-inputs.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";
function parseReportInputs(read) {
  const results = read(Input.results).trim();
  if (results === "" || !existsSync(results)) {
    throw new InputError(Input.results, results, "report mode needs results: the folder the shards' artifacts were downloaded to");
  }
  return { results: resolve(results), logs: readLogs(read), noise: readNoise(read(Input.noise).trim() || void 0), emailTo: readEmailTo(read(Input.emailTo).trim() || void 0) };
}

// src/entry/signals.ts
function abortOnSignals() {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once("SIGINT", abort);
  process.once("SIGTERM", abort);
  return controller.signal;
}

export {
  gitIn,
  loadProjectFragments,
  makePlan,
  imageInfoFromInspect,
  inspectImage,
  checkImageArches,
  buildUser,
  containerSpec,
  isRecipeFailure,
  analyseLogs,
  writeReports,
  checkPlan,
  logPlan,
  runBuild,
  echoFailures,
  buildMatrix,
  planRefs,
  parseShards,
  reportShards,
  parseReportInputs,
  abortOnSignals
};
