import { Input } from '../constants.ts';
import { InputError } from '../errors.ts';
import { type Git, tryGit } from '../ref/git.ts';
import { type Dropped, type Fragment, type Target, type TargetTest } from '../types/targets.ts';
import { type KunitRequest, type KunitSettings } from '../types/kunit.ts';
import { isConfigName, optionFragment, optionsOfFragment } from '../values/config-spec.ts';

/** The tree's KUnit tooling: the configs `default` and `all` name, the options every UML build adds (kunit.py's UML_KCONFIG_PATH), the folder of each QEMU arch's. */
export const KUNIT_TREE = {
  default: 'tools/testing/kunit/configs/default.config',
  all: 'tools/testing/kunit/configs/all_tests.config',
  umlArch: 'tools/testing/kunit/configs/arch_uml.config',
  qemuConfigs: 'tools/testing/kunit/qemu_configs',
} as const;

/**
 * The arches KUnit runs on in QEMU, each with the tree's qemu_configs/<file>.py that says
 * what its kernel adds to boot there (the machine is the one a boot of the arch uses,
 * src/boot/machines.json). An arch is added here once the machine table boots it.
 */
export const KUNIT_QEMU_CONFIGS: Readonly<Record<string, string>> = { x86: 'x86_64', arm64: 'arm64', arm: 'arm', riscv: 'riscv' };

/** A .kunitconfig is a few lines of options; more than this is no config for a test run. */
const MAX_KUNITCONFIG_BYTES = 64 * 1024;

/**
 * One target per KUnit config and arch, configured as the tree's kunit.py configures it:
 * its .config seeded with the config's options and the arch's (UML: arch_uml.config; in
 * QEMU: the kconfig of the tree's qemu_configs/<machine>.py), every other option at its
 * default (make alldefconfig with them as KCONFIG_ALLCONFIG, as kunit.py's olddefconfig on
 * a .config of those lines), each of their options required in the final .config (kunit.py
 * refuses to run otherwise), then run (the target's `test`: UML in the build container,
 * QEMU on the arch's machine once built). What the tree does not have (no
 * tools/testing/kunit, no qemu_config for the arch: older kernels) and UML on a build
 * machine that is not x86_64 are dropped with the reason; a path the user named that is
 * not a regular file of the tree is refused.
 */
export async function planKunitTargets(settings: KunitSettings, git: Git, sha: string, version: string): Promise<{ targets: Target[]; dropped: Dropped[] }> {
  const targets: Target[] = [];
  const dropped: Dropped[] = [];
  const arches = await Promise.all(settings.arches.map((arch) => archSeeds(arch, git, sha, version)));
  for (const request of settings.requests) {
    const config = kunitConfigName(request);
    // A path the user named is checked (and refused) here; the tree's own configs may be missing.
    const path = request.kind === 'file' ? await kunitConfigPath(git, sha, request.path) : KUNIT_TREE[request.kind];
    const file = request.kind === 'file' ? await configText(git, sha, path) : await treeFile(git, sha, path);
    if (file === undefined && request.kind === 'file') {
      throw new InputError(Input.kunit, request.path, `${path} is larger than ${MAX_KUNITCONFIG_BYTES / 1024} KiB: no .kunitconfig is`);
    }
    for (const seeds of arches) {
      if (file === undefined) dropped.push({ arch: seeds.arch, config, reason: `Linux ${version} has no ${path}` });
      else if ('dropped' in seeds) dropped.push({ arch: seeds.arch, config, reason: seeds.dropped });
      else {
        const fragments: Fragment[] = [...seeds.treeSeeds.map((t) => ({ kind: 'tree' as const, path: t.path })), { kind: 'tree', path }, ...seeds.options];
        const requires = [...seeds.treeSeeds.flatMap((t) => optionsOfFragment(t.text)), ...optionsOfFragment(file), ...seeds.options.map((o) => `${o.option}=${o.value}`)];
        targets.push({ arch: seeds.arch, config, base: 'alldefconfig', fragments, requires: [...new Set(requires)], test: seeds.test });
      }
    }
  }
  return { targets, dropped };
}

/** What an arch adds to every KUnit config run on it (files of the tree seeded with the config: UML's; options set after the base: QEMU's) and how it runs; or why it cannot. */
type ArchSeeds =
  | { arch: string; treeSeeds: { path: string; text: string }[]; options: Extract<Fragment, { kind: 'option' }>[]; test: TargetTest }
  | { arch: string; dropped: string };

