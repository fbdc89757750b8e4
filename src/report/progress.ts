import { type ExpectedWork } from '../types/plan.ts';
import { formatDuration } from '../values/duration.ts';

/** A target finished, as the driver prints it: "kernelbuilder: x86/tinyconfig pass (stage build, exit 0) in 183s". */
const TARGET_DONE = /^kernelbuilder: (\S+) (pass|fail|timeout) \(stage (\w+), exit (\d+)\) in (\d+)s$/;

/** The target a driver line says finished, else undefined. */
export function finishedTarget(line: string): string | undefined {
  return TARGET_DONE.exec(line)?.[1];
}

/**
 * The objects compiled over the last this-many seconds, against the core-seconds that
 * compiled them, give the build's pace: the rate the build is making now, not the one of
 * its config phase or of another machine.
 */
const RATE_WINDOW_SECONDS = 60;
/**
 * The build's first objects come with work that is no object (generated headers, offsets,
 * the vDSO, host programs): the window's rate counts once this share of all the expected
 * objects was built before it began.
 */
const SETTLED_SHARE = 0.05;
/** Objects the window must hold before its rate replaces the expected pace: fewer is noise. */
const MIN_RATE_OBJECTS = 40;
/**
 * A running target that compiled nothing for this long, and at least TAIL_FROM_SHARE of
 * the objects it is expected to, is in its tail (link, image): one core, not the compile's.
 */
const TAIL_AFTER_SECONDS = 20;
const TAIL_FROM_SHARE = 0.9;
/** The bounds of a measured pace: a few odd minutes must not make the ETA absurd. */
const PACE_BOUNDS = [0.1, 10] as const;
/** A running target is never counted as done from its objects: it may build more than last time. */
const MAX_RUNNING_FRACTION = 0.99;
/** Nor past this share of its set-up or tail from the time it has spent there: either may take longer. */
const MAX_PHASE_FRACTION = 0.9;
/**
 * A guessed object count that a running target has passed is no count at all: it is
 * taken to be this much more than the objects built so far, so that the target shows as
 * most of the way, not done, and the ETA keeps its remaining work.
 */
const PASSED_GUESS_GROWTH = 1.05;
/** Running targets named on a progress line; a sweep may run dozens at once. */
const MAX_NAMED_RUNNING = 6;

/** One target's expected work (CPU seconds at the expected pace) and how much of each part is done. */
export interface WorkItem {
  /** Its set-up before the first object: the config steps, the host programs. */
  setupCpuSeconds: number;
  /** Its objects. */
  compileCpuSeconds: number;
  /** What runs one process at a time after its last object: the link, the image, the kept files. */
  tailSeconds: number;
  setupFraction: number;
  compileFraction: number;
  tailFraction: number;
  done: boolean;
}

/**
 * Seconds the build has left: the set-up and compile work left at `pace` (expected CPU
 * seconds the build does per CPU second: 2 is twice as fast as expected) and the tails
 * left (a link is no faster for a warm compiler cache), over the cores, except the
 * longest tail left, which runs alone at the end: a last target's link has no other work
 * beside it.
 */
export function secondsLeft(work: WorkItem[], cores: number, pace: number): number {
  const open = work.filter((w) => !w.done);
  const tailLeft = (w: WorkItem) => w.tailSeconds * (1 - w.tailFraction);
  const paced = open.reduce((sum, w) => sum + w.setupCpuSeconds * (1 - w.setupFraction) + w.compileCpuSeconds * (1 - w.compileFraction), 0) / pace;
  const tails = open.reduce((sum, w) => sum + tailLeft(w), 0);
  const lastTail = Math.max(0, ...open.map(tailLeft));
  return (paced + tails - lastTail) / cores + lastTail;
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
  startedAt: number;
  objects: number;
  lastObjectAt: number;
}

/** Where a running target is: before its first object, compiling, or past its last. */
type Phase = 'setup' | 'compile' | 'tail';

