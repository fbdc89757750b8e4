import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../src/types/diagnostics.ts';
import { ExcerptCollector, buildExcerpt } from '../../src/parse/excerpt.ts';
import { LineSplitter, MAX_LINE_LENGTH, lineBatches } from '../../src/parse/lines.ts';
import { LogParser, parseBuildLog } from '../../src/parse/log-parser.ts';
import { PathNormaliser } from '../../src/parse/paths.ts';
import { TailBuffer } from '../../src/parse/tail-buffer.ts';
import { seededRandom } from '../support/seeded-random.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'logs');

/** The fields a fixture's .expected.json holds. */
function essentials(d: Diagnostic): Record<string, unknown> {
  const { kind, severity, file, line, column, message, flag, context } = d;
  return Object.fromEntries(Object.entries({ kind, severity, file, line, column, message, flag, context }).filter(([, v]) => v !== undefined));
}

function parse(text: string, opts = {}): Diagnostic[] {
  return parseBuildLog(text.split('\n'), opts);
}

function one(text: string, opts = {}): Diagnostic {
  const ds = parse(text, opts);
  assert.equal(ds.length, 1, `expected one diagnostic, got ${JSON.stringify(ds, null, 2)}`);
  return ds[0];
}

/** Splits a buffer at the given offsets, as a stream would deliver it. */
function splitAt(buf: Buffer, cuts: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  let start = 0;
  for (const cut of [...cuts, buf.length]) {
    chunks.push(buf.subarray(start, cut));
    start = cut;
  }
  return chunks;
}


const fixtureNames = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.log'))
  .map((f) => f.slice(0, -4))
  .sort();

test('there are fixtures from real builds', () => {
  assert.ok(fixtureNames.length >= 8, `only ${fixtureNames.length} fixtures`);
});

for (const name of fixtureNames) {
  test(`fixture ${name}`, async () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));
    // Through the streaming path, in odd-sized chunks, as a build's output arrives.
    const bytes = readFileSync(join(FIXTURES, `${name}.log`));
    const chunks = splitAt(bytes, [1, 7, 100, 4096, 4097].filter((n) => n < bytes.length));
    const parser = new LogParser({ target: 'fixture' });
    const got: Diagnostic[] = [];
    for await (const batch of lineBatches(chunks)) for (const line of batch) got.push(...parser.push(line));
    got.push(...parser.end());
    assert.deepEqual(got.map(essentials), expected);
    for (const d of got) {
      assert.equal(d.target, 'fixture');
      assert.doesNotMatch(d.signature, /0x[0-9a-f]|:\d+:/, 'signatures hold no offsets or positions');
    }
  });
}

test('fixture logs are small', () => {
  for (const name of fixtureNames) {
    assert.ok(readFileSync(join(FIXTURES, `${name}.log`)).length < 200 * 1024, name);
  }
});

// ---- gcc and clang -------------------------------------------------------------------------

test('gcc warning with column and flag', () => {
  const d = one("/build/src/kernel/sys.c:120:13: warning: unused variable 'x' [-Wunused-variable]");
  assert.deepEqual(essentials(d), {
    kind: 'compiler', severity: 'warning', file: 'kernel/sys.c', line: 120, column: 13,
    message: "unused variable 'x'", flag: '-Wunused-variable', context: [],
  });
  assert.equal(d.signature, "compiler|kernel/sys.c|unused variable 'x'");
});

test('gcc error without column, fatal error, -Werror= flag', () => {
  assert.deepEqual(essentials(one('kernel/sys.c:12: error: expected ; before }')), {
    kind: 'compiler', severity: 'error', file: 'kernel/sys.c', line: 12, message: 'expected ; before }', context: [],
  });
  const fatal = one('/build/src/kernel/sys.c:3:10: fatal error: linux/nope.h: No such file or directory');
  assert.equal(fatal.severity, 'error');
  assert.equal(fatal.message, 'linux/nope.h: No such file or directory');
  const werror = one("kernel/sys.c:9:2: error: implicit declaration of function 'f' [-Werror=implicit-function-declaration]");
  assert.equal(werror.flag, '-Wimplicit-function-declaration');
  assert.equal(werror.severity, 'error');
});

test('clang diagnostics, -Werror,-W flags and tallies', () => {
  const ds = parse([
    "drivers/x.c:5:9: warning: variable 'y' set but not used [-Wunused-but-set-variable]",
    "drivers/x.c:7:3: error: use of undeclared identifier 'z' [-Werror,-Wsomething]",
    '1 warning and 1 error generated.',
    '2 warnings generated.',
    '3 errors generated.',
    'clang: error: linker command failed with exit code 1',
  ].join('\n'));
  assert.deepEqual(ds.map((d) => [d.kind, d.severity, d.flag, d.message]), [
    ['compiler', 'warning', '-Wunused-but-set-variable', "variable 'y' set but not used"],
    ['compiler', 'error', '-Wsomething', "use of undeclared identifier 'z'"],
    ['compiler', 'error', undefined, 'linker command failed with exit code 1'],
  ]);
});

