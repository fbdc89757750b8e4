import { junitDocument, type TestCase } from '../report/junit.ts';
import { formatIssueLine } from '../values/issue-line.ts';
import { type SeriesResult } from './types.ts';
import { checkpatchLine } from './format.ts';

/** How many of a commit's new findings make a failure's message. */
const MESSAGE_FINDINGS = 3;

/**
 * A series as JUnit XML: a testsuite per target, a testcase per commit (`k/n sha12
 * subject`): a failure when it does not build (its new errors the message) or, with
 * fail-on new-warnings, when it adds warnings; what it added otherwise in its output. A
 * testsuite `checkpatch`, a testcase per commit: a failure when checkpatch found errors
 * and fail-on asks, its findings in the output either way.
 */
export function renderSeriesJunit(r: SeriesResult, failOn: readonly string[]): string {
  const name = (s: SeriesResult['steps'][number]) => `${s.k}/${r.n} ${s.sha.slice(0, 12)} ${s.subject}`;
  const props: [string, string][] = [
    ['range', r.range],
    ['base', r.base.sha],
    ['image', r.image.name],
  ];
  const targetSuites = r.targets.map((target) => ({
    name: target,
    package: `${r.tree}.series`,
    properties: props,
    cases: r.steps.map((s): TestCase => {
      const t = s.targets.find((x) => x.target === target)!;
      const added = t.added.map(formatIssueLine);
      const base = { name: name(s), classname: target, time: s.seconds, ...(added.length > 0 ? { out: added.join('\n') } : {}) };
      if (t.build !== 'pass') return { ...base, outcome: { kind: 'failure', type: 'build', message: added.slice(0, MESSAGE_FINDINGS).join('; ') || `does not build${t.fault ? ` (${t.fault})` : ''}` } };
      const warnings = t.added.filter((d) => d.severity === 'warning');
      if (failOn.includes('new-warnings') && warnings.length > 0) return { ...base, outcome: { kind: 'failure', type: 'new-warnings', message: warnings.slice(0, MESSAGE_FINDINGS).map(formatIssueLine).join('; ') } };
      return { ...base, outcome: { kind: 'pass' } };
    }),
  }));
  const checkpatch = r.steps.some((s) => s.checkpatch)
    ? [
        {
          name: 'checkpatch',
          package: `${r.tree}.series`,
          properties: props,
          cases: r.steps.map((s): TestCase => {
            const c = s.checkpatch;
            const lines = (c?.findings ?? []).map(checkpatchLine);
            const base = { name: name(s), classname: 'checkpatch', time: 0, ...(lines.length > 0 || c?.problem ? { out: [...(c?.problem ? [c.problem] : []), ...lines].join('\n') } : {}) };
            if (!c) return { ...base, outcome: { kind: 'skipped', type: 'off', message: 'checkpatch off' } };
            if (failOn.includes('checkpatch') && c.errors > 0) return { ...base, outcome: { kind: 'failure', type: 'checkpatch', message: `${c.errors} errors, ${c.warnings} warnings, ${c.checks} checks` } };
            return { ...base, outcome: { kind: 'pass' } };
          }),
        },
      ]
    : [];
  return junitDocument({ name: `kernelbuilder series ${r.tree} ${r.range}`, time: r.durationSeconds, timestamp: r.startedAt }, [...targetSuites, ...checkpatch]);
}
