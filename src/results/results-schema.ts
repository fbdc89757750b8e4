import { type Infer, type Same, array, boolean, count, neverRead, number, object, oneOf, optional, record, refine, related, string, union } from '../schema.ts';
import { type BisectRecord, type BuildResults, type DiagnosticCounts, type Regressions, type SizeChange, type TargetResult, type TargetSizes } from '../types/results.ts';
import { type FailureReason, type Issue, type SymbolChange } from '../types/diagnostics.ts';
import { type BootFailureReason, type BootResult } from '../types/boot.ts';
import { type KunitCase, type KunitResult } from '../types/kunit.ts';
import { type CommitInfo } from '../types/ref.ts';
import { type SourceMount } from '../types/source.ts';
import { mountPlaceProblem } from '../values/mount-place.ts';
import { type CcacheStats } from '../types/ccache.ts';
import { KEPT_FILES, targetPaths } from '../logs-layout.ts';
import { checkRefSyntax } from '../ref/ref-syntax.ts';
import { isImageRef } from '../images/table.ts';
import { type Dropped } from '../types/targets.ts';
import { KERNEL_ARCHES, parseTargetName } from '../values/target-name.ts';
import { CONFIG_SYNTAX, isConfigName, parseConfigSpec, parseFragment } from '../values/config-spec.ts';
import { checkMakeVar } from '../values/make-vars.ts';
import { COMPILER_SYNTAX, isCompilerName, splitCompiler } from '../values/compiler.ts';
import { parseSize } from '../values/size.ts';
import { checkTreeName } from '../values/path-component.ts';

/*
 * results.json, as a build writes it and as every reader takes it: one declaration of
 * every field, what it may hold, and to the depth any code reads it. What becomes a name,
 * a path, a header or a word of a reproducer is held to the rule the inputs and the plan
 * use for it; every other string is one line of plain text; text a log or a console gave
 * (excerpts, diagnostics, the driver's last lines) is any text, escaped by each medium.
 *
 * The types are declared in types/results.ts (the floor, which imports only types): the
 * `Same` lines below make tsc fail when the schema and a type drift apart.
 */