/** The Kconfig lines of a qemu_config's QemuArchParams(kconfig='''...'''). */
const QEMU_KCONFIG = /\bkconfig\s*=\s*'''([^']*)'''/;

async function archSeeds(arch: string, git: Git, sha: string, version: string): Promise<ArchSeeds> {
  if (arch === 'um') {
    if (process.arch !== 'x64') return { arch, dropped: `UML is built for the build machine's own arch, and this one is ${process.arch}, not x86_64` };
    const text = await treeFile(git, sha, KUNIT_TREE.umlArch);
    return { arch, treeSeeds: text === undefined ? [] : [{ path: KUNIT_TREE.umlArch, text }], options: [], test: 'kunit-uml' };
  }
  const qemuConfig = KUNIT_QEMU_CONFIGS[arch];
  if (qemuConfig === undefined) return { arch, dropped: `kernelbuilder runs KUnit in QEMU on ${Object.keys(KUNIT_QEMU_CONFIGS).join(' ')}, not on ${arch}` };
  const path = `${KUNIT_TREE.qemuConfigs}/${qemuConfig}.py`;
  const text = await treeFile(git, sha, path);
  if (text === undefined) return { arch, dropped: `Linux ${version} has no ${path}` };
  // Python, read for one string only: its option lines, set after the base as a fragment's are.
  const options = optionsOfFragment(QEMU_KCONFIG.exec(text)?.[1] ?? '').flatMap((line) => optionFragment(line) ?? []);
  return { arch, treeSeeds: [], options, test: 'kunit-qemu' };
}

/** The config name of a KUnit target: `kunit`, `kunit-all`, `kunit-<folder>` for a folder's .kunitconfig (`kunit-lib-kunit`). */
export function kunitConfigName(request: KunitRequest): string {
  if (request.kind === 'default') return 'kunit';
  if (request.kind === 'all') return 'kunit-all';
  const name = `kunit-${request.path.replace(/\/\.kunitconfig$/, '').replace(/^\.kunitconfig$/, 'top').replace(/\//g, '-').replace(/^\.+/, '')}`;
  if (!isConfigName(name)) throw new InputError(Input.kunit, request.path, 'its target name would be longer than 100 characters: name a shorter path');
  return name;
}

/**
 * The tree path of a .kunitconfig the user named at `sha`: the file, or its folder's
 * .kunitconfig. One that is not there, or is a link, is refused naming the input: a link
 * could lead anywhere.
 */
async function kunitConfigPath(git: Git, sha: string, named: string): Promise<string> {
  const mode = await treeEntryMode(git, sha, named);
  const path = mode === '040000' ? `${named}/.kunitconfig` : named;
  const fileMode = mode === '040000' ? await treeEntryMode(git, sha, path) : mode;
  if (fileMode === '100644' || fileMode === '100755') return path;
  const what = fileMode === undefined ? 'is not in the tree' : fileMode === '120000' ? 'is a link in the tree (never followed)' : 'is not a regular file of the tree';
  throw new InputError(Input.kunit, named, `${path} ${what} at ${sha.slice(0, 12)}: name a .kunitconfig of the tree, or its folder`);
}

/** The mode of one path of the tree at `sha` (`100644`, `040000`, `120000`), or undefined. */
async function treeEntryMode(git: Git, sha: string, path: string): Promise<string | undefined> {
  const out = await tryGit(git, ['ls-tree', '-z', sha, '--', path]);
  const entry = out?.split('\0').find((e) => e.endsWith(`\t${path}`));
  return entry?.split(' ')[0];
}

/** A regular file of the tree, as text, or undefined when it is not one or is too large to be a config. */
async function treeFile(git: Git, sha: string, path: string): Promise<string | undefined> {
  const mode = await treeEntryMode(git, sha, path);
  return mode === '100644' || mode === '100755' ? configText(git, sha, path) : undefined;
}

/** A file of the tree known to be a regular one, as text, or undefined when it is too large to be a config. */
async function configText(git: Git, sha: string, path: string): Promise<string | undefined> {
  const size = Number((await tryGit(git, ['cat-file', '-s', `${sha}:${path}`]))?.trim());
  if (!(size <= MAX_KUNITCONFIG_BYTES)) return undefined;
  return tryGit(git, ['cat-file', 'blob', `${sha}:${path}`]);
}
