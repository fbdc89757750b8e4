import { type FailureReason } from '../types/diagnostics.ts';

// gcc: "fatal error: Killed signal terminated program cc1"; collect2: "ld terminated with
// signal 9 [Killed]"; make: "... Error 137" (128 + SIGKILL); a shell: "Killed".
const KILLED = /Killed signal terminated program|terminated with signal 9 \[Killed\]|\] Error 137$|^Killed$|: Killed$/;

/**
 * Watches a failed target's log lines for the marks of a machine fault, so that a report
 * says "out of memory" or "no space left on /build" instead of a bare failure. Cheap
 * substring checks first: it sees every line of the log.
 */
export class FailureSignals {
  private killed = false;
  private noSpace = false;

  see(line: string): void {
    if (!this.noSpace && line.includes('No space left on device')) this.noSpace = true;
    if (!this.killed && line.includes('Killed') || line.endsWith('Error 137')) this.killed ||= KILLED.test(line);
  }

  /** The machine fault the log shows, if any; no space wins, since a full tmpfs also kills. */
  reason(): FailureReason | undefined {
    if (this.noSpace) return 'no space left on /build';
    if (this.killed) return 'out of memory';
    return undefined;
  }
}
