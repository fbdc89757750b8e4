import { realpathSync, statSync } from 'node:fs';
import { availableParallelism, homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Input } from '../constants.ts';
import { type InputReader, type Inputs, type NoiseFilter } from '../types/inputs.ts';
import { InputError } from '../errors.ts';
import { checkRefSyntax } from '../ref/ref-syntax.ts';
import { defaultImageTable, isImageRef, parseImageTable } from '../images/table.ts';
import { type ImageTable } from '../types/image.ts';
import { KERNEL_ARCHES, parseTargetName } from '../values/target-name.ts';
import { checkPattern, isPattern, parseConfigSpec } from '../values/config-spec.ts';
import { defaultNoise, parseNoiseFile } from '../diagnostics/noise.ts';
import { parseArtifactOptions } from '../publish/artifact-options.ts';
import { DEFAULT_BOOT_TIMEOUT, DEFAULT_KEEP, parseBoot, parseKeep } from '../boot/boot-inputs.ts';
import { DEFAULT_BISECT_TIMEOUT, parseBisect } from './bisect-inputs.ts';
import { parseKunit } from './kunit-inputs.ts';
import { FileRefusedError, readInputFile } from '../read-input-file.ts';
import { MAX_RESULTS_BYTES, parseResults } from '../results/previous.ts';
import { RESULTS_FILE } from '../logs-layout.ts';
import { type HostFolder, checkHostFolder } from '../host-folder.ts';
import { parseMakeVars } from '../values/make-vars.ts';
import { DEFAULT_KCIDB_ORIGIN, parseKcidbOrigin } from '../report/kcidb-origin.ts';
import { checkTreeName } from '../values/path-component.ts';
import { parseDuration } from '../values/duration.ts';
import { parseSize, sizeInBytes } from '../values/size.ts';
import { COMPILER_SYNTAX, isCompilerName } from '../values/compiler.ts';

export const DEFAULT_ARCHES = 'x86 arm arm64 riscv';
export const DEFAULT_CONFIGS = 'defconfig';
export const DEFAULT_LOGS = 'kernelbuilder-logs';
export const DEFAULT_TMPFS_SIZE = '60g';
/** Far above what honest builds log (an allmodconfig sweep logs tens of MB), far below a full disk. */
export const DEFAULT_LOGS_LIMIT = '2g';

/**
 * Read and validate every input before anything is started. Each error names the input,
 * the bad value and what is allowed.
 */
