import { type BuildResults, type TargetResult } from '../types/results.ts';
import { formatIssue } from './format-issue.ts';
import { tally } from '../diagnostics/tally.ts';
import { formatLocation } from '../values/issue-line.ts';
import { kunitCaseText } from '../values/kunit-case.ts';

/*
 * junit.xml: a build as JUnit XML, as test-report tools read it (the common JUnit schema
 * of Ant and Jenkins): a testsuite per arch, a testcase `build` per target, a testcase
 * `boot` per target that was to boot and a testcase per KUnit case of a target's run; a failure carries the first errors as its message
 * and the excerpt as its text. Build output is hostile: every text is escaped, and the
 * characters XML 1.0 does not allow at all (most control characters) are replaced.
 */

/** How many of a target's errors make a failure's message. */
const MESSAGE_ERRORS = 3;

/** The build's JUnit XML document. */
export function renderJunit(results: BuildResults): string {
  const arches = [...new Set(results.targets.map((t) => t.arch))];
  const props = buildProperties(results);
  return junitDocument(
    { name: `kernelbuilder ${results.tree} ${results.buildId}`, time: results.durationSeconds, timestamp: results.startedAt },
    arches.map((arch) => ({
      name: arch,
      package: `${results.tree}.${results.buildId}`,
      properties: props,
      cases: results.targets.filter((t) => t.arch === arch).flatMap((t) => [buildCase(results, t), ...(t.boot ? [bootCase(t)] : []), ...kunitCases(t)]),
    })),
  );
}

/** One testsuite of a document: its cases, and the properties it says of the run. */
export interface TestSuite {
  name: string;
  package: string;
  properties: [string, string][];
  cases: TestCase[];
}