test('kbuild progress lines end a diagnostic; gcc source excerpt lines do not', () => {
  const ds = parse([
    'drivers/x.c:5:1: warning: w [-Wx]',
    '  429 |                 _p_func(_fmt, ##__VA_ARGS__);',
    '      |                         ^~~~',
    'drivers/x.c:9:1: note: kept',
    '  CHKSHA1 include/linux/atomic/atomic-long.h',
    'drivers/x.c:9:1: note: alone',
  ].join('\n'));
  assert.deepEqual(ds.map((d) => [d.severity, d.detail]), [['warning', ['drivers/x.c:9:1: note: kept']], ['note', undefined]]);
});

test('tallies and gcc chatter are not diagnostics', () => {
  assert.deepEqual(parse([
    '1 warning generated.', '12 warnings generated.', '1 error generated.', '2 warnings and 3 errors generated.',
    'cc1: some warnings being treated as errors', 'cc1: all warnings being treated as errors', 'compilation terminated.',
    '  CC      kernel/fork.o', "make[1]: Entering directory '/build/out/x86'", 'make[2]: *** Waiting for unfinished jobs....',
    "make[3]: *** Deleting file 'kernel/sys.o'",
  ].join('\n')), []);
});

test('#warning and #error directives', () => {
  const w = one('/build/src/drivers/x.c:4:2: warning: #warning "fix me" [-Wcpp]');
  assert.deepEqual([w.kind, w.severity, w.message, w.flag], ['directive', 'warning', '#warning "fix me"', '-Wcpp']);
  const e = one('/build/src/drivers/x.c:6:2: error: #error "unsupported"');
  assert.deepEqual([e.kind, e.severity, e.message], ['directive', 'error', '#error "unsupported"']);
  const clang = one('drivers/x.c:4:2: warning: "fix me" [-W#warnings]');
  assert.equal(clang.kind, 'directive');
});

test('missing syscalls are their own kind, without the <stdin> position', () => {
  const d = one('<stdin>:1519:2: warning: #warning syscall kbfix_newcall not implemented [-Wcpp]');
  assert.deepEqual(essentials(d), {
    kind: 'syscall', severity: 'warning', message: '#warning syscall kbfix_newcall not implemented', flag: '-Wcpp', context: [],
  });
  assert.equal(one('<stdin>:3:2: warning: syscall clone3 not implemented [-W#warnings]').kind, 'syscall');
});

test('include chain and function context belong to the diagnostic after them', () => {
  const ds = parse([
    '  CC      arch/x86/kernel/time.o',
    'In file included from /build/src/arch/x86/kernel/time.c:27:',
    '/build/src/include/linux/kbfix.h: In function \'kbfix_inline\':',
    "/build/src/include/linux/kbfix.h:8:16: error: 'kbfix_no_such_variable' undeclared (first use in this function)",
    '    8 |         return kbfix_no_such_variable;',
    '      |                ^~~~~~~~~~~~~~~~~~~~~~',
    '/build/src/include/linux/kbfix.h:8:16: note: each undeclared identifier is reported only once for each function it appears in',
    "/build/src/arch/x86/kernel/time.c: In function 'profile_pc':",
    "/build/src/arch/x86/kernel/time.c:31:13: warning: unused variable 'a' [-Wunused-variable]",
    "/build/src/arch/x86/kernel/time.c:32:13: warning: unused variable 'b' [-Wunused-variable]",
    '/build/src/arch/x86/kernel/time.c: At top level:',
    '/build/src/arch/x86/kernel/time.c:36:2: warning: #warning "x" [-Wcpp]',
  ].join('\n'));
  assert.deepEqual(ds.map((d) => d.context), [
    ['In file included from arch/x86/kernel/time.c:27:', "include/linux/kbfix.h: In function 'kbfix_inline':"],
    ["arch/x86/kernel/time.c: In function 'profile_pc':"],
    ["arch/x86/kernel/time.c: In function 'profile_pc':"],
    ['arch/x86/kernel/time.c: At top level:'],
  ]);
  assert.deepEqual(ds[0].detail, ['include/linux/kbfix.h:8:16: note: each undeclared identifier is reported only once for each function it appears in']);
  assert.equal(ds.length, 4, 'notes are attached, not counted');
});