export function getInputs(read: InputReader): Inputs {
  const source = required(read, Input.source, 'the path of a kernel git repository');
  const ref = checkRefSyntax(required(read, Input.ref, 'remote/branch, a remote, a tag, a branch or a sha'));
  const tree = optional(read, Input.tree);
  if (tree !== undefined) checkTreeName(tree);
  const image = optional(read, Input.image);
  if (image !== undefined && !isImageRef(image)) {
    throw new InputError(Input.image, image, 'it must be a Docker image reference such as "kernelbuilder/gcc-12"');
  }
  const keep = parseKeep(optional(read, Input.keep) ?? DEFAULT_KEEP, splitList);
  const bootTimeout = parseDuration(Input.bootTimeout, optional(read, Input.bootTimeout) ?? DEFAULT_BOOT_TIMEOUT)!;
  const logs = readLogs(read);
  const ccache = parseCcache(optional(read, Input.ccache), optional(read, Input.ccacheDir), optional(read, Input.ccacheSize));
  const kunit = parseKunit((name) => optional(read, name), splitList);
  // KUnit alone when it is asked for and no configs are: its targets are the run.
  const configs = optional(read, Input.configs) ?? (kunit ? undefined : DEFAULT_CONFIGS);
  return {
    source: resolve(source),
    ref,
    tree,
    arches: parseArches(optional(read, Input.arches) ?? DEFAULT_ARCHES),
    configs: configs === undefined ? [] : parseConfigs(configs),
    logs: logs.path,
    image,
    imageTable: readImageTable(optional(read, Input.imageTable)),
    toolchain: parseToolchain(optional(read, Input.toolchain)),
    ...parseToolchains(optional(read, Input.toolchains), optional(read, Input.toolchain)),
    tmpfsSize: parseSize(Input.tmpfsSize, optional(read, Input.tmpfsSize) ?? DEFAULT_TMPFS_SIZE),
    jobs: parseJobs(optional(read, Input.jobs)),
    targetTimeout: parseDuration(Input.targetTimeout, optional(read, Input.targetTimeout)),
    memory: parseMemory(optional(read, Input.memory)),
    cpus: parseCpus(optional(read, Input.cpus)),
    logsLimit: sizeInBytes(parseSize(Input.logsLimit, optional(read, Input.logsLimit) ?? DEFAULT_LOGS_LIMIT)),
    ccache: ccache?.settings,
    baseline: parseBaseline(optional(read, Input.baseline)),
    force: parseBoolean(Input.force, optional(read, Input.force)),
    shard: parseShard(optional(read, Input.shard)),
    targets: optional(read, Input.targets) === undefined ? undefined : parseTargetList(optional(read, Input.targets)!),
    upload: optional(read, Input.upload) === undefined ? true : parseBoolean(Input.upload, optional(read, Input.upload)),
    artifacts: parseArtifactOptions(read),
    noise: readNoise(optional(read, Input.noise)),
    emailTo: readEmailTo(optional(read, Input.emailTo)),
    keep,
    boot: parseBoot(optional(read, Input.boot), bootTimeout, parseBoolean(Input.bootKvm, optional(read, Input.bootKvm)), keep, splitList),
    makeVars: parseMakeVars(Input.makeVars, optional(read, Input.makeVars) ?? ''),
    kcidbOrigin: parseKcidbOrigin(optional(read, Input.kcidbOrigin) ?? DEFAULT_KCIDB_ORIGIN),
    ...(kunit ? { kunit } : {}),
    bisect: parseBisect(optional(read, Input.bisect), optional(read, Input.bisectLimit), parseDuration(Input.bisectTimeout, optional(read, Input.bisectTimeout) ?? DEFAULT_BISECT_TIMEOUT)!),
    warnings: [logs.warning, ccache?.warning].filter((w) => w !== undefined),
  };
}

/** The logs root folder (default kernelbuilder-logs in the working folder), checked as a place to write. */
export function readLogs(read: InputReader): HostFolder {
  return checkHostFolder(Input.logs, optional(read, Input.logs) ?? DEFAULT_LOGS);
}

/** What the action's main step does: build (the default), plan a fan-out, or report on shards. */
export type Mode = 'build' | 'plan' | 'report';

export function parseMode(text: string): Mode {
  const mode = text.trim() || 'build';
  if (mode !== 'build' && mode !== 'plan' && mode !== 'report') {
    throw new InputError(Input.mode, text, "mode is build (the default), plan (print a matrix for fan-out) or report (merge shards' results)");
  }
  return mode;
}

/** Split a list input on spaces, commas and newlines. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s.length > 0);
}

function parseArches(text: string): string[] {
  const arches = unique(splitList(text));
  if (arches.length === 0) throw new InputError(Input.arches, text, `name at least one of: ${KERNEL_ARCHES.join(' ')}`);
  for (const arch of arches) {
    if (!KERNEL_ARCHES.includes(arch)) {
      throw new InputError(Input.arches, arch, `kernel arches are: ${KERNEL_ARCHES.join(' ')}`);
    }
  }
  return arches;
}

function parseConfigs(text: string): string[] {
  const configs = unique(splitList(text));
  if (configs.length === 0) throw new InputError(Input.configs, text, 'name at least one config, e.g. defconfig');
  for (const c of configs) {
    if (isPattern(c)) checkPattern(Input.configs, c);
    else parseConfigSpec(Input.configs, c);
  }
  return configs;
}

function parseToolchain(text: string | undefined): string {
  if (text === undefined) return 'gcc';
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(text)) throw new InputError(Input.toolchain, text, 'it is a toolchain family of the image table, e.g. gcc or clang');
  return text;
}

/** More compilers than an image holds is a typo, not a matrix. */
const MAX_TOOLCHAINS = 8;

