import { parseArgs } from 'node:util';
import { BisectOption, Input, SeriesOption, SimulateOption } from '../constants.ts';
import { KernelbuilderError, describeValue } from '../errors.ts';
import { DEFAULT_ARCHES, DEFAULT_CONFIGS, DEFAULT_LOGS, DEFAULT_LOGS_LIMIT, DEFAULT_TMPFS_SIZE } from '../inputs/inputs.ts';
import { DEFAULT_BOOT_TIMEOUT, DEFAULT_KEEP } from '../boot/boot-inputs.ts';
import { DEFAULT_BISECT_LIMIT, DEFAULT_BISECT_TIMEOUT, MAX_BISECT_LIMIT } from '../inputs/bisect-inputs.ts';
import { EMAILS_DIR, MAX_TEST_RETRIES } from '../logs-layout.ts';
import { DEFAULT_CHECKPATCH_IGNORE, DEFAULT_COMMITS_LIMIT, MAX_COMMITS_LIMIT } from '../series/plan.ts';
import { DEFAULT_KUNIT_ARCHES, DEFAULT_KUNIT_TIMEOUT, DEFAULT_TEST_RETRIES, KUNIT_ARCHES } from '../inputs/kunit-inputs.ts';

/** How an option is written in help: the placeholder of its value and what it does. */
interface OptionHelp {
  value: string;
  text: string;
}

/**
 * Help for every input, keyed like Input: an input added there without a line here is a
 * type error, and the help test checks that each one reaches some subcommand's help.
 */
const INPUT_HELP: Record<keyof typeof Input, OptionHelp> = {
  source: { value: 'DIR', text: 'the kernel git repository: its top-level folder, read-only (required)' },
  ref: { value: 'REF', text: 'remote/branch, a remote (its HEAD), a tag, a branch, a sha, or HEAD (what the source has checked out)' },
  tree: { value: 'NAME', text: 'tree name in log paths and reports when the ref is not remote/branch; default the source folder\'s name' },
  arches: { value: 'LIST', text: `kernel arches, e.g. "x86 arm64"; default "${DEFAULT_ARCHES}"` },
  configs: { value: 'LIST', text: `configs per arch, e.g. "defconfig tinyconfig" or a file of arch/<arch>/configs/; default ${DEFAULT_CONFIGS}` },
  logs: { value: 'DIR', text: `folder for results; a build writes only <logs>/<tree>/<build id>/ and <logs>/${EMAILS_DIR}/; default ${DEFAULT_LOGS}` },
  image: { value: 'IMAGE', text: 'the builder image for every kernel version, instead of the image table\'s choice' },
  imageTable: { value: 'FILE|JSON', text: 'image table choosing the image by kernel version; default images/table.json' },
  toolchain: { value: 'NAME', text: 'which rules of the image table choose: gcc (default) or clang' },
  toolchains: { value: 'LIST', text: 'compilers to build every target with, in one run, e.g. "gcc clang-14 clang-19"; targets are then named arch/config@compiler' },
  tmpfsSize: { value: 'SIZE', text: `size of the /build tmpfs; default ${DEFAULT_TMPFS_SIZE}` },
  jobs: { value: 'N', text: 'make -j for the whole run; default cores + 2' },
  targetTimeout: { value: 'DURATION', text: 'how long one target may build, e.g. 90m or 2h' },
  memory: { value: 'SIZE', text: 'memory limit of the build container, e.g. 16g' },
  cpus: { value: 'N', text: 'CPU limit of the build container in cores, e.g. 8 or 1.5 (at most the engine\'s cores)' },
  logsLimit: { value: 'SIZE', text: `the most one build may write into its logs folder; default ${DEFAULT_LOGS_LIMIT}` },
  ccache: { value: 'MODE', text: 'compiler cache: host (a folder here, the default) or off; actions is for the action only' },
  ccacheDir: { value: 'DIR', text: 'folder of the compiler cache with ccache host; default ~/.cache/kernelbuilder/ccache' },
  ccacheSize: { value: 'SIZE', text: 'size limit of the compiler cache; default 20g' },
  baseline: { value: 'RESULTS', text: 'results.json (or a folder with one) to compare with; default the newest earlier build of the ref' },
  force: { value: 'BOOL', text: 'true: build even when complete results for the same sha, image and targets exist' },
  upload: { value: 'BOOL', text: 'upload the logs as artifacts (the action\'s post step; a terminal uploads nothing)' },
  mode: { value: 'MODE', text: 'the action\'s mode: the CLI\'s subcommands build, matrix (mode plan) and merge (mode report)' },
  refs: { value: 'LIST', text: 'refs to plan, one a line (or spaces); refs already built at their sha are left out' },
  shards: { value: 'N', text: 'jobs per ref, splitting the targets by estimated cost; default 1' },
  shard: { value: 'I/N', text: 'build shard I of N of the plan\'s targets' },
  targets: { value: 'LIST', text: 'build only these arch/config targets of the plan (a matrix job\'s list)' },
  results: { value: 'DIR', text: 'folder holding the shards\' downloaded artifacts (required)' },
  noise: { value: 'FILE', text: 'regular expressions, one a line, of warnings known to be noise' },
  emailTo: { value: 'ADDR', text: 'addresses for the To line of the report email' },
  keep: { value: 'LIST', text: `what each target keeps besides System.map and .config: kernel, modules, dtbs, debug, or none; default "${DEFAULT_KEEP}"` },
  boot: { value: 'LIST', text: 'boot the built kernels in QEMU: off (default), all, or arch/config targets; e.g. with configs tinyconfig+kb-boot.config' },
  bootTimeout: { value: 'DURATION', text: `how long one boot may take, 10s to 2h; default ${DEFAULT_BOOT_TIMEOUT}` },
  bootKvm: { value: 'BOOL', text: 'true: give QEMU /dev/kvm; default false (TCG)' },
  makeVars: { value: 'VARS', text: 'make variables for every target, e.g. "W=1 C=1" or \'KCFLAGS="-Wall -Werror"\'; W C CF KCFLAGS KAFLAGS KCPPFLAGS ... (see action.yml)' },
  kcidbOrigin: { value: 'NAME', text: 'origin of the ids in kcidb.json; default kernelbuilder' },
  bisect: { value: 'MODE', text: 'after a build with a baseline: bisect new regressions from the baseline\'s sha: off (default), new-failures (builds, boots) or new-errors (also error signatures)' },
  bisectLimit: { value: 'N', text: `how many distinct new regressions to bisect, 0 to ${MAX_BISECT_LIMIT}; default ${DEFAULT_BISECT_LIMIT}` },
  bisectTimeout: { value: 'DURATION', text: `how long all the bisects of a build may take, e.g. 90m; default ${DEFAULT_BISECT_TIMEOUT}` },
  kunit: { value: 'LIST', text: "build and run KUnit: off (default), default, all, or .kunitconfig paths of the tree; each a target per kunit arch (um/kunit, um/kunit-lib-kunit); alone when no configs are given" },
  kunitArches: { value: 'LIST', text: `where KUnit runs: um (UML), or ${KUNIT_ARCHES.filter((a) => a !== 'um').join(' ')} (booted in QEMU); default ${DEFAULT_KUNIT_ARCHES}` },
  testRetries: { value: 'N', text: `runs again a KUnit run with a failing case, 0 to ${MAX_TEST_RETRIES} times; a case that passes on a retry is flaky; default ${DEFAULT_TEST_RETRIES}` },
  kunitTimeout: { value: 'DURATION', text: `how long one KUnit run may take; default ${DEFAULT_KUNIT_TIMEOUT}` },
};

