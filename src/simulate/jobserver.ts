import { MinHeap } from './min-heap.ts';
import { fitsInSpace } from '../plan/space.ts';
import { type SimMachine, type SimTarget, type SimTargetRun, type Simulation } from './types.ts';

/**
 * How a target's serial seconds split: a quarter before its compile (making the .config,
 * the prepare steps), three quarters after it (vmlinux link, modpost, modules). Builds
 * record no phase times, so this is a choice, not a measurement: the link tail is the part
 * that grows with a config's size, the config head stays short.
 */
export const SERIAL_HEAD_FRACTION = 0.25;

type Phase = 'queued' | 'space' | 'head' | 'compile' | 'tail' | 'done';

interface State {
  target: SimTarget;
  order: number;
  phase: Phase;
  /** Jobserver tokens it holds: its recipe's one, plus those its compile took. */
  held: number;
  objects: number;
  running: number;
  unstarted: number;
  compiled: number;
  /** Bytes its object dir holds now. */
  objdirBytes: number;
  /** CPU seconds of one compile job, of the head and of the tail. */
  jobWork: number;
  headWork: number;
  tailWork: number;
  start: number;
  end: number;
  blockedSince?: number;
  waited: number;
}

/**
 * Simulate one make jobserver over `targets` in their order, as the driver runs them: one
 * top-level make with `jobs` tokens, each target a recipe holding one token, started in
 * order as tokens free up. With a space limit a target builds only once its object dir
 * fits beside the running ones (fitsInSpace): as the driver's admissions (admit.sh), one
 * after another in order, the one waiting holds a token and those behind it wait
 * unstarted, holding none. A target is a serial head, `objects` compile jobs and a serial
 * tail; its compile runs as many jobs as it has tokens, its own plus free ones, which go
 * first to the next target to start, then to the running target holding fewest (the
 * jobserver's waiters are served in turn). When more jobs run than there are cores every
 * job slows by cores/running: CPU time is conserved.
 */
export function simulate(targets: SimTarget[], machine: SimMachine): Simulation {
  const states: State[] = targets.map((target, order) => {
    const c = target.cost;
    const serial = Math.min(c.serialSeconds, c.cpuSeconds);
    const objects = c.cpuSeconds - serial > 0 ? Math.max(0, Math.round(c.objects)) : 0;
    return {
      target,
      order,
      phase: 'queued',
      held: 0,
      objects,
      running: 0,
      unstarted: objects,
      compiled: 0,
      objdirBytes: 0,
      jobWork: objects > 0 ? (c.cpuSeconds - serial) / objects : 0,
      headWork: serial * SERIAL_HEAD_FRACTION,
      tailWork: serial * (1 - SERIAL_HEAD_FRACTION),
      start: 0,
      end: 0,
      waited: 0,
    };
  });
  // Every running job gets the same CPU seconds per second, so `work` (CPU seconds each job
  // has had since the start) is one clock for all: a job ends when it reaches the job's
  // start plus its CPU seconds, and the queue orders jobs by that point.
  const queue = new MinHeap<State>();
  let now = 0;
  let work = 0;
  let free = machine.jobs;
  let busy = 0;
  let busyCoreSeconds = 0;
  let next = 0;
  let buildBytes = 0;
  let memoryBytes = 0;
  let peakBuildBytes = 0;
  let peakMemoryBytes = 0;
  const active: State[] = [];

  const startJob = (s: State, jobWork: number) => {
    s.running++;
    busy++;
    memoryBytes += s.target.cost.memoryPerJobBytes;
    queue.push(work + jobWork, s);
  };
  const startTail = (s: State) => {
    s.phase = 'tail';
    free += s.held - 1;
    s.held = 1;
    // A compile-less target's object dir is its head's and tail's: counted whole from here.
    if (s.compiled === 0) {
      s.objdirBytes = s.target.cost.objdirBytes;
      buildBytes += s.objdirBytes;
    }
    startJob(s, s.tailWork);
  };
  const startCompile = (s: State) => {
    if (s.unstarted === 0) return startTail(s);
    s.phase = 'compile';
    s.unstarted--;
    startJob(s, s.jobWork);
  };
  const fits = (s: State) => machine.spaceLimitBytes === undefined || fitsInSpace(active.map((a) => a.target.cost.objdirBytes), s.target.cost.objdirBytes, machine.spaceLimitBytes);
  const admit = (s: State) => {
    next++;
    if (s.blockedSince !== undefined) s.waited = now - s.blockedSince;
    Object.assign(s, { phase: 'head', held: 1, start: now });
    active.push(s);
    startJob(s, s.headWork);
  };
  const allocate = () => {
    // The admission waiting for space (admit.sh) holds its token: it needs none to go on.
    const head = states[next];
    if (head?.phase === 'space' && fits(head)) admit(head);
    while (free > 0) {
      const queued = states[next];
      if (queued && queued.phase === 'queued') {
        free--;
        if (fits(queued)) {
          admit(queued);
          continue;
        }
        Object.assign(queued, { phase: 'space', held: 1, blockedSince: now });
      }
      let taker: State | undefined;
      for (const a of active) if (a.phase === 'compile' && a.unstarted > 0 && (!taker || a.held < taker.held)) taker = a;
      if (!taker) return;
      free--;
      taker.held++;
      taker.unstarted--;
      startJob(taker, taker.jobWork);
    }
  };
  const finish = (s: State) => {
    s.running--;
    busy--;
    memoryBytes -= s.target.cost.memoryPerJobBytes;
    if (s.phase === 'head') return startCompile(s);
    if (s.phase === 'tail') {
      s.phase = 'done';
      s.end = now;
      free += s.held;
      s.held = 0;
      buildBytes -= s.objdirBytes;
      s.objdirBytes = 0;
      active.splice(active.indexOf(s), 1);
      return;
    }
    // Its object dir grows with its compile, to its whole size at the compile's end.
    s.compiled++;
    const grown = (s.target.cost.objdirBytes * s.compiled) / s.objects;
    buildBytes += grown - s.objdirBytes;
    s.objdirBytes = grown;
    if (s.unstarted > 0) {
      // Its own token goes on with the next job; one the compile took goes back to the pool.
      if (s.held > 1) {
        s.held--;
        free++;
      } else {
        s.unstarted--;
        startJob(s, s.jobWork);
      }
    } else if (s.running === 0) {
      startTail(s);
    } else if (s.held > s.running) {
      s.held--;
      free++;
    }
  };

  const notePeaks = () => {
    peakBuildBytes = Math.max(peakBuildBytes, buildBytes);
    peakMemoryBytes = Math.max(peakMemoryBytes, memoryBytes);
  };
  allocate();
  notePeaks();
  for (let done = queue.pop(); done; done = queue.pop()) {
    const rate = Math.min(1, machine.cores / busy);
    const dt = (done.key - work) / rate;
    busyCoreSeconds += Math.min(busy, machine.cores) * dt;
    now += dt;
    work = done.key;
    finish(done.value);
    allocate();
    notePeaks();
  }
  const runs: SimTargetRun[] = states.map((s) => ({ name: s.target.name, startSeconds: s.start, endSeconds: s.end, waitedSeconds: s.waited }));
  return {
    cores: machine.cores,
    jobs: machine.jobs,
    ...(machine.spaceLimitBytes === undefined ? {} : { spaceLimitBytes: machine.spaceLimitBytes }),
    wallSeconds: now,
    busyCoreSeconds,
    utilisation: now > 0 ? busyCoreSeconds / (now * machine.cores) : 0,
    peakBuildBytes,
    peakMemoryBytes,
    targets: runs,
  };
}
