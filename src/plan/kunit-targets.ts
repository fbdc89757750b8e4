import { Input } from '../constants.ts';
import { InputError } from '../errors.ts';
import { type Git, tryGit } from '../ref/git.ts';
import { type Dropped, type Fragment, type Target } from '../types/targets.ts';
import { type KunitRequest, type KunitSettings } from '../types/kunit.ts';
import { isConfigName, optionsOfFragment } from '../values/config-spec.ts';

/** The tree's KUnit tooling: the configs `default` and `all` name, and the options every UML build adds (kunit.py's UML_KCONFIG_PATH). */
export const KUNIT_TREE = {
  default: 'tools/testing/kunit/configs/default.config',
  all: 'tools/testing/kunit/configs/all_tests.config',
  umlArch: 'tools/testing/kunit/configs/arch_uml.config',
} as const;

/** A .kunitconfig is a few lines of options; more than this is no config for a test run. */
const MAX_KUNITCONFIG_BYTES = 64 * 1024;

/**
 * One target per KUnit config and arch, configured as the tree's kunit.py configures it:
 * its .config seeded with the arch's options (UML: arch_uml.config) and the config's,
 * every other option at its default (make alldefconfig with them as KCONFIG_ALLCONFIG, as
 * kunit.py's olddefconfig on a .config of those lines), each of their options required in
 * the final .config (kunit.py refuses to run otherwise), then run (the target's `test`).
 * A config the tree does not have (no tools/testing/kunit: older kernels) is dropped with
 * the reason; a path the user named that is not a regular file of the tree is refused.
 */
export async function planKunitTargets(settings: KunitSettings, git: Git, sha: string, version: string): Promise<{ targets: Target[]; dropped: Dropped[] }> {
  const targets: Target[] = [];
  const dropped: Dropped[] = [];
  const umlOptions = await treeFile(git, sha, KUNIT_TREE.umlArch);
  for (const request of settings.requests) {
    const config = kunitConfigName(request);
    const drop = (reason: string) => dropped.push(...settings.arches.map((arch) => ({ arch, config, reason })));
    if (process.arch !== 'x64') {
      drop(`UML is built for the build machine's own arch, and this one is ${process.arch}, not x86_64`);
      continue;
    }
    // A path the user named is checked (and refused) here; the tree's own configs may be missing.
    const path = request.kind === 'file' ? await kunitConfigPath(git, sha, request.path) : KUNIT_TREE[request.kind];
    const file = request.kind === 'file' ? await configText(git, sha, path) : await treeFile(git, sha, path);
    if (file === undefined && request.kind === 'file') {
      throw new InputError(Input.kunit, request.path, `${path} is larger than ${MAX_KUNITCONFIG_BYTES / 1024} KiB: no .kunitconfig is`);
    }
    if (file === undefined) {
      drop(`Linux ${version} has no ${path}`);
      continue;
    }
    const seeds = [...(umlOptions === undefined ? [] : [{ path: KUNIT_TREE.umlArch, text: umlOptions }]), { path, text: file }];
    const fragments: Fragment[] = seeds.map((s) => ({ kind: 'tree', path: s.path }));
    const requires = [...new Set(seeds.flatMap((s) => optionsOfFragment(s.text)))];
    for (const arch of settings.arches) targets.push({ arch, config, base: 'alldefconfig', fragments, requires, test: 'kunit-uml' });
  }
  return { targets, dropped };
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
