// Where in the build container a source mount may be seen: the rule the plan holds its
// mounts to and the results schema holds a shard's recorded mounts to.
import { DRIVER_MOUNT } from '../constants.ts';

/** Where the build container sees the source repository. */
export const SOURCE_MOUNT = '/src';

/** The container's own mounts and the kernel's file systems: nothing of the source may land in or over them. */
const RESERVED = ['/build', '/logs', '/ccache', DRIVER_MOUNT, '/proc', '/sys', '/dev'];
/** The image's userland: a source mount may sit below these, never on or over one. */
const SYSTEM = ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/usr', '/etc', '/var', '/opt', '/root', '/home', '/run', '/tmp', '/srv', '/mnt', '/media'];

/**
 * Why a source mount cannot be seen at `container` (an absolute, normalised path): over
 * the build's own folders, or on or over the image's userland or /src; undefined when it can.
 * A shard's results.json names its mounts too, and is held to this rule (results/results-schema.ts).
 */
export function mountPlaceProblem(container: string): string | undefined {
  for (const r of RESERVED) if (within(container, r) || within(r, container)) return `over the build's own ${r}`;
  for (const s of [...SYSTEM, SOURCE_MOUNT]) if (within(s, container)) return `over the image's ${s}`;
  return undefined;
}

/** Whether `path` is `dir` or below it (both absolute and normalised). */
export function within(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);
}