test('a multi-level include chain and inlining context', () => {
  const d = one([
    'In file included from ./include/linux/string.h:253,',
    '                 from ./include/linux/bitmap.h:11,',
    '                 from drivers/x.c:3:',
    "In function 'fortify_memcpy_chk',",
    "    inlined from 'foo' at drivers/x.c:12:2:",
    "./include/linux/fortify-string.h:328:25: warning: call to '__write_overflow_field' declared with attribute warning: detected write beyond size of field [-Wattribute-warning]",
  ].join('\n'));
  assert.equal(d.file, 'include/linux/fortify-string.h');
  assert.deepEqual(d.context, [
    'In file included from include/linux/string.h:253,',
    'from include/linux/bitmap.h:11,',
    'from drivers/x.c:3:',
    "In function 'fortify_memcpy_chk',",
    "inlined from 'foo' at drivers/x.c:12:2:",
  ]);
});

test('context right before a diagnostic in a macro of a header is its own, and stays for that header', () => {
  const ds = parse([
    'In file included from /build/src/include/linux/printk.h:7,',
    '                 from /build/src/arch/arm64/kernel/time.c:10:',
    "/build/src/arch/arm64/kernel/time.c: In function 'profile_pc':",
    "/build/src/include/linux/kern_levels.h:5:25: warning: format '%d' expects argument of type 'int' [-Wformat=]",
    "/build/src/arch/arm64/kernel/time.c:55:9: note: in expansion of macro 'pr_info'",
    "/build/src/include/linux/kern_levels.h:5:25: warning: format '%s' expects argument of type 'char *' [-Wformat=]",
    "/build/src/arch/arm64/kernel/time.c:56:9: note: in expansion of macro 'pr_info'",
    "/build/src/arch/arm64/kernel/time.c:57:9: warning: unused value [-Wunused-value]",
  ].join('\n'));
  const withContext = ['In file included from include/linux/printk.h:7,', 'from arch/arm64/kernel/time.c:10:', "arch/arm64/kernel/time.c: In function 'profile_pc':"];
  assert.deepEqual(ds.map((d) => d.context), [withContext, withContext, withContext]);
  assert.deepEqual(ds[0].detail, ["arch/arm64/kernel/time.c:55:9: note: in expansion of macro 'pr_info'"]);
});

test('context of one file is not given to a diagnostic in another', () => {
  const ds = parse([
    "a.c: In function 'f':",
    "a.c:3:7: warning: unused variable 'x' [-Wunused-variable]",
    "b.c:9:1: warning: no return statement in function returning non-void [-Wreturn-type]",
    "a.c:4:7: warning: unused variable 'y' [-Wunused-variable]",
  ].join('\n'));
  assert.deepEqual(ds.map((d) => d.context.length), [1, 0, 0]);
});

test('a note after unrelated output stands alone', () => {
  const ds = parse(['kernel/a.c:1:1: warning: w [-Wx]', '  CC      kernel/b.o', 'kernel/a.c:2:2: note: orphan'].join('\n'));
  assert.deepEqual(ds.map((d) => d.severity), ['warning', 'note']);
});

test('a note with its own include chain stays with its diagnostic', () => {
  const ds = parse([
    "kernel/a.c:10:5: error: conflicting types for 'foo'; have 'long(void)'",
    'In file included from kernel/a.c:3:',
    "include/linux/foo.h:5:5: note: previous declaration of 'foo' with type 'int(void)'",
    "kernel/a.c:20:1: warning: 'bar' defined but not used [-Wunused-function]",
  ].join('\n'));
  assert.equal(ds.length, 2);
  assert.deepEqual(ds[0].detail, ["include/linux/foo.h:5:5: note: previous declaration of 'foo' with type 'int(void)'"]);
  assert.deepEqual(ds[1].context, []);
});

// ---- linkers --------------------------------------------------------------------------------

test('GNU ld and cross linkers; the source is found next to the object of "in function"', () => {
  const ds = parse([
    "ld: vmlinux.o: in function `profile_pc':",
    "time.c:(.text+0x1a3): undefined reference to `kbfix_missing_symbol'",
    "aarch64-linux-gnu-ld: arch/arm64/kernel/time.o: in function `kbfix_duplicate':",
    "time.c:(.text+0x0): multiple definition of `kbfix_duplicate'; arch/arm64/kernel/setup.o:setup.c:(.text+0x0): first defined here",
    'riscv64-linux-gnu-ld: vmlinux.o: relocation truncated to fit: R_RISCV_JAL against symbol `foo\'',
    'ld: warning: arch/x86/boot/x.o: missing .note.GNU-stack section implies executable stack',
    'ld: cannot find kernel/nope.o: No such file or directory',
    '/usr/bin/ld.bfd: final link failed: bad value',
  ].join('\n'));
  assert.deepEqual(ds.map((d) => [d.kind, d.severity, d.file]), [
    ['linker', 'error', 'time.c'],
    ['linker', 'error', 'arch/arm64/kernel/time.c'],
    ['linker', 'error', 'vmlinux.o'],
    ['linker', 'warning', 'arch/x86/boot/x.o'],
    ['linker', 'error', undefined],
    ['linker', 'error', undefined],
  ]);
  assert.deepEqual(ds[0].context, ["ld: vmlinux.o: in function `profile_pc':"]);
  assert.deepEqual(ds[1].context, ["aarch64-linux-gnu-ld: arch/arm64/kernel/time.o: in function `kbfix_duplicate':"]);
  assert.equal(ds[0].signature, "linker|time.c|undefined reference to 'kbfix_missing_symbol'");
  assert.equal(ds[1].signature, "linker|arch/arm64/kernel/time.c|multiple definition of 'kbfix_duplicate'; arch/arm64/kernel/setup.o:setup.c:(.text): first defined here");
  assert.equal(ds[2].message, "relocation truncated to fit: R_RISCV_JAL against symbol `foo'");
  assert.equal(ds[4].message, 'cannot find kernel/nope.o: No such file or directory');
});