const line = string();
/** Text a log or a console gave: any characters (every medium escapes it). */
const logText = string({ anyText: true });

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const IMAGE_ID = /^[A-Za-z0-9]+:[A-Za-z0-9]{1,128}$/;
const CROSS = /^[A-Za-z0-9._-]{0,100}$/;
/** As images/inspect.ts allows an image's make variables. */
const MAKE_VAR = /^[A-Z_][A-Z0-9_]*=[A-Za-z0-9._/+-]*$/;
/** A line of a config fragment as Kconfig reads one. */
const FRAGMENT_LINE = /^(?:\s*|#.*|CONFIG_[A-Za-z0-9_]+=.*)$/;
/** ISO 8601 as toISOString and git's %cI write it: Date.parse takes far more ("yesterday" in some engines, "1"). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

const sha = string({ pattern: SHA, allowed: 'it is a full commit sha' });
const date = refine(string({ pattern: ISO_DATE }), 'it is an ISO 8601 date and time, e.g. 2025-12-31T23:59:59.000Z', (d) => Number.isFinite(Date.parse(d)));
const arch = oneOf(KERNEL_ARCHES as readonly string[], `kernel arches are: ${KERNEL_ARCHES.join(' ')}`);
const targetName = refine(line, 'it is an arch/config target name', (name) => parseTargetName('target', name, 'an arch/config name') !== undefined);

/**
 * A host folder the plan could have mounted (plan/source-layout.ts): an absolute,
 * normalised path of printable characters without the `,` and `:` that end a word of
 * `--mount`, and none of the host's system folders (nor above one), no socket: it becomes
 * a bind mount of the reproducer a person runs on their own machine.
 */
const HOST_PATH = /^(?:\/[^/\u0000-\u001f\u007f,:]+)+$/;
const HOST_SYSTEM = ['/proc', '/sys', '/dev', '/etc', '/boot', '/run', '/var/run', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/usr', '/var'];
/** Below these a repository of a build machine never is: the kernel's file systems, secrets, the Docker socket's folder. */
const HOST_FORBIDDEN_BELOW = ['/proc', '/sys', '/dev', '/etc', '/boot', '/run', '/var/run'];
function isHostFolder(path: string): boolean {
  const parts = path.split('/').slice(1);
  return (
    HOST_PATH.test(path) &&
    !parts.some((p) => p === '.' || p === '..' || p.endsWith('.sock')) &&
    !HOST_SYSTEM.some((s) => within(s, path)) &&
    !HOST_FORBIDDEN_BELOW.some((s) => within(path, s))
  );
}
const hostFolder = refine(line, 'it is an absolute path of a repository folder: no . or .. parts, no , or :, no system folder (/etc, /proc, /run, ...), no socket', isHostFolder);
const containerPath = refine(line, "it is an absolute path in the build container, not over the build's own folders or the image's", (path) => HOST_PATH.test(path) && !path.split('/').some((p) => p === '.' || p === '..') && mountPlaceProblem(path) === undefined);

function within(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}/`);
}

const sourceMountSchema = object({ host: hostFolder, container: containerPath, why: line });

const commitSchema = object({ sha, author: line, date, subject: line });

const droppedSchema = object({ arch: line, config: optional(line), reason: line });

const ccacheSchema = object({ hits: count(), misses: count(), hitRate: number() });

const sizesSchema = object({ text: number(), data: number(), bss: number(), imageBytes: number(), modules: number() });

const symbolChangeSchema = object({ name: logText, before: number(), after: number(), delta: number() });

const DIAGNOSTIC_KINDS = [
  'compiler',
  'linker',
  'modpost',
  'section-mismatch',
  'kconfig',
  'dtc',
  'assembler',
  'make',
  'syscall',
  'directive',
  'kernel-doc',
  'sparse',
  'kunit',
  'panic',
  'oops',
  'bug',
  'boot-warning',
  'kasan',
  'ubsan',
  'hung-task',
  'rcu-stall',
] as const;

/** A distinct problem of the logs: read again from the logs by a merge or `report`, its text is the log's. */
const issueSchema = object({
  kind: oneOf(DIAGNOSTIC_KINDS),
  severity: oneOf(['error', 'warning', 'note']),
  file: optional(logText),
  line: optional(number()),
  column: optional(number()),
  message: logText,
  flag: optional(logText),
  context: array(logText),
  detail: optional(array(logText)),
  signature: logText,
  count: count(),
  targets: array(line),
  noise: boolean(),
  onlyCompilers: optional(array(refine(line, COMPILER_SYNTAX, isCompilerName), 'it lists compilers')),
});

const countsSchema = object({
  errors: count(),
  warnings: count(),
  noise: count(),
  sectionMismatches: count(),
  syscalls: count(),
  sparse: optional(count()),
  bootErrors: optional(count()),
  bootWarnings: optional(count()),
  kunit: optional(count()),
});

const BOOT_FAILURE_REASONS = ['kernel panic', 'oops', 'qemu error', 'no console output', 'timeout', 'kernel error', 'init not reached', 'no sentinel'] as const;

/** A target's boot. Its reproducer line is a command for the report's reader: only a runner of ours writes one, so it is never taken as read. */
const bootSchema = object({
  status: oneOf(['pass', 'fail', 'skipped']),
  reason: optional(oneOf([...BOOT_FAILURE_REASONS, 'console not read'])),
  message: optional(logText),
  file: optional(logText),
  line: optional(number()),
  signature: optional(logText),
  machine: optional(line),
  durationSeconds: optional(number()),
  exitCode: optional(union([number(), oneOf([null])])),
  timedOut: optional(boolean()),
  console: optional(line),
  release: optional(line),
  errors: optional(count()),
  warnings: optional(count()),
  reproducer: neverRead<string>('it is written by the report, never read'),
});

/*
 * A target's KUnit run, bounded as the reader bounds what it keeps (src/kunit): a run keeps
 * at most 20,000 cases and the runs are merged case by case, names are cut at 256
 * characters (a parameter's joined names longer), a diagnostic keeps 20 lines of at most
 * 1,024. The bounds here are looser than the reader's, never looser than a report can carry.
 */
const KUNIT_LIMITS = { cases: 120_000, text: 4096, detailLines: 50, reason: 16_384 } as const;
/** One line a console gave, cut as the reader cuts it: any characters but bounded (every medium escapes it). */
const kunitText = string({ anyText: true, maxLength: KUNIT_LIMITS.text, allowed: `it is text of at most ${KUNIT_LIMITS.text} characters` });

/** A KUnit case's failed expectation or crash: text the console gave. */
const kunitDiagnosticSchema = object({
  message: kunitText,
  file: optional(kunitText),
  line: optional(count()),
  detail: array(kunitText, `it lists at most ${KUNIT_LIMITS.detailLines} lines of text of at most ${KUNIT_LIMITS.text} characters`, KUNIT_LIMITS.detailLines),
});

/** A case's runs: it passed in at most as many as it was in. */
const kunitRunsSchema = related(object({ total: count(), passed: count() }), (r) => (r.passed > r.total ? { field: 'passed', allowed: 'it is at most total' } : undefined));

/** One KUnit case: its names are the console's (one line each, escaped by every medium). */
const kunitCaseSchema = object({
  suite: line,
  case: line,
  param: optional(line),
  status: oneOf(['pass', 'fail', 'skip', 'crashed', 'flaky']),
  reason: optional(kunitText),
  durationSeconds: optional(number()),
  diagnostic: optional(kunitDiagnosticSchema),
  runs: kunitRunsSchema,
});

/** Cases by status, `total` their sum. */
const kunitTotalsSchema = related(object({ total: count(), pass: count(), fail: count(), skip: count(), crashed: count(), flaky: count() }), (t) =>
  t.total !== t.pass + t.fail + t.skip + t.crashed + t.flaky ? { field: 'total', allowed: 'it is the sum of pass, fail, skip, crashed and flaky' } : undefined,
);

/** A target's KUnit run. Its consoles are where the logs layout puts them (checked with the target). */
const kunitSchema = object({
  status: oneOf(['pass', 'fail', 'skipped', 'error']),
  reason: optional(string({ anyText: true, maxLength: KUNIT_LIMITS.reason, allowed: `it is text of at most ${KUNIT_LIMITS.reason} characters` })),
  mode: oneOf(['uml', 'qemu']),
  attempts: count(),
  durationSeconds: optional(number()),
  timedOut: optional(boolean()),
  consoles: array(line),
  totals: kunitTotalsSchema,
  cases: array(kunitCaseSchema, `it lists at most ${KUNIT_LIMITS.cases} KUnit cases`, KUNIT_LIMITS.cases),
});

/** A target's config: a config request, and after `@` the compiler of a matrix build. */
function isTargetConfig(config: string): boolean {
  const { spec, compiler } = splitCompiler(config);
  return parseConfigSpec('config', spec) !== undefined && (compiler === undefined || isCompilerName(compiler));
}

const FAILURE_REASONS = ['timeout', 'out of memory', 'no space left on /build'] as const;
const STOP_CAUSES = ['cancelled', 'logs over limit'] as const;

/** One target. Its files are where the logs layout puts them (never where the file says): its log, .config, kept folder and console. */
const targetSchema = related(
  object({
    target: line,
    arch,
    config: refine(line, 'it is a config request as the configs input takes it, with @ and its compiler in a compiler matrix', isTargetConfig),
    compiler: optional(refine(line, COMPILER_SYNTAX, isCompilerName)),
    status: oneOf(['pass', 'fail', 'error']),
    stage: optional(refine(line, 'it is config, olddefconfig or build', (s) => ['config', 'olddefconfig', 'build'].includes(s))),
    reason: optional(oneOf([...FAILURE_REASONS, ...STOP_CAUSES])),
    exitCode: optional(number()),
    durationSeconds: optional(number()),
    cpuSeconds: optional(number()),
    objects: optional(number()),
    // They plan the next builds (costs.ts): a negative, fractional or huge figure would mislead the space scheduler.
    objdirBytes: optional(count('it is a whole number of bytes')),
    spaceWaitSeconds: optional(count('it is a whole number of seconds')),
    // How its config was made, each part as the configs input takes it: words and a fragment file's lines of its reproducer.
    base: optional(refine(line, `it is a base config: ${CONFIG_SYNTAX}`, isConfigName)),
    fragments: optional(array(refine(line, `it is a fragment: ${CONFIG_SYNTAX}`, (f) => parseFragment('fragments', f, f) !== undefined), 'it lists fragments: NAME.config or CONFIG_X=value')),
    shippedFragments: optional(
      record(
        refine(line, 'its names are fragment files of the target', (name) => name.endsWith('.config')),
        array(string({ pattern: FRAGMENT_LINE, allowed: 'it is a line of a config fragment: blank, a # comment or CONFIG_X=value' }), 'it lists the lines of a config fragment: blank, # comments or CONFIG_X=value'),
        'it maps fragment files to their lines',
      ),
    ),
    requires: optional(array(string({ pattern: /^CONFIG_[A-Z0-9_]+=/, allowed: 'it is a CONFIG_X=value option' }), 'it lists CONFIG_X=value options')),
    log: line,
    dotConfig: optional(line),
    errors: optional(count()),
    warnings: optional(count()),
    excerpt: optional(object({ source: oneOf(['errors', 'tail']), lines: array(logText) })),
    kept: optional(object({ dir: line, files: array(refine(line, `it is one of ${KEPT_FILES.join(' ')}`, (f) => (KEPT_FILES as readonly string[]).includes(f)), `it lists files of ${KEPT_FILES.join(' ')}`) })),
    sizes: optional(sizesSchema),
    boot: optional(bootSchema),
    kunit: optional(kunitSchema),
  }),
  (t) => {
    const paths = targetPaths(t.arch, t.config);
    if (t.target !== `${t.arch}/${t.config}`) return { field: 'target', allowed: 'it is its arch/config' };
    if (t.log !== paths.log) return { field: 'log', allowed: `it is ${paths.log}, where the logs layout puts the target's log` };
    if (t.dotConfig !== undefined && t.dotConfig !== paths.dotConfig) return { field: 'dotConfig', allowed: `it is ${paths.dotConfig}, where the logs layout puts the target's .config` };
    if (t.kept !== undefined && t.kept.dir !== paths.kept) return { field: 'kept.dir', allowed: `it is ${paths.kept}, where the logs layout puts the kept folder` };
    if (t.boot?.console !== undefined && t.boot.console !== paths.console) return { field: 'boot.console', allowed: `it is ${paths.console}, where the logs layout puts the console` };
    if (t.kunit?.consoles.some((c, i) => c !== paths.kunitConsoles[i])) return { field: 'kunit.consoles', allowed: `they are ${paths.kunitConsoles[0]}, ... in run order, where the logs layout puts them` };
    const unlisted = Object.keys(t.shippedFragments ?? {}).some((name) => !(t.fragments ?? []).includes(name));
    if (unlisted) return { field: 'shippedFragments', allowed: 'its names are fragment files of the target' };
    return undefined;
  },
);

