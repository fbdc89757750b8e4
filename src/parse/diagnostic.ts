/** Which tool of a kernel build reported a diagnostic. */
export type DiagnosticKind =
  | 'compiler'
  | 'linker'
  | 'modpost'
  | 'section-mismatch'
  | 'kconfig'
  | 'dtc'
  | 'assembler'
  | 'make'
  | 'syscall'
  | 'directive';

/** Severity as reported by the tool; gcc's "fatal error" is an `error`. */
export type Severity = 'error' | 'warning' | 'note';

/** One problem found in a kernel build log. */
export interface Diagnostic {
  kind: DiagnosticKind;
  severity: Severity;
  /** Path relative to the kernel tree (build prefixes and leading `../` removed). */
  file?: string;
  line?: number;
  column?: number;
  /** The tool's message, without the location, the severity and a trailing `[-Wflag]`. */
  message: string;
  /** The warning option that controls it, as `-Wname` even when reported as `-Werror=name`. */
  flag?: string;
  /** Lines printed before the diagnostic that locate it: "In function", "In file included from", "in function" of ld. */
  context: string[];
  /** Lines printed after it that explain it: gcc notes, ld.lld `>>>` lines, Kconfig dependency lines. */
  detail?: string[];
  /** The build target the log came from, e.g. "x86/tinyconfig", as given to the parser. */
  target?: string;
  /** kind + file + message with line numbers, columns and hex offsets removed: equal across builds and targets. */
  signature: string;
}