const inputKey = new Map(Object.entries(Input).map(([key, name]) => [name as string, key as keyof typeof Input]));

/** Inputs of the action's other modes: the CLI reaches them through matrix and merge. */
const MODE_INPUTS: string[] = [Input.mode, Input.refs, Input.shards, Input.results];

/** Every input a single build takes: plan and build have them all, so a new input lands in both. */
const BUILD_INPUTS: string[] = Object.values(Input).filter((name) => !MODE_INPUTS.includes(name));

/** A build's bisects of its new regressions: a build's and a plan's, not a matrix's (its jobs build). */
const AFTER_BUILD_BISECT_INPUTS: string[] = [Input.bisect, Input.bisectLimit, Input.bisectTimeout];

/** Inputs a build has that a bisect has not: it builds one target between two commits, never skips a build, bisects nothing more. */
const NOT_BISECT_INPUTS: string[] = [
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
  Input.kunitArches,
];

/** The bisect command's own options. */
const BISECT_OPTIONS: Command['options'] = {
  [BisectOption.good]: { value: 'REF', text: 'the last known good commit: a ref as --ref takes it, an ancestor of --bad (required)' },
  [BisectOption.bad]: { value: 'REF', text: 'the first known bad commit (required)' },
  [BisectOption.target]: { value: 'ARCH/CONFIG', text: 'the one target every step builds, e.g. x86/tinyconfig (required)' },
  [BisectOption.what]: { value: 'WHAT', text: 'what is wrong at bad: build (fails to build), boot (fails to boot), or an issue signature of results.json; default: chosen from the ends' },
  'plan-only': { value: '', text: 'print the bisect plan as JSON, checked; builds nothing', flag: true },
};