/** A JUnit XML document of these suites: the one writer of JUnit for a build and a series; every text escaped. */
export function junitDocument(top: { name: string; time: number; timestamp: string }, suites: readonly TestSuite[]): string {
  const timestamp = top.timestamp.slice(0, 19);
  const count = (cases: TestCase[], kind: TestCase['outcome']['kind']) => cases.filter((c) => c.outcome.kind === kind).length;
  const rendered = suites.map((suite, id) => {
    const { cases } = suite;
    const attrs = {
      name: suite.name,
      tests: cases.length,
      failures: count(cases, 'failure'),
      errors: count(cases, 'error'),
      skipped: count(cases, 'skipped'),
      time: seconds(cases.reduce((sum, c) => sum + c.time, 0)),
      timestamp,
      hostname: 'kernelbuilder',
      id,
      package: suite.package,
    };
    return [`  <testsuite${attributes(attrs)}>`, properties(suite.properties), ...cases.map(renderCase), '  </testsuite>'].join('\n');
  });
  const all = suites.flatMap((suite) => suite.cases);
  const attrs = { name: top.name, tests: all.length, failures: count(all, 'failure'), errors: count(all, 'error'), skipped: count(all, 'skipped'), time: seconds(top.time), timestamp };
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attributes(attrs)}>`, ...rendered, '</testsuites>', ''].join('\n');
}

/** One testcase: its outcome, and what it printed a reader should see. */
export interface TestCase {
  name: string;
  classname: string;
  time: number;
  outcome: { kind: 'pass' } | { kind: 'failure' | 'error' | 'skipped'; message: string; type: string; text?: string };
  /** What the case printed that a reader should see though it passed (a flaky case's failures): its <system-out>. */
  out?: string;
}

function buildCase(results: BuildResults, t: TargetResult): TestCase {
  const base = { name: 'build', classname: t.target, time: t.durationSeconds ?? 0 };
  if (t.status === 'pass') return { ...base, outcome: { kind: 'pass' } };
  const text = t.excerpt?.lines.join('\n');
  if (t.status === 'error') return { ...base, outcome: { kind: 'error', type: 'not finished', message: `${t.target} never finished${t.reason ? `: ${t.reason}` : ''}`, text } };
  // The errors the reports count (tally): make's echo of a failed recipe is none of them.
  const errors = (results.issues ?? []).filter((i) => tally(i, i.noise) === 'errors' && i.targets.includes(t.target)).slice(0, MESSAGE_ERRORS);
  const message = errors.length > 0 ? errors.map(formatIssue).join('; ') : `${t.target} failed${t.reason ? ` (${t.reason})` : ''} at ${t.stage ?? 'build'}, exit ${t.exitCode ?? '?'}`;
  return { ...base, outcome: { kind: 'failure', type: t.reason ?? errors[0]?.kind ?? 'build', message, text } };
}

function bootCase(t: TargetResult): TestCase {
  const boot = t.boot!;
  const base = { name: 'boot', classname: t.target, time: boot.durationSeconds ?? 0 };
  if (boot.status === 'pass') return { ...base, outcome: { kind: 'pass' } };
  if (boot.status === 'skipped') return { ...base, outcome: { kind: 'skipped', type: 'skipped', message: boot.message ?? 'skipped' } };
  const where = boot.file ? ` at ${formatLocation(boot.file, boot.line)}` : '';
  return { ...base, outcome: { kind: 'failure', type: boot.reason ?? 'boot', message: `fail: ${boot.reason ?? 'boot'}${boot.message ? `: ${boot.message}` : ''}${where}`, text: boot.message } };
}

/**
 * A testcase per KUnit case: classname `<target>.<suite>` (the target as the package, the
 * suite as the class, as JUnit readers split a classname at its last dot), name the case
 * and a parameterised case's parameter in brackets. A failed case is a failure with its
 * expectation; a crashed one an error (it never finished: the kernel died, or the run was
 * killed); a skipped one skipped with the kernel's reason; a flaky one passes, its
 * failures said in its output. A run that could not be read, or was not run, is one
 * testcase `kunit` of the target, an error or skipped with why.
 */
function kunitCases(t: TargetResult): TestCase[] {
  const k = t.kunit;
  if (!k) return [];
  const run = { name: 'kunit', classname: t.target, time: k.durationSeconds ?? 0 };
  if (k.status === 'skipped') return [{ ...run, outcome: { kind: 'skipped', type: 'skipped', message: k.reason ?? 'not run' } }];
  if (k.status === 'error' && k.cases.length === 0) return [{ ...run, outcome: { kind: 'error', type: 'kunit', message: k.reason ?? 'no KUnit run could be read' } }];
  return k.cases.map((c): TestCase => {
    const base = { name: `${c.case}${c.param ? `[${c.param}]` : ''}`, classname: `${t.target}.${c.suite}`, time: c.durationSeconds ?? 0 };
    const message = kunitCaseText(c);
    const text = c.diagnostic?.detail.join('\n');
    switch (c.status) {
      case 'pass':
        return { ...base, outcome: { kind: 'pass' } };
      case 'flaky':
        return { ...base, outcome: { kind: 'pass' }, out: [`flaky: ${message}`, ...(c.diagnostic?.detail ?? [])].join('\n') };
      case 'skip':
        return { ...base, outcome: { kind: 'skipped', type: 'skipped', message } };
      case 'fail':
        return { ...base, outcome: { kind: 'failure', type: c.diagnostic?.message ?? 'failed', message, text } };
      case 'crashed':
        return { ...base, outcome: { kind: 'error', type: 'crashed', message, text } };
    }
  });
}

function renderCase(c: TestCase): string {
  const open = `    <testcase${attributes({ name: c.name, classname: c.classname, time: seconds(c.time) })}`;
  const out = c.out === undefined ? [] : [`      <system-out>${escapeText(c.out)}</system-out>`];
  if (c.outcome.kind === 'pass') return out.length === 0 ? `${open}/>` : [`${open}>`, ...out, '    </testcase>'].join('\n');
  const { kind, message, type, text } = c.outcome;
  const inner = text === undefined || text === '' ? `<${kind}${attributes({ message, type })}/>` : `<${kind}${attributes({ message, type })}>${escapeText(text)}</${kind}>`;
  return [`${open}>`, `      ${inner}`, ...out, '    </testcase>'].join('\n');
}

function buildProperties(results: BuildResults): [string, string][] {
  return [
    ['sha', results.sha],
    ['ref', results.ref],
    ['kernel-version', results.kernelVersion],
    ['image', results.image.name],
    ...(results.makeVars?.length ? [['make-vars', results.makeVars.join(' ')] as [string, string]] : []),
  ];
}

function properties(props: readonly [string, string][]): string {
  return ['    <properties>', ...props.map(([name, value]) => `      <property${attributes({ name, value })}/>`), '    </properties>'].join('\n');
}

/** Seconds with at most three decimals, as JUnit's time attribute is read. */
function seconds(s: number): string {
  return String(Math.round(Math.max(0, s) * 1000) / 1000);
}

function attributes(attrs: Record<string, string | number>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
}

/**
 * What XML 1.0 allows nowhere, not even as a character reference: C0 controls other
 * than tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF. Each
 * becomes U+FFFD, so that an ANSI colour code reads as `�[31m`, not as a broken file.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Character data: `]]>` cannot appear either, as `>` is escaped. */
export function escapeText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** An attribute value in double quotes; tab and line ends as references, or a parser would fold them to spaces. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replaceAll('"', '&quot;').replaceAll('\t', '&#9;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;');
}