test("ld's NOTE after a warning (binutils 2.39+, UML's link) is the warning's explanation, never an error", () => {
  const ds = parse([
    '/usr/bin/ld: warning: .tmp_vmlinux.kallsyms1.o: missing .note.GNU-stack section implies executable stack',
    '/usr/bin/ld: NOTE: This behaviour is deprecated and will be removed in a future version of the linker',
  ].join('\n'));
  assert.deepEqual(ds.filter((d) => d.severity !== 'note').map((d) => [d.kind, d.severity, d.file]), [['linker', 'warning', '.tmp_vmlinux.kallsyms1.o']]);
  assert.ok(!ds.some((d) => d.severity === 'error'), JSON.stringify(ds));
});

test('ld with debug info reports the source line', () => {
  const d = one('/build/src/kernel/sys.c:123: undefined reference to `foo\'');
  assert.deepEqual([d.kind, d.file, d.line, d.message], ['linker', 'kernel/sys.c', 123, "undefined reference to `foo'"]);
});

test('ld.lld errors keep their >>> lines as detail', () => {
  const d = one([
    'ld.lld: error: undefined symbol: kbfix_missing_symbol',
    '>>> referenced by time.c:31 (/build/src/arch/x86/kernel/time.c:31)',
    '>>>               arch/x86/kernel/time.o:(profile_pc) in archive vmlinux.a',
  ].join('\n'));
  assert.deepEqual([d.kind, d.severity, d.file, d.line, d.message], ['linker', 'error', 'arch/x86/kernel/time.c', 31, 'undefined symbol: kbfix_missing_symbol']);
  assert.equal(d.signature, 'linker|arch/x86/kernel/time.c|undefined symbol: kbfix_missing_symbol');
  assert.deepEqual(d.detail, [
    '>>> referenced by time.c:31 (arch/x86/kernel/time.c:31)',
    '>>>               arch/x86/kernel/time.o:(profile_pc) in archive vmlinux.a',
  ]);
  assert.equal(one('ld.lld: warning: orphan section foo').severity, 'warning');
  const noDebugInfo = one([
    'ld.lld: error: undefined symbol: kbfix_missing_symbol',
    '>>> referenced by time.c',
    '>>>               arch/x86/kernel/time.o:(profile_pc) in archive vmlinux.a',
    '>>> referenced by rtc.c',
    '>>>               arch/x86/kernel/rtc.o:(rtc_f) in archive vmlinux.a',
  ].join('\n'));
  assert.deepEqual([noDebugInfo.file, noDebugInfo.line], ['arch/x86/kernel/time.c', undefined]);
});

// ---- modpost --------------------------------------------------------------------------------

test('modpost errors and section mismatches', () => {
  const ds = parse([
    'ERROR: modpost: "kbfix_missing_symbol" [kernel/kbfix_mod.ko] undefined!',
    'ERROR: modpost: missing MODULE_LICENSE() in kernel/kbfix_mod.o',
    'WARNING: modpost: vmlinux.o: section mismatch in reference: kbfix_uses (section: .text) -> kbfix_init (section: .init.text)',
    'WARNING: modpost: vmlinux.o(.text+0x1234): Section mismatch in reference from the function foo() to the function .init.text:bar()',
    'ERROR: modpost: Section mismatches detected.',
    'Set CONFIG_SECTION_MISMATCH_WARN_ONLY=y to allow them.',
  ].join('\n'));
  assert.deepEqual(ds.map((d) => [d.kind, d.severity, d.file, d.message]), [
    ['modpost', 'error', 'kernel/kbfix_mod.ko', '"kbfix_missing_symbol" [kernel/kbfix_mod.ko] undefined!'],
    ['modpost', 'error', 'kernel/kbfix_mod.o', 'missing MODULE_LICENSE() in kernel/kbfix_mod.o'],
    ['section-mismatch', 'warning', 'vmlinux.o', 'section mismatch in reference: kbfix_uses (section: .text) -> kbfix_init (section: .init.text)'],
    ['section-mismatch', 'warning', 'vmlinux.o', 'Section mismatch in reference from the function foo() to the function .init.text:bar()'],
    ['modpost', 'error', undefined, 'Section mismatches detected.'],
  ]);
});

