/**
 * bench/simulate-sweep: the README's "on paper" table. The 6.1 full sweep (`configs: all`
 * for x86, arm64, arm and riscv: 125 targets) simulated on one runner of 8, 16, 32 and 64
 * cores and on 2, 4 and 8 runners of 32 cores, each with -j cores + 2, a 60g /build tmpfs
 * under the space rule and 64 GiB of memory, from the static cost table by config class
 * (CONFIG_CLASSES in src/plan/costs.ts). Needs no tree and builds nothing: a sweep of a
 * machine we do not have is planned from a list of targets and a cost table, which a
 * script states plainly where a CLI option would be one more input for every user to
 * learn. For one runner it also prints the wall of the same targets built one after another,
 * each alone with every token. Run: node --import tsx bench/simulate-sweep.ts
 */
import { type Target } from '../src/types/targets.ts';
import { CONFIG_CLASSES, configClass, targetCosts } from '../src/plan/costs.ts';
import { estimateTargets } from '../src/plan/estimate.ts';
import { simulateShards } from '../src/simulate/shards.ts';
import { simulate } from '../src/simulate/jobserver.ts';
import { spaceLimitBytes } from '../src/plan/space.ts';
import { formatDuration } from '../src/values/duration.ts';
import { formatBytes } from '../src/values/size.ts';

const GIB = 2 ** 30;
const TMPFS_BYTES = 60 * GIB;
const MEMORY_BYTES = 64 * GIB;
/** The 6.1.192 checkout on /build, as the plan counts it (checkoutBytesOf of `git ls-tree -r -l`: 78,635 files in whole pages and the index). */
const CHECKOUT_BYTES = 1_494_165_880;

/**
 * The defconfigs of linux-6.1 (stable/linux-6.1.y) per arch, as `ls arch/<arch>/configs`
 * shows them less the fragments (*.config): x86 2, arm64 1, arm 100, riscv 5. arm's 100
 * boards all cost a defconfig here, so they go by number; riscv's nommu ones are the
 * small class (configClass), so they go by name.
 */
const DEFCONFIGS: Record<string, string[]> = {
  x86: ['i386_defconfig', 'x86_64_defconfig'],
  arm64: ['defconfig'],
  arm: Array.from({ length: 100 }, (_, i) => `board${String(i + 1).padStart(3, '0')}_defconfig`),
  riscv: ['defconfig', 'nommu_k210_defconfig', 'nommu_k210_sdcard_defconfig', 'nommu_virt_defconfig', 'rv32_defconfig'],
};
/** The derived variants `all` adds (src/plan/derived-configs.ts): each a defconfig with an option on top. */
const DERIVED: Record<string, string[]> = { x86: [], arm64: ['nosmp'], arm: ['multi_lpae', 'multi_v7_nosmp'], riscv: ['nosmp', 'rv32'] };
/** What `all` adds beside the defconfigs (SWEEP_CONFIGS). */
const SWEEP = ['allnoconfig', 'allmodconfig', 'tinyconfig'];

const targets: Target[] = Object.keys(DEFCONFIGS).flatMap((arch) => [...DEFCONFIGS[arch], ...SWEEP, ...DERIVED[arch]].map((config) => ({ arch, config })));
if (targets.length !== 125) throw new Error(`the 6.1 sweep is 125 targets, this list has ${targets.length}`);

const costs = targetCosts(targets);
const estimates = estimateTargets(targets);
const byClass = new Map<string, number>();
for (const t of targets) byClass.set(configClass(t).name, (byClass.get(configClass(t).name) ?? 0) + 1);
const totalCpu = [...costs.values()].reduce((sum, c) => sum + c.cpuSeconds, 0);

console.log(`6.1 full sweep: ${targets.length} targets (${[...byClass].map(([name, n]) => `${n} ${name}`).join(', ')}), ${Math.round(totalCpu / 3600)} CPU hours`);
console.log(`cost table by class: ${Object.values(CONFIG_CLASSES).map((c) => `${c.name} ${c.cpuSeconds} CPU s, ${c.serialSeconds} s serial, ${c.objects} objects, ${formatBytes(c.objdirBytes, 'GiB')}`).join('; ')}`);
console.log(`each runner: -j cores + 2, ${formatBytes(TMPFS_BYTES, 'GiB')} /build (object dirs within ${formatBytes(spaceLimitBytes(TMPFS_BYTES, CHECKOUT_BYTES), 'GiB')}, the checkout and a margin apart), ${formatBytes(MEMORY_BYTES, 'GiB')} memory`);
console.log('');
const rows: string[][] = [['runners × cores', 'wall', 'one by one', 'CPU utilisation', 'peak /build', 'peak memory', 'waited for space', 'balance']];
const setups = [
  ...[8, 16, 32, 64].map((cores) => ({ runners: 1, cores, tmpfs: TMPFS_BYTES })),
  ...[2, 4, 8].map((runners) => ({ runners, cores: 32, tmpfs: TMPFS_BYTES })),
  // Where the space rule binds: the four allmodconfigs do not fit side by side.
  { runners: 1, cores: 32, tmpfs: 12 * GIB },
];
for (const { runners, cores, tmpfs } of setups) {
  const sim = simulateShards(targets, costs, estimates, runners, { cores, jobs: cores + 2, spaceLimitBytes: spaceLimitBytes(tmpfs, CHECKOUT_BYTES) });
  const busy = sim.runners.reduce((sum, r) => sum + r.busyCoreSeconds, 0);
  const peakMemory = Math.max(...sim.runners.map((r) => r.peakMemoryBytes));
  // The same targets one after another, each alone with all the tokens (a plain make per target), on one runner.
  const oneByOne = runners === 1 && tmpfs === TMPFS_BYTES ? targets.reduce((sum, t) => sum + simulate([{ name: '', cost: costs.get(`${t.arch}/${t.config}`)! }], { cores, jobs: cores + 2 }).wallSeconds, 0) : undefined;
  rows.push([
    `${runners} × ${cores}${tmpfs === TMPFS_BYTES ? '' : `, ${formatBytes(tmpfs, 'GiB')} /build`}`,
    formatDuration(sim.wallSeconds, 'wall'),
    oneByOne === undefined ? '' : formatDuration(oneByOne, 'wall'),
    // The matrix's: every runner's busy core-seconds over what the runners held until the slowest ended.
    `${Math.round((busy / (sim.wallSeconds * cores * runners)) * 100)}%`,
    formatBytes(Math.max(...sim.runners.map((r) => r.peakBuildBytes)), 'GiB'),
    `${formatBytes(peakMemory, 'GiB')}${peakMemory > MEMORY_BYTES ? ' (over!)' : ''}`,
    String(sim.runners.reduce((n, r) => n + r.targets.filter((t) => t.waitedSeconds > 0).length, 0)),
    sim.balance.toFixed(2),
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const [i, r] of rows.entries()) {
  console.log(`| ${r.map((cell, j) => cell.padEnd(widths[j])).join(' | ')} |`);
  if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
}
