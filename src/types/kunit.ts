// The floor: KUnit runs (a kernel's own tests, run on UML or booted in QEMU), as
// results.json keeps them and every report reads them. Imports nothing.

/**
 * One case's verdict. `crashed`: it started and never finished (a splat, the kernel died,
 * the run was killed at its timeout). `flaky`: it failed in one run and passed in another
 * (the run is repeated when a case fails, see `runs`): reported, never a regression.
 */
export type KunitCaseStatus = 'pass' | 'fail' | 'skip' | 'crashed' | 'flaky';

/** Where and why a case failed: a failed expectation, or the splat that crashed it. */
export interface KunitDiagnostic {
  /** `EXPECTATION FAILED` / `ASSERTION FAILED`, or the splat's headline (`Kernel panic - not syncing: ...`). */
  message: string;
  /** Tree-relative path and line the kernel printed (`at lib/kunit/kunit-example-test.c:42`). */
  file?: string;
  line?: number;
  /** The lines that explain it, as printed: `Expected a == b, but`, `a == 1`, a call trace. Bounded. */
  detail: string[];
}

/** One KUnit case (a parameterised case's parameters are cases of their own, `param` set). */
export interface KunitCase {
  /** The suite's name, as KTAP printed it (`# Subtest: <suite>`, `ok N <suite>`). */
  suite: string;
  /** The case's name within its suite. */
  case: string;
  /** For a parameterised case, the parameter's description. */
  param?: string;
  status: KunitCaseStatus;
  /** For `skip`: the kernel's reason (`# SKIP <reason>`); for `crashed`: what ended the run. */
  reason?: string;
  /** Where the kernel printed one (`# <case>.speed: slow`, `# duration`), in seconds. */
  durationSeconds?: number;
  diagnostic?: KunitDiagnostic;
  /** Over every run of it (first and retries): how many it was in and how many it passed. */
  runs: { total: number; passed: number };
}

/** How a target's KUnit kernel runs: UML (ARCH=um, the kernel as a Linux program), or booted in QEMU (every other arch). */
export type KunitMode = 'uml' | 'qemu';

/** How one target's KUnit run ended, as a whole. */
export type KunitRunStatus = 'pass' | 'fail' | 'skipped' | 'error';

/** A target's KUnit run: its cases, and how the kernel was run. */
export interface KunitResult {
  status: KunitRunStatus;
  /** For `skipped` and `error`: why (no tools/testing/kunit in the tree, an arch with no machine, ...). */
  reason?: string;
  /** How it ran: `uml` (the kernel as a Linux program) or `qemu` (booted, under TCG). */
  mode: KunitMode;
  /** Runs made: the first, and a retry for each run that had a failing case, up to test-retries. */
  attempts: number;
  durationSeconds?: number;
  /** Whether the last run was killed at its timeout. */
  timedOut?: boolean;
  /** Each run's console, relative to the results folder, first run first. */
  consoles: string[];
  totals: KunitTotals;
  cases: KunitCase[];
}

/** Cases by status; `total` is their sum. */
export interface KunitTotals {
  total: number;
  pass: number;
  fail: number;
  skip: number;
  crashed: number;
  flaky: number;
}

/** Which KUnit config a run asks for: the tree's default or all-tests config, or a `.kunitconfig` of the tree. */
export type KunitRequest = { kind: 'default' } | { kind: 'all' } | { kind: 'file'; path: string };

/** The `kunit` inputs: what to run, on which arches, how often a failing run is repeated, how long a run may take. */
export interface KunitSettings {
  requests: KunitRequest[];
  arches: string[];
  retries: number;
  timeoutSeconds: number;
}