// ---- Kconfig, dtc, gas, make ------------------------------------------------------------------

test('Kconfig warnings', () => {
  const ds = parse([
    "init/Kconfig:2031: warning: 'KBFIX' defined with blank help text",
    ".config:1457:warning: symbol value 'maybe' invalid for MODULES",
    'arch/x86/Kconfig:12:warning: ignoring unsupported character \'%\'',
    'arch/x86/Kconfig:14: syntax error',
    '',
    'WARNING: unmet direct dependencies detected for PCI_MSI',
    '  Depends on [n]: PCI [=n]',
    '  Selected by [y]:',
    '  - KBFIX_SELECTS_UNMET [=y]',
    '#',
  ].join('\n'));
  assert.deepEqual(ds.map((d) => [d.kind, d.severity, d.file, d.line, d.message]), [
    ['kconfig', 'warning', 'init/Kconfig', 2031, "'KBFIX' defined with blank help text"],
    ['kconfig', 'warning', '.config', 1457, "symbol value 'maybe' invalid for MODULES"],
    ['kconfig', 'warning', 'arch/x86/Kconfig', 12, "ignoring unsupported character '%'"],
    ['kconfig', 'error', 'arch/x86/Kconfig', 14, 'syntax error'],
    ['kconfig', 'warning', undefined, undefined, 'unmet direct dependencies detected for PCI_MSI'],
  ]);
  assert.deepEqual(ds[4].detail, ['Depends on [n]: PCI [=n]', 'Selected by [y]:', '- KBFIX_SELECTS_UNMET [=y]']);
  const recursive = one([
    'init/Kconfig:2026:error: recursive dependency detected!',
    'init/Kconfig:2026:\tsymbol KBFIX_A depends on KBFIX_B',
    'init/Kconfig:2030:\tsymbol KBFIX_B depends on KBFIX_A',
    'For a resolution refer to Documentation/kbuild/kconfig-language.rst',
  ].join('\n'));
  assert.deepEqual([recursive.severity, recursive.line, recursive.detail], ['error', 2026, ['init/Kconfig:2026:\tsymbol KBFIX_A depends on KBFIX_B', 'init/Kconfig:2030:\tsymbol KBFIX_B depends on KBFIX_A']]);
});

test('dtc warnings and errors', () => {
  const ds = parse([
    'arch/arm64/boot/dts/arm/foundation-v8.dts:40.3-20: Warning (reg_format): /kbfix@0:reg: property has invalid length (4 bytes) (#address-cells == 2, #size-cells == 2)',
    '/build/src/arch/arm64/boot/dts/arm/foundation-v8.dtsi:10.3-12.4: Warning (unit_address_vs_reg): /x: node has a reg',
    'arch/arm64/boot/dts/arm/foundation-v8.dtb: Warning (avoid_unnecessary_addr_size): /gpio-keys: unnecessary #address-cells/#size-cells',
    'arch/arm64/boot/dts/arm/x.dts:50.3-10: ERROR (duplicate_label): /b: Duplicate label \'l\' on /b and /a',
    '  also defined at /build/src/arch/arm64/boot/dts/arm/x.dtsi:12.3-14.5',
    'Error: arch/arm64/boot/dts/arm/foundation-v8.dts:41.1-2 syntax error',
    'FATAL ERROR: Unable to parse input tree',
  ].join('\n'));
  assert.deepEqual(ds.map((d) => [d.kind, d.severity, d.file, d.line, d.column, d.flag]), [
    ['dtc', 'warning', 'arch/arm64/boot/dts/arm/foundation-v8.dts', 40, 3, 'reg_format'],
    ['dtc', 'warning', 'arch/arm64/boot/dts/arm/foundation-v8.dtsi', 10, 3, 'unit_address_vs_reg'],
    ['dtc', 'warning', 'arch/arm64/boot/dts/arm/foundation-v8.dtb', undefined, undefined, 'avoid_unnecessary_addr_size'],
    ['dtc', 'error', 'arch/arm64/boot/dts/arm/x.dts', 50, 3, 'duplicate_label'],
    ['dtc', 'error', 'arch/arm64/boot/dts/arm/foundation-v8.dts', 41, 1, undefined],
    ['dtc', 'error', undefined, undefined, undefined, undefined],
  ]);
  assert.deepEqual(ds[3].detail, ['also defined at arch/arm64/boot/dts/arm/x.dtsi:12.3-14.5']);
  assert.equal(ds[0].message, '/kbfix@0:reg: property has invalid length (4 bytes) (#address-cells == 2, #size-cells == 2)');
});

