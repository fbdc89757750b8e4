import { InputError } from '../errors.ts';
import { BisectOption } from '../constants.ts';
import { type NotFoundReason, type Sought, type StepObservation, type Verdict, type WhatAsked } from './types.ts';
import { caseNameOfSignature } from '../values/kunit-case.ts';

/** What the ends decide: the thing to look for, or why there is nothing to bisect. */
export type EndsDecision = { sought: Sought } | { reason: NotFoundReason; detail: string };

/**
 * Decide from the two ends what the bisect looks for. Asked for one thing, the good end
 * must not show it and the bad end must; asked for nothing (`auto`), the first of: the
 * target failing to build at bad and not at good, a new error or warning signature
 * (bad's issues not at good, errors first, as the regression report names them), a
 * failing boot at bad that passes at good. A signature neither end shows is bad input:
 * refused (the ends are built, the steps are not).
 */
export function decideFromEnds(what: WhatAsked, good: StepObservation, bad: StepObservation): EndsDecision {
  switch (what.kind) {
    case 'build':
      if (good.build !== 'pass') return { reason: 'good end is bad', detail: 'the good end fails to build too' };
      if (bad.build === 'pass') return { reason: 'bad end is good', detail: 'the bad end builds' };
      return { sought: buildFailure(bad) };
    case 'boot':
      if (good.boot !== 'pass') return { reason: 'good end is bad', detail: `the good end does not boot (boot ${good.boot ?? 'not run'}, build ${good.build})` };
      if (bad.boot !== 'fail') return { reason: 'bad end is good', detail: `the bad end does not fail to boot (boot ${bad.boot ?? 'not run'}, build ${bad.build})` };
      return { sought: { kind: 'boot' } };
    case 'signature': {
      const atGood = shows(good, what.signature);
      const atBad = shows(bad, what.signature);
      if (!atGood && !atBad) {
        const known = bad.issues.slice(0, 5).map((i) => JSON.stringify(i.signature)).join(', ');
        throw new InputError(BisectOption.what, what.signature, `neither end shows this signature; the bad end's signatures include: ${known || 'none'}`);
      }
      if (atGood) return { reason: 'good end is bad', detail: 'the good end shows the signature too' };
      return { sought: { kind: 'signature', signature: what.signature } };
    }
    case 'case': {
      // The case's issue as the bad end names it (its signature holds its test's file): from then on, that signature.
      const failing = bad.issues.find((i) => caseNameOfSignature(i.signature) === what.name);
      if (!failing) {
        const known = bad.issues.flatMap((i) => caseNameOfSignature(i.signature) ?? []).slice(0, 5).join(', ');
        throw new InputError(BisectOption.what, `kunit:${what.name}`, `the bad end shows no failing KUnit case of that name; its failing cases: ${known || 'none'}`);
      }
      if (good.issues.some((i) => caseNameOfSignature(i.signature) === what.name)) return { reason: 'good end is bad', detail: 'the case fails at the good end too' };
      return { sought: { kind: 'signature', signature: failing.signature } };
    }
    case 'auto': {
      if (bad.build === 'fail' && good.build === 'pass') return { sought: buildFailure(bad) };
      const before = new Set(good.issues.map((i) => i.signature));
      const added = bad.issues.find((i) => !before.has(i.signature));
      if (added) return { sought: { kind: 'signature', signature: added.signature } };
      if (bad.boot === 'fail' && good.boot === 'pass') return { sought: { kind: 'boot' } };
      return { reason: 'nothing differs', detail: 'the bad end shows no build failure, signature or boot failure the good end does not' };
    }
  }
}

function buildFailure(bad: StepObservation): Sought {
  return bad.firstError ? { kind: 'build', firstError: bad.firstError.signature } : { kind: 'build' };
}

function shows(step: StepObservation, signature: string): boolean {
  return step.issues.some((i) => i.signature === signature);
}

/**
 * A step's verdict for what is sought. A step that says nothing about it is `skip`: a
 * fault of the machine or a limit (timeout, out of memory), a set-up failure, a build
 * that fails with another first error than the one sought, a build that fails before it
 * shows a sought signature, a boot sought of a kernel that did not build.
 */
export function verdictOf(sought: Sought, step: StepObservation): Verdict {
  if (step.build === 'error' || step.fault) return 'skip';
  switch (sought.kind) {
    case 'build':
      if (step.build === 'pass') return 'good';
      return step.firstError?.signature === sought.firstError ? 'bad' : 'skip';
    case 'signature':
      if (shows(step, sought.signature)) return 'bad';
      return step.build === 'pass' ? 'good' : 'skip';
    case 'boot':
      if (step.build !== 'pass') return 'skip';
      return step.boot === 'pass' ? 'good' : step.boot === 'fail' ? 'bad' : 'skip';
  }
}

/**
 * Read `--what`: build, boot, `kunit:<suite>.<case>` (a failing KUnit case), a signature
 * (kind|file|message, as results.json's issues name them), or nothing for auto.
 */
export function parseWhat(text: string): WhatAsked {
  const what = text.trim();
  if (what === '') return { kind: 'auto' };
  if (what === 'build' || what === 'boot') return { kind: what };
  const kunitCase = /^kunit:([^\s|]{1,400}\.[^\s|]{1,400})$/.exec(what);
  if (kunitCase) return { kind: 'case', name: kunitCase[1] };
  if (!/^[a-z-]+\|/.test(what) || what.length > 2000 || /[\r\n]/.test(what)) {
    throw new InputError(BisectOption.what, what, 'it is build, boot, kunit:<suite>.<case> (a failing KUnit case), or an issue signature as results.json names them (kind|file|message, e.g. "compiler|init/main.c|unused variable \'x\'")');
  }
  return { kind: 'signature', signature: what };
}

/** The step estimate: git bisect halves the range each step, so ceil(log2(n)) steps without skips. */
export function estimatedSteps(commits: number): number {
  return commits <= 1 ? 0 : Math.ceil(Math.log2(commits));
}

/** A commit's place in the range, oldest first: `[k/n]` as the 0-day bot writes it. */
export function positionIn(sha: string, rangeOldestFirst: readonly string[]): { k: number; n: number } | undefined {
  const i = rangeOldestFirst.indexOf(sha);
  return i < 0 ? undefined : { k: i + 1, n: rangeOldestFirst.length };
}
