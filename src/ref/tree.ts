import { type Git, tryGit } from './git.ts';
import { kernelVersionFromMakefile } from './kernel-version.ts';
import { type KernelVersion } from '../types/ref.ts';
import { SourceError } from '../errors.ts';
import { type CommitInfo } from '../types/ref.ts';
import { commitLog } from './commit-log.ts';

/** What the plan needs to know about the tree at a commit; read without a checkout. */
export interface TreeFacts {
  version: KernelVersion;
  /** Directories under arch/. */
  arches: string[];
  /** Top commits, newest first. */
  commits: CommitInfo[];
  /** Files under arch/<arch>/configs/, for the arches asked about. */
  configs: Record<string, string[]>;
  /** Text of the fragment files asked for, per arch: from arch/<arch>/configs/, else kernel/configs/. */
  fragments: Record<string, Record<string, string>>;
}

/** Read version, arches, named configs, the fragments asked for and top commits of the tree at `sha`. */
export async function readTree(git: Git, sha: string, arches: string[], fragmentNames: string[] = []): Promise<TreeFacts> {
  const makefile = await tryGit(git, ['cat-file', 'blob', `${sha}:Makefile`]);
  const localversionNext = await tryGit(git, ['cat-file', 'blob', `${sha}:localversion-next`]);
  const version = makefile === undefined ? undefined : kernelVersionFromMakefile(makefile, localversionNext);
  if (!version) {
    throw new SourceError(`commit ${sha} is not a kernel tree: its top-level Makefile has no VERSION and PATCHLEVEL`);
  }
  // -z: names as they are, NUL-separated; without it git quotes a name with unusual bytes.
  const archList = await tryGit(git, ['ls-tree', '-z', '--name-only', `${sha}:arch`]);
  if (archList === undefined) throw new SourceError(`commit ${sha} is not a kernel tree: it has no arch/ folder`);
  const treeArches = names(archList);
  const configs: Record<string, string[]> = {};
  const fragments: Record<string, Record<string, string>> = {};
  for (const arch of arches.filter((a) => treeArches.includes(a))) {
    configs[arch] = names((await tryGit(git, ['ls-tree', '-z', '--name-only', `${sha}:arch/${arch}/configs`])) ?? '');
    fragments[arch] = {};
    for (const name of fragmentNames) {
      const text =
        (await tryGit(git, ['cat-file', 'blob', `${sha}:arch/${arch}/configs/${name}`])) ??
        (await tryGit(git, ['cat-file', 'blob', `${sha}:kernel/configs/${name}`]));
      if (text !== undefined) fragments[arch][name] = text;
    }
  }
  const commits = await commitLog(git, sha, 3, '%an', '%cI');
  return { version, arches: treeArches, commits, configs, fragments };
}

function names(out: string): string[] {
  return out.split('\0').filter((l) => l.length > 0);
}