/** A point of the rate window: the objects compiled and the core-seconds spent compiling, since the start. */
interface RatePoint {
  at: number;
  objects: number;
  coreSeconds: number;
}

/**
 * The live state of a build: which targets wait, run or are done, how many objects each
 * running one built, and from that the ETA. Fed with events (a log appeared, an object
 * was compiled, a target finished) and asked for snapshots; times are milliseconds on
 * any clock, given by the caller.
 *
 * The ETA is the expected work left (each target's set-up, objects and tail: its cost
 * table's figures) over the cores (secondsLeft), at a pace: the expected one until objects
 * are being built, then the one the build shows, from the objects compiled in the last
 * minute against the CPU seconds the cost table expects of them. A set-up or tail counts
 * by the time a target has spent in it, so that the config phase is on the clock too.
 */
export class BuildProgress {
  private readonly targets = new Map<string, TargetState>();
  /** The rate window's points, oldest first, one per event that moved the clock. */
  private readonly window: RatePoint[] = [];
  private objects = 0;
  private coreSeconds = 0;
  private lastTick?: number;
  private pace = 1;

  /**
   * `cores` the build runs on, `jobs` its make jobserver's slots (by default one a core):
   * each running target holds one, and a compiling one takes the free ones too.
   */
  constructor(
    expected: Record<string, ExpectedWork>,
    private readonly cores: number,
    private readonly startedAt: number,
    private readonly jobs = cores,
  ) {
    for (const [target, work] of Object.entries(expected)) this.targets.set(target, { expected: work, state: 'waiting', startedAt, objects: 0, lastObjectAt: startedAt });
  }

  /**
   * How the cores are shared at `at`: a target in its set-up or tail runs one process, the
   * compiling ones the jobserver's other slots (at least one each), and every process has
   * an equal share of the cores, a whole one at most. Returns the cores the compiles have
   * and the share of one process.
   */
  private cpuShares(at: number): { compileCores: number; processShare: number } {
    const running = [...this.targets.values()].filter((t) => t.state === 'running');
    const compiling = running.filter((t) => phaseOf(t, at) === 'compile').length;
    const serial = running.length - compiling;
    const compileProcesses = compiling > 0 ? Math.max(compiling, this.jobs - serial) : 0;
    const processShare = Math.min(1, this.cores / Math.max(1, serial + compileProcesses));
    return { compileCores: compileProcesses * processShare, processShare };
  }

  /** A target's build began (its log appeared). */
  start(target: string, at: number): void {
    this.tick(at);
    const t = this.targets.get(target);
    if (t?.state !== 'waiting') return;
    t.state = 'running';
    t.startedAt = at;
  }

  /** A target compiled one more object. */
  compiled(target: string, at: number): void {
    this.start(target, at);
    const t = this.targets.get(target);
    if (t?.state !== 'running') return;
    t.objects++;
    t.lastObjectAt = at;
    this.objects++;
  }

  /** A target finished, however it ended. */
  finish(target: string, at: number): void {
    this.start(target, at);
    const t = this.targets.get(target);
    if (t) t.state = 'done';
  }

  snapshot(at: number): ProgressSnapshot {
    this.tick(at);
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
    this.measurePace();
    const { processShare } = this.cpuShares(at);
    const work = all.map(([, t]) => workItem(t, at, processShare, this.pace));
    return { ...snapshot, etaSeconds: secondsLeft(work, this.cores, this.pace) };
  }

  /**
   * Move the clock to `at`: the time since the last event was spent compiling on the
   * compiles' share of the cores (cpuShares), and a point of the rate window marks it.
   */
  private tick(at: number): void {
    if (this.lastTick !== undefined && at > this.lastTick) this.coreSeconds += ((at - this.lastTick) / 1000) * this.cpuShares(this.lastTick).compileCores;
    if (this.lastTick === undefined || at > this.lastTick) {
      this.lastTick = at;
      this.window.push({ at, objects: this.objects, coreSeconds: this.coreSeconds });
      while (this.window.length > 2 && this.window[1]!.at <= at - RATE_WINDOW_SECONDS * 1000) this.window.shift();
    }
  }

