// The floor: what reads the inputs, and the inputs read. Imports only src/types, so that any
// module may import it.
import { type BootSettings, type KeepItem } from './boot.ts';
import { type ImageTable } from './image.ts';
import { type KunitSettings } from './kunit.ts';

/** Reads one raw input by its action.yml name; empty string when not given. */
export type InputReader = (name: string) => string;

/** Everything a build needs from its user, validated. Keys follow action.yml. */
export interface Inputs {
  source: string;
  ref: string;
  /** Name of the tree for logs and reports when the ref is not `remote/...`. */
  tree?: string;
  arches: string[];
  /** Config requests per arch; empty when only KUnit was asked for (its targets are planned apart). */
  configs: string[];
  logs: string;
  image?: string;
  imageTable: ImageTable;
  /** The toolchain family whose rules of the table choose the image: gcc (default) or clang. */
  toolchain: string;
  /**
   * The compilers of a matrix build (`gcc`, `clang-N`): every target is built with each, by
   * the image the table gives for all of them. Absent: the image's own toolchain only.
   */
  toolchains?: string[];
  tmpfsSize: string;
  jobs: number;
  /** Seconds one target may take before it is killed (the others go on). */
  targetTimeout?: number;
  /** Memory limit of the build container, in bytes. */
  memory?: number;
  /** CPU limit of the build container, in cores. */
  cpus?: number;
  /** The most one build may write into its logs folder, in bytes: past it the build is stopped. */
  logsLimit: number;
  /**
   * The compiler cache: a host folder shared by builds, or a per-job folder the action
   * restores from and saves to the Actions cache (`actionsCache`), or none.
   */
  ccache?: { dir: string; maxSize: string; actionsCache?: true };
  /** results.json (or a folder with one) to compare with; default: the newest earlier build of the ref. */
  baseline?: string;
  /** Build even when complete results for the same sha, image and targets exist. */
  force: boolean;
  /** This job's part of a sharded build: shard `index` (1-based) of `count`. */
  shard?: { index: number; count: number };
  /** Build only these arch/config targets of the plan (a shard's list from a plan job's matrix). */
  targets?: string[];
  /** Upload the logs as artifacts in the post step (when running in Actions). */
  upload: boolean;
  artifacts: ArtifactOptions;
  /** Known-noise warnings: the original builder's list plus the user's file. */
  noise: NoiseFilter;
  /** To: of the report email. */
  emailTo?: string;
  /** What each target keeps of what it built, besides System.map and the .config. */
  keep: KeepItem[];
  /** Which targets boot in QEMU after the build; undefined: none. */
  boot?: BootSettings;
  /** Make variables for every target's make (W=1, C=1, KCFLAGS=...), from the allow-list of values/make-vars.ts. */
  makeVars: MakeVar[];
  /** The origin of every id in kcidb.json. */
  kcidbOrigin: string;
  /** Which new regressions to bisect after the build, against the baseline's sha; undefined: none. */
  bisect?: BisectSettings;
  /** The kernel's KUnit tests to build and run, each config a target of its own per arch; undefined: none. */
  kunit?: KunitSettings;
  /** What is odd but allowed (a shared folder as logs): the fronts log these before planning. */
  warnings: string[];
}

/** How artifacts are kept and packed; passed through to @actions/artifact. */
export interface ArtifactOptions {
  /** Days the service keeps them; undefined leaves the repository's setting. */
  retentionDays?: number;
  /** zlib level of the zip, 0 (store) to 9. */
  compressionLevel: number;
}

/** A compiled noise pattern: whether it is found anywhere in a warning's text. */
export interface NoisePattern {
  test(text: string): boolean;
}

/**
 * A noise list: patterns matched against a warning's one-line text (location, message and
 * flag). They are RE2 patterns, matched in time linear in the text: a user's pattern such as
 * `(a+)+$` cannot make a report hang, as it would with JavaScript's backtracking RegExp.
 */
export interface NoiseFilter {
  patterns: readonly NoisePattern[];
}

/** What a build bisects (BISECT_MODES lists them, with `off`). */
export type BisectMode = 'new-failures' | 'new-errors';

/** A build's bisects: which regressions, how many, and how long all of them may take. */
export interface BisectSettings {
  mode: BisectMode;
  /** The most distinct new regressions bisected. */
  limit: number;
  /** Seconds every bisect of the run may take together; past it the running one is stopped. */
  timeoutSeconds: number;
}

/** One make variable as the driver passes it: `NAME=value`, the value possibly with spaces. */
export type MakeVar = `${string}=${string}`;
