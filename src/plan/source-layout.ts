import { existsSync, lstatSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { Input } from '../constants.ts';
import { InputError } from '../errors.ts';
import { type SourceMount } from '../types/source.ts';
import { SOURCE_MOUNT, mountPlaceProblem, within } from '../values/mount-place.ts';

/** The git dir and common git dir of the source, as absolute host paths (`git rev-parse --path-format=absolute`). */
export interface GitPaths {
  gitDir: string;
  commonDir: string;
}

/**
 * git follows alternates five levels deep and ignores the rest. The container's clone
 * borrows from /src, one level more: the source's own alternates are level 1 there.
 */
const MAX_ALTERNATE_DEPTH = 5;

/** The most a `.git` file, `commondir` or alternates file may hold: a few paths. */
const MAX_GIT_FILE = 64 * 1024;

/**
 * The mounts the source repository needs besides /src, read from its own files: its
 * `.git` (a directory, or a file or link naming the git dir), the git dir's `commondir`,
 * and `objects/info/alternates`, followed as git follows them. A layout the container
 * cannot be given (a named path that does not exist, or one that would land on the
 * container's own folders) is an InputError on `source` that says why.
 */
export function sourceMounts(source: string, paths: GitPaths): SourceMount[] {
  const layout: Layout = new Layout(source);
  const dotGit = join(source, '.git');
  const st = lstatSync(dotGit, { throwIfNoEntry: false });
  let gitDir: { host: string; container: string };
  if (st?.isDirectory()) {
    gitDir = { host: dotGit, container: `${SOURCE_MOUNT}/.git` };
  } else if (st) {
    // A linked worktree or a --separate-git-dir repository: `.git` names the git dir, relative to the source.
    const named = st.isSymbolicLink() ? readlinkSync(dotGit) : parseGitFile(layout.readSmall(dotGit));
    if (named === undefined) layout.refuse(`${dotGit} is neither a git dir nor a "gitdir: PATH" file`);
    gitDir = { host: resolve(source, named), container: posix.resolve(SOURCE_MOUNT, named) };
  } else if (samePath(paths.gitDir, source)) {
    gitDir = { host: source, container: SOURCE_MOUNT };
  } else {
    layout.refuse(`it is a folder inside the repository whose git dir is ${paths.gitDir}: give the repository's top folder`);
  }
  layout.mustExist(gitDir.host, `${dotGit} names the git dir ${gitDir.host}`);
  if (!samePath(gitDir.host, paths.gitDir)) layout.refuse(`${dotGit} names ${gitDir.host}, but git uses ${paths.gitDir} (is GIT_DIR set?)`);

  // A linked worktree's git dir keeps HEAD only: refs and objects are in the common dir it names.
  const commondirFile = join(gitDir.host, 'commondir');
  const commonText = existsSync(commondirFile) ? layout.readSmall(commondirFile).trim() : undefined;
  const common = commonText ? { host: resolve(gitDir.host, commonText), container: posix.resolve(gitDir.container, commonText) } : gitDir;
  layout.mustExist(common.host, `${commondirFile} names the common git dir ${common.host}`);
  if (!samePath(common.host, paths.commonDir)) layout.refuse(`${commondirFile} names ${common.host}, but git uses ${paths.commonDir}`);

  layout.place(common.host, common.container, `the common git dir ${common.host}`);
  layout.place(gitDir.host, gitDir.container, `the git dir ${gitDir.host}`);
  layout.followAlternates({ host: join(common.host, 'objects'), container: posix.join(common.container, 'objects') }, 1, new Set());
  return layout.mounts;
}

/** The path a `.git` file names ("gitdir: PATH"), or undefined when the text is not one. */
export function parseGitFile(text: string): string | undefined {
  const m = /^gitdir: (.+?)\s*$/.exec(text.split('\n')[0]);
  return m ? m[1] : undefined;
}

/** The object stores an `objects/info/alternates` file names, as written: one a line, `#` lines are comments. */
export function parseAlternates(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** The mounts found so far, with /src as the first, implicit one, and the checks each new one must pass. */
class Layout {
  readonly mounts: SourceMount[] = [];
  private readonly root: SourceMount;

  constructor(private readonly source: string) {
    this.root = { host: realpathSync(source), container: SOURCE_MOUNT, why: 'the source' };
  }

  refuse(reason: string): never {
    throw new InputError(Input.source, this.source, `the build container could not use this repository: ${reason}`);
  }

  /** A small regular file of the repository's own: a FIFO or a huge file there must not hang or flood the plan. */
  readSmall(path: string): string {
    const st = lstatSync(path);
    if (!st.isFile() || st.size > MAX_GIT_FILE) this.refuse(`${path} is not a regular file of at most ${MAX_GIT_FILE} bytes`);
    return readFileSync(path, 'utf8');
  }

  mustExist(path: string, what: string): void {
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) this.refuse(`${what}, which is not a folder here`);
  }

  /** Mount `host` at `container`, unless a mount already shows it there; refuse what would clash. */
  place(hostPath: string, container: string, why: string): void {
    const host = realpathSync(hostPath);
    for (const m of [this.root, ...this.mounts]) {
      if (!within(container, m.container)) continue;
      if (samePath(join(m.host, relative(m.container, container)), host)) return;
      this.refuse(`${why} would be seen at ${container}, inside the mount of ${m.why}, which holds something else there`);
    }
    const clash = mountPlaceProblem(container);
    if (clash) this.refuse(`${why} would have to be mounted at ${container}, ${clash}`);
    // A mount below the new one is part of it now, if it shows the same files.
    for (const m of [...this.mounts]) {
      if (!within(m.container, container)) continue;
      if (!samePath(join(host, relative(container, m.container)), m.host)) {
        this.refuse(`${why} would be mounted at ${container}, over ${m.why} at ${m.container}, which it does not hold`);
      }
      this.mounts.splice(this.mounts.indexOf(m), 1);
    }
    this.mounts.push({ host, container, why });
  }

  /** Mount every object store `objects` borrows from, and those they borrow from, as git resolves them. */
  followAlternates(objects: { host: string; container: string }, depth: number, seen: Set<string>): void {
    const file = join(objects.host, 'info', 'alternates');
    if (!existsSync(file)) return;
    const real = realpathSync(objects.host);
    if (seen.has(real)) return;
    seen.add(real);
    for (const named of parseAlternates(this.readSmall(file))) {
      if (named.startsWith('"')) this.refuse(`${file} names a quoted path, which kernelbuilder does not read; use a plain absolute path`);
      if (depth > MAX_ALTERNATE_DEPTH) this.refuse(`${file} is more than ${MAX_ALTERNATE_DEPTH} alternates deep, and git ignores alternates past that`);
      // Relative alternates are relative to the object store whose file names them.
      const alternate = { host: resolve(objects.host, named), container: posix.resolve(objects.container, named) };
      this.mustExist(alternate.host, `${file} names the object store ${named}`);
      this.place(alternate.host, alternate.container, `the object store ${named} that ${file} names`);
      this.followAlternates(alternate, depth + 1, seen);
    }
  }
}

/** Whether two host paths are the same file, through links. */
function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}