  /**
   * The pace the rate window shows: the CPU seconds the cost table expects of the objects
   * compiled in it over the core-seconds that compiled them. Kept when the window holds
   * too few objects to tell, as at the end, when the last targets link.
   */
  private measurePace(): void {
    const first = this.window[0];
    const last = this.window[this.window.length - 1];
    if (!first || !last) return;
    const objects = last.objects - first.objects;
    const coreSeconds = last.coreSeconds - first.coreSeconds;
    if (objects < MIN_RATE_OBJECTS || coreSeconds <= 0) return;
    const all = [...this.targets.values()];
    if (first.objects < SETTLED_SHARE * all.reduce((sum, t) => sum + expectedObjects(t), 0)) return;
    const open = all.filter((t) => t.state !== 'done');
    const expectedObjectsLeft = open.reduce((sum, t) => sum + expectedObjects(t), 0);
    const compileCpu = open.reduce((sum, t) => sum + compileCpuSeconds(t.expected), 0);
    if (expectedObjectsLeft <= 0 || compileCpu <= 0) return;
    this.pace = Math.min(PACE_BOUNDS[1], Math.max(PACE_BOUNDS[0], (compileCpu / expectedObjectsLeft) * (objects / coreSeconds)));
  }
}

/** Where a running target is at `at`: no object yet, objects coming, or none for a while near its end. */
function phaseOf(t: TargetState, at: number): Phase {
  if (t.objects === 0) return 'setup';
  return at - t.lastObjectAt >= TAIL_AFTER_SECONDS * 1000 && t.objects >= TAIL_FROM_SHARE * expectedObjects(t) ? 'tail' : 'compile';
}

/** The CPU seconds of a target's objects: its whole build less its set-up and tail. */
function compileCpuSeconds(e: ExpectedWork): number {
  return Math.max(0, e.cpuSeconds - e.setupCpuSeconds - e.tailSeconds);
}

/**
 * A target's work and how much of it is done. Its set-up and tail count by the time it
 * has spent in them: `share` the core a running target has, `pace` the set-up's speed.
 */
function workItem(t: TargetState, at: number, share: number, pace: number): WorkItem {
  const e = t.expected;
  const item = { setupCpuSeconds: e.setupCpuSeconds, compileCpuSeconds: compileCpuSeconds(e), tailSeconds: e.tailSeconds, done: t.state === 'done' };
  const none = { ...item, setupFraction: 0, compileFraction: 0, tailFraction: 0 };
  if (t.state !== 'running') return none;
  const spentSince = (from: number, work: number, speed: number) => (work > 0 ? Math.min(MAX_PHASE_FRACTION, ((Math.max(0, at - from) / 1000) * speed) / work) : 1);
  const phase = phaseOf(t, at);
  if (phase === 'setup') return { ...none, setupFraction: spentSince(t.startedAt, e.setupCpuSeconds, share * pace) };
  const expected = expectedObjects(t);
  const compiled = expected > 0 ? Math.min(MAX_RUNNING_FRACTION, t.objects / expected) : 0;
  // In its tail it has compiled all it will: what is left is the tail.
  if (phase === 'tail') return { ...none, setupFraction: 1, compileFraction: 1, tailFraction: spentSince(t.lastObjectAt, e.tailSeconds, share) };
  return { ...none, setupFraction: 1, compileFraction: compiled };
}

/** The objects a target is expected to build: its count, or its guess until it has built that many (PASSED_GUESS_GROWTH). */
function expectedObjects(t: TargetState): number {
  const { objects, objectsCounted } = t.expected;
  if (objectsCounted || t.objects < objects) return objects;
  return Math.round(t.objects * PASSED_GUESS_GROWTH);
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