const sizeChangeSchema = object({ target: targetName, before: sizesSchema, after: sizesSchema, delta: number(), imageDelta: number(), growing: optional(array(symbolChangeSchema)) });

const regressionsSchema = object({
  baseline: object({ buildId: line, sha, results: line }),
  newIssues: array(logText),
  fixedIssues: array(issueSchema),
  newlyFailing: array(targetName),
  newlyPassing: array(targetName),
  newlyFailingBoots: array(targetName),
  newlyPassingBoots: array(targetName),
  sizes: array(sizeChangeSchema),
});

const bisectSchema = object({
  regression: line,
  target: targetName,
  what: logText,
  result: oneOf(['found', 'not found', 'error']),
  reason: optional(logText),
  culprit: optional(object({ sha, subject: line, author: line, date, position: object({ k: count(), n: count() }) })),
  builds: optional(count()),
  durationSeconds: optional(number()),
  // The bisect's folder beside the build's, as after-build.ts records it: a link target of the reports.
  folder: optional(string({ pattern: /^(?:\.\.\/)?bisect-[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,199}$/, allowed: "it is the bisect's folder ../bisect-..." })),
});

const imageSchema = object({
  name: refine(line, 'it is an image reference', isImageRef),
  id: string({ pattern: IMAGE_ID, allowed: 'it is an image id, algorithm:hex' }),
  digest: refine(line, 'it is an image reference or id', (d) => IMAGE_ID.test(d) || isImageRef(d)),
  toolchain: line,
  reason: line,
  cross: record(arch, string({ pattern: CROSS, allowed: 'it is a CROSS_COMPILE prefix' }), 'it maps kernel arches to CROSS_COMPILE prefixes'),
  makeVars: array(string({ pattern: MAKE_VAR, allowed: 'it is a NAME=value make variable of plain characters' }), 'it lists NAME=value make variables of plain characters'),
});

