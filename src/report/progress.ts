import { type ExpectedWork } from '../types/plan.ts';
import { formatDuration } from '../values/duration.ts';

/** A target finished, as the driver prints it: "kernelbuilder: x86/tinyconfig pass (stage build, exit 0) in 183s". */
const TARGET_DONE = /^kernelbuilder: (\S+) (pass|fail|timeout) \(stage (\w+), exit (\d+)\) in (\d+)s$/;

/** The target a driver line says finished, else undefined. */
export function finishedTarget(line: string): string | undefined {
  return TARGET_DONE.exec(line)?.[1];
}

/** Share of the expected work that must be done before this run's pace replaces the expected one. */
const CALIBRATE_AFTER = 0.1;
/** The bounds of a measured pace: a few odd minutes must not make the ETA absurd. */
const PACE_BOUNDS = [0.1, 10] as const;
/** A running target is never counted as done from its objects: it may build more than last time. */
const MAX_RUNNING_FRACTION = 0.99;
/**
 * A guessed object count that a running target has passed is no count at all: it is
 * taken to be this much more than the objects built so far, so that the target shows as
 * most of the way, not done, and the ETA keeps its remaining work.
 */
const PASSED_GUESS_GROWTH = 1.25;
/** Running targets named on a progress line; a sweep may run dozens at once. */
const MAX_NAMED_RUNNING = 6;

/** One target's expected work and the fraction of it done. */
export interface WorkItem {
  cpuSeconds: number;
  fraction: number;
}

/**
 * Seconds the build has left: the work left (Σ expected CPU seconds × fraction left) over
 * the cores in use. Expected CPU seconds come from another run or a static guess; once a
 * tenth of the work is done, the pace this run showed (work done over core-seconds spent
 * since the first target started) scales them, so that a faster machine or a warm
 * compiler cache does not keep the first guess.
 */
export function secondsLeft(work: WorkItem[], cores: number, busySeconds: number): number {
  const total = work.reduce((sum, w) => sum + w.cpuSeconds, 0);
  const done = work.reduce((sum, w) => sum + w.cpuSeconds * w.fraction, 0);
  let pace = 1;
  if (total > 0 && done >= CALIBRATE_AFTER * total && busySeconds > 0) {
    pace = Math.min(PACE_BOUNDS[1], Math.max(PACE_BOUNDS[0], done / (busySeconds * cores)));
  }
  return (total - done) / (cores * pace);
}

/** How far one running target is. */
export interface RunningTarget {
  target: string;
  objects: number;
  expected: number;
  /** False when `expected` is a guess from the static cost, not a count of a previous build. */
  counted: boolean;
}

/** The build at one moment. */
export interface ProgressSnapshot {
  elapsedSeconds: number;
  total: number;
  done: number;
  running: RunningTarget[];
  waiting: number;
  /** Undefined once every target is done. */
  etaSeconds?: number;
}

interface TargetState {
  expected: ExpectedWork;
  state: 'waiting' | 'running' | 'done';
  objects: number;
}

/**
 * The live state of a build: which targets wait, run or are done, how many objects each
 * running one built, and from that the ETA. Fed with events (a log appeared, an object
 * was compiled, a target finished) and asked for snapshots; times are milliseconds on
 * any clock, given by the caller.
 */
export class BuildProgress {
  private readonly targets = new Map<string, TargetState>();
  private firstStart?: number;

  constructor(
    expected: Record<string, ExpectedWork>,
    private readonly cores: number,
    private readonly startedAt: number,
  ) {
    for (const [target, work] of Object.entries(expected)) this.targets.set(target, { expected: work, state: 'waiting', objects: 0 });
  }

  /** A target's build began (its log appeared). */
  start(target: string, at: number): void {
    const t = this.targets.get(target);
    if (t?.state !== 'waiting') return;
    t.state = 'running';
    this.firstStart ??= at;
  }

  /** A target compiled one more object. */
  compiled(target: string, at: number): void {
    this.start(target, at);
    const t = this.targets.get(target);
    if (t?.state === 'running') t.objects++;
  }

  /** A target finished, however it ended. */
  finish(target: string, at: number): void {
    this.start(target, at);
    const t = this.targets.get(target);
    if (t) t.state = 'done';
  }

  snapshot(at: number): ProgressSnapshot {
    const all = [...this.targets];
    const done = all.filter(([, t]) => t.state === 'done').length;
    const running = all
      .filter(([, t]) => t.state === 'running')
      .map(([target, t]) => ({ target, objects: t.objects, expected: expectedObjects(t), counted: t.expected.objectsCounted }));
    const snapshot: ProgressSnapshot = {
      elapsedSeconds: Math.max(0, (at - this.startedAt) / 1000),
      total: all.length,
      done,
      running,
      waiting: all.length - done - running.length,
    };
    if (done === all.length) return snapshot;
    const work = all.map(([, t]) => ({ cpuSeconds: t.expected.cpuSeconds, fraction: fractionDone(t) }));
    const busySeconds = this.firstStart === undefined ? 0 : (at - this.firstStart) / 1000;
    return { ...snapshot, etaSeconds: secondsLeft(work, this.cores, busySeconds) };
  }
}

/** The objects a target is expected to build: its count, or its guess until it has built that many (PASSED_GUESS_GROWTH). */
function expectedObjects(t: TargetState): number {
  const { objects, objectsCounted } = t.expected;
  if (objectsCounted || t.objects < objects) return objects;
  return Math.round(t.objects * PASSED_GUESS_GROWTH);
}

function fractionDone(t: TargetState): number {
  if (t.state === 'done') return 1;
  const expected = expectedObjects(t);
  if (t.state === 'waiting' || expected <= 0) return 0;
  return Math.min(MAX_RUNNING_FRACTION, t.objects / expected);
}

/**
 * The progress line: `progress 4 min: 1/6 done, 2 running, 3 waiting; x86/defconfig
 * 812/2400 objects, arm64/tinyconfig 120/~480; ETA ~6 min` (`~` marks a count guessed from
 * the static cost).
 */
export function formatProgress(s: ProgressSnapshot): string {
  const head = `progress ${formatDuration(s.elapsedSeconds, 'rough')}: ${s.done}/${s.total} done, ${s.running.length} running, ${s.waiting} waiting`;
  if (s.etaSeconds === undefined) return `${head}; all done`;
  const named = s.running.slice(0, MAX_NAMED_RUNNING).map((r, i) => `${r.target} ${r.objects}/${r.counted ? '' : '~'}${r.expected}${i === 0 ? ' objects' : ''}`);
  if (s.running.length > MAX_NAMED_RUNNING) named.push(`${s.running.length - MAX_NAMED_RUNNING} more`);
  return `${head}${named.length > 0 ? `; ${named.join(', ')}` : ''}; ETA ~${formatDuration(s.etaSeconds, 'rough')}`;
}

