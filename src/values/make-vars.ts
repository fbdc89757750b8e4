import { InputError } from '../errors.ts';
import { type MakeVar } from '../types/inputs.ts';

/**
 * The make variables a user may give every target (the `make-vars` input): those
 * Documentation/kbuild/kbuild.rst and `make help` of Linux 6.1 document for extra checks
 * and extra flags. Not allowed, because the image or the driver owns them: CC, HOSTCC,
 * CROSS_COMPILE and LLVM (the image's toolchain; `toolchain: clang` picks a clang image),
 * ARCH and O (the driver's), INSTALL_MOD_STRIP (kept modules are always stripped), V (a
 * verbose log has no `CHECK file` lines, which tell sparse's findings from the
 * compiler's, and no quiet lines the parser reads), KBUILD_EXTRA_WARN (W says it).
 */
export const MAKE_VAR_RULES: Readonly<Record<string, MakeVarRule>> = {
  /** Extra warnings: levels 1, 2, 3 and e (warnings as errors), combined as in W=12 or W=1e. */
  W: { values: /^(?!.*(.).*\1)[123e]{1,4}$/, allowed: '1, 2, 3 or e, or a combination such as 12 or 1e' },
  /** Run $CHECK (sparse): 1 on re-compiled files, 2 on all. */
  C: { values: /^[12]$/, allowed: '1 or 2' },
  /** Flags for sparse. */
  CF: flags(),
  KCFLAGS: flags(),
  KAFLAGS: flags(),
  KCPPFLAGS: flags(),
  CFLAGS_KERNEL: flags(),
  CFLAGS_MODULE: flags(),
  AFLAGS_KERNEL: flags(),
  AFLAGS_MODULE: flags(),
  LDFLAGS_MODULE: flags(),
  /** With a clang image: 0 assembles with GNU as instead of clang's integrated assembler. */
  LLVM_IAS: { values: /^[01]$/, allowed: '0 or 1' },
  /** Undefined symbols at modpost are warnings, not errors. */
  KBUILD_MODPOST_WARN: { values: /^1$/, allowed: '1' },
};

/** What one variable takes. */
export interface MakeVarRule {
  values: RegExp;
  allowed: string;
}

/**
 * Compiler options, space-separated, each starting with `-`, of characters that neither a
 * shell nor make reads as anything: no `$` (make would expand `$(shell ...)`), no quotes,
 * no backslash, no glob or redirection, no newline.
 */
function flags(): MakeVarRule {
  return { values: /^-[A-Za-z0-9_=,.+:/@%-]*( -[A-Za-z0-9_=,.+:/@%-]*)*$/, allowed: 'compiler options such as -Werror or "-Wall -Wno-unused", each starting with -, of letters, digits and _ = , . + : / @ % -' };
}

/**
 * Parse the make-vars text: `NAME=value` words separated by spaces or newlines; a value
 * with spaces is double-quoted (`KCFLAGS="-Wall -Werror"`). Each name must be of
 * MAKE_VAR_RULES, each value fit its rule, each name given once. Returns the variables
 * in the order given, as make takes them (`KCFLAGS=-Wall -Werror`, one argument each).
 */
export function parseMakeVars(input: string, text: string): MakeVar[] {
  const vars: MakeVar[] = [];
  const seen = new Set<string>();
  const word = /\s*(?:([^\s="]+)=(?:"([^"]*)"|([^\s"]*))|(\S+))/y;
  let m: RegExpExecArray | null;
  while (word.lastIndex < text.length && (m = word.exec(text)) !== null) {
    if (m[4] !== undefined) {
      throw new InputError(input, m[4], `make variables are NAME=value words (a value with spaces in double quotes), NAME one of: ${allowedNames()}`);
    }
    const [name, value] = [m[1], m[2] ?? m[3]];
    if (seen.has(name)) throw new InputError(input, name, 'each make variable is given once');
    seen.add(name);
    vars.push(checkMakeVar(input, `${name}=${value}`));
  }
  return vars;
}

/** One `NAME=value` (as results.json keeps it), checked against MAKE_VAR_RULES. */
export function checkMakeVar(input: string, assignment: string): MakeVar {
  const eq = assignment.indexOf('=');
  const [name, value] = eq < 0 ? [assignment, ''] : [assignment.slice(0, eq), assignment.slice(eq + 1)];
  const rule = Object.hasOwn(MAKE_VAR_RULES, name) ? MAKE_VAR_RULES[name] : undefined;
  if (!rule) throw new InputError(input, name, `it is not a make variable kernelbuilder passes; allowed are: ${allowedNames()}`);
  if (!rule.values.test(value)) throw new InputError(input, assignment, `${name} takes ${rule.allowed}`);
  return `${name}=${value}`;
}

function allowedNames(): string {
  return Object.keys(MAKE_VAR_RULES).join(' ');
}
