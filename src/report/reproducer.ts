import { type BuildResults, type TargetResult } from '../types/results.ts';

/**
 * A shell command that rebuilds one target exactly as kernelbuilder did: the same image
 * (by digest), the same sha checked out of the same repo, the same config and make
 * commands, no network, the same folders of the repository mounted. Printed in reports,
 * runnable as printed on the build machine.
 */
export function reproducer(results: BuildResults, target: TargetResult): string {
  const { cross: crossByArch, makeVars } = results.image;
  const cross = crossByArch[target.arch] ?? '';
  const make = [
    'make -C /build/src O=/build/out',
    `ARCH=${target.arch}`,
    ...(cross ? [`CROSS_COMPILE=${cross}`] : []),
    ...makeVars,
  ].join(' ');
  const script = [
    // The repo belongs to the runner, not to the image's build user. Only a global setting
    // reaches the upload-pack a local clone runs: git clears `-c` and GIT_CONFIG_* for it.
    `git config --global safe.directory '*'`,
    `git clone -q --shared --no-checkout /src /build/src`,
    `git -C /build/src checkout -q --detach ${results.sha}`,
    `${make} ${target.config}`,
    `${make} olddefconfig`,
    `${make} -k -j$(nproc)`,
  ].join(' && ');
  return [
    `# ${target.target} of ${results.tree}/${results.buildId} (${results.image.name}, ${results.image.toolchain})`,
    `docker run --rm --network none --tmpfs /build:size=${results.tmpfsSize},exec,mode=1777 -e HOME=/build \\`,
    `  --mount type=bind,src=${shellQuote(results.source ?? '/path/to/linux')},dst=/src,readonly \\`,
    ...(results.sourceMounts ?? []).map((m) => `  --mount type=bind,src=${shellQuote(m.host)},dst=${shellQuote(m.container)},readonly \\`),
    `  --entrypoint /bin/bash ${results.image.digest} -c ${shellQuote(script)}`,
  ].join('\n');
}

/** Quote for a POSIX shell: single quotes, with embedded ones closed and escaped. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
