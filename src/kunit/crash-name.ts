import type { Diagnostic } from '../types/diagnostics.ts';
import { functionOf } from '../boot/console-patterns.ts';

// lib/kunit/test.c and try-catch.c of 6.1: a case runs as
// kthread → kunit_generic_run_threadfn_adapter → kunit_try_run_case →
// kunit_run_case_internal → the case's own function (KUNIT_CASE(fn) names the case `fn`).
const RUNNERS = new Set(['kunit_run_case_internal', 'kunit_try_run_case', 'kunit_generic_run_threadfn_adapter']);
// riscv and arm print `[<address>] `, x86 marks unreliable frames `? `.
const FRAME_PREFIX = /^(?:\[<[0-9a-f]+>\]\s*)?/;
// GCC's clones of a function keep its name before a dot: foo.isra.0, foo.cold, foo.constprop.0.
const CLONE_SUFFIX = /\..*$/;

// The boot console parser names an Oops by the function of its pc line: `... in <function>`.
const IN_FUNCTION = / in ([\w.$]+)$/;

/**
 * The case a splat happened in, read from its call trace: the function that KUnit's case
 * runner called, i.e. the frame printed just before (inside) the first runner frame; when
 * the runner's frame is the first (the case function itself faulted, so only the pc line
 * names it), the function of the pc line. Unreliable (`? `) frames are passed over.
 * Undefined when the trace shows no runner: the splat is not a case's.
 */
export function caseOfSplat(splat: Pick<Diagnostic, 'kind' | 'message' | 'detail'>): string | undefined {
  let inner: string | undefined;
  for (const line of splat.detail ?? []) {
    const frame = line.replace(FRAME_PREFIX, '');
    if (frame.startsWith('? ')) continue;
    const fn = functionOf(frame)?.replace(CLONE_SUFFIX, '');
    if (fn === undefined) continue;
    if (RUNNERS.has(fn)) return inner ?? pcFunction(splat);
    inner = fn;
  }
  return undefined;
}

function pcFunction(splat: Pick<Diagnostic, 'kind' | 'message'>): string | undefined {
  if (splat.kind !== 'oops') return undefined;
  const fn = IN_FUNCTION.exec(splat.message)?.[1].replace(CLONE_SUFFIX, '');
  return fn === undefined || RUNNERS.has(fn) ? undefined : fn;
}
