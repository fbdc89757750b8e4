// Types only: results.json, which a build records and every later stage (analysis, boots,
// reports, merges) reads. Imports only types, so that any module may import it without a cycle.
import { type CommitInfo } from './ref.ts';
import { type Dropped } from './targets.ts';
import { type SourceMount } from './source.ts';
import { type CcacheStats } from './ccache.ts';
import { type BootResult } from './boot.ts';
import { type KunitResult } from './kunit.ts';
import { type FailureReason, type Issue, type SymbolChange } from './diagnostics.ts';

/**
 * pass/fail are the kernel build's verdict; `error` means the target never finished
 * (the build could not start, or was stopped): no verdict on the kernel.
 */
export type TargetStatus = 'pass' | 'fail' | 'error';

/** What stopped a build before every target finished: the job's cancel, or its logs folder passing its limit. */
export type StopCause = 'cancelled' | 'logs over limit';

/** One target's outcome, as kept in results.json. */
export interface TargetResult {
  target: string;
  arch: string;
  config: string;
  /** The compiler of a matrix build (gcc, clang-N), which its name ends in after `@`; absent: the image's toolchain. */
  compiler?: string;
  status: TargetStatus;
  /** The step that ended the target: config, olddefconfig or build. */
  stage?: string;
  /** For a failure caused by the machine, not the code; for a target that never finished, what stopped the build. */
  reason?: FailureReason | StopCause;
  exitCode?: number;
  durationSeconds?: number;
  /** User + system CPU seconds of everything the target ran. */
  cpuSeconds?: number;
  /**
   * Compile jobs of its build: the objects its log shows kbuild compiling or assembling
   * (`  CC `, `  AS ` lines), each one compiler run, i.e. one job of make's jobserver (host
   * tools and links are not counted). What a later build of it expects, for its progress.
   */
  objects?: number;
  /** Bytes of its object dir just before the driver removed it: its peak, as a build only adds files. */
  objdirBytes?: number;
  /** Seconds it waited for space on /build before it started (the driver's space scheduler); not in durationSeconds. */
  spaceWaitSeconds?: number;
  /** The make target that made its starting .config, when it is not the config's name: it has fragments, or is a derived variant. */
  base?: string;
  /** What was merged on top of the base, in order, as the driver took them: `NAME.config` or `CONFIG_X=v`. */
  fragments?: string[];
  /** The lines of the fragment files kernelbuilder ships that it merged (the tree had none of their names), by name. */
  shippedFragments?: Record<string, string[]>;
  /** Options its fragments asked for (CONFIG_X=v), checked against its final .config. */
  requires?: string[];
  /** Paths relative to the results folder. */
  log: string;
  dotConfig?: string;
  /** Errors and warnings (noise, section mismatches and syscalls apart) its log reported. */
  errors?: number;
  warnings?: number;
  /** For a target that did not pass: its first errors, or the end of its log when none parsed. */
  excerpt?: { source: 'errors' | 'tail'; lines: string[] };
  /** What a built target kept (see the `keep` input): its folder, relative to the results folder, and the files in it. */
  kept?: { dir: string; files: string[] };
  /** `size vmlinux`, the bootable image's bytes, the number of modules. */
  sizes?: TargetSizes;
  /** How its boot went, when it was to boot. */
  boot?: BootResult;
  /** Its KUnit run (a target that runs the kernel's own tests): every case, over every run. */
  kunit?: KunitResult;
}

/** `size vmlinux` of a target, the bytes of its bootable image and its number of modules. */
export interface TargetSizes {
  text: number;
  data: number;
  bss: number;
  imageBytes: number;
  modules: number;
}

/** Totals over all targets' logs. */
export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  /** Warnings filtered as known noise. */
  noise: number;
  sectionMismatches: number;
  /** `#warning syscall X not implemented`: new syscalls an arch lacks. */
  syscalls: number;
  /** sparse's warnings and errors (make C=1): never counted as warnings or errors; absent in results before sparse was parsed. */
  sparse?: number;
  /** Error-class splats (panic, Oops, BUG, ...) and WARNINGs on boot consoles; absent in results before boots. */
  bootErrors?: number;
  bootWarnings?: number;
  /** KUnit cases that failed or crashed (flaky ones are not); absent in results without a KUnit run. */
  kunit?: number;
}

/**
 * The run's verdict: pass and fail are the kernel's; error means the run itself failed
 * (its set-up in the container: checkout, tools) and says nothing of the kernel.
 */
