import { realpathSync } from 'node:fs';
import { Input } from '../constants.ts';
import { InputError } from '../errors.ts';
import { type Git, tryGit } from './git.ts';

/**
 * Refuse a source that is not the top level of a git repository. A subfolder would pass
 * git's own checks (git finds the repository above it) while the build mounts only that
 * subfolder: the container would have no repository at all.
 */
export async function checkSourceRepo(git: Git, source: string): Promise<void> {
  if ((await tryGit(git, ['rev-parse', '--git-dir'])) === undefined) {
    throw new InputError(Input.source, source, 'it must be a kernel git repository (a folder where git rev-parse works)');
  }
  const top = (await tryGit(git, ['rev-parse', '--show-toplevel']))?.trim();
  if (top === undefined || top === '') {
    // No work tree: fine for a bare repository, not for a folder inside a repository's .git.
    if ((await tryGit(git, ['rev-parse', '--is-bare-repository']))?.trim() === 'true') return;
    throw new InputError(Input.source, source, "it is inside a repository's git folder: give the repository's top-level folder");
  }
  if (realpathSync(top) !== realpathSync(source)) {
    throw new InputError(Input.source, source, `it is a folder inside the repository at ${top}: give the repository's top-level folder`);
  }
}