/**
 * The compilers of a matrix build: distinct names, gcc or clang-N. The image is then the
 * table's that holds them all, so the toolchain input (which rules choose) must be left at
 * its default, gcc (the action's runner fills a default in).
 */
function parseToolchains(text: string | undefined, toolchain: string | undefined): { toolchains?: string[] } {
  if (text === undefined) return {};
  const names = splitList(text);
  if (names.length === 0 || names.length > MAX_TOOLCHAINS) throw new InputError(Input.toolchains, text, `name 1 to ${MAX_TOOLCHAINS} compilers, e.g. "gcc clang-14 clang-19"`);
  const bad = names.find((n) => !isCompilerName(n));
  if (bad !== undefined) throw new InputError(Input.toolchains, bad, COMPILER_SYNTAX);
  if (new Set(names).size !== names.length) throw new InputError(Input.toolchains, text, 'each compiler once');
  if (toolchain !== undefined && toolchain !== 'gcc') throw new InputError(Input.toolchains, text, `give toolchains or toolchain (${toolchain}), not both: the image for a compiler list is the table's that holds them all`);
  return { toolchains: names };
}

/** A table is a few kB; the cap only keeps /dev/zero and its like out. */
const MAX_IMAGE_TABLE_BYTES = 2 ** 20;
const MAX_NOISE_BYTES = 2 ** 20;

function readImageTable(value: string | undefined): ImageTable {
  if (value === undefined) return defaultImageTable;
  if (value.trimStart().startsWith('{')) return parseImageTable(value, Input.imageTable, value);
  return parseImageTable(readUserFile(Input.imageTable, value, MAX_IMAGE_TABLE_BYTES, 'inline JSON or a JSON file'), Input.imageTable, value);
}

/** A file a user named in an input: a regular file of at most `maxBytes`, else an InputError saying why. */
function readUserFile(input: string, path: string, maxBytes: number, what: string): string {
  try {
    return readInputFile(path, { maxBytes, followLinks: true });
  } catch (e) {
    if (!(e instanceof FileRefusedError)) throw e;
    throw new InputError(input, path, `it must be ${what}: ${e.message}`);
  }
}

/**
 * Where the compiler cache lives: by default a folder of the runner's tool cache (kept
 * across jobs on a self-hosted runner), else ~/.cache/kernelbuilder/ccache.
 */
export function defaultCcacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RUNNER_TOOL_CACHE) return join(env.RUNNER_TOOL_CACHE, 'kernelbuilder-ccache');
  return join(env.HOME || homedir(), '.cache', 'kernelbuilder', 'ccache');
}

/**
 * The compiler cache folder in actions mode: fresh each job under the runner's temp folder
 * (emptied between jobs), filled from and saved to the Actions cache.
 */
export function actionsCcacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.RUNNER_TEMP || tmpdir(), 'kernelbuilder-ccache');
}

/** GitHub keeps 10 GB of Actions cache per repository: one entry must leave room for others. */
const ACTIONS_CCACHE_SIZE = '2g';
const HOST_CCACHE_SIZE = '20g';

function parseCcache(mode: string | undefined, dir: string | undefined, size: string | undefined): { settings: NonNullable<Inputs['ccache']>; warning?: string } | undefined {
  if (mode !== undefined && mode !== 'host' && mode !== 'actions' && mode !== 'off') {
    throw new InputError(
      Input.ccache,
      mode,
      "ccache is 'host' (a folder on the build machine, the default), 'actions' (the Actions cache, for hosted runners) or 'off'",
    );
  }
  if (mode === 'off') return undefined;
  if (mode === 'actions') {
    if (dir !== undefined) {
      throw new InputError(Input.ccacheDir, dir, `it is for ccache 'host' only; with ${Input.ccache} 'actions' the folder is $RUNNER_TEMP/kernelbuilder-ccache`);
    }
    return { settings: { dir: actionsCcacheDir(), maxSize: parseSize(Input.ccacheSize, size ?? ACTIONS_CCACHE_SIZE), actionsCache: true } };
  }
  // The folder is mounted writable into every build: never a system folder.
  const folder = checkHostFolder(Input.ccacheDir, dir ?? defaultCcacheDir());
  return { settings: { dir: folder.path, maxSize: parseSize(Input.ccacheSize, size ?? HOST_CCACHE_SIZE) }, warning: folder.warning };
}

