import { type BuildResults, type TargetResult } from '../types/results.ts';
import { ALLCONFIG_FILE, parseFragment } from '../values/config-spec.ts';
import { type Fragment } from '../types/targets.ts';
import { shellQuote } from '../shell-quote.ts';
import { lockdownFlags } from '../container/lockdown.ts';
import { buildLockdown } from '../container/spec.ts';
import { compilerSettings } from '../values/compiler.ts';

/**
 * A shell command that rebuilds one target exactly as kernelbuilder did: the same image
 * (by digest), the same sha checked out of the same repo, the same config steps as the
 * driver's steps.sh (base, each fragment, olddefconfig where they left the .config
 * unresolved) and make commands, the build container's lockdown (no network, no
 * capabilities, a read-only root, ...), the same folders of the repository mounted. A
 * fragment kernelbuilder ships is written to /build from its recorded lines and merged as
 * the driver merges it, so the command needs nothing but the repo and the image. One
 * command, its script one quoted word of steps a line. Printed in reports, runnable as
 * printed on the build machine.
 */
export function reproducer(results: BuildResults, target: TargetResult): string {
  const make = makeCommand(results, target);
  const fragments = (target.fragments ?? []).map((word) => parseFragment('fragments', word, word));
  const script = [
    // Each step stops the script when it fails, as `|| exit` does in steps.sh.
    'set -e',
    // The repo belongs to the runner, not to the image's build user. Only a global setting
    // reaches the upload-pack a local clone runs: git clears `-c` and GIT_CONFIG_* for it.
    `git config --global safe.directory '*'`,
    `git clone -q --shared --no-checkout /src /build/src`,
    `git -C /build/src checkout -q --detach ${results.sha}`,
    ...(target.compiler && compilerSettings(target.compiler).path ? [`export PATH=${compilerSettings(target.compiler).path}:$PATH`] : []),
    ...baseSteps(target, fragments, make),
    ...fragments.flatMap((f) => fragmentSteps(target, f, make, isSeeded(fragments))),
    ...(leavesUnresolved(target, fragments) ? [`${make} olddefconfig`] : []),
    `${make} -k -j$(nproc)`,
  ].join('\n');
  return [
    `# ${target.target} of ${results.tree}/${results.buildId} (${results.image.name}, ${results.image.toolchain})`,
    // The build's own lockdown: what the tree's Makefiles run is as contained on a person's machine.
    `docker run --rm ${lockdownFlags(buildLockdown(results.tmpfsSize)).join(' ')} -e HOME=/build \\`,
    `  --mount type=bind,src=${shellQuote(results.source ?? '/path/to/linux')},dst=/src,readonly \\`,
    ...(results.sourceMounts ?? []).map((m) => `  --mount type=bind,src=${shellQuote(m.host)},dst=${shellQuote(m.container)},readonly \\`),
    `  --entrypoint /bin/bash ${results.image.digest} -c ${shellQuote(script)}`,
  ].join('\n');
}

/**
 * The make command of a target's every step, as steps.sh runs it (the step's target
 * after it): the image's cross prefix and make variables, then the user's, quoted: a
 * value may hold spaces (KCFLAGS=-Wall -Werror), which steps.sh passes as one word.
 */
export function makeCommand(results: BuildResults, target: TargetResult): string {
  const cross = results.image.cross[target.arch] ?? '';
  // A matrix target's compiler decides LLVM=1, whatever the image's labels say.
  const imageVars = target.compiler ? results.image.makeVars.filter((v) => v !== 'LLVM=1') : results.image.makeVars;
  return [
    'make -C /build/src O=/build/out',
    `ARCH=${target.arch}`,
    ...(cross ? [`CROSS_COMPILE=${cross}`] : []),
    ...imageVars,
    ...(target.compiler && compilerSettings(target.compiler).llvm ? ['LLVM=1'] : []),
    ...(results.makeVars ?? []).map(shellQuote),
  ].join(' ');
}

const SCRIPTS_CONFIG: Record<string, string> = { y: '--enable', n: '--disable', m: '--module' };

/** Whether the tree's mini-config files (KUnit's) seed the base config, and with them the target's options: steps.sh's rule. */
const isSeeded = (fragments: Fragment[]) => fragments.some((f) => f.kind === 'tree');

/** The base config's step, as steps.sh runs it: seeded by the tree's mini-config files and the options, when it has any. */
function baseSteps(target: TargetResult, fragments: Fragment[], make: string): string[] {
  const base = target.base ?? target.config;
  if (!isSeeded(fragments)) return [`${make} ${base}`];
  const seeds = fragments.flatMap((f) => (f.kind === 'tree' ? [shellQuote(`/build/src/${f.path}`)] : []));
  const options = fragments.flatMap((f) => (f.kind === 'option' ? [f.value === 'n' ? `# ${f.option} is not set` : `${f.option}=${f.value}`] : []));
  const allconfig = `/build/out/${ALLCONFIG_FILE}`;
  return [
    'mkdir -p /build/out',
    `cat ${seeds.join(' ')} >${allconfig}`,
    ...options.map((line) => `echo ${shellQuote(line)} >>${allconfig}`),
    `${make} KCONFIG_ALLCONFIG=${allconfig} ${base}`,
  ];
}

/** The lines of one fragment's step, as steps.sh runs it. */
function fragmentSteps(target: TargetResult, f: Fragment, make: string, seeded: boolean): string[] {
  if (f.kind === 'tree') return [];
  if (f.kind === 'option') {
    if (seeded) return [];
    const op = SCRIPTS_CONFIG[f.value];
    return [`/build/src/scripts/config --file /build/out/.config ${op ? `${op} ${f.option}` : `--set-val ${f.option} ${shellQuote(f.value)}`}`];
  }
  const shipped = target.shippedFragments?.[f.name];
  if (shipped === undefined) return [`${make} ${f.name}`];
  // A quoted delimiter: the lines are written as they are, nothing in them expanded.
  let end = 'EOF';
  while (shipped.includes(end)) end += '_';
  return [`cat >/build/${f.name} <<'${end}'`, ...shipped, end, `(cd /build/out && sh /build/src/scripts/kconfig/merge_config.sh -m .config /build/${f.name})`];
}

/**
 * Whether the steps leave the .config for olddefconfig to resolve, as steps.sh decides:
 * the last step after the base that is not a make config target (which resolves it) set
 * an option or merged a shipped fragment.
 */
function leavesUnresolved(target: TargetResult, fragments: Fragment[]): boolean {
  const seeded = isSeeded(fragments);
  const last = fragments.filter((f) => f.kind === 'file' || (f.kind === 'option' && !seeded)).at(-1);
  if (last === undefined) return false;
  return last.kind === 'option' || (last.kind === 'file' && target.shippedFragments?.[last.name] !== undefined);
}
