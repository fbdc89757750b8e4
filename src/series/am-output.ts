import { showControls } from '../text/controls.ts';

/** What `bisect.sh am` said: each applied patch's commit and the files it changed, and git am's reason where it stopped. */
export interface AmOutcome {
  applied: { sha: string; files: string[] }[];
  /** git am's last lines when a patch did not apply; undefined when all did. */
  failure?: string;
}

/** Most of git am's lines kept for the reason: its error and "Patch failed at" lines are the last. */
const REASON_LINES = 6;
const LINE_LIMIT = 300;

/**
 * Read `bisect.sh am`'s output, as hostile as any the container gives: `kernelbuilder:
 * applied <sha>` a commit, `kernelbuilder: file <path>` each file it changed, `kernelbuilder:
 * am: <line>` git am's output when it stopped. At most `patches` commits are taken (one a
 * patch), every other line is ignored, each kept line bounded and shown without controls.
 */
export function parseAmOutput(text: string, patches: number): AmOutcome {
  const applied: AmOutcome['applied'] = [];
  const reason: string[] = [];
  for (const line of text.split('\n')) {
    const commit = /^kernelbuilder: applied ([0-9a-f]{40})$/.exec(line);
    if (commit) {
      if (applied.length < patches) applied.push({ sha: commit[1], files: [] });
      continue;
    }
    const file = /^kernelbuilder: file (.+)$/.exec(line);
    if (file && applied.length > 0) {
      applied[applied.length - 1].files.push(file[1].slice(0, LINE_LIMIT));
      continue;
    }
    const am = /^kernelbuilder: am: (.*)$/.exec(line);
    if (am && am[1].trim() !== '') reason.push(showControls(am[1]).slice(0, LINE_LIMIT));
  }
  // git am's progress (Applying: ...) and its advice (how to --continue, --skip, --abort) are no reason.
  const told = reason.filter((l) => !/^(Applying: |hint: |When you have resolved this problem|If you prefer to skip this patch|To restore the original branch)/.test(l));
  return { applied, ...(reason.length > 0 ? { failure: told.slice(-REASON_LINES).join(' | ') || reason.slice(-1)[0] } : {}) };
}
