/**
 * Values of make-vars and kcidb-origin that must be refused before any container starts:
 * rows of the hostile-input table of test/itg/action-errors.test.itg.ts (through the
 * bundled action), and checked by getInputs itself in test/unit/make-vars.test.ts.
 */
export const HOSTILE_MAKE_VARS: readonly string[] = [
  'W=4',
  'W=11',
  'W=',
  'C=3',
  'C=1x',
  'CC=clang',
  'CROSS_COMPILE=x86_64-evil-',
  'LLVM=1',
  'V=1',
  'O=/etc',
  'ARCH=x86',
  'INSTALL_MOD_STRIP=0',
  'KCFLAGS=$(shell touch /tmp/kb-pwned)',
  'KCFLAGS=-Werror;id',
  'KCFLAGS=-Werror|id',
  'KCFLAGS="-Wall `id`"',
  'KCFLAGS="-Wall\nO=/etc"',
  'KCFLAGS=Werror',
  'W=1\nC=1\nCC=sh',
  'W=1 W=2',
  'W=1 nonsense',
  'w=1',
  '=1',
  'KCFLAGS="-Wall',
];

export const HOSTILE_KCIDB_ORIGINS: readonly string[] = ['Kernel-Builder', 'kernel builder', '$(id)', 'a:b', 'x'.repeat(65)];