/** results.json of kernelbuilder. */
export const resultsSchema = object(
  {
    schema: oneOf([1], 'it is 1 in a results.json of kernelbuilder'),
    complete: boolean(),
    result: oneOf(['pass', 'fail', 'error']),
    error: optional(object({ message: line, lines: array(logText) })),
    tree: refine(line, 'it is a name a folder can have (letters, digits, . _ + -), and not one the logs root keeps for itself (emails)', (t) => checkTreeName(t) === t),
    ref: refine(line, 'it is a ref as the ref input takes it', (r) => checkRefSyntax(r) === r),
    refKind: line,
    remote: optional(line),
    remoteUrl: optional(line),
    source: optional(hostFolder),
    sourceMounts: optional(array(sourceMountSchema)),
    sha,
    // Never a bisect's folder name: the build's folder sits beside the bisects' in the tree's folder.
    buildId: refine(line, "it is a git describe name or a sha, never a bisect folder's name (bisect-...)", (id) => checkRefSyntax(id) === id && !id.startsWith('bisect-')),
    kernelVersion: line,
    image: imageSchema,
    makeVars: optional(array(refine(line, 'a make variable the make-vars input allows', (v) => checkMakeVar('makeVars', v) !== undefined), 'it lists NAME=value make variables of the make-vars allow-list')),
    tmpfsSize: refine(line, 'it is a size such as 60g', (s) => parseSize('tmpfsSize', s) !== undefined),
    toolchains: optional(record(line, line)),
    commits: array(commitSchema),
    startedAt: date,
    finishedAt: date,
    durationSeconds: number(),
    peakMemoryBytes: optional(count('it is a whole number of bytes')),
    driverExitCode: number(),
    targets: array(targetSchema, 'it is a list of targets'),
    targetOrder: array(targetName, 'it is a list of arch/config names'),
    shard: optional(string({ pattern: /^[1-9][0-9]{0,3}\/[1-9][0-9]{0,3}$/, allowed: 'it is i/N' })),
    dropped: array(droppedSchema),
    ccache: optional(ccacheSchema),
    counts: optional(countsSchema),
    issues: optional(array(issueSchema)),
    regressions: optional(regressionsSchema),
    bisects: optional(array(bisectSchema)),
  },
  'it is a results.json of kernelbuilder',
);

