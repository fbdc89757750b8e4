import { type Diagnostic } from '../types/diagnostics.ts';
import { type TargetResult } from '../types/results.ts';
import { isFailingCase, kunitCaseName, kunitSignature, neverStarted } from '../values/kunit-case.ts';

/**
 * A diagnostic for each KUnit case of a target that failed or crashed (flaky and skipped
 * cases are none: a case that passed on a retry is never an issue, so never a new one; nor
 * are the cases a crash kept from starting: the crash is the one issue, they are listed
 * with their reason), so
 * that a failing case is an issue like a compiler's error: counted, annotated at its failed
 * expectation's file:line, compared with the baseline by signature (kunitSignature: the
 * same case is the same issue across builds), bisected by `--what <signature>`. Its
 * message is `<suite>.<case>: EXPECTATION FAILED` or `<suite>.<case>: crashed: <splat>`,
 * its detail the lines that explain it. The cases come parsed in the target's results
 * (the KUnit step read its consoles): nothing is read here.
 */
export function kunitDiagnostics(t: TargetResult): Diagnostic[] {
  return (t.kunit?.cases ?? []).filter((c) => isFailingCase(c) && !neverStarted(c.reason)).map((c) => {
    const d = c.diagnostic;
    const what = c.status === 'fail' ? (d?.message ?? c.reason ?? 'failed') : `crashed: ${d?.message ?? c.reason ?? 'the run ended while it ran'}`;
    return {
      kind: 'kunit',
      severity: 'error',
      ...(d?.file === undefined ? {} : { file: d.file }),
      ...(d?.line === undefined ? {} : { line: d.line }),
      message: `${kunitCaseName(c)}: ${what}`,
      context: [],
      ...(d && d.detail.length > 0 ? { detail: d.detail } : {}),
      target: t.target,
      signature: kunitSignature(c),
    };
  });
}
