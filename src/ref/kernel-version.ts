import semver from 'semver';
import { type KernelVersion } from '../types/ref.ts';

const MAKEFILE_FIELD = /^(VERSION|PATCHLEVEL|SUBLEVEL|EXTRAVERSION)\s*=[ \t]*(.*?)\s*$/;
const VERSION_TEXT = /^v?(\d+)\.(\d+)(?:\.(\d+))?(-rc(\d+))?(?:-next-(\d{8}))?$/;
const NEXT_ID = /^next-(\d{8})$/;

/**
 * Read the version from the text of a kernel's top-level Makefile. `localversionNext` is
 * the content of the tree's `localversion-next` file, which linux-next carries
 * (`-next-20260105`). Returns undefined when the text is not a kernel Makefile.
 */
export function kernelVersionFromMakefile(makefile: string, localversionNext?: string): KernelVersion | undefined {
  const fields = new Map<string, string>();
  // The four fields open the file; stop early rather than scan a 2000-line Makefile.
  for (const line of makefile.split('\n', 40)) {
    const m = MAKEFILE_FIELD.exec(line);
    if (m && !fields.has(m[1])) fields.set(m[1], m[2]);
  }
  const major = toNumber(fields.get('VERSION'));
  const minor = toNumber(fields.get('PATCHLEVEL'));
  if (major === undefined || minor === undefined) return undefined;
  const sublevel = toNumber(fields.get('SUBLEVEL')) ?? 0;
  const extra = fields.get('EXTRAVERSION') ?? '';
  const rc = /^-rc(\d+)$/.exec(extra)?.[1];
  const next = /-next-(\d{8})/.exec(localversionNext ?? '')?.[1];
  const text = `${major}.${minor}.${sublevel}${extra}${next ? `-next-${next}` : ''}`;
  return { major, minor, sublevel, rc: rc === undefined ? undefined : Number(rc), extra, next, text };
}

/**
 * Parse a version as people write it: `6.1.192`, `4.19-rc3`, `v3.18`, `4.14.336`,
 * `6.19.0-rc4-next-20260105`. A bare linux-next id (`next-20260105`) has no release
 * numbers and is parsed by {@link parseLinuxNextId} instead.
 */
export function parseKernelVersion(text: string): KernelVersion | undefined {
  const m = VERSION_TEXT.exec(text.trim());
  if (!m) return undefined;
  const [, major, minor, sublevel = '0', extra = '', rc, next] = m;
  return {
    major: Number(major),
    minor: Number(minor),
    sublevel: Number(sublevel),
    rc: rc === undefined ? undefined : Number(rc),
    extra,
    next,
    text: `${major}.${minor}.${sublevel}${extra}${next ? `-next-${next}` : ''}`,
  };
}

/** The date of a linux-next tag or build id (`next-20260105`), or undefined. */
export function parseLinuxNextId(text: string): string | undefined {
  return NEXT_ID.exec(text.trim())?.[1];
}

/**
 * The version as semver, with release candidates as numeric prereleases (`4.19.0-rc.3`)
 * so that ordering is right for rc10 against rc9.
 */
export function toSemver(v: KernelVersion): string {
  return `${v.major}.${v.minor}.${v.sublevel}${v.rc === undefined ? '' : `-rc.${v.rc}`}`;
}

/**
 * The release a version belongs to, for choosing a toolchain: 4.19-rc3 is a development
 * state of 4.19 and needs what 4.19 needs, so its prerelease part is dropped.
 */
export function releaseOf(v: KernelVersion): string {
  return `${v.major}.${v.minor}.${v.sublevel}`;
}

/** Order two kernel versions (negative when a is older); linux-next dates break ties. */
export function compareKernelVersions(a: KernelVersion, b: KernelVersion): number {
  return semver.compare(toSemver(a), toSemver(b)) || (a.next ?? '').localeCompare(b.next ?? '');
}

function toNumber(s: string | undefined): number | undefined {
  return s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined;
}
