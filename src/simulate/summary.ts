import { type PlanSimulation } from './plan-simulation.ts';
import { type Simulation } from './types.ts';
import { formatDuration } from '../values/duration.ts';
import { formatBytes } from '../values/size.ts';

/** How many of the targets that waited for space a runner's line names. */
const WAITERS_NAMED = 5;

/** The simulation in a few lines: the settings, one line per runner, the matrix's wall and balance, a memory warning. */
export function simulationSummary(s: PlanSimulation): string[] {
  const runners = s.runners.length === 1 ? '1 runner' : `${s.runners.length} runners`;
  const lines = [`simulated ${s.targets} target${s.targets === 1 ? '' : 's'} on ${runners} of ${s.cores} cores, -j${s.jobs}; object dirs held within ${formatBytes(s.spaceLimitBytes, 'GiB')} of /build`];
  s.runners.forEach((r, i) => lines.push(`${s.runners.length === 1 ? 'predicted' : `runner ${i + 1}`}: ${runnerLine(r)}`));
  if (s.runners.length > 1) lines.push(`matrix: wall ${formatDuration(s.wallSeconds, 'wall')} (the slowest runner), balance ${s.balance.toFixed(2)} (slowest over mean)`);
  const peakMemory = Math.max(...s.runners.map((r) => r.peakMemoryBytes));
  if (s.memoryLimitBytes !== undefined && peakMemory > s.memoryLimitBytes) {
    lines.push(`warning: peak memory ${formatBytes(peakMemory, 'GiB')} is over the memory limit ${formatBytes(s.memoryLimitBytes, 'GiB')}: expect the kernel's OOM killer, or use fewer jobs`);
  }
  return lines;
}

/** One runner's figures: wall, utilisation, peaks, who waited for space. */
function runnerLine(r: Simulation): string {
  const waiters = r.targets.filter((t) => t.waitedSeconds > 0);
  const named = waiters.slice(0, WAITERS_NAMED).map((t) => `${t.name} ${formatDuration(t.waitedSeconds, 'wall')}`);
  const more = waiters.length > WAITERS_NAMED ? `, ${waiters.length - WAITERS_NAMED} more` : '';
  const waited = waiters.length === 0 ? 'none waited for space' : `${waiters.length} waited for space: ${named.join(', ')}${more}`;
  return `wall ${formatDuration(r.wallSeconds, 'wall')}, CPU ${Math.round(r.utilisation * 100)}%, peak /build ${formatBytes(r.peakBuildBytes, 'GiB')}, peak memory ${formatBytes(r.peakMemoryBytes, 'GiB')}; ${waited}`;
}
