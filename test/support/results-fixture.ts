import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildResults } from '../../src/types/results.ts';
import { targetPaths } from '../../src/logs-layout.ts';

/** A results.json as a build writes it: tree stable, build v6.1.192, the given targets passed. */
export function sampleResults(names: string[], overrides: Partial<BuildResults> = {}): BuildResults {
  return {
    schema: 1, complete: true, result: 'pass', tree: 'stable', ref: 'stable/linux-6.1.y', refKind: 'remote-branch', sha: 'a'.repeat(40), buildId: 'v6.1.192', kernelVersion: '6.1.192',
    image: { name: 'kernelbuilder/gcc-12', id: 'sha256:1', digest: 'sha256:1', toolchain: 'gcc 12', reason: '', cross: {}, makeVars: [] }, tmpfsSize: '60g', commits: [],
    startedAt: '2026-01-05T00:00:00.000Z', finishedAt: '2026-01-05T00:05:00.000Z', durationSeconds: 300, driverExitCode: 0, targetOrder: names, dropped: [],
    targets: names.map((t) => {
      const [arch, config] = t.split('/');
      return { target: t, arch, config, status: 'pass' as const, log: targetPaths(arch, config).log, errors: 0, warnings: 0 };
    }),
    ...overrides,
  };
}

/** Write a build's folder as a build leaves it: results.json and one log per target. */
export function writeBuildDir(dir: string, results: BuildResults): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), JSON.stringify(results));
  for (const t of results.targets) {
    const { log } = targetPaths(t.arch, t.config);
    mkdirSync(join(dir, t.arch), { recursive: true });
    writeFileSync(join(dir, log), `log of ${t.target}\n`);
  }
}

/**
 * The worst page a sweep can make: 300 targets over 6 arches, every one failed with 200
 * excerpt lines of 64 KiB, and 5000 distinct warnings each reported by every target.
 */
export function worstSweep(): BuildResults {
  const names: string[] = [];
  for (const arch of ['x86', 'arm64', 'arm', 'riscv', 'powerpc', 'mips']) for (let i = 0; i < 50; i++) names.push(`${arch}/config${i}`);
  const r = sampleResults(names, { result: 'fail' });
  const long = 'x'.repeat(64 * 1024);
  r.targets = r.targets.map((t) => ({ ...t, status: 'fail' as const, stage: 'build', exitCode: 2, durationSeconds: 1000, sizes: { text: 1, data: 2, bss: 3, imageBytes: 4, modules: 5 }, excerpt: { source: 'errors' as const, lines: Array.from({ length: 200 }, () => long) } }));
  r.issues = Array.from({ length: 5000 }, (_, i) => ({ kind: 'compiler' as const, severity: 'warning' as const, file: 'kernel/a.c', line: i, message: `${long} ${i}`, flag: '-Wunused-variable', context: [], signature: `s${i}`, count: 300, targets: names, noise: false }));
  return r;
}
