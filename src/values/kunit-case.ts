// A KUnit case's name, its issue signature and what counts as its failing: written in one
// place for the diagnostics, the regressions, the run's verdict and every report, so that
// a case is the same case (and the same issue) everywhere and across builds.
import { type KunitCase, type KunitMode, type KunitResult } from '../types/kunit.ts';
import { formatLocation } from './issue-line.ts';

/** A case as one name: `suite.case`, and a parameterised case's parameter in brackets, `suite.case[param]`. */
export function kunitCaseName(c: Pick<KunitCase, 'suite' | 'case' | 'param'>): string {
  return `${c.suite}.${c.case}${c.param === undefined || c.param === '' ? '' : `[${c.param}]`}`;
}

/** How a KUnit target of `arch` runs: UML is the arch `um`; on any other the kernel is booted in QEMU. */
export function kunitMode(arch: string): KunitMode {
  return arch === 'um' ? 'uml' : 'qemu';
}

const NEVER_STARTED = 'never started';

/** The reason of a planned case its run ended before (counted crashed, as kunit.py counts it): `never started: <what ended it>`. */
export function neverStartedReason(cause: string): string {
  return `${NEVER_STARTED}: ${cause}`;
}

/** Whether a crashed case's reason says it never started: the run ended before it. */
export function neverStarted(reason: string | undefined): boolean {
  return reason?.startsWith(`${NEVER_STARTED}: `) ?? false;
}

/** A case the run counts against the kernel: it failed, or crashed, in every run it was in. Flaky and skipped cases are not. */
export function isFailingCase(c: Pick<KunitCase, 'status'>): boolean {
  return c.status === 'fail' || c.status === 'crashed';
}

/**
 * The signature of a failing case's issue: `kunit|<file>|<suite>.<case>[param]`, the file
 * being the failed expectation's (the test's source) and empty for a crash, whose place is
 * the splat's, which moves with the code that crashed. Its message and line are left out,
 * so a case that fails the same way is the same issue across builds, whatever line its
 * expectation moved to; the file keeps the shape every signature has (kind|file|message).
 */
export function kunitSignature(c: Pick<KunitCase, 'suite' | 'case' | 'param' | 'status' | 'diagnostic'>): string {
  const file = c.status === 'fail' ? (c.diagnostic?.file ?? '') : '';
  return `kunit|${file}|${kunitCaseName(c)}`;
}

/** The case name a kunit signature names (what follows its file), or undefined for another kind's signature. */
export function caseNameOfSignature(signature: string): string | undefined {
  if (!signature.startsWith('kunit|')) return undefined;
  const end = signature.indexOf('|', 'kunit|'.length);
  return end < 0 ? undefined : signature.slice(end + 1);
}

/**
 * What a case's failure says, on one line: a failed expectation's headline and place
 * (`EXPECTATION FAILED at lib/x.c:29`), a crash's splat or what ended the run, a skip's
 * reason, a flaky case's pass count and the failure it showed.
 */
export function kunitCaseText(c: KunitCase): string {
  const d = c.diagnostic;
  const failure = d ? `${d.message}${d.file === undefined ? '' : ` at ${formatLocation(d.file, d.line)}`}` : '';
  switch (c.status) {
    case 'fail':
      return failure || c.reason || 'failed';
    case 'crashed':
      return failure && c.reason ? `${failure} (${c.reason})` : failure || c.reason || 'crashed';
    case 'skip':
      return c.reason ?? 'skipped';
    case 'flaky':
      return `passed ${c.runs.passed} of ${c.runs.total} runs${failure ? `; failed with ${failure}` : ''}`;
    case 'pass':
      return 'passed';
  }
}

/** Whether a target's KUnit run fails the run: a failing case, or a run that could not be read (its error). Skipped does not. */
export function kunitFails(k: Pick<KunitResult, 'status' | 'cases'>): boolean {
  return k.status === 'fail' || k.status === 'error' || k.cases.some(isFailingCase);
}
