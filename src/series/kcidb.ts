import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KCIDB_VERSION, type KcidbData, clean, kcidbIssueId } from '../report/kcidb.ts';
import { formatIssueLine } from '../values/issue-line.ts';
import { splitCompiler } from '../values/compiler.ts';
import { splitTargetName } from '../values/target-name.ts';
import { seriesStepDir, targetPaths } from '../logs-layout.ts';
import { type SeriesResult } from './types.ts';

/**
 * A series in KCIDB I/O 5.3: a checkout per commit (a range's commit by its sha; patches
 * as the base with the patchset applied so far, by KCIDB's patchset_hash: sha256 over each
 * patch's sha256 and a newline, in order), a build per commit and target (its log in the
 * commit's folder), an issue per signature a commit added, and an incident per commit and
 * target that added it. Files by file:// URLs of this machine, as a build's.
 */
export function renderSeriesKcidb(r: SeriesResult, dir: string, origin: string): KcidbData {
  const url = (k: number, rel: string) => pathToFileURL(join(seriesStepDir(dir, k), rel)).href;
  const checkoutId = (k: number, sha: string) => `${origin}:${r.tree}:${r.patches ? `${r.base.sha}+${patchsetHash(r.patches.sha256.slice(0, k)).slice(0, 16)}` : sha}`;
  const checkouts = r.steps.map((s) => ({
    id: checkoutId(s.k, s.sha),
    origin,
    tree_name: r.tree,
    git_commit_hash: r.patches ? r.base.sha : s.sha,
    ...(r.patches ? { patchset_hash: patchsetHash(r.patches.sha256.slice(0, s.k)) } : {}),
    start_time: r.startedAt,
    valid: true,
    comment: clean(`${s.k}/${r.n} ${s.subject}`),
    misc: { series: clean(r.range), k: s.k, n: r.n, ...(r.patches ? { applied_as: s.sha } : {}) },
  }));
  const buildId = (s: SeriesResult['steps'][number], target: string) => `${checkoutId(s.k, s.sha)}:${target}`;
  const builds = r.steps.flatMap((s) =>
    s.targets.map((t) => {
      const { arch, config } = splitTargetName(t.target);
      const { spec, compiler } = splitCompiler(config);
      return {
        id: buildId(s, t.target),
        checkout_id: checkoutId(s.k, s.sha),
        origin,
        architecture: arch,
        ...(compiler ? { compiler } : {}),
        config_name: spec,
        start_time: r.startedAt,
        duration: s.seconds,
        status: t.build === 'pass' ? 'PASS' : t.fault ? 'ERROR' : 'FAIL',
        log_url: url(s.k, targetPaths(arch, config).log),
        misc: { target: t.target, added: t.added.length, removed: t.removed.length },
      };
    }),
  );
  const added = r.steps.flatMap((s) => s.targets.flatMap((t) => t.added.map((d) => ({ s, t, d }))));
  const issues = [...new Map(added.map(({ d }) => [d.signature, d])).values()].map((d) => ({
    id: kcidbIssueId(origin, d.signature),
    version: 1,
    origin,
    categories: [`build.${d.kind}`],
    comment: clean(formatIssueLine(d)),
    culprit: { code: true },
    misc: { signature: clean(d.signature), kind: d.kind, severity: d.severity, ...(d.file ? { file: d.file } : {}), ...(d.line ? { line: d.line } : {}) },
  }));
  const incidents = added.map(({ s, t, d }) => ({ id: `${kcidbIssueId(origin, d.signature)}:${s.k}:${t.target}`, origin, issue_id: kcidbIssueId(origin, d.signature), issue_version: 1, build_id: buildId(s, t.target), present: true }));
  return { version: { ...KCIDB_VERSION }, checkouts, builds, tests: [], issues, incidents };
}

/** KCIDB's patchset_hash: sha256 over each patch's sha256 followed by a newline, in the order applied. */
export function patchsetHash(patchHashes: readonly string[]): string {
  return createHash('sha256')
    .update(patchHashes.map((h) => `${h}\n`).join(''))
    .digest('hex');
}