/** Inputs of a build a series takes: the targets, the image, the machine, the reports' noise and address, the base of patches; never what a single build of one ref has (baseline, skips, shards, boots, KUnit runs, bisects). */
const SERIES_INPUTS: string[] = [
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
  Input.makeVars,
];

/** The series command's own options. */
const SERIES_OPTIONS: Command['options'] = {
  [SeriesOption.range]: { value: 'BASE..HEAD', text: 'the commits to check: those of HEAD not in BASE, on the first-parent walk, oldest first; BASE an ancestor of HEAD (this or --patches)' },
  [SeriesOption.patches]: { value: 'PATH', text: 'patches to check before they are applied: an mbox or a folder of git format-patch files, applied with git am on --ref in the container (this or --range)' },
  [SeriesOption.commitsLimit]: { value: 'N', text: `the longest range checked, 1 to ${MAX_COMMITS_LIMIT}; a longer one is refused before anything starts; default ${DEFAULT_COMMITS_LIMIT}` },
  [SeriesOption.checkpatch]: { value: 'MODE', text: "the tree's scripts/checkpatch.pl on each commit: on (default), strict (--strict: adds CHECK findings) or off" },
  [SeriesOption.checkpatchIgnore]: { value: 'TYPES', text: `checkpatch message types to ignore (--ignore), e.g. "FILE_PATH_CHANGES SPDX_LICENSE_TAG", or none; default ${DEFAULT_CHECKPATCH_IGNORE.join(' ')}` },
  [SeriesOption.failOn]: { value: 'LIST', text: 'what else fails the run (reported either way): new-warnings, checkpatch (its errors); a commit that fails to build or adds an error always does' },
  'plan-only': { value: '', text: 'print the series plan as JSON, checked; builds nothing', flag: true },
};

/** The simulate command's own options. */
const SIMULATE_OPTIONS: Command['options'] = {
  [SimulateOption.cores]: { value: 'N', text: "cores of the machine to predict for, 1 to 1024; default this machine's (and -j cores + 2 unless --jobs says)" },
  [SimulateOption.json]: { value: '', text: 'print the simulation as JSON (every runner, every target\'s start and end) instead of the summary and timelines', flag: true },
  [SimulateOption.html]: { value: 'FILE', text: 'also write the summary and an SVG timeline per runner as a self-contained HTML page to FILE' },
};

/** One subcommand: how it is called, what it does, and its options. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Options by name (without --), each with its help; a flag takes no value. */
  options: Record<string, OptionHelp & { multiple?: true; flag?: true }>;
  /** How many operands it takes. */
  positionals: number;
}

function inputOptions(names: string[]): Command['options'] {
  return Object.fromEntries(names.map((name) => [name, INPUT_HELP[inputKey.get(name)!]]));
}

/** The subcommands, in the order help lists them. */
export const COMMANDS: Command[] = [
  {
    name: 'plan',
    usage: 'kernelbuilder plan --source DIR --ref REF [options]',
    summary: 'print the build plan as JSON, checked against the Docker engine where one answers; builds nothing',
    options: inputOptions(BUILD_INPUTS),
    positionals: 0,
  },
  {
    name: 'simulate',
    usage: 'kernelbuilder simulate --source DIR --ref REF [--cores N] [--shards N] [--json] [--html FILE] [options]',
    summary: 'plan, then predict the build on a machine of N cores (and N runners): wall, CPU use, peak /build and memory, a timeline; builds nothing',
    options: { ...inputOptions([...BUILD_INPUTS, Input.shards]), ...SIMULATE_OPTIONS },
    positionals: 0,
  },
  {
    name: 'build',
    usage: 'kernelbuilder build --source DIR --ref REF [options]',
    summary: 'build; exit 0 pass, 1 kernel build failed, 2 error',
    options: inputOptions(BUILD_INPUTS),
    positionals: 0,
  },
  {
    name: 'report',
    usage: 'kernelbuilder report DIR [options]',
    summary: 're-render the reports of DIR, a build folder <logs>/<tree>/<build id>',
    options: inputOptions([Input.noise, Input.emailTo, Input.kcidbOrigin]),
    positionals: 1,
  },
  {
    name: 'matrix',
    usage: 'kernelbuilder matrix --source DIR --refs "A B" [--shards N] [options]',
    summary: 'the fan-out matrix as JSON (the action\'s mode plan)',
    options: inputOptions([...BUILD_INPUTS.filter((n) => n !== Input.shard && n !== Input.targets && !AFTER_BUILD_BISECT_INPUTS.includes(n)), Input.refs, Input.shards]),
    positionals: 0,
  },
  {
    name: 'merge',
    usage: 'kernelbuilder merge --results DIR --logs DIR [options]',
    summary: 'merge shards\' results into one report (the action\'s mode report)',
    options: inputOptions([Input.results, Input.logs, Input.noise, Input.emailTo, Input.kcidbOrigin]),
    positionals: 0,
  },
  {
    name: 'bisect',
    usage: 'kernelbuilder bisect --source DIR --good REF --bad REF --target ARCH/CONFIG [--what build|boot|SIGNATURE] [options]',
    summary: 'find the first bad commit between good and bad, verified; exit 0 found, 1 not found, 2 error',
    options: { ...BISECT_OPTIONS, ...inputOptions(BUILD_INPUTS.filter((n) => !NOT_BISECT_INPUTS.includes(n))) },
    positionals: 0,
  },
  {
    name: 'series',
    usage: 'kernelbuilder series --source DIR (--range BASE..HEAD | --patches PATH --ref REF) [--arches LIST] [--configs LIST] [options]',
    summary: 'build every commit of a range on the one before, for every target: what each adds, where the build breaks and is fixed, checkpatch; exit 0 clean, 1 not, 2 error',
    options: { ...SERIES_OPTIONS, ...inputOptions(SERIES_INPUTS) },
    positionals: 0,
  },
  {
    name: 'images build',
    usage: 'kernelbuilder images build [--only NAME]... [--base [FROM=]IMAGE]...',
    summary: 'build the images of the table',
    options: {
      only: { value: 'NAME', text: 'build only this image of the table (repeatable)', multiple: true },
      base: { value: '[FROM=]IMAGE', text: 'IMAGE replaces debian:bookworm-slim; FROM=IMAGE replaces any declared base (repeatable)', multiple: true },
    },
    positionals: 0,
  },
  { name: 'images list', usage: 'kernelbuilder images list', summary: 'the table\'s images: present here, digest, toolchain', options: {}, positionals: 0 },
];

