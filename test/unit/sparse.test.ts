import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/types/diagnostics.ts';
import { buildExcerpt } from '../../src/parse/excerpt.ts';
import { parseBuildLog } from '../../src/parse/log-parser.ts';
import { tally } from '../../src/diagnostics/tally.ts';

// The sparse lines below are Debian sparse 0.6.4-3's own output (`sparse -Iinclude
// kernel/fork.c` on a small file with a __rcu pointer assigned a plain one, in the file
// and in an inline function of an included header, and a global not declared static), with
// the paths an O= build prints: kbuild runs `$(CHECK) $(CHECKFLAGS) $(c_flags) $<` after
// compiling each C file (scripts/Makefile.build: rule_cc_o_c, quiet_cmd_checksrc =
// "CHECK   $<"), and $< is /build/src/... in kernelbuilder's containers.

function parse(lines: string[]): Diagnostic[] {
  return parseBuildLog(lines, { target: 'x86/tinyconfig' });
}

/** kind, severity, place and message of each diagnostic: what the tests compare. */
function brief(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${d.kind} ${d.severity} ${d.file ?? ''}:${d.line ?? ''}:${d.column ?? ''} ${d.message}${d.flag ? ` [${d.flag}]` : ''}`);
}

const FORK_C = [
  '  CC      kernel/fork.o',
  '  CHECK   /build/src/kernel/fork.c',
  "/build/src/kernel/fork.c:2:5: warning: symbol 'counter' was not declared. Should it be static?",
  '/build/src/kernel/fork.c:5:24: warning: incorrect type in assignment (different address spaces)',
  '/build/src/kernel/fork.c:5:24:    expected struct task_struct [noderef] __rcu *real_parent',
  '/build/src/kernel/fork.c:5:24:    got struct task_struct *p',
  '/build/src/kernel/fork.c:7:18: warning: Using plain integer as NULL pointer',
  '/build/src/kernel/fork.c: note: in included file:',
  '/build/src/include/linux/hdr.h:3:88: warning: incorrect type in assignment (different address spaces)',
  '/build/src/include/linux/hdr.h:3:88:    expected struct task_struct [noderef] __rcu *real_parent',
  '/build/src/include/linux/hdr.h:3:88:    got struct task_struct *p',
];

test('sparse findings after kbuild\'s CHECK line are their own kind, expected/got kept as detail', () => {
  const ds = parse([...FORK_C, '  AR      kernel/built-in.a']);
  assert.deepEqual(brief(ds), [
    "sparse warning kernel/fork.c:2:5 symbol 'counter' was not declared. Should it be static?",
    'sparse warning kernel/fork.c:5:24 incorrect type in assignment (different address spaces)',
    'sparse warning kernel/fork.c:7:18 Using plain integer as NULL pointer',
    'sparse warning include/linux/hdr.h:3:88 incorrect type in assignment (different address spaces)',
  ]);
  assert.deepEqual(ds[1].detail, ['   expected struct task_struct [noderef] __rcu *real_parent', '   got struct task_struct *p']);
  assert.deepEqual(ds[1].context, []);
  assert.equal(ds[0].detail, undefined);
  // The header's finding has sparse's note of the checked file as its context, the file's own do not.
  assert.deepEqual(ds[3].context, ['kernel/fork.c: note: in included file:']);
  assert.deepEqual(ds[3].detail, ['   expected struct task_struct [noderef] __rcu *real_parent', '   got struct task_struct *p']);
  // The types are the identity of a message that names no symbol.
  assert.equal(ds[1].signature, 'sparse|kernel/fork.c|incorrect type in assignment (different address spaces) @@ expected struct task_struct [noderef] __rcu *real_parent @@ got struct task_struct *p');
  assert.equal(ds[0].signature, "sparse|kernel/fork.c|symbol 'counter' was not declared. Should it be static?");
  for (const d of ds) assert.equal(tally(d, false), 'sparse');
});

test("gcc's warnings of the same file before its CHECK line stay the compiler's", () => {
  const ds = parse([
    '  CC      kernel/fork.o',
    "/build/src/kernel/fork.c:3:6: warning: no previous prototype for 'f' [-Wmissing-prototypes]",
    '    3 | void f(struct task_struct *t, struct task_struct *p)',
    '      |      ^',
    '/build/src/kernel/fork.c: In function \'g\':',
    "/build/src/kernel/fork.c:10:24: error: expected expression before ';' token",
    '   10 | void g(void) { int y = ; }',
    '      |                        ^',
    ...FORK_C.slice(1, 3),
    '  CC      kernel/exit.o',
    '/build/src/kernel/exit.c:12:5: warning: unused variable \'x\' [-Wunused-variable]',
  ]);
  assert.deepEqual(brief(ds), [
    "compiler warning kernel/fork.c:3:6 no previous prototype for 'f' [-Wmissing-prototypes]",
    "compiler error kernel/fork.c:10:24 expected expression before ';' token",
    "sparse warning kernel/fork.c:2:5 symbol 'counter' was not declared. Should it be static?",
    "compiler warning kernel/exit.c:12:5 unused variable 'x' [-Wunused-variable]",
  ]);
  assert.equal(tally(ds[0], false), 'warnings');
});

test('a finding after the CHECK run ended, in another file, is the compiler\'s', () => {
  // No flag, no context, no excerpt: gcc -fno-diagnostics-show-caret's error in a file not checked.
  const ds = parse([...FORK_C.slice(0, 3), '  CC      kernel/exit.o', "/build/src/kernel/exit.c:4:1: error: unknown type name 'foo'"]);
  assert.deepEqual(brief(ds).map((l) => l.split(' ')[0]), ['sparse', 'compiler']);
});

test('make -j: lines of parallel jobs interleave with sparse\'s, each finding goes to its tool', () => {
  // Two jobs: kernel/fork.c is being checked while kernel/exit.o compiles and is checked.
  const ds = parse([
    '  CC      kernel/fork.o',
    '  CHECK   /build/src/kernel/fork.c',
    '  CC      kernel/exit.o',
    // fork.c's finding after exit.o's echo: its file was checked, so it is sparse's.
    "/build/src/kernel/fork.c:2:5: warning: symbol 'counter' was not declared. Should it be static?",
    // exit.c's gcc warning amid fork.c's sparse run: the flag says gcc.
    "/build/src/kernel/exit.c:12:5: warning: unused variable 'x' [-Wunused-variable]",
    '   12 |         int x;',
    '      |             ^',
    '/build/src/kernel/fork.c:5:24: warning: incorrect type in assignment (different address spaces)',
    '/build/src/kernel/fork.c:5:24:    expected struct task_struct [noderef] __rcu *real_parent',
    '/build/src/kernel/fork.c:5:24:    got struct task_struct *p',
    // exit.c's gcc error, no flag, right amid the run: its source excerpt says gcc.
    "/build/src/kernel/exit.c:20:9: error: 'y' undeclared (first use in this function)",
    '   20 |         y = 1;',
    '      |         ^',
    '  CHECK   /build/src/kernel/exit.c',
    // fork.c's header finding after exit.c's CHECK: sparse's note says whose it is.
    '/build/src/kernel/fork.c: note: in included file:',
    '/build/src/include/linux/hdr.h:3:88: warning: incorrect type in assignment (different address spaces)',
    '/build/src/include/linux/hdr.h:3:88:    expected struct task_struct [noderef] __rcu *real_parent',
    '/build/src/include/linux/hdr.h:3:88:    got struct task_struct *p',
    '  AR      kernel/built-in.a',
    '/build/src/kernel/exit.c:30:1: warning: symbol \'exit_count\' was not declared. Should it be static?',
    '  LD      vmlinux.o',
  ]);
  assert.deepEqual(brief(ds), [
    "sparse warning kernel/fork.c:2:5 symbol 'counter' was not declared. Should it be static?",
    "compiler warning kernel/exit.c:12:5 unused variable 'x' [-Wunused-variable]",
    'sparse warning kernel/fork.c:5:24 incorrect type in assignment (different address spaces)',
    "compiler error kernel/exit.c:20:9 'y' undeclared (first use in this function)",
    'sparse warning include/linux/hdr.h:3:88 incorrect type in assignment (different address spaces)',
    "sparse warning kernel/exit.c:30:1 symbol 'exit_count' was not declared. Should it be static?",
  ]);
  assert.equal(ds[3].signature, "compiler|kernel/exit.c|'y' undeclared (first use in this function)");
  assert.equal(ds[2].detail?.length, 2);
  assert.deepEqual(ds[4].context, ['kernel/fork.c: note: in included file:']);
});

test("0-day's CF=-fdiagnostic-prefix lines are sparse's wherever they stand", () => {
  // sparse 0.6.4 -fdiagnostic-prefix, as 0-day builds: "sparse: " before the severity and the info.
  const ds = parse([
    '  CC      kernel/fork.o',
    '  LD      vmlinux.o',
    '/build/src/kernel/fork.c:5:24: sparse: warning: incorrect type in assignment (different address spaces)',
    '/build/src/kernel/fork.c:5:24: sparse:    expected struct task_struct [noderef] __rcu *real_parent',
    '/build/src/kernel/fork.c:5:24: sparse:    got struct task_struct *p',
    "/build/src/kernel/fork.c:10:24: sparse: error: expression expected before ';'",
  ]);
  assert.deepEqual(brief(ds), [
    'sparse warning kernel/fork.c:5:24 incorrect type in assignment (different address spaces)',
    "sparse error kernel/fork.c:10:24 expression expected before ';'",
  ]);
  assert.deepEqual(ds[0].detail, ['   expected struct task_struct [noderef] __rcu *real_parent', '   got struct task_struct *p']);
  // The same finding with and without the prefix is one issue.
  const plain = parse(FORK_C.slice(0, 6));
  assert.equal(ds[0].signature, plain[1].signature);
});

test('an info line at another place is kept with its place; later sparse notes name their chain', () => {
  const ds = parse([
    '  CHECK   /build/src/drivers/x.c',
    '/build/src/drivers/x.c: note: in included file (through /build/src/include/linux/a.h, /build/src/include/linux/b.h):',
    '/build/src/include/linux/c.h:9:9: warning: preprocessor token FOO redefined',
    '/build/src/drivers/x.c:3:9: this was the original definition',
  ]);
  assert.deepEqual(brief(ds), ['sparse warning include/linux/c.h:9:9 preprocessor token FOO redefined']);
  assert.deepEqual(ds[0].detail, ['drivers/x.c:3:9: this was the original definition']);
  assert.deepEqual(ds[0].context, ['drivers/x.c: note: in included file (through include/linux/a.h, include/linux/b.h):']);
});

test('kernel-doc (W=1 checkdoc, after sparse in the same rule) is its own kind, never sparse\'s; objtool stays the compiler\'s', () => {
  // cmd_checkdoc runs right after cmd_checksrc and is not echoed; kernel-doc prints no column.
  const ds = parse([
    ...FORK_C.slice(0, 3),
    "/build/src/kernel/fork.c:1200: warning: Function parameter or member 'clone_flags' not described in 'copy_process'",
    'kernel/fork.o: warning: objtool: copy_process+0x1a: call to foo() with UACCESS enabled',
  ]);
  assert.deepEqual(brief(ds).map((l) => l.split(' ')[0]), ['sparse', 'kernel-doc', 'compiler']);
  assert.equal(tally(ds[1], false), 'warnings', 'a W=1 warning');
});

test("sparse's errors count as sparse, never as a build's errors nor in a failed target's first errors", () => {
  const ds = parse(['  CHECK   /build/src/kernel/fork.c', "/build/src/kernel/fork.c:10:24: error: expression expected before ';'"]);
  assert.equal(ds[0].kind, 'sparse');
  assert.equal(ds[0].severity, 'error');
  assert.equal(tally(ds[0], false), 'sparse');
  const excerpt = buildExcerpt(['  CHECK   /build/src/kernel/fork.c', "/build/src/kernel/fork.c:10:24: error: expression expected before ';'", 'make: *** [Makefile:1234: vmlinux] Error 2']);
  assert.equal(excerpt.source, 'tail');
});

test('W=1: -Wmissing-prototypes and other extra warnings are compiler warnings with their flag', () => {
  // make W=1 adds -Wextra -Wmissing-prototypes -Wold-style-definition ... (scripts/Makefile.extrawarn): gcc 12's wording.
  const ds = parse([
    '  CC      kernel/fork.o',
    "/build/src/kernel/fork.c:3:6: warning: no previous prototype for 'f' [-Wmissing-prototypes]",
    '    3 | void f(struct task_struct *t, struct task_struct *p)',
    '      |      ^',
    '/build/src/kernel/fork.c: In function \'g\':',
    "/build/src/kernel/fork.c:12:13: warning: variable 'n' set but not used [-Wunused-but-set-variable]",
    '   12 |         int n;',
    '      |             ^',
    "/build/src/kernel/fork.c:20:6: warning: old-style function definition [-Wold-style-definition]",
    '   20 | void h()',
    '      |      ^',
    "/build/src/kernel/fork.c:30:12: warning: comparison of integer expressions of different signedness: 'int' and 'unsigned int' [-Wsign-compare]",
    '   30 |         if (a < b)',
    '      |               ^',
    '  CC      kernel/exit.o',
  ]);
  assert.deepEqual(brief(ds), [
    "compiler warning kernel/fork.c:3:6 no previous prototype for 'f' [-Wmissing-prototypes]",
    "compiler warning kernel/fork.c:12:13 variable 'n' set but not used [-Wunused-but-set-variable]",
    'compiler warning kernel/fork.c:20:6 old-style function definition [-Wold-style-definition]',
    "compiler warning kernel/fork.c:30:12 comparison of integer expressions of different signedness: 'int' and 'unsigned int' [-Wsign-compare]",
  ]);
  assert.deepEqual(ds[1].context, ["kernel/fork.c: In function 'g':"]);
  for (const d of ds) assert.equal(tally(d, false), 'warnings');
});

test("a header's finding that make -j cut off from its CHECK line is still sparse's when sparse's info lines at its place follow", () => {
  // As a real W=1 C=1 build of x86 tinyconfig printed it: another job's CC line between
  // sparse's run of core.c and its finding in a header core.c includes.
  const ds = parse([
    '  CHECK   /build/src/kernel/sched/core.c',
    '  CC      kernel/sched/fair.o',
    '/build/src/kernel/sched/sched.h:2066:25: error: incompatible types in comparison expression (different address spaces):',
    '/build/src/kernel/sched/sched.h:2066:25:    struct task_struct [noderef] __rcu *',
    '/build/src/kernel/sched/sched.h:2066:25:    struct task_struct *',
    // gcc's own flagless error after it, with its excerpt: gcc's.
    "/build/src/kernel/sched/fair.c:12:3: error: 'nope' undeclared (first use in this function)",
    '   12 |   nope = 1;',
    '      |   ^~~~',
  ]);
  assert.deepEqual(ds.map((d) => [d.kind, d.severity, d.file, d.detail]), [
    ['sparse', 'error', 'kernel/sched/sched.h', ['   struct task_struct [noderef] __rcu *', '   struct task_struct *']],
    ['compiler', 'error', 'kernel/sched/fair.c', undefined],
  ]);
});

test("a flagless warning in a header, far from its CHECK line, is sparse's once sparse runs in the build; before any CHECK it stays gcc's", () => {
  // As a real W=1 C=1 arm64 tinyconfig build printed it, with other jobs' lines between.
  const ds = parse([
    '  CHECK   /build/src/kernel/rcu/tree.c',
    '/build/src/kernel/rcu/tree.c: note: in included file:',
    '  CC      kernel/time/timer.o',
    '  CC      kernel/time/hrtimer.o',
    "/build/src/kernel/rcu/tree_exp.h:1048:9: warning: context imbalance in 'start_poll_synchronize_rcu_expedited' - different lock contexts for basic block",
    '  CC      kernel/time/clockevents.o',
  ]);
  assert.deepEqual(brief(ds), ["sparse warning kernel/rcu/tree_exp.h:1048:9 context imbalance in 'start_poll_synchronize_rcu_expedited' - different lock contexts for basic block"]);
  const before = parse(['  CC      kernel/fork.o', '/build/src/kernel/fork.c:3:1: warning: flagless from some compiler']);
  assert.equal(before[0].kind, 'compiler', 'no CHECK line yet: no sparse in this build');
});

test("two sparse runs printing at once: a finding's got line after another's finding is still its own, and the signatures are those of the lines in order", () => {
  const cred = [
    "/build/src/kernel/cred.c:450:38: warning: incorrect type in argument 1 (different address spaces)",
    '/build/src/kernel/cred.c:450:38:    expected struct cred const *',
    '/build/src/kernel/cred.c:450:38:    got struct cred const [noderef] __rcu *real_cred',
  ];
  const rmap = "/build/src/include/linux/rmap.h:410:28: warning: context imbalance in 'page_vma_mapped_walk' - unexpected unlock";
  const checks = ['  CHECK   /build/src/kernel/cred.c', '  CHECK   /build/src/mm/page_vma_mapped.c', '/build/src/mm/page_vma_mapped.c: note: in included file:'];
  // As a real arm64 W=1 C=1 build printed it: rmap.h's finding between cred.c's expected and got lines.
  const interleaved = parse([...checks, cred[0], cred[1], '  CC      mm/rmap.o', rmap, cred[2], '  AR      mm/built-in.a']);
  const inOrder = parse([...checks, ...cred, rmap, '  AR      mm/built-in.a']);
  const view = (ds: Diagnostic[]) => ds.map((d) => [d.kind, d.file, d.detail ?? [], d.signature]).sort((a, b) => String(a[1]).localeCompare(String(b[1])));
  assert.deepEqual(view(interleaved), view(inOrder));
  assert.deepEqual(view(inOrder).map((v) => v.slice(0, 3)), [
    ['sparse', 'include/linux/rmap.h', []],
    ['sparse', 'kernel/cred.c', ['   expected struct cred const *', '   got struct cred const [noderef] __rcu *real_cred']],
  ]);
});

test('three findings at one place, each with its own info lines, stay three', () => {
  const finding = [
    '/build/src/kernel/events/core.c:9835:16: error: incompatible types in comparison expression (different address spaces):',
    '/build/src/kernel/events/core.c:9835:16:    struct swevent_hlist [noderef] __rcu *',
    '/build/src/kernel/events/core.c:9835:16:    struct swevent_hlist *',
  ];
  const ds = parse(['  CHECK   /build/src/kernel/events/core.c', ...finding, ...finding, ...finding, '  AR      kernel/events/built-in.a']);
  assert.deepEqual(ds.map((d) => d.detail), Array(3).fill(['   struct swevent_hlist [noderef] __rcu *', '   struct swevent_hlist *']));
});
