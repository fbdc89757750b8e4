import { type Simulation } from './types.ts';
import { formatDuration } from '../values/duration.ts';

/** Columns of the bar: the whole wall, whatever its length. */
export const TIMELINE_COLUMNS = 60;
const NAME_COLUMNS = 40;

/**
 * A fixed-width timeline, one row per target in start order: `#` while it builds, `~`
 * while the space rule held it back, then its start and end; a last row for the time axis.
 */
export function textTimeline(sim: Simulation): string {
  const names = sim.targets.map((t) => (t.name.length > NAME_COLUMNS ? `${t.name.slice(0, NAME_COLUMNS - 1)}…` : t.name));
  const width = Math.max(4, ...names.map((n) => n.length));
  const column = (seconds: number) => (sim.wallSeconds > 0 ? Math.min(TIMELINE_COLUMNS - 1, Math.floor((seconds / sim.wallSeconds) * TIMELINE_COLUMNS)) : 0);
  const rows = sim.targets.map((t, i) => {
    const bar = Array<string>(TIMELINE_COLUMNS).fill(' ');
    const from = column(t.startSeconds);
    const to = Math.max(from, column(t.endSeconds));
    for (let c = column(t.startSeconds - t.waitedSeconds); c < from; c++) bar[c] = '~';
    for (let c = from; c <= to; c++) bar[c] = '#';
    return `${names[i].padEnd(width)} |${bar.join('')}| ${formatDuration(t.startSeconds, 'wall')} - ${formatDuration(t.endSeconds, 'wall')}`;
  });
  const end = formatDuration(sim.wallSeconds, 'wall');
  const axis = `${''.padEnd(width)}  0${end.padStart(TIMELINE_COLUMNS - 1)}`;
  return [...rows, axis].join('\n');
}
