import { type Log } from '../../src/log.ts';

/** A Log that keeps every line (warnings prefixed `warning: `), build output and the phases opened apart. */
export function recordingLog(): Log & { lines: string[]; buildLines: string[]; groups: string[] } {
  const lines: string[] = [];
  const buildLines: string[] = [];
  const groups: string[] = [];
  return {
    lines,
    buildLines,
    groups,
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    progress: (m) => lines.push(m),
    group: (title) => groups.push(title),
    endGroup: () => groups.push('<<end>>'),
    beginBuildOutput: () => buildLines.push('<<begin>>'),
    buildOutput: (l) => buildLines.push(l),
    endBuildOutput: () => buildLines.push('<<end>>'),
  };
}
