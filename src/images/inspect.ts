import type Docker from 'dockerode';
import { DockerError, InputError } from '../errors.ts';
import { Input } from '../constants.ts';
import { type ImageInfo } from '../types/image.ts';

/** Label keys an image declares itself with (see images/README.md). */
export const ImageLabel = {
  toolchain: 'org.kernelbuilder.toolchain',
  toolchainVersion: 'org.kernelbuilder.toolchain-version',
  arches: 'org.kernelbuilder.arches',
  crossPrefix: 'org.kernelbuilder.cross.',
  makeVars: 'org.kernelbuilder.make-vars',
  /** Set only on images whose userland is not the host's own, e.g. x32. */
  userland: 'org.kernelbuilder.userland',
  /** Set only on images that build no kernel: `base`, `boot`. */
  role: 'org.kernelbuilder.role',
  /** On a boot image: the machines (src/boot/machines.json names) it can boot, space separated. */
  boots: 'org.kernelbuilder.boots',
  /** On a compiler matrix's image: the compilers a target may name (gcc, clang-N), space separated. */
  compilers: 'org.kernelbuilder.compilers',
} as const;

// make variables an image may ask for (LLVM=1, LLVM_IAS=0): plain NAME=value, nothing a shell would read twice.
const MAKE_VAR = /^[A-Z_][A-Z0-9_]*=[A-Za-z0-9._\/+-]*$/;

/** Read an image's id and labels from its Docker inspect data (pure). */
export function imageInfoFromInspect(name: string, inspect: Docker.ImageInspectInfo): ImageInfo {
  const labels = inspect.Config?.Labels ?? {};
  const arches = (labels[ImageLabel.arches] ?? '').split(/\s+/).filter(Boolean);
  const cross: Record<string, string> = {};
  for (const arch of arches) cross[arch] = labels[`${ImageLabel.crossPrefix}${arch}`] ?? '';
  const version = labels[ImageLabel.toolchainVersion];
  return {
    name,
    id: inspect.Id,
    digest: inspect.RepoDigests?.[0] ?? inspect.Id,
    toolchain: `${labels[ImageLabel.toolchain] ?? 'unknown'}${version ? ` ${version}` : ''}`,
    arches,
    cross,
    makeVars: (labels[ImageLabel.makeVars] ?? '').split(/\s+/).filter(Boolean),
    compilers: imageCompilers(labels),
    ...(labels[ImageLabel.userland] ? { userland: labels[ImageLabel.userland] } : {}),
  };
}

/**
 * The compilers a matrix target may name in an image: its compilers label, else its own
 * toolchain as one (`gcc`; `clang-14` for a clang 14 image, whose Debian clang lives in
 * /usr/lib/llvm-14 as every Debian LLVM does).
 */
function imageCompilers(labels: Record<string, string>): string[] {
  const listed = (labels[ImageLabel.compilers] ?? '').split(/\s+/).filter(Boolean);
  if (listed.length > 0) return listed;
  const family = labels[ImageLabel.toolchain];
  const major = labels[ImageLabel.toolchainVersion]?.split('.')[0];
  if (family === 'gcc') return ['gcc'];
  return family === 'clang' && major ? [`clang-${major}`] : [];
}

/** Refuse a compiler matrix whose image lacks one of its compilers, before any container starts. */
export function checkImageCompilers(info: ImageInfo, compilers: string[]): void {
  const missing = compilers.filter((c) => !info.compilers.includes(c));
  if (missing.length > 0) {
    throw new InputError(
      Input.toolchains,
      compilers.join(' '),
      `image ${info.name} holds ${info.compilers.join(' ') || 'no compiler a target may name'} (label ${ImageLabel.compilers}), not ${missing.join(' ')}`,
    );
  }
}

/** Inspect an image that must be present; a missing one gets the command that builds it. */
export async function inspectImage(docker: Docker, name: string): Promise<ImageInfo> {
  let inspect: Docker.ImageInspectInfo | undefined;
  try {
    inspect = await docker.getImage(name).inspect();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) throw new DockerError(`could not inspect image ${name}: ${(e as Error).message}`);
  }
  // Docker also answers for a prefix of an image id ("a" finds "ac375e..."): only the name counts.
  if (!inspect || !isNamed(inspect, name)) {
    throw new DockerError(
      `image ${name} is not present on this Docker engine; build it with 'kernelbuilder images build --only ${name}' ` +
        `(or load it with 'docker load')`,
    );
  }
  const role = inspect.Config?.Labels?.[ImageLabel.role];
  if (role) {
    throw new DockerError(`image ${name} is a ${role} image (label ${ImageLabel.role}=${role}): it builds no kernel; choose a builder image`);
  }
  const info = imageInfoFromInspect(name, inspect);
  const badVar = info.makeVars.find((v) => !MAKE_VAR.test(v));
  if (badVar !== undefined) {
    throw new DockerError(`image ${name} asks for make variable ${JSON.stringify(badVar)} (label ${ImageLabel.makeVars}): only NAME=value with plain characters is allowed`);
  }
  if (info.arches.length === 0) {
    throw new DockerError(`image ${name} declares no arches: it lacks the label ${ImageLabel.arches} that kernelbuilder images carry`);
  }
  return info;
}

/** Whether inspect data is of the image `name` (Docker also answers for a prefix of an id: only the name counts). */
export function isNamed(inspect: Docker.ImageInspectInfo, name: string): boolean {
  const tagged = name.includes(':') && !name.includes('@') ? name : `${name}:latest`;
  return inspect.Id === name || (inspect.RepoTags ?? []).includes(tagged) || (inspect.RepoDigests ?? []).includes(name);
}

/**
 * Refuse arches the image cannot build, before any container starts. UML (arch um) is
 * built for x86_64 by the native compiler, so an image that builds x86 without a cross
 * prefix builds um; its images need no label of their own for it.
 */
export function checkImageArches(info: ImageInfo, arches: string[]): void {
  const builds = (a: string) => info.arches.includes(a) || (a === 'um' && info.arches.includes('x86') && !info.cross.x86);
  const missing = arches.filter((a) => !builds(a));
  if (missing.length > 0) {
    throw new DockerError(
      `image ${info.name} cannot build ${missing.join(', ')}: it declares arches ${info.arches.join(' ')} ` +
        `(label ${ImageLabel.arches}); drop those arches or choose another image`,
    );
  }
}
