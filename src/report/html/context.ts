import { type BuildResults, type TargetResult } from '../../types/results.ts';
import { html, href } from './escape.ts';

/** What a section of a build's page is drawn from: the results, and which of the build folder's files exist. */
export interface PageContext {
  results: BuildResults;
  /** Whether the build folder has a regular file at this relative path: only those are linked. */
  exists: (relPath: string) => boolean;
}

/** A link to a file of the build folder when it is there, else its name alone, marked missing. */
export function fileLink(ctx: PageContext, relPath: string, text: string = relPath): string {
  return ctx.exists(relPath) ? `<a href="${href(relPath)}">${html(text)}</a>` : `<span class="muted">${html(text)} (missing)</span>`;
}

/** The page's anchor of a target, by its place in the results: a target's name is not trusted as an id. */
export function targetAnchor(results: BuildResults, t: TargetResult): string {
  return `target-${results.targets.indexOf(t)}`;
}

/** A number from results, or undefined when it is not a finite one (results.json may be anyone's). */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** text + data + bss of a target's `size vmlinux`, when it has sizes. */
export function kernelBytes(t: Pick<TargetResult, 'sizes'>): number | undefined {
  const s = t.sizes;
  if (!s) return undefined;
  const [text, data, bss] = [num(s.text), num(s.data), num(s.bss)];
  return text === undefined || data === undefined || bss === undefined ? undefined : text + data + bss;
}

/** The regressions' target lists and new signatures as sets, empty without a baseline (or in older results that lack some). */
export interface Marks {
  newlyFailing: Set<string>;
  newlyPassing: Set<string>;
  newlyFailingBoots: Set<string>;
  newlyPassingBoots: Set<string>;
  newIssues: Set<string>;
}

/** The new and fixed marks of a build, from its regressions. */
export function marks(results: BuildResults): Marks {
  const r = results.regressions;
  const set = (list: unknown) => new Set(Array.isArray(list) ? list.map(String) : []);
  return {
    newlyFailing: set(r?.newlyFailing),
    newlyPassing: set(r?.newlyPassing),
    newlyFailingBoots: set(r?.newlyFailingBoots),
    newlyPassingBoots: set(r?.newlyPassingBoots),
    newIssues: set(r?.newIssues),
  };
}

/** The badge of something new since the baseline, or fixed since. */
export const NEW_MARK = '<span class="mark mark-new">new</span>';
export const FIXED_MARK = '<span class="mark mark-fixed">fixed</span>';
