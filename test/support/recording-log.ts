import { type Log } from '../../src/log.ts';

/** A Log that keeps every line (warnings prefixed `warning: `), build output apart. */
export function recordingLog(): Log & { lines: string[]; buildLines: string[] } {
  const lines: string[] = [];
  const buildLines: string[] = [];
  return {
    lines,
    buildLines,
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    beginBuildOutput: () => buildLines.push('<<begin>>'),
    buildOutput: (l) => buildLines.push(l),
    endBuildOutput: () => buildLines.push('<<end>>'),
  };
}