test('gas errors and warnings', () => {
  const ds = parse([
    '/build/src/arch/arm64/lib/clear_page.S: Assembler messages:',
    "/build/src/arch/arm64/lib/clear_page.S:20: Error: unknown mnemonic `kbfix_bogus' -- `kbfix_bogus x0'",
    '/build/src/arch/arm64/lib/clear_page.S:21: Warning: kbfix',
    '{standard input}: Assembler messages:',
    '{standard input}:1234: Error: bad register name',
  ].join('\n'));
  assert.deepEqual(ds.map((d) => [d.kind, d.severity, d.file, d.line, d.context]), [
    ['assembler', 'error', 'arch/arm64/lib/clear_page.S', 20, ['arch/arm64/lib/clear_page.S: Assembler messages:']],
    ['assembler', 'warning', 'arch/arm64/lib/clear_page.S', 21, ['arch/arm64/lib/clear_page.S: Assembler messages:']],
    ['assembler', 'error', undefined, undefined, ['{standard input}: Assembler messages:']],
  ]);
});

test('make errors, missing rules and recipe shells', () => {
  const ds = parse([
    'make[2]: *** [/build/src/scripts/Makefile.build:250: arch/x86/kernel/time.o] Error 1',
    "make: *** [Makefile:2012: .] Error 2",
    "make[3]: *** No rule to make target 'kernel/nope.o', needed by 'kernel/built-in.a'.  Stop.",
    'scripts/Makefile.build:41: drivers/x/Makefile: No such file or directory',
    'Makefile:12: *** missing separator.  Stop.',
    '/bin/sh: 1: bc: not found',
    'make[1]: warning: jobserver unavailable: using -j1.  Add \'+\' to parent make rule.',
  ].join('\n'));
  assert.deepEqual(ds.map((d) => [d.kind, d.severity, d.file, d.message]), [
    ['make', 'error', 'arch/x86/kernel/time.o', '[scripts/Makefile.build:250: arch/x86/kernel/time.o] Error 1'],
    ['make', 'error', undefined, '[Makefile:2012: .] Error 2'],
    ['make', 'error', undefined, "No rule to make target 'kernel/nope.o', needed by 'kernel/built-in.a'.  Stop."],
    ['make', 'error', 'Makefile', 'missing separator.  Stop.'],
    ['make', 'error', undefined, 'bc: not found'],
    ['make', 'warning', undefined, "jobserver unavailable: using -j1.  Add '+' to parent make rule."],
  ]);
  assert.equal(ds[0].signature, 'make|arch/x86/kernel/time.o|[scripts/Makefile.build: arch/x86/kernel/time.o] Error 1');
});

// ---- paths and signatures -------------------------------------------------------------------

test('paths are made relative to the tree', () => {
  const p = new PathNormaliser(['/home/runner/work/linux']);
  assert.equal(p.file('/build/src/kernel/sys.c'), 'kernel/sys.c');
  assert.equal(p.file('/build/out/x86-tinyconfig/include/generated/autoconf.h'), 'include/generated/autoconf.h');
  assert.equal(p.file('/build/linux/kernel/sys.c'), 'kernel/sys.c');
  assert.equal(p.file('/home/runner/work/linux/kernel/sys.c'), 'kernel/sys.c');
  assert.equal(p.file('../../kernel/sys.c'), 'kernel/sys.c');
  assert.equal(p.file('./include/linux/kernel.h'), 'include/linux/kernel.h');
  assert.equal(p.file('/build/src//kernel/./sys.c'), 'kernel/sys.c');
  assert.equal(p.file('/usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h'), '/usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h');
  assert.equal(p.file('<stdin>'), undefined);
  assert.equal(p.text("ld: cannot find /build/out/x86/kernel/nope.o and '../include/x.h'"), "ld: cannot find kernel/nope.o and 'include/x.h'");
});

test('signatures ignore positions, offsets, prefixes and quoting', () => {
  const a = one("/build/src/kernel/sys.c:120:13: warning: unused variable 'x' [-Wunused-variable]");
  const b = one("../kernel/sys.c:99:1: warning: unused variable ‘x’ [-Wunused-variable]", { target: 'arm64/tinyconfig' });
  assert.equal(a.signature, b.signature);
  const c = one("sys.c:(.text+0x1a3): undefined reference to `foo'");
  const d = one("sys.c:(.text+0x2b/0x40): undefined reference to `foo'");
  assert.equal(c.signature, d.signature);
  const e = one('WARNING: modpost: vmlinux.o(.text+0x12): Section mismatch in reference from the function f() to the function .init.text:g()');
  const f = one('WARNING: modpost: vmlinux.o(.text+0x98): Section mismatch in reference from the function f() to the function .init.text:g()');
  assert.equal(e.signature, f.signature);
  assert.doesNotMatch(a.signature, /120|13/);
});

