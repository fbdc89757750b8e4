/**
 * Throughput and memory of the log parser on a generated kernel build log of 100+ MB:
 * written under /var/tmp, streamed through LineSplitter and LogParser, then deleted.
 * Run: node --import tsx bench/parse.ts [size-in-MB]
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineSplitter } from '../src/parse/lines.ts';
import { LogParser } from '../src/parse/log-parser.ts';

const targetBytes = Number(process.argv[2] ?? 110) * 1024 * 1024;

const dirs = ['kernel', 'kernel/sched', 'mm', 'fs', 'fs/ext4', 'drivers/net/ethernet/intel/e1000e', 'drivers/gpu/drm/i915', 'net/ipv4', 'lib', 'arch/x86/kernel'];
const tags = ['CC', 'CC', 'CC', 'CC', 'CC [M]', 'AS', 'AR', 'LD [M]', 'GEN', 'HOSTCC'];

/** One block of log, usually a progress line, sometimes a diagnostic with its trimmings. */
function block(i: number): string {
  const dir = dirs[i % dirs.length];
  const file = `${dir}/file${i % 997}`;
  const r = i % 1000;
  if (r === 1) {
    return [
      `In file included from /build/src/${dir}/file${i % 997}.c:12:`,
      `/build/src/include/linux/helper${i % 13}.h: In function 'helper_${i % 13}':`,
      `/build/src/include/linux/helper${i % 13}.h:${i % 400}:9: warning: unused variable 'tmp' [-Wunused-variable]`,
      `  ${i % 400} |         int tmp;`,
      '      |             ^~~',
    ].join('\n');
  }
  if (r === 2) {
    return [
      `/build/src/${file}.c: In function 'probe_${i % 31}':`,
      `/build/src/${file}.c:${i % 900}:17: warning: format '%d' expects argument of type 'int', but argument 2 has type 'long int' [-Wformat=]`,
      `/build/src/include/linux/printk.h:429:25: note: in expansion of macro 'printk_index_wrap'`,
    ].join('\n');
  }
  if (r === 3 && i % 7 === 0) {
    return [
      `/build/src/${file}.c:${i % 900}:5: error: 'undeclared_${i % 5}' undeclared (first use in this function)`,
      `make[4]: *** [/build/src/scripts/Makefile.build:250: ${file}.o] Error 1`,
    ].join('\n');
  }
  if (r === 4) return `WARNING: modpost: vmlinux.o: section mismatch in reference: fn_${i % 17} (section: .text) -> init_${i % 17} (section: .init.text)`;
  if (r === 5 && i % 3 === 0) return `ERROR: modpost: "sym_${i % 11}" [${dir}/mod${i % 7}.ko] undefined!`;
  if (r === 6) return "make[2]: Entering directory '/build/out/x86_64-defconfig'";
  const tag = tags[i % tags.length];
  return `  ${tag.padEnd(8)}${file}.${tag === 'AR' ? 'a' : 'o'}`;
}

async function generate(path: string): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let i = 0;
  while (bytes < targetBytes) {
    const lines: string[] = [];
    for (let n = 0; n < 2000; n++) lines.push(block(i++));
    const text = `${lines.join('\n')}\n`;
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

async function parse(path: string): Promise<{ lines: number; diagnostics: Record<string, number> }> {
  const splitter = new LineSplitter();
  const parser = new LogParser({ target: 'bench/x86_64' });
  const counts: Record<string, number> = {};
  let lines = 0;
  const count = (ds: { kind: string; severity: string }[]): void => {
    for (const d of ds) counts[`${d.kind}/${d.severity}`] = (counts[`${d.kind}/${d.severity}`] ?? 0) + 1;
  };
  const onLine = (line: string): void => {
    lines++;
    count(parser.push(line));
  };
  // Large reads: fewer round trips through libuv's thread pool; the splitter decodes in slices.
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) splitter.feed(chunk as Buffer, onLine);
  for (const line of splitter.end()) count(parser.push(line));
  count(parser.end());
  return { lines, diagnostics: counts };
}

const dir = mkdtempSync('/var/tmp/kb-parse-bench-');
const path = join(dir, 'build.log');
try {
  await generate(path);
  const size = statSync(path).size;
  const rssBefore = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const result = await parse(path);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mb = size / (1024 * 1024);
  console.log(`log:        ${mb.toFixed(1)} MB, ${result.lines} lines`);
  console.log(`parsed in:  ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU`);
  console.log(`throughput: ${(mb / seconds).toFixed(1)} MB/s (wall clock)`);
  // On a busy machine the wall clock counts other processes' turns too.
  console.log(`per CPU s:  ${(mb / cpuSeconds).toFixed(1)} MB/s`);
  // maxRSS is in KiB on Linux.
  console.log(`peak RSS:   ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB (${(rssBefore / 1048576).toFixed(1)} MB before parsing)`);
  console.log(`found:      ${JSON.stringify(result.diagnostics)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
