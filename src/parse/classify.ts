import type { Diagnostic, DiagnosticKind, Severity } from '../types/diagnostics.ts';

/** A diagnostic as printed: paths not yet normalised, no context, no signature. */
export interface RawDiagnostic extends Omit<Diagnostic, 'context' | 'detail' | 'target' | 'signature'> {
  type: 'diagnostic';
}

/** Which diagnostics a context line can belong to. */
export type ContextScope = 'compiler' | 'linker' | 'assembler' | 'sparse';

/** A line printed before diagnostics to say where they are: "In function", "In file included from", ... */
export interface ContextLine {
  type: 'context';
  scope: ContextScope;
  /** The file the context is about, when the line names it ("x.c: In function 'f':"). */
  subject?: string;
  /** Whether the line always opens a new context rather than continuing the one before it. */
  opens: boolean;
  text: string;
}

/** A kbuild progress line ("  CC      kernel/fork.o"): never a diagnostic, ends the one before. */
export interface EchoLine {
  type: 'echo';
}

/** What a log line is; null for a line that matters to no diagnostic. */
export type LineClass = RawDiagnostic | ContextLine | EchoLine | null;

const ECHO: EchoLine = { type: 'echo' };

// gcc and clang: "file:line:col: severity: message" and "file:line: severity: message".
const COMPILER = /^([^:\s][^:]*):(\d+):(?:(\d+):)? (fatal error|error|warning|note): (.*)$/;
// gas: "file:line: Error: message" (capitalised, no column).
const GAS = /^([^:\s][^:]*):(\d+): (Error|Warning): (.*)$/;
// Kconfig's conf and lexer: "file:line:warning: message", no space after the line number.
const KCONFIG_AT = /^([^:\s][^:]*):(\d+):(warning|error): ?(.*)$/;
// Kconfig's parser: "arch/x86/Kconfig:12: message" (syntax errors and warnings).
const KCONFIG_FILE = /^((?:[^:\s]*\/)?Kconfig[^:\s/]*):(\d+): (.*)$/;
// dtc: "file:12.3-20: Warning (check): message"; the span may end on another line (12.3-14.5).
const DTC_AT = /^([^:\s][^:]*):(\d+)\.(\d+)-(?:\d+\.)?\d+: (Warning|ERROR|Error) \(([\w-]+)\): (.*)$/;
const DTC_FILE = /^([^:\s][^:]*): (Warning|ERROR|Error) \(([\w-]+)\): (.*)$/;
const DTC_SYNTAX = /^Error: ([^:\s][^:]*):(\d+)\.(\d+)(?:-[\d.]+)? (.*)$/;
// make: "make[2]: *** [scripts/Makefile.build:250: kernel/fork.o] Error 1", "Makefile:12: *** msg.  Stop."
const MAKE = /^(?:\S*\/)?g?make(?:\[\d+\])?: (.*)$/;
const MAKE_RECIPE = /^\[(?:[^\]]*?:\d+: )?([^\]]+)\] Error \d+/;
const MAKEFILE_FATAL = /^([^:\s][^:]*):(\d+): \*\*\* (.*)$/;
// A recipe's shell: "/bin/sh: 1: bc: not found".
const SHELL = /^(?:\S*\/)?(?:ba|da)?sh: (?:line )?\d+: (.*)$/;
const MODPOST = /^(WARNING|ERROR|FATAL): (modpost: )?(.*)$/;
// A compiler driver talking about itself: "gcc: error: ...", "cc1: warning: ...".
const DRIVER = /^(?:[\w.+-]*-)?(gcc|cc1|cc1plus|cpp|clang|cc|g\+\+|as)(?:-[\d.]+)?: (fatal error|error|warning|note): (.*)$/;
// A file-level message without a position, e.g. objtool's "vmlinux.o: warning: objtool: ...".
const FILE_LEVEL = /^([^:\s][^:]*): (fatal error|error|warning): (.*)$/;
// The location ld puts before a message: "sys.c:(.text+0x1a)", "vmlinux.o(.text+0x1a)", "x.c:12".
const LD_LOCATION = /^([^\s:()]+)(?::(\d+))?(?::?\([^)]*\))?: (.+)$/;
const INCLUDE_FROM = /^\s+from \S+:\d+(?::\d+)?[,:]$/;
const FUNCTION_OF_FILE = /^([^:\s][^:]*): (?:In (?:static |member |static member )?function|In constructor|In destructor|At top level|At global scope)\b.*:$/;
// The name before the first colon is a linker: ld, ld.bfd, ld.lld, aarch64-linux-gnu-ld, /usr/bin/ld.
const LINKER_NAME = /^(?:\S*[/-])?ld(?:\.(?:bfd|gold|lld))?$/;
const SYSCALL = /^(?:#warning )?syscall \S+ not implemented\b/;
// sparse with CF=-fdiagnostic-prefix, as the 0-day robot runs it: "file:12:34: sparse: warning: msg".
const SPARSE_PREFIXED = /^([^:\s][^:]*):(\d+):(\d+): sparse: (warning|error): (.*)$/;
// sparse before its first finding in a header: "kernel/fork.c: note: in included file:" (0.6.4),
// "... in included file (through include/linux/a.h, ...):" (later versions).
const SPARSE_INCLUDED = /^([^:\s][^:]*): note: in included file(?: \(through .*\))?:$/;

/** Splits gcc's and clang's trailing "[-Wflag]" off a message, as "-Wflag" even under -Werror. */
export function splitFlag(message: string): { message: string; flag?: string } {
  if (message.charCodeAt(message.length - 1) !== 93 /* ] */) return { message };
  const open = message.lastIndexOf(' [-W');
  if (open === -1) return { message };
  let flag = message.slice(open + 2, -1);
  // gcc: -Werror=unused-variable; clang: -Werror,-Wunused-variable.
  if (flag.startsWith('-Werror=')) flag = `-W${flag.slice(8)}`;
  else if (flag.startsWith('-Werror,')) flag = flag.slice(8);
  return { message: message.slice(0, open), flag };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function isKconfigFile(path: string): boolean {
  const name = baseName(path);
  return name.startsWith('Kconfig') || name === '.config' || name.endsWith('defconfig') || name.endsWith('.config');
}

function isMakefile(path: string): boolean {
  const name = baseName(path);
  return name.startsWith('Makefile') || name.startsWith('Kbuild') || name.endsWith('.mk');
}

function severityOf(word: string): Severity {
  const w = word.toLowerCase();
  return w === 'warning' ? 'warning' : w === 'note' ? 'note' : 'error';
}

/**
 * True for kbuild's quiet command lines ("  CC      kernel/fork.o", "  CHKSHA1 ..."): two
 * spaces, a tag of capitals and digits that starts with a capital (gcc's "  429 | code" does
 * not), a space.
 */
export function isKbuildEcho(line: string): boolean {
  if (line.charCodeAt(0) !== 32 || line.charCodeAt(1) !== 32) return false;
  let c = line.charCodeAt(2);
  if (c < 65 || c > 90) return false;
  let i = 3;
  for (c = line.charCodeAt(i); (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95; c = line.charCodeAt(++i));
  return line.charCodeAt(i) === 32;
}

function compilerDiagnostic(m: RegExpExecArray): RawDiagnostic {
  const file = m[1];
  const { message, flag } = splitFlag(m[5]);
  let kind: DiagnosticKind = 'compiler';
  if (SYSCALL.test(message)) kind = 'syscall';
  else if (flag === '-Wcpp' || flag === '-W#warnings' || message.startsWith('#warning') || message.startsWith('#error')) kind = 'directive';
  else if (isKconfigFile(file)) kind = 'kconfig';
  else if (isMakefile(file)) kind = 'make';
  // Every gcc since 4.5 and every clang print a column: a C file's warning without one is kernel-doc's.
  else if (m[3] === undefined && flag === undefined && m[4].toLowerCase() === 'warning' && /\.[ch]$/.test(file)) kind = 'kernel-doc';
  const d: RawDiagnostic = { type: 'diagnostic', kind, severity: severityOf(m[4]), file, line: Number(m[2]), message };
  if (m[3] !== undefined) d.column = Number(m[3]);
  if (flag !== undefined) d.flag = flag;
  return d;
}

function linkerDiagnostic(text: string): RawDiagnostic {
  let severity: Severity = 'error';
  let rest = text;
  if (rest.startsWith('warning: ')) {
    severity = 'warning';
    rest = rest.slice(9);
  } else if (rest.startsWith('error: ')) {
    rest = rest.slice(7);
  } else if (rest.startsWith('NOTE: ')) {
    // binutils 2.39+ after its warnings of an executable stack or RWX segments: an explanation, never an error.
    severity = 'note';
    rest = rest.slice(6);
  }
  const m = LD_LOCATION.exec(rest);
  if (m === null || !/[./]|^vmlinux$/.test(m[1])) return { type: 'diagnostic', kind: 'linker', severity, message: rest };
  const d: RawDiagnostic = { type: 'diagnostic', kind: 'linker', severity, file: m[1], message: m[3] };
  if (m[2] !== undefined) d.line = Number(m[2]);
  return d;
}


/** The module a modpost message is about: '"sym" [drivers/x/y.ko] undefined!', "missing MODULE_LICENSE() in drivers/x/y.o". */
function moduleOf(text: string): string | undefined {
  // String searches rather than an unanchored regex, which backtracks quadratically on "[[[[...".
  const close = text.indexOf('.ko]');
  if (close !== -1) {
    const name = text.slice(text.lastIndexOf('[', close) + 1, close + 3);
    if (name !== '' && !/\s/.test(name)) return name;
  }
  const m = / in (\S+\.(?:o|ko))$/.exec(text);
  return m === null ? undefined : m[1];
}

function modpostDiagnostic(m: RegExpExecArray): RawDiagnostic | null {
  const severity: Severity = m[1] === 'WARNING' ? 'warning' : 'error';
  const text = m[3];
  if (text.includes('unmet direct dependencies')) return { type: 'diagnostic', kind: 'kconfig', severity, message: text };
  if (text.startsWith('Kernel configuration is invalid')) return { type: 'diagnostic', kind: 'kconfig', severity, message: text };
  if (text.startsWith('Input tree has errors')) return { type: 'diagnostic', kind: 'dtc', severity, message: text };
  const mismatch = /ection mismatch in reference/.test(text);
  if (m[2] === undefined && !mismatch) return null;
  const kind: DiagnosticKind = mismatch ? 'section-mismatch' : 'modpost';
  // "vmlinux.o: section mismatch ...", older "vmlinux.o(.text+0x1a): Section mismatch ...".
  const at = /^([^\s:()]+\.(?:o|ko)|vmlinux)(?:\([^)]*\))?: (.*)$/.exec(text);
  if (at !== null) return { type: 'diagnostic', kind, severity, file: at[1], message: at[2] };
  const d: RawDiagnostic = { type: 'diagnostic', kind, severity, message: text };
  const module = moduleOf(text);
  if (module !== undefined) d.file = module;
  return d;
}

function makeDiagnostic(text: string): RawDiagnostic | null {
  if (text.startsWith('warning: ')) return { type: 'diagnostic', kind: 'make', severity: 'warning', message: text.slice(9) };
  if (!text.startsWith('*** ')) return null;
  const rest = text.slice(4);
  if (rest.startsWith('Waiting for unfinished jobs') || rest.startsWith('Deleting file')) return null;
  // The failed target is the file when it names one (kernel/fork.o, vmlinux.symvers), not a
  // phony target or directory (__sub-make, ., vmlinux_o, arch/x86).
  const recipe = MAKE_RECIPE.exec(rest);
  if (recipe !== null && /[^/.]\.\w+$/.test(recipe[1])) return { type: 'diagnostic', kind: 'make', severity: 'error', file: recipe[1], message: rest };
  return { type: 'diagnostic', kind: 'make', severity: 'error', message: rest };
}

function contextLine(scope: ContextScope, text: string, opens: boolean, subject?: string): ContextLine {
  return subject === undefined ? { type: 'context', scope, opens, text } : { type: 'context', scope, opens, subject, text };
}

/** Classifies one log line (no newline, no ANSI colours). Cheap for the common non-diagnostic lines. */
export function classifyLine(line: string): LineClass {
  const first = line.charCodeAt(0);
  if (first === 32 || first === 9) {
    if (isKbuildEcho(line)) return ECHO;
    if (line.indexOf(':') === -1) return null;
    if (INCLUDE_FROM.test(line)) return contextLine('compiler', line.trim(), false);
    if (/^\s+inlined from /.test(line)) return contextLine('compiler', line.trim(), false);
    return null;
  }
  // "In function 'f'," opens gcc's inlining context and has no colon.
  if (first === 73 /* I */ && /^In (?:static |member |static member )?function /.test(line)) return contextLine('compiler', line, false);
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  if (line.startsWith('In file included from ')) return contextLine('compiler', line, true);

  let m: RegExpExecArray | null;
  const head = line.slice(0, colon);
  if (first === 109 /* m */ || head.endsWith('make') || head.endsWith(']')) {
    if ((m = MAKE.exec(line)) !== null) return makeDiagnostic(m[1]);
  }
  if (first === 87 /* W */ || first === 69 /* E */ || first === 70 /* F */) {
    if ((m = MODPOST.exec(line)) !== null) return modpostDiagnostic(m);
    if ((m = DTC_SYNTAX.exec(line)) !== null) {
      return { type: 'diagnostic', kind: 'dtc', severity: 'error', file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4] };
    }
    if (line.startsWith('FATAL ERROR: ')) return { type: 'diagnostic', kind: 'dtc', severity: 'error', message: line.slice(13) };
  }
  if (head.endsWith('sh') && (m = SHELL.exec(line)) !== null) return { type: 'diagnostic', kind: 'make', severity: 'error', message: m[1] };

  if (head.endsWith('d') && LINKER_NAME.test(head)) {
    const rest = line.slice(colon + 2);
    // "ld: kernel/sys.o: in function `f':" names the object of the diagnostics after it.
    const inFunction = rest.indexOf(': in function ');
    if (inFunction !== -1 && (line.endsWith("':") || line.endsWith('’:'))) return contextLine('linker', line, true, rest.slice(0, inFunction));
    return linkerDiagnostic(rest);
  }
  if (line.includes('undefined reference to ') || line.includes('multiple definition of ') || line.includes('relocation truncated to fit')) {
    return linkerDiagnostic(line);
  }

  const c1 = line.charCodeAt(colon + 1);
  if (c1 >= 48 && c1 <= 57) {
    if ((m = COMPILER.exec(line)) !== null) return compilerDiagnostic(m);
    // Without the prefix sparse's findings read as the compiler's: the log parser tells them apart.
    if ((m = SPARSE_PREFIXED.exec(line)) !== null) {
      return { type: 'diagnostic', kind: 'sparse', severity: severityOf(m[4]), file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[5] };
    }
    if ((m = GAS.exec(line)) !== null) {
      return { type: 'diagnostic', kind: 'assembler', severity: severityOf(m[3]), file: m[1], line: Number(m[2]), message: m[4] };
    }
    if ((m = KCONFIG_AT.exec(line)) !== null) {
      return { type: 'diagnostic', kind: 'kconfig', severity: severityOf(m[3]), file: m[1], line: Number(m[2]), message: m[4] };
    }
    if ((m = DTC_AT.exec(line)) !== null) {
      return { type: 'diagnostic', kind: 'dtc', severity: severityOf(m[4]), file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[6], flag: m[5] };
    }
    if ((m = KCONFIG_FILE.exec(line)) !== null) {
      const warning = m[3].startsWith('warning: ');
      return { type: 'diagnostic', kind: 'kconfig', severity: warning ? 'warning' : 'error', file: m[1], line: Number(m[2]), message: warning ? m[3].slice(9) : m[3] };
    }
    if ((m = MAKEFILE_FATAL.exec(line)) !== null) {
      return { type: 'diagnostic', kind: 'make', severity: 'error', file: m[1], line: Number(m[2]), message: m[3] };
    }
    return null;
  }
  if (c1 !== 32) return null;

  if (line.endsWith(': Assembler messages:')) return contextLine('assembler', line, true, head);
  if ((m = SPARSE_INCLUDED.exec(line)) !== null) return contextLine('sparse', line, true, m[1]);
  if ((m = FUNCTION_OF_FILE.exec(line)) !== null) return contextLine('compiler', line, false, m[1]);
  if ((m = DTC_FILE.exec(line)) !== null) {
    return { type: 'diagnostic', kind: 'dtc', severity: severityOf(m[2]), file: m[1], message: m[4], flag: m[3] };
  }
  if ((m = DRIVER.exec(line)) !== null) {
    const { message, flag } = splitFlag(m[3]);
    const d: RawDiagnostic = { type: 'diagnostic', kind: m[1] === 'as' ? 'assembler' : 'compiler', severity: severityOf(m[2]), message };
    if (flag !== undefined) d.flag = flag;
    return d;
  }
  if ((m = FILE_LEVEL.exec(line)) !== null) {
    return { type: 'diagnostic', kind: 'compiler', severity: severityOf(m[2]), file: m[1], message: m[3] };
  }
  return null;
}