// tsc fails on any of these when a schema and its type drift apart.
true satisfies Same<Infer<typeof resultsSchema>, BuildResults>;
true satisfies Same<Infer<typeof targetSchema>, TargetResult>;
true satisfies Same<Infer<typeof bootSchema>, BootResult>;
true satisfies Same<Infer<typeof kunitSchema>, KunitResult>;
true satisfies Same<Infer<typeof kunitCaseSchema>, KunitCase>;
true satisfies Same<Infer<typeof issueSchema>, Issue>;
true satisfies Same<Infer<typeof countsSchema>, DiagnosticCounts>;
true satisfies Same<Infer<typeof regressionsSchema>, Regressions>;
true satisfies Same<Infer<typeof bisectSchema>, BisectRecord>;
true satisfies Same<Infer<typeof sizeChangeSchema>, SizeChange>;
true satisfies Same<Infer<typeof sizesSchema>, TargetSizes>;
true satisfies Same<Infer<typeof symbolChangeSchema>, SymbolChange>;
true satisfies Same<Infer<typeof commitSchema>, CommitInfo>;
true satisfies Same<Infer<typeof droppedSchema>, Dropped>;
true satisfies Same<Infer<typeof sourceMountSchema>, SourceMount>;
true satisfies Same<Infer<typeof ccacheSchema>, CcacheStats>;
true satisfies Same<(typeof BOOT_FAILURE_REASONS)[number], BootFailureReason>;
true satisfies Same<(typeof FAILURE_REASONS)[number], FailureReason>;
