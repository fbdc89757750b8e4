import { type BootResult } from '../types/boot.ts';
import { KernelbuilderError } from '../errors.ts';
import { KEPT_FILES, RESULTS_FILE, targetPaths } from '../logs-layout.ts';
import { checkPathComponent } from '../values/path-component.ts';
import { parseSize } from '../values/size.ts';
import { checkRefSyntax } from '../ref/ref-syntax.ts';
import { isImageRef } from '../images/table.ts';
import { KERNEL_ARCHES } from '../values/target-name.ts';
import { CONFIG_SYNTAX, isConfigName, parseConfigSpec, parseFragment } from '../values/config-spec.ts';
import { readInside } from '../safe-files.ts';
import { checkMakeVar } from '../values/make-vars.ts';
import { type BuildResults, type TargetResult } from '../types/results.ts';

/** A results.json lists a few hundred targets with their excerpts: far below this. */
export const RESULTS_LIMIT = 64 * 2 ** 20;

/**
 * The results.json of a build folder that may come from anywhere (a shard's artifact from
 * another runner, a folder given to `report`), read without following links and checked
 * as hostile: see checkResults.
 */
export function readResultsDir(dir: string): BuildResults {
  let data: unknown;
  try {
    data = JSON.parse(readInside(dir, RESULTS_FILE, RESULTS_LIMIT) ?? 'null');
  } catch (e) {
    if (e instanceof KernelbuilderError) throw e;
    throw new KernelbuilderError(`${dir}: ${RESULTS_FILE} is not JSON`);
  }
  if (data === null) throw new KernelbuilderError(`${dir} holds no ${RESULTS_FILE} of a kernelbuilder build`);
  return checkResults(data, dir);
}

