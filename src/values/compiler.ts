// The compilers of a matrix build (the toolchains input): their names, how a target's name
// carries one, and which of a run's compilers a finding was seen with.

/** `gcc` (the image's GCC and its cross GCCs) or `clang-N` (LLVM N with lld and its binutils, `LLVM=1`). */
const COMPILER = /^(?:gcc|clang-[1-9][0-9]?)$/;

/** What a compiler name may be, for errors. */
export const COMPILER_SYNTAX = 'a compiler is gcc or clang-N (an LLVM version the image holds, e.g. clang-14 or clang-19)';

export function isCompilerName(text: string): boolean {
  return COMPILER.test(text);
}

/**
 * The config part of a target name and the compiler it is built with: `defconfig@clang-19`
 * is defconfig built by clang 19; a name without `@` is built by the image's own toolchain.
 * `@` is in no config spec, so the split is at the last one.
 */
export function splitCompiler(config: string): { spec: string; compiler?: string } {
  const at = config.lastIndexOf('@');
  return at < 0 ? { spec: config } : { spec: config.slice(0, at), compiler: config.slice(at + 1) };
}

/** The key of a target's compiler in the driver's toolchains.txt and results' toolchains: its arch, `arch@compiler` in a matrix. */
export function toolchainKey(t: { arch: string; compiler?: string }): string {
  return t.compiler ? `${t.arch}@${t.compiler}` : t.arch;
}

/**
 * What building with `compiler` means to the kernel's make, as the driver's target.sh does
 * it (the reproducer prints the same): clang-N is LLVM=1 with /usr/lib/llvm-N/bin (Debian's
 * plain-named clang, ld.lld, llvm-ar, ...) first on PATH; gcc is the image's GCC, without
 * an LLVM=1 the image's labels may set.
 */
export function compilerSettings(compiler: string): { path?: string; llvm: boolean } {
  const clang = /^clang-(\d+)$/.exec(compiler);
  return clang ? { path: `/usr/lib/llvm-${clang[1]}/bin`, llvm: true } : { llvm: false };
}

/** The name of `config` built by `compiler`. */
export function withCompiler(config: string, compiler: string): string {
  return `${config}@${compiler}`;
}

/**
 * The compilers a finding was seen with, when the run built with several and the finding's
 * targets hold only some of them: `['clang-19']` for a warning only clang 19 printed. Empty
 * when every compiler of the run saw it, or the run had one compiler.
 */
export function onlyCompilers(findingTargets: string[], runTargets: string[]): string[] {
  const compilersOf = (names: string[]) => new Set(names.flatMap((n) => splitCompiler(n).compiler ?? []));
  const all = compilersOf(runTargets);
  const seen = compilersOf(findingTargets);
  if (all.size < 2 || seen.size === all.size) return [];
  return [...all].filter((c) => seen.has(c));
}