/** `i/N`: shard i of N, 1 ≤ i ≤ N ≤ 256 (a matrix holds 256 jobs at most). */
export function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^([1-9][0-9]{0,2})\/([1-9][0-9]{0,2})$/.exec(text);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(index >= 1 && count <= 256 && index <= count)) {
    throw new InputError(Input.shard, text, 'a shard is i/N with 1 ≤ i ≤ N ≤ 256, e.g. 2/3');
  }
  return { index, count };
}

function parseTargetList(text: string): string[] {
  const targets = unique(splitList(text));
  for (const t of targets) parseTargetName(Input.targets, t, 'targets are arch/config names, e.g. x86/defconfig arm64/tinyconfig');
  return targets;
}

/**
 * The baseline, checked before anything is built: a kernelbuilder results.json, or a
 * folder holding one (a downloaded artifact). Returns the real path of the results.json.
 */
function parseBaseline(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const what = 'a kernelbuilder results.json, or a folder holding one (e.g. a downloaded artifact)';
  const file = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? join(path, RESULTS_FILE) : path;
  try {
    parseResults(readUserFile(Input.baseline, file, MAX_RESULTS_BYTES, what));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(Input.baseline, file, `it must be ${what}: ${(e as Error).message}`);
  }
  // The comparison after the build reads it again without following links: give it the file itself.
  return realpathSync(file);
}

/** true/false as the runner's YAML 1.2 core schema spells them. */
export function parseBoolean(input: string, text: string | undefined): boolean {
  if (text === undefined) return false;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  throw new InputError(input, text, 'it is true or false');
}

/** The noise input: the default list, plus the patterns of the file it names. */
export function readNoise(path: string | undefined): NoiseFilter {
  if (path === undefined) return defaultNoise;
  const text = readUserFile(Input.noise, path, MAX_NOISE_BYTES, 'a file of RE2 regular expressions, one a line');
  return parseNoiseFile(text, `${Input.noise} (${path})`);
}

/**
 * Addresses for a To: header, from the raw text of any front (action input, CLI option);
 * empty means none. Nothing that could start another header gets through.
 */
export function readEmailTo(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  if (text.length > 1000 || /[\r\n]/.test(text) || !/^[^,\s@]+@[^,\s@]+(\s*,\s*[^,\s@]+@[^,\s@]+)*$/.test(text)) {
    throw new InputError(Input.emailTo, text, 'it is one or more addresses like maintainer@example.org, separated by commas');
  }
  return text;
}

/** A memory limit in bytes: a size from 16m (a kernel build needs more; the floor only refuses nonsense). */
function parseMemory(text: string | undefined): number | undefined {
  return text === undefined ? undefined : sizeInBytes(parseSize(Input.memory, text));
}

function parseCpus(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const cpus = /^\d{1,4}(\.\d{1,2})?$/.test(text) ? Number(text) : NaN;
  if (!(cpus >= 0.1 && cpus <= 1024)) throw new InputError(Input.cpus, text, 'cpus is a number of cores from 0.1 to 1024, e.g. 2 or 1.5');
  return cpus;
}

function parseJobs(text: string | undefined): number {
  if (text === undefined) return availableParallelism() + 2;
  if (!/^[1-9][0-9]{0,3}$/.test(text) || Number(text) > 1024) {
    throw new InputError(Input.jobs, text, 'jobs is a whole number from 1 to 1024 (default: cores + 2)');
  }
  return Number(text);
}

function required(read: InputReader, name: string, what: string): string {
  const value = optional(read, name);
  if (value === undefined) throw new InputError(name, '', `it is required: ${what}`);
  return value;
}

function optional(read: InputReader, name: string): string | undefined {
  const value = read(name).trim();
  if (value.includes('\0')) throw new InputError(name, value, 'it must not contain NUL characters');
  return value === '' ? undefined : value;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