/** Where a field is bad: the folder and the field, never the value (it may be anything). */
class BadField extends KernelbuilderError {
  constructor(dir: string, field: string, allowed: string) {
    super(`${dir}/${RESULTS_FILE}: field ${field} is not allowed; ${allowed}`);
  }
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const IMAGE_ID = /^[A-Za-z0-9]+:[A-Za-z0-9]{1,128}$/;
const CROSS = /^[A-Za-z0-9._-]{0,100}$/;
/** As images/inspect.ts allows an image's make variables. */
const MAKE_VAR = /^[A-Z_][A-Z0-9_]*=[A-Za-z0-9._/+-]*$/;
const STATUSES = ['pass', 'fail', 'error'];
const TEXT_LIMIT = 4096;

/**
 * Check every field of a results.json that becomes a name, a path, a header or a word of
 * a reproducer, as the inputs are checked: arches are kernel arches, configs parse as
 * config requests, tree and build id are names a folder can have, a target's files are
 * where the logs layout puts them (taken from the layout, never from the file). No text
 * anywhere holds a control character (a newline ends a header of the email, or a
 * comment of a reproducer). Throws naming `dir` and the field.
 */
export function checkResults(data: unknown, dir: string): BuildResults {
  const bad = (field: string, allowed: string) => new BadField(dir, field, allowed);
  const r = data as BuildResults;
  if (!isObject(data) || r.schema !== 1) throw bad('schema', 'it is 1 in a results.json of kernelbuilder');
  if (!Array.isArray(r.targets)) throw bad('targets', 'it is a list of targets');
  checkText(withoutDerived(r), '', bad);
  if (!Array.isArray(r.targetOrder)) throw bad('targetOrder', 'it is a list of arch/config names');
  if (!Array.isArray(r.commits)) throw bad('commits', 'it is a list of commits');
  if (!Array.isArray(r.dropped)) throw bad('dropped', 'it is a list');
  if (!isObject(r.image)) throw bad('image', 'it describes the build image');
  if (typeof r.complete !== 'boolean') throw bad('complete', 'it is true or false');
  if (r.result !== 'pass' && r.result !== 'fail' && r.result !== 'error') throw bad('result', 'it is pass, fail or error');
  must(() => checkPathComponent('tree', String(r.tree)), bad('tree', 'it is a name a folder can have (letters, digits, . _ + -)'));
  must(() => checkRefSyntax(String(r.buildId)), bad('buildId', 'it is a git describe name or a sha'));
  must(() => checkRefSyntax(String(r.ref)), bad('ref', 'it is a ref as the ref input takes it'));
  if (typeof r.sha !== 'string' || !SHA.test(r.sha)) throw bad('sha', 'it is a full commit sha');
  if (typeof r.image.id !== 'string' || !IMAGE_ID.test(r.image.id)) throw bad('image.id', 'it is an image id, algorithm:hex');
  if (typeof r.image.digest !== 'string' || !(IMAGE_ID.test(r.image.digest) || isImageRef(r.image.digest))) throw bad('image.digest', 'it is an image reference or id');
  if (typeof r.image.name !== 'string' || !isImageRef(r.image.name)) throw bad('image.name', 'it is an image reference');
  if (!isObject(r.image.cross)) throw bad('image.cross', 'it maps kernel arches to CROSS_COMPILE prefixes');
  for (const [arch, prefix] of Object.entries(r.image.cross)) {
    if (!KERNEL_ARCHES.includes(arch) || typeof prefix !== 'string' || !CROSS.test(prefix)) throw bad(`image.cross.${arch.slice(0, 20)}`, 'it maps a kernel arch to a CROSS_COMPILE prefix');
  }
  if (!Array.isArray(r.image.makeVars) || !r.image.makeVars.every((v) => typeof v === 'string' && MAKE_VAR.test(v))) throw bad('image.makeVars', 'it lists NAME=value make variables of plain characters');
  if (r.makeVars !== undefined && !(Array.isArray(r.makeVars) && r.makeVars.every((v) => typeof v === 'string' && isAllowedMakeVar(v)))) {
    throw bad('makeVars', 'it lists NAME=value make variables of the make-vars allow-list');
  }
  must(() => parseSize('tmpfsSize', String(r.tmpfsSize)), bad('tmpfsSize', 'it is a size such as 60g'));
  for (const field of ['startedAt', 'finishedAt'] as const) {
    if (typeof r[field] !== 'string' || !Number.isFinite(Date.parse(r[field]))) throw bad(field, 'it is an ISO date and time');
  }
  for (const field of ['durationSeconds', 'driverExitCode'] as const) {
    if (!Number.isFinite(r[field])) throw bad(field, 'it is a number');
  }
  if (r.peakMemoryBytes !== undefined && !isCount(r.peakMemoryBytes)) throw bad('peakMemoryBytes', 'it is a whole number of bytes');
  if (r.ccache !== undefined && !(isObject(r.ccache) && Number.isFinite(r.ccache.hits) && Number.isFinite(r.ccache.misses))) throw bad('ccache', 'it counts hits and misses');
  r.targetOrder.forEach((name, i) => checkTargetName(name, `targetOrder[${i}]`, bad));
  return { ...r, targets: r.targets.map((t, i) => checkTarget(t, `targets[${i}]`, bad)) };
}

type Bad = (field: string, allowed: string) => BadField;

function checkTarget(t: TargetResult, field: string, bad: Bad): TargetResult {
  if (!isObject(t)) throw bad(field, 'it is a target');
  if (!KERNEL_ARCHES.includes(t.arch)) throw bad(`${field}.arch`, `kernel arches are: ${KERNEL_ARCHES.join(' ')}`);
  must(() => parseConfigSpec('config', String(t.config)), bad(`${field}.config`, 'it is a config request as the configs input takes it'));
  if (t.target !== `${t.arch}/${t.config}`) throw bad(`${field}.target`, 'it is its arch/config');
  if (!STATUSES.includes(t.status)) throw bad(`${field}.status`, `it is one of ${STATUSES.join(' ')}`);
  for (const number of ['exitCode', 'durationSeconds', 'cpuSeconds', 'objects'] as const) {
    if (t[number] !== undefined && !Number.isFinite(t[number])) throw bad(`${field}.${number}`, 'it is a number');
  }
  // They plan the next builds (costs.ts): a negative, fractional or huge figure would mislead the space scheduler.
  if (t.objdirBytes !== undefined && !isCount(t.objdirBytes)) throw bad(`${field}.objdirBytes`, 'it is a whole number of bytes');
  if (t.spaceWaitSeconds !== undefined && !isCount(t.spaceWaitSeconds)) throw bad(`${field}.spaceWaitSeconds`, 'it is a whole number of seconds');
  const paths = targetPaths(t.arch, t.config);
  if (t.log !== paths.log) throw bad(`${field}.log`, `it is ${paths.log}, where the logs layout puts the target's log`);
  if (t.dotConfig !== undefined && t.dotConfig !== paths.dotConfig) throw bad(`${field}.dotConfig`, `it is ${paths.dotConfig}, where the logs layout puts the target's .config`);
  checkConfigSteps(t, field, bad);
  if (t.requires !== undefined && !(Array.isArray(t.requires) && t.requires.every((o) => typeof o === 'string' && /^CONFIG_[A-Z0-9_]+=/.test(o)))) {
    throw bad(`${field}.requires`, 'it lists CONFIG_X=value options');
  }
  if (t.kept !== undefined && !(isObject(t.kept) && Array.isArray(t.kept.files) && t.kept.files.every((f) => (KEPT_FILES as readonly string[]).includes(f)))) {
    throw bad(`${field}.kept`, `it lists files of ${KEPT_FILES.join(' ')}`);
  }
  if (t.sizes !== undefined && !(isObject(t.sizes) && Object.values(t.sizes).every(Number.isFinite))) throw bad(`${field}.sizes`, 'it holds numbers');
  const boot = t.boot === undefined ? undefined : checkBoot(t.boot, `${field}.boot`, paths.console, bad);
  return {
    ...t,
    log: paths.log,
    ...(t.dotConfig === undefined ? {} : { dotConfig: paths.dotConfig }),
    ...(t.kept === undefined ? {} : { kept: { dir: paths.kept, files: t.kept.files } }),
    ...(boot ? { boot } : {}),
  };
}

/**
 * How a target's config was made, each part as the configs input takes it: these become
 * words and a fragment file's lines of its reproducer. A shipped fragment is one of the
 * target's fragment files, its lines those of a config fragment.
 */
function checkConfigSteps(t: TargetResult, field: string, bad: Bad): void {
  if (t.base !== undefined && !(typeof t.base === 'string' && isConfigName(t.base))) throw bad(`${field}.base`, `it is a base config: ${CONFIG_SYNTAX}`);
  const fragments = t.fragments ?? [];
  if (!Array.isArray(fragments)) throw bad(`${field}.fragments`, 'it lists fragments: NAME.config or CONFIG_X=value');
  fragments.forEach((f, i) => must(() => parseFragment('fragments', String(f), typeof f === 'string' ? f : ''), bad(`${field}.fragments[${i}]`, `it is a fragment: ${CONFIG_SYNTAX}`)));
  if (t.shippedFragments === undefined) return;
  if (!isObject(t.shippedFragments)) throw bad(`${field}.shippedFragments`, 'it maps fragment files to their lines');
  for (const [name, lines] of Object.entries(t.shippedFragments)) {
    if (!fragments.includes(name) || !name.endsWith('.config')) throw bad(`${field}.shippedFragments`, 'its names are fragment files of the target');
    if (!Array.isArray(lines) || !lines.every((l) => typeof l === 'string' && FRAGMENT_LINE.test(l))) {
      throw bad(`${field}.shippedFragments.${name}`, 'it lists the lines of a config fragment: blank, # comments or CONFIG_X=value');
    }
  }
}

/** A line of a config fragment as Kconfig reads one. */
const FRAGMENT_LINE = /^(?:\s*|#.*|CONFIG_[A-Za-z0-9_]+=.*)$/;

/**
 * A shard's boot: its console where the layout puts it, and no reproducer: that line is a
 * command for the merged report's reader, so only a runner of ours may write one.
 */
function checkBoot(boot: BootResult, field: string, consolePath: string, bad: Bad): BootResult {
  if (!isObject(boot) || !['pass', 'fail', 'skipped'].includes(boot.status)) throw bad(`${field}.status`, 'it is pass, fail or skipped');
  if (boot.console !== undefined && boot.console !== consolePath) throw bad(`${field}.console`, `it is ${consolePath}, where the logs layout puts the console`);
  for (const number of ['durationSeconds', 'errors', 'warnings', 'line'] as const) {
    if (boot[number] !== undefined && !Number.isFinite(boot[number])) throw bad(`${field}.${number}`, 'it is a number');
  }
  const { reproducer: _dropped, ...kept } = boot;
  return kept;
}

function checkTargetName(name: unknown, field: string, bad: Bad): void {
  const [arch, ...config] = String(name).split('/');
  if (typeof name !== 'string' || !KERNEL_ARCHES.includes(arch)) throw bad(field, 'it is an arch/config target name');
  must(() => parseConfigSpec('config', config.join('/')), bad(field, 'it is an arch/config target name'));
}

/** Every string below `value` is one line of printable text of bounded length. */
function checkText(value: unknown, field: string, bad: Bad): void {
  if (typeof value === 'string') {
    if (/[\u0000-\u001f\u007f]/.test(value) || value.length > TEXT_LIMIT) throw bad(field || '(top)', `text is one line without control characters, at most ${TEXT_LIMIT} characters`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkText(v, `${field}[${i}]`, bad));
  } else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      const name = field ? `${field}.${key.slice(0, 40)}` : key.slice(0, 40);
      if (/[\u0000-\u001f\u007f]/.test(key)) throw bad(field || '(top)', 'its keys are names without control characters');
      checkText(v, name, bad);
    }
  }
}

/**
 * The results without what a merge or a re-render reads again from the logs (counts,
 * issues, a target's counts and excerpt) and what no report prints (the issues a baseline
 * had that are gone are only counted): their text is never used as read.
 */
function withoutDerived(r: BuildResults): object {
  const { counts: _c, issues: _i, ...kept } = r;
  return {
    ...kept,
    ...(isObject(r.regressions) ? { regressions: { ...r.regressions, fixedIssues: undefined } } : {}),
    targets: r.targets.map((t) => (isObject(t) ? { ...t, errors: undefined, warnings: undefined, excerpt: undefined } : t)),
  };
}

/** A whole number from 0 that JavaScript counts exactly: bytes, seconds. */
function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Run a check that throws an InputError (or anything) and throw `error` instead: the value is not to be echoed. */
/** A make variable the make-vars input would have taken: it becomes a word of every reproducer. */
function isAllowedMakeVar(v: string): boolean {
  try {
    checkMakeVar('makeVars', v);
    return true;
  } catch {
    return false;
  }
}

function must(check: () => unknown, error: BadField): void {
  try {
    check();
  } catch {
    throw error;
  }
}
