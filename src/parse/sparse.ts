import type { RawDiagnostic } from './classify.ts';

// Telling sparse's findings from the compiler's (their lines are recognised in classify.ts).
// How kbuild runs sparse (scripts/Makefile.build of 6.1): rule_cc_o_c compiles a C file
// ("  CC      kernel/fork.o" and gcc's diagnostics), then runs cmd_checksrc, echoed as
// quiet_cmd_checksrc = "CHECK   $<" with the source's path, and sparse prints its findings
// as "file:line:col: warning: message" (sparse's lib.c do_warn), like gcc but never with a
// [-Wflag] and never with gcc's source excerpt. With C=2, cmd_force_checksrc runs after the
// same rule, so the order is the same.

/** kbuild's echo of cmd_checksrc: "  CHECK   kernel/fork.c" (or /build/src/kernel/fork.c with O=). */
const CHECK = /^ {2}CHECK {3}(\S+)\s*$/;
/**
 * An info line of sparse after a finding: "file:12:34:    expected int" (its own text is
 * indented by 3, after ": "), or another place, "file:3:9: this was the original definition".
 */
const INFO = /^([^:\s][^:]*):(\d+):(\d+): (?:sparse: )?(.*)$/;
const SEVERITY = /^(?:warning|error|note|fatal error): /;
/** How many checked files are remembered: more than make's jobs can have open at once. */
const CHECKED_KEPT = 256;

/** A sparse info line's place and text (text as printed, its indent kept), else undefined. */
export function sparseInfo(line: string): { file: string; line: number; column: number; text: string } | undefined {
  const m = INFO.exec(line);
  if (m === null || SEVERITY.test(m[4]) || m[4].trim() === '') return undefined;
  return { file: m[1], line: Number(m[2]), column: Number(m[3]), text: m[4] };
}

/**
 * Decides which compiler-looking findings are sparse's, from the kbuild lines around them.
 * sparse's findings follow the `CHECK` line of their file up to the next kbuild echo line.
 * With make -j the lines of parallel jobs interleave, so a finding is also sparse's when
 * it is in a file whose `CHECK` line was seen (gcc is done with a file before kbuild
 * checks it), or right after sparse's "in included file" note, or is a warning without a
 * [-Wflag] in a build where sparse ran; and never when it carries
 * what only gcc and clang print: a [-Wflag], or "In function"/"In file included from".
 */
export class SparseTracker {
  private readonly checked = new Set<string>();
  private running = false;

  /** Reads a kbuild echo line: a `CHECK` line starts sparse's run for its file, any other ends it. */
  echo(line: string, normalise: (path: string) => string | undefined): void {
    const m = CHECK.exec(line);
    this.running = m !== null;
    if (m === null) return;
    const file = normalise(m[1]);
    if (file === undefined) return;
    this.checked.delete(file);
    this.checked.add(file);
    if (this.checked.size > CHECKED_KEPT) this.checked.delete(this.checked.values().next().value as string);
  }

  /** sparse's "in included file" note: findings in headers follow. */
  included(): void {
    this.running = true;
  }

  /**
   * Whether a finding classified as the compiler's is sparse's. `file` is its tree-relative
   * path; `compilerContext` whether gcc's context lines came right before it.
   */
  claims(d: RawDiagnostic, file: string | undefined, compilerContext: boolean): boolean {
    if (d.kind !== 'compiler' || d.severity === 'note' || d.flag !== undefined || d.column === undefined || file === undefined) return false;
    if (compilerContext) return false;
    if (this.running || this.checked.has(file)) {
      this.running = true;
      return true;
    }
    // gcc 12 and clang name the flag of every warning they print: a flagless one, once
    // sparse runs in this build, is sparse's, wherever make -j put it.
    return d.severity === 'warning' && this.checked.size > 0;
  }
}