export type RunResult = 'pass' | 'fail' | 'error';

/** Why a run is `error`: what failed, and the end of the driver's output that shows it. */
export interface RunError {
  message: string;
  lines: string[];
}

/** results.json: the machine-readable record of one build. */
export interface BuildResults {
  schema: 1;
  /** False when the run stopped before every target had a verdict, or failed in its set-up. */
  complete: boolean;
  result: RunResult;
  /** Set when result is `error`. */
  error?: RunError;
  tree: string;
  ref: string;
  refKind: string;
  remote?: string;
  /** Fetch URL of the remote, for reports. */
  remoteUrl?: string;
  /** The source repository on the build machine. */
  source?: string;
  /** Folders the source needed beside it, as the build mounted them (for reproducers). */
  sourceMounts?: SourceMount[];
  sha: string;
  buildId: string;
  kernelVersion: string;
  image: {
    name: string;
    id: string;
    digest: string;
    toolchain: string;
    reason: string;
    /** CROSS_COMPILE per arch and make variables, as the build used them (for reproducers). */
    cross: Record<string, string>;
    makeVars: string[];
  };
  /** The user's make variables (the make-vars input), given to every make after the image's; absent when none. */
  makeVars?: string[];
  /** Size of the /build tmpfs. */
  tmpfsSize: string;
  /** The compiler's version line per arch, as the build ran it. */
  toolchains?: Record<string, string>;
  commits: CommitInfo[];
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  /**
   * The most memory the build's container held at once, in bytes: its cgroup's memory.peak
   * (v2) or memory.max_usage_in_bytes (v1), /build's tmpfs pages included; absent where
   * the engine does not tell.
   */
  peakMemoryBytes?: number;
  /** Exit code of the in-container driver: non-zero when the build could not start. */
  driverExitCode: number;
  targets: TargetResult[];
  /** Every target of the plan, by name, in the plan's order; a shard builds only some. */
  targetOrder: string[];
  /** `i/N` when this is one shard of a plan. */
  shard?: string;
  dropped: Dropped[];
  /** Compiler cache hits and misses of this build, when it used ccache. */
  ccache?: CcacheStats;
  /** Set once the logs are analysed. */
  counts?: DiagnosticCounts;
  /** Distinct problems, errors first, then by count. */
  issues?: Issue[];
  /** What is new or gone since the baseline build, when there is one. */
  regressions?: Regressions;
  /** The bisects of its new regressions (input bisect), once they ran. */
  bisects?: BisectRecord[];
}

/** A bisect of one new regression after the build, between the baseline's sha and the build's: what it sought and what it named. */
export interface BisectRecord {
  /** The regression in words, e.g. `x86/defconfig newly fails to build`. */
  regression: string;
  /** The target every step built. */
  target: string;
  /** What was sought: build, boot, or the issue signature. */
  what: string;
  /** found: a first bad commit, verified; not found: the bisect named none (reason); error: it could not run (reason). */
  result: 'found' | 'not found' | 'error';
  reason?: string;
  culprit?: { sha: string; subject: string; author: string; date: string; position: { k: number; n: number } };
  /** Builds the bisect made, and how long it took. */
  builds?: number;
  durationSeconds?: number;
  /** The bisect's folder (bisect.json, summary.md, email.txt, steps/), relative to the results folder. */
  folder?: string;
}

/** What changed since the baseline build. */
export interface Regressions {
  baseline: { buildId: string; sha: string; results: string };
  /** Signatures of issues the baseline did not have. */
  newIssues: string[];
  /** Issues of the baseline that are gone. */
  fixedIssues: Issue[];
  /** Targets that passed in the baseline and do not now. */
  newlyFailing: string[];
  /** Targets that failed in the baseline and pass now. */
  newlyPassing: string[];
  /** Targets whose boot passed in the baseline and does not now (failed, or no longer booted because the build broke). */
  newlyFailingBoots: string[];
  /** Targets whose boot failed in the baseline and passes now. */
  newlyPassingBoots: string[];
  /** Size changes of targets both builds built, with the symbols that grew most where both kept a System.map. */
  sizes: SizeChange[];
}

/** How one target's size moved since the baseline. */
export interface SizeChange {
  target: string;
  before: TargetSizes;
  after: TargetSizes;
  /** after - before of text + data + bss. */
  delta: number;
  imageDelta: number;
  growing?: SymbolChange[];
}