/** The general help: every subcommand, one a line. */
export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: kernelbuilder COMMAND [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "kernelbuilder COMMAND --help lists a command's options; kernelbuilder --version prints the version.",
  ].join('\n');
}

/** The help of a group of subcommands (`images`): each of its commands, one a line; undefined when `group` is none. */
export function groupHelp(group: string): string | undefined {
  const members = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  if (members.length === 0) return undefined;
  const width = Math.max(...members.map((c) => c.name.length));
  return [
    `usage: kernelbuilder ${group} COMMAND [options]`,
    '',
    ...members.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `kernelbuilder ${group} COMMAND --help lists a command's options.`,
  ].join('\n');
}

/** A subcommand's help: usage, what it does, every option. */
export function commandHelp(command: Command): string {
  const rows = [...Object.entries(command.options).map(([name, o]) => [`--${name}${o.flag ? '' : ` ${o.value}`}`, o.text]), ['-h, --help', 'this help']];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [`usage: ${command.usage}`, command.summary, '', 'options:', ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`)].join('\n');
}

/** What the command line asked of a subcommand: help, or a run with these values. */
export type Parsed = { help: true } | { help: false; values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };

/** Parse a subcommand's arguments; a usage mistake is an error that says how to do it right. */
export function parseCommandArgs(command: Command, args: string[]): Parsed {
  const options = {
    ...Object.fromEntries(Object.entries(command.options).map(([name, o]) => [name, { type: o.flag ? ('boolean' as const) : ('string' as const), ...(o.multiple ? { multiple: true } : {}) }])),
    help: { type: 'boolean' as const, short: 'h' },
  };
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: command.positionals > 0 });
  } catch (e) {
    throw new KernelbuilderError(`${command.name}: ${usageMistake(e as Error & { code?: string }, command)}`);
  }
  if (parsed.values.help) return { help: true };
  if (parsed.positionals.length !== command.positionals) {
    throw new KernelbuilderError(`${command.name} takes ${command.positionals === 0 ? 'no operands' : `${command.positionals} operand`}, got ${parsed.positionals.length}; usage: ${command.usage}`);
  }
  return { help: false, values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals };
}

function usageMistake(e: Error & { code?: string }, command: Command): string {
  const seeHelp = `(kernelbuilder ${command.name} --help lists the options)`;
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = /'([^']*)'/.exec(e.message)?.[1] ?? '';
    const near = nearest(given.replace(/^-+/, '').split('=')[0], [...Object.keys(command.options), 'help']);
    return `unknown option ${describeValue(given)}${near ? `; did you mean --${near}?` : ''} ${seeHelp}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `it takes no operands: ${e.message} ${seeHelp}`;
  return `${e.message} ${seeHelp}`;
}

/** The known name nearest to `given`, when it is near enough to be a slip (a typo, a missing plural). */
export function nearest(given: string, known: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(given, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(given.length / 3)) ? best.name : undefined;
}

/** Levenshtein distance: insertions, deletions and substitutions, one row at a time. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}