test('ANSI colours and CRLF endings are ignored', () => {
  const d = one("\x1b[01m\x1b[Kkernel/sys.c:1:2:\x1b[m\x1b[K \x1b[01;35m\x1b[Kwarning: \x1b[m\x1b[Kunused variable 'x' [\x1b[01;35m\x1b[K-Wunused-variable\x1b[m\x1b[K]\r");
  assert.deepEqual([d.file, d.line, d.column, d.message, d.flag], ['kernel/sys.c', 1, 2, "unused variable 'x'", '-Wunused-variable']);
});

// ---- line splitting -------------------------------------------------------------------------

test('line splitter: chunk boundaries, CRLF, split UTF-8, no final newline', () => {
  const text = 'a\r\nbé\n\nlast ‘q’';
  const bytes = Buffer.from(text);
  for (let cut = 0; cut <= bytes.length; cut++) {
    const s = new LineSplitter();
    const lines = [...s.push(bytes.subarray(0, cut)), ...s.push(bytes.subarray(cut)), ...s.end()];
    assert.deepEqual(lines, ['a', 'bé', '', 'last ‘q’'], `cut at ${cut}`);
  }
});

test('line splitter: 4-byte characters and invalid bytes cut anywhere', () => {
  const bytes = Buffer.concat([Buffer.from('a🙂b\n'), Buffer.from([0xff, 0xc3, 0x0a, 0xe2, 0x80]), Buffer.from('\nz')]);
  const whole = (() => {
    const s = new LineSplitter();
    return [...s.push(bytes), ...s.end()];
  })();
  assert.deepEqual(whole[0], 'a🙂b');
  assert.equal(whole.length, 4);
  for (let cut = 0; cut <= bytes.length; cut++) {
    const s = new LineSplitter();
    assert.deepEqual([...s.push(bytes.subarray(0, cut)), ...s.push(bytes.subarray(cut)), ...s.end()], whole, `cut at ${cut}`);
  }
});

test('line splitter feeds lines to a callback without building arrays', () => {
  const s = new LineSplitter();
  const seen: string[] = [];
  s.feed(Buffer.from('one\ntw'), (l) => seen.push(l));
  s.feed('o\nthree\n', (l) => seen.push(l));
  assert.deepEqual(seen, ['one', 'two', 'three']);
  assert.deepEqual(s.end(), []);
});

test('line splitter cuts over-long lines and drops their rest', () => {
  const s = new LineSplitter(10);
  const lines = [...s.push('0123456789abc'), ...s.push('def\nnext'), ...s.push('\n'), ...s.push('x'.repeat(25)), ...s.end()];
  assert.deepEqual(lines, ['0123456789', 'next', 'x'.repeat(10)]);
  const big = new LineSplitter();
  const out = [...big.push(`${'y'.repeat(3 * MAX_LINE_LENGTH)}\nz\n`), ...big.end()];
  assert.deepEqual(out.map((l) => l.length), [MAX_LINE_LENGTH, 1]);
});

// ---- excerpts -------------------------------------------------------------------------------

test('excerpt shows the first errors with their context', () => {
  const ex = buildExcerpt([
    '  CC      kernel/sys.o',
    "/build/src/kernel/sys.c: In function 'f':",
    "/build/src/kernel/sys.c:3:7: warning: unused variable 'x' [-Wunused-variable]",
    "/build/src/kernel/sys.c:4:2: error: 'y' undeclared (first use in this function)",
    'make[2]: *** [scripts/Makefile.build:250: kernel/sys.o] Error 1',
  ]);
  assert.equal(ex.source, 'errors');
  assert.deepEqual(ex.lines, ["kernel/sys.c: In function 'f':", "kernel/sys.c:4:2: error: 'y' undeclared (first use in this function)"]);
});

test('excerpt falls back to the last lines when only make failed', () => {
  const lines = Array.from({ length: 50 }, (_, i) => `  CC      f${i}.o`);
  lines.push('Killed', 'make[2]: *** [scripts/Makefile.build:250: f49.o] Error 137');
  const ex = buildExcerpt(lines);
  assert.equal(ex.source, 'tail');
  assert.equal(ex.lines.length, 20);
  assert.deepEqual(ex.lines.slice(-2), ['Killed', 'make[2]: *** [scripts/Makefile.build:250: f49.o] Error 137']);
  assert.deepEqual(buildExcerpt(['only line'], { tailLines: 5 }).lines, ['only line']);
});

