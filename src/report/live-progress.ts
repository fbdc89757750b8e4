import { availableParallelism } from 'node:os';
import { type BuildPlan } from '../types/plan.ts';
import { type Log } from '../log.ts';
import { targetName } from '../values/target-name.ts';
import { targetPaths } from '../logs-layout.ts';
import { LogTail } from '../container/log-tail.ts';
import { LogScanner, type ScannedLog } from '../diagnostics/scan-log.ts';
import { type Diagnostic } from '../types/diagnostics.ts';
import { formatIssueLine } from '../values/issue-line.ts';
import { BuildProgress, finishedTarget, formatProgress } from './progress.ts';
import { formatDuration } from '../values/duration.ts';
import { expectedWork } from '../plan/estimate.ts';

/** Diagnostics of one log handed on at most: a log with more (an allmodconfig W=1 flood) is read again by the analysis instead of held. */
const MAX_HANDED_DIAGNOSTICS = 50_000;
/** How often the targets' logs are read. */
const POLL_MS = 2000;
/** How often a progress line is printed, besides one at each target's end. */
const PROGRESS_MS = 30_000;

/** The clock and timer the live progress runs on; tests pass their own. */
export interface LiveClock {
  now(): number;
  /** Call `fn` every `ms` until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

const realClock: LiveClock = {
  now: Date.now,
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    // Progress must never keep the process alive on its own.
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** What the engine tells the live progress, and how it ends it. */
export interface LiveProgress {
  /** A line of the driver's output (the container's stdout): a target's end is one. */
  driverLine(line: string): void;
  /**
   * The build is over: read what the logs have left, print the last line, stop the timers.
   * Returns each log as scanned, for the analysis to take instead of reading it again.
   */
  stop(): Map<string, ScannedLog>;
}

/** Options of {@link startLiveProgress}. */
export interface LiveOptions {
  clock?: LiveClock;
  /** Cores the build has; by default this machine's. */
  cores?: number;
  pollMs?: number;
  progressMs?: number;
}

/**
 * Show a build as it runs: a progress line every 30 s and at each target's end (targets
 * done, running and waiting, objects per running target, the ETA; see BuildProgress), and
 * the first error of each target as soon as its log shows it. The targets' logs are read
 * from the host as they grow (LogTail), each through its own LogScanner, once: the scans
 * are handed on to the analysis (stop's result), which reads a log again only when it is
 * not the bytes scanned. The first errors are build output, printed through `log.buildOutput`: call this between
 * `beginBuildOutput` and `endBuildOutput`, and `stop` before the end.
 */
export function startLiveProgress(plan: Pick<BuildPlan, 'targets' | 'costs' | 'jobs' | 'limits' | 'logsDir'>, log: Log, opts: LiveOptions = {}): LiveProgress {
  const clock = opts.clock ?? realClock;
  const startedAt = clock.now();
  const cores = Math.max(1, Math.min(plan.jobs, plan.limits.cpus ?? opts.cores ?? availableParallelism()));
  const model = new BuildProgress(expectedWork(plan.costs), cores, startedAt, plan.jobs);
  // Each log is scanned once, here, and handed on: its diagnostics kept up to a bound (past it the analysis reads the log again).
  const kept = new Map<string, Diagnostic[] | undefined>(plan.targets.map((t) => [targetName(t), []]));
  const keep = (target: string, d: Diagnostic) => {
    const list = kept.get(target);
    if (list && list.push(d) > MAX_HANDED_DIAGNOSTICS) kept.set(target, undefined);
  };
  const scanners = new Map(plan.targets.map((t) => [targetName(t), new LogScanner(targetName(t), (d) => keep(targetName(t), d))]));
  const scanned = new Map<string, ScannedLog>();
  const reported = new Set<string>();
  const firstError = (target: string, found: readonly Diagnostic[]) => {
    const error = found.find((d) => d.severity === 'error');
    if (!error || reported.has(target)) return;
    reported.add(target);
    log.buildOutput(`first error in ${target} after ${formatDuration((clock.now() - startedAt) / 1000, 'rough')}: ${formatIssueLine(error)}`);
  };
  const tail = new LogTail(plan.logsDir, Object.fromEntries(plan.targets.map((t) => [targetName(t), targetPaths(t.arch, t.config).log])), {
    opened: (target) => model.start(target, clock.now()),
    lines(target, lines) {
      const scanner = scanners.get(target);
      if (!scanner) return;
      // One read of each line: the scanner counts the compile steps the model is told of.
      const before = scanner.objects;
      firstError(target, scanner.push(lines));
      for (let n = scanner.objects - before; n > 0; n--) model.compiled(target, clock.now());
      // The error just read need not wait for the next line, which may come much later;
      // a linker error must, as the lines after it give its place.
      const reading = scanner.peek();
      if (reading && reading.kind !== 'linker') firstError(target, [reading]);
    },
  });
  /** The log has ended: its last diagnostics, and the scan handed on. */
  const endScan = (target: string) => {
    const scanner = scanners.get(target);
    if (!scanner) return;
    scanners.delete(target);
    const { scan, last } = scanner.end();
    firstError(target, last);
    const diagnostics = kept.get(target);
    if (diagnostics) scanned.set(target, { scan, diagnostics, bytes: tail.bytesRead(target) });
  };
  const finish = (target: string) => {
    tail.finish(target);
    endScan(target);
    model.finish(target, clock.now());
  };
  const print = () => log.progress(formatProgress(model.snapshot(clock.now())));
  const stopPolling = clock.every(opts.pollMs ?? POLL_MS, () => tail.poll());
  const stopPrinting = clock.every(opts.progressMs ?? PROGRESS_MS, print);
  return {
    driverLine(line) {
      const target = finishedTarget(line);
      if (target === undefined || !scanners.has(target)) return;
      finish(target);
      print();
    },
    stop() {
      stopPolling();
      stopPrinting();
      tail.finishAll();
      for (const target of [...scanners.keys()]) endScan(target);
      return scanned;
    },
  };
}
