import { type CheckpatchFinding, type CheckpatchResult, type CheckpatchType } from './types.ts';

/** The findings of one commit kept in results; the counts are checkpatch's own, all of them. */
export const CHECKPATCH_FINDINGS_KEPT = 50;
/** A finding's message is one line of the tree's text: bounded like a diagnostic's. */
const MESSAGE_LIMIT = 500;

/** `--terse --showfile`: "FILE:LINE: TYPE: message", FILE empty for the commit message's own findings. */
const FINDING = /^([^:\s]*):(\d+): (ERROR|WARNING|CHECK): (.*)$/;
/** Its last line: "total: 1 errors, 2 warnings, 0 checks, 10 lines checked" (no checks without --strict in some trees). */
const TOTAL = /^total: (\d+) errors?, (\d+) warnings?, (?:(\d+) checks?, )?\d+ lines? checked/;
/** What bisect.sh adds last: checkpatch's exit status (0 clean, 1 findings). */
const EXIT = /^kernelbuilder: checkpatch exit (\d+)$/;

/**
 * Read what `scripts/checkpatch.pl --git SHA --terse --showfile` printed for one commit,
 * and its exit status after it: each finding typed with its place, and the counts of its
 * `total:` line, which count what the kept findings may leave out. A clean commit prints
 * nothing and exits 0; any other output without a total (a tree without checkpatch, a
 * perl error) is a problem, never a clean commit.
 */
export function parseCheckpatch(text: string): CheckpatchResult {
  const findings: CheckpatchFinding[] = [];
  let seen = 0;
  let total: RegExpExecArray | null = null;
  let exit: string | undefined;
  for (const line of text.split('\n')) {
    const status = EXIT.exec(line);
    if (status) {
      exit = status[1];
      continue;
    }
    const found = FINDING.exec(line);
    if (found) {
      seen++;
      if (findings.length < CHECKPATCH_FINDINGS_KEPT) {
        const [, file, lineNo, type, message] = found;
        findings.push({ type: type as CheckpatchType, ...(file ? { file, line: Number(lineNo) } : {}), message: message.slice(0, MESSAGE_LIMIT) });
      }
      continue;
    }
    total = TOTAL.exec(line) ?? total;
  }
  const more = seen > findings.length ? { more: seen - findings.length } : {};
  if (!total) {
    if (exit === '0' && seen === 0) return { errors: 0, warnings: 0, checks: 0, findings };
    const printed = text.split('\n').filter((l) => l.trim() !== '' && !EXIT.test(l));
    const last = printed.slice(-1)[0]?.slice(0, MESSAGE_LIMIT);
    return { errors: 0, warnings: 0, checks: 0, findings, ...more, problem: `checkpatch could not check the commit (exit ${exit ?? 'unknown'})${last ? `: ${last}` : ', no output'}` };
  }
  return { errors: Number(total[1]), warnings: Number(total[2]), checks: Number(total[3] ?? 0), findings, ...more };
}