test('excerpt is never empty for a non-empty log, and empty for an empty one', () => {
  assert.deepEqual(buildExcerpt([]).lines, []);
  const rnd = seededRandom(7);
  for (let i = 0; i < 200; i++) {
    const lines = Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => String.fromCharCode(...Array.from({ length: Math.floor(rnd() * 30) }, () => Math.floor(rnd() * 128))));
    assert.ok(buildExcerpt(lines).lines.length > 0);
  }
  const c = new ExcerptCollector({ maxErrors: 2 });
  c.addDiagnostics(parse(['a.c:1:1: error: one', 'a.c:2:1: error: two', 'a.c:3:1: error: three'].join('\n')));
  assert.equal(c.excerpt().errors.length, 2);
});

test('tail buffer keeps the last items in order', () => {
  const t = new TailBuffer<number>(3);
  assert.deepEqual(t.toArray(), []);
  for (let i = 1; i <= 7; i++) t.push(i);
  assert.deepEqual(t.toArray(), [5, 6, 7]);
  assert.throws(() => new TailBuffer(0), RangeError);
});

// ---- robustness -----------------------------------------------------------------------------

test('fuzz: garbage, NUL bytes, huge lines, truncated and mixed logs never throw', () => {
  const rnd = seededRandom(42);
  const realLines = fixtureNames.flatMap((n) => readFileSync(join(FIXTURES, `${n}.log`), 'utf8').split('\n'));
  const pieces = [':', ': ', ':1:', ':12:3: ', 'error: ', 'warning: ', 'note: ', 'In function ', 'In file included from ', 'from ',
    'ld: ', ' in function `', "'", '`', '[-W', ']', 'make[2]: *** [', '] Error 1', 'WARNING: modpost: ', 'ERROR: modpost: ',
    '>>> ', '  ', '\t', '\0', '\x1b[01m', '\r', '(', ')', '0x1a/0x30', '+', '.', '/build/src/', '../', 'Assembler messages:',
    '#warning syscall ', ' not implemented', 'Warning (x): ', '12.3-20', '|', '\uFFFD', '\uD800'];
  const inputs: Buffer[] = [
    Buffer.alloc(0),
    Buffer.from('\n\n\n'),
    Buffer.alloc(1 << 20, 0),
    Buffer.alloc(1 << 20, 'a:1:2: error: '),
    Buffer.from(`${'x'.repeat(1 << 20)}:1:2: error: e [-W${'y'.repeat(1 << 20)}]\n`),
  ];
  for (let i = 0; i < 300; i++) {
    const kind = i % 3;
    if (kind === 0) inputs.push(Buffer.from(Array.from({ length: Math.floor(rnd() * 4096) }, () => Math.floor(rnd() * 256))));
    else if (kind === 1) inputs.push(Buffer.from(Array.from({ length: Math.floor(rnd() * 60) }, () => pieces[Math.floor(rnd() * pieces.length)] + (rnd() < 0.1 ? '\n' : '')).join('')));
    else {
      const mix = Array.from({ length: Math.floor(rnd() * 200) }, () => realLines[Math.floor(rnd() * realLines.length)]).join('\n');
      inputs.push(Buffer.from(mix).subarray(0, Math.floor(rnd() * (mix.length + 1))));
    }
  }
  for (const input of inputs) {
    const splitter = new LineSplitter();
    const parser = new LogParser({ target: 't', treePrefixes: ['/x/'] });
    const collector = new ExcerptCollector();
    let step = 1 + Math.floor(rnd() * 5000);
    for (let at = 0; at < input.length; at += step, step = 1 + Math.floor(rnd() * 5000)) {
      for (const line of splitter.push(input.subarray(at, at + step))) {
        collector.addLine(line);
        collector.addDiagnostics(parser.push(line));
      }
    }
    for (const line of splitter.end()) {
      collector.addLine(line);
      collector.addDiagnostics(parser.push(line));
    }
    for (const d of parser.end()) {
      assert.equal(typeof d.signature, 'string');
      assert.ok(Array.isArray(d.context));
    }
    const ex = collector.excerpt();
    if (input.length > 0) assert.ok(ex.lines.length > 0);
  }
  // Lines handed straight to the parser, not through the splitter, are bounded too.
  const start = performance.now();
  parseBuildLog([
    `${'a:'.repeat(1 << 19)}`,
    `x.c:1:1: error: ${'[-W'.repeat(1 << 18)}`,
    '\0'.repeat(1 << 20),
    // Inputs that once made an unanchored regex backtrack quadratically.
    `WARNING: modpost: ${'['.repeat(1 << 16)}`,
    `ld: ${': in function `'.repeat(1 << 12)}`,
  ]);
  assert.ok(performance.now() - start < 5000, 'huge lines parse in bounded time');
});
