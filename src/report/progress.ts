/** A target finished, as the driver prints it: "kernelbuilder: x86/tinyconfig pass (stage build, exit 0) in 183s". */
const TARGET_DONE = /^kernelbuilder: (\S+) (pass|fail|timeout) \(stage (\w+), exit (\d+)\) in (\d+)s$/;

/**
 * Turns the driver's per-target lines into progress: `[done/total]`, the outcome, the
 * time, and an ETA from the estimates of what is left, scaled by how the finished
 * targets compared with their own estimates.
 */
export class Progress {
  private done = 0;
  private estimatedDone = 0;
  private readonly started: number;

  constructor(
    private readonly estimates: Record<string, number>,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** The progress line for a driver line that finishes a target, else undefined. */
  see(line: string): string | undefined {
    const m = TARGET_DONE.exec(line);
    if (!m || !(m[1] in this.estimates)) return undefined;
    this.done++;
    this.estimatedDone += this.estimates[m[1]];
    const total = Object.keys(this.estimates).length;
    const elapsed = (this.now() - this.started) / 1000;
    const left = Object.values(this.estimates).reduce((a, b) => a + b, 0) - this.estimatedDone;
    const eta = this.done === total ? 'all done' : `ETA ~${formatMinutes((left * elapsed) / Math.max(this.estimatedDone, 1))}`;
    return `[${this.done}/${total}] ${m[1]} ${m[2]} in ${m[5]} s; ${eta}`;
  }
}

function formatMinutes(seconds: number): string {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}
