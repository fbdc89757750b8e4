import { type BuildResults, type TargetResult } from '../../types/results.ts';
import { targetPaths, DRIVER_LOG } from '../../logs-layout.ts';
import { describeOutcome, detailedFailures } from '../outcome.ts';
import { describeBoot } from '../boot-lines.ts';
import { reproducer } from '../reproducer.ts';
import { html } from './escape.ts';
import { NEW_MARK, type PageContext, fileLink, marks, targetAnchor } from './context.ts';
import { PAGE_LIMITS, capLine } from './limits.ts';

/**
 * The run's own error, then each failed target: its first errors (or its log's end), links
 * to its log, .config and reproducer script, and the reproducer itself; then each failed
 * boot with its console. At most PAGE_LIMITS.failures targets are detailed.
 */
export function failuresSection(ctx: PageContext): string {
  const { results } = ctx;
  const failed = detailedFailures(results);
  const boots = results.targets.filter((t) => t.boot?.status === 'fail');
  if (failed.length === 0 && boots.length === 0 && !results.error) return '';
  const shown = failed.slice(0, PAGE_LIMITS.failures);
  const out = ['<h2 id="failures">Failures</h2>'];
  if (results.error) out.push(runError(ctx));
  for (const t of shown) out.push(failedTarget(ctx, t));
  if (failed.length > shown.length) out.push(`<p class="muted">${failed.length - shown.length} more failed targets are not detailed here: see the targets table and results.json.</p>`);
  for (const t of boots.slice(0, PAGE_LIMITS.failures)) out.push(failedBoot(ctx, t));
  return out.join('\n');
}

function runError(ctx: PageContext): string {
  const error = ctx.results.error!;
  return [`<h3>Run error: ${html(error.message)}</h3>`, `<p>The end of the driver's output (${fileLink(ctx, DRIVER_LOG)}):</p>`, pre(error.lines)].join('\n');
}

function failedTarget(ctx: PageContext, t: TargetResult): string {
  const { results } = ctx;
  const paths = targetPaths(t.arch, t.config);
  const isNew = marks(results).newlyFailing.has(t.target);
  const what = t.excerpt?.source === 'tail' ? 'No error was parsed; the end of its log:' : 'First errors:';
  return [
    `<h3 id="failure-${results.targets.indexOf(t)}"><a href="#${targetAnchor(results, t)}">${html(t.target)}</a>: ${html(describeOutcome(t))}${isNew ? NEW_MARK : ''}</h3>`,
    `<p>${what}</p>`,
    pre(t.excerpt?.lines ?? []),
    `<p>Log ${fileLink(ctx, paths.log)} · config ${fileLink(ctx, paths.dotConfig)} · reproducer ${fileLink(ctx, paths.reproducer)}</p>`,
    `<details><summary>Rebuild it (on the build machine)</summary>${pre(reproducerLines(results, t), Infinity)}</details>`,
  ].join('\n');
}

function failedBoot(ctx: PageContext, t: TargetResult): string {
  const boot = t.boot!;
  const isNew = marks(ctx.results).newlyFailingBoots.has(t.target);
  return [
    `<h3 id="boot-${ctx.results.targets.indexOf(t)}">boot of ${html(t.target)}: ${html(describeBoot(boot))}${isNew ? NEW_MARK : ''}</h3>`,
    `<p>Console ${fileLink(ctx, targetPaths(t.arch, t.config).console)}${boot.machine ? ` on ${html(boot.machine)}` : ''}</p>`,
    ...(boot.reproducer ? [`<details><summary>Boot it again</summary>${pre([boot.reproducer], Infinity)}</details>`] : []),
  ].join('\n');
}

/** The reproducer's lines; one that cannot be made (fields it needs are missing) is said so, not thrown. */
function reproducerLines(results: BuildResults, t: TargetResult): string[] {
  try {
    return reproducer(results, t).split('\n');
  } catch (e) {
    return [`(no reproducer: ${(e as Error).message})`];
  }
}

/** Lines of output in a <pre>, each capped, at most `maxLines` of them. */
function pre(lines: readonly string[], maxLines: number = PAGE_LIMITS.excerptLines): string {
  const all = Array.isArray(lines) ? lines : [];
  const shown = all.slice(0, maxLines).map((l) => html(maxLines === Infinity ? String(l) : capLine(l)));
  const more = all.length > shown.length ? `\n… ${all.length - shown.length} more lines` : '';
  return `<pre>${shown.length > 0 ? shown.join('\n') : '(no output)'}${more}</pre>`;
}
