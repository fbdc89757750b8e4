/**
 * bench/eta-replay: the live ETA's model (BuildProgress) replayed on a recorded build, so
 * that a change to it can be scored in seconds against runs that took many minutes. The
 * recording is `{ wall, lines: [{ at, text }] }`, the CLI's stderr timestamped, as
 * `bench/sweep.ts sweep LINES.json` writes it. The model is fed what the live progress
 * was told: each target's start (the progress line before the first that names it running),
 * its objects (from the progress lines, spread evenly between two of them: the recording
 * has no finer grain), its end (the driver's line); its cost table is the static one (no
 * earlier build), as on a first build. It scores the model's ETA, not the printed one
 * (which is rounded to the minute past 90 s).
 *
 * Run: node --import tsx bench/eta-replay.ts LINES.json [CORES]
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { BuildProgress, finishedTarget } from '../src/report/progress.ts';
import { targetCosts } from '../src/plan/costs.ts';
import { expectedWork } from '../src/plan/estimate.ts';
import { type Target } from '../src/types/targets.ts';
import { parseConfigSpec } from '../src/values/config-spec.ts';
import { splitTargetName } from '../src/values/target-name.ts';
import { meanErrorAround } from './eta-error.ts';

const [file, coresArg] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/eta-replay.ts LINES.json [CORES]');
const run = JSON.parse(readFileSync(file, 'utf8')) as { wall: number; lines: { at: number; text: string }[] };
const cores = Number(coresArg ?? availableParallelism());

const plan = run.lines.find((l) => /^targets: .*; -j\d+;/.test(l.text));
if (!plan) throw new Error(`${file}: no plan line ("targets: ...; -jN; ...")`);
const [, names, jobs] = /^targets: (.*); -j(\d+);/.exec(plan.text)!;
// The plan's target names, read back as the inputs read a config (a KUnit target's tree files are not in its name: its class is enough here).
const targets: Target[] = names!.split(' ').map((name) => {
  const { arch, config } = splitTargetName(name);
  const { base, fragments } = parseConfigSpec('targets', config);
  return { arch, config, base, fragments };
});
const model = new BuildProgress(expectedWork(Object.fromEntries(targetCosts(targets))), cores, 0, Number(jobs));
const ms = (seconds: number) => Math.round(seconds * 1000);

const buildStart = run.lines.find((l) => /^kernelbuilder: building \d+ targets/.test(l.text))?.at ?? 0;
const counted = new Map<string, number>();
let previous = buildStart;
const points: { at: number; eta: number; left: number }[] = [];
for (const { at, text } of run.lines) {
  const ended = finishedTarget(text);
  if (ended) model.finish(ended, ms(at));
  if (!text.startsWith('progress ')) continue;
  for (const m of text.matchAll(/(\S+\/\S+) (\d+)\/~?\d+/g)) {
    const [, target, now] = m as unknown as [string, string, string];
    const had = counted.get(target) ?? 0;
    if (!counted.has(target)) model.start(target, ms(previous));
    const n = Number(now);
    for (let i = had + 1; i <= n; i++) model.compiled(target, ms(previous + ((at - previous) * (i - had)) / (n - had)));
    counted.set(target, Math.max(had, n));
  }
  previous = at;
  const eta = model.snapshot(ms(at)).etaSeconds;
  if (eta !== undefined) points.push({ at, eta, left: Math.max(0, run.wall - at) });
}

for (const p of points) console.log(`  at ${p.at.toFixed(0)} s: ETA ${p.eta.toFixed(0)} s, really left ${p.left.toFixed(0)} s (${p.left > 0 ? (((p.eta - p.left) / p.left) * 100).toFixed(0) : '-'}%)`);
for (const share of [0.25, 0.5, 0.75]) {
  const e = meanErrorAround(points, run.wall, share);
  console.log(`ETA mean absolute error at ${share * 100}% of the run: ${e ? `${e.seconds.toFixed(0)} s, ${(e.relative * 100).toFixed(0)}% of the time left (${e.lines} lines)` : 'no progress line near it'}`);
}
