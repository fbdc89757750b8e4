import type Docker from 'dockerode';

/**
 * The one lockdown of every container kernelbuilder starts (the build, a boot, the
 * userland check; bisect's is the build's): what runs in them is the tree's, hostile on a
 * push build. No network, no capabilities, no privilege gain through setuid binaries, a
 * read-only root with only the tmpfs folders given writable, a pids limit against a fork
 * bomb, an init as pid 1 that reaps what the tree leaves, no terminal and no stdin. The
 * runner's environment never reaches a container: the Docker API passes only the Env a
 * spec names. The kinds differ only in their pids limit and their tmpfs folders.
 */
export interface LockdownOptions {
  pidsLimit: number;
  /** Writable tmpfs folders and their mount options (`size=64m,mode=1777`); none by default. */
  tmpfs?: Record<string, string>;
}

/** The lockdown's part of a container's create options; a spec adds its own HostConfig fields (mounts, limits) beside these. */
export function lockdown(opts: LockdownOptions) {
  return {
    NetworkDisabled: true,
    Tty: false,
    OpenStdin: false,
    AttachStdin: false,
    HostConfig: {
      NetworkMode: 'none',
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      ReadonlyRootfs: true,
      PidsLimit: opts.pidsLimit,
      Init: true,
      ...(opts.tmpfs && Object.keys(opts.tmpfs).length > 0 ? { Tmpfs: { ...opts.tmpfs } } : {}),
    },
  } satisfies Docker.ContainerCreateOptions;
}

/** The same lockdown as `docker run` flags, for the commands printed to run by hand (a boot's reproducer). */
export function lockdownFlags(opts: LockdownOptions): string[] {
  return [
    '--network', 'none',
    '--cap-drop', 'ALL',
    '--security-opt', 'no-new-privileges',
    '--read-only',
    ...Object.entries(opts.tmpfs ?? {}).flatMap(([dir, options]) => ['--tmpfs', `${dir}:${options}`]),
    '--pids-limit', String(opts.pidsLimit),
    '--init',
  ];
}
