import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type Docker from 'dockerode';
import { type ImageSpec, type ImageTable } from '../types/image.ts';
import { isImageRef } from './table.ts';
import { InputError } from '../errors.ts';
import { type Log } from '../log.ts';

/** What happened to one image of the table. */
export interface ImageBuildOutcome {
  name: string;
  outcome: 'built' | 'skipped' | 'failed';
  detail: string;
}

/**
 * Build the images of the table, in table order (bases first), from their Dockerfiles
 * under `imagesDir`. `base` maps declared bases to local ones (a `docker import`ed
 * debootstrap where no registry is reachable). An image whose base is not present is skipped, never pulled:
 * pulling is the user's call. Images build with network `host`: no bridge is needed.
 */
export async function buildImages(
  docker: Docker,
  table: ImageTable,
  imagesDir: string,
  log: Log,
  opts: { only?: string[]; base?: string[] },
): Promise<ImageBuildOutcome[]> {
  const chosen = chooseImages(table, opts);
  // A base given that is neither on the engine nor built here would only skip what it was given for.
  for (const value of opts.base ?? []) {
    const image = value.slice(value.indexOf('=') + 1);
    if (!table.images.some((i) => i.name === image) && !(await imagePresent(docker, image))) {
      throw new InputError(BASE_OPTION, value, `${image} is not on the Docker engine: pull, import or build it first`);
    }
  }
  const outcomes: ImageBuildOutcome[] = [];
  for (const spec of chosen) {
    const base = baseFor(spec.base, opts.base ?? []);
    if (!(await imagePresent(docker, base))) {
      const own = table.images.some((i) => i.name === base);
      outcomes.push({ name: spec.name, outcome: 'skipped', detail: `base ${base} is not present (${own ? `build it first: --only ${base}` : 'pull or import it, or give --base'})` });
      continue;
    }
    try {
      await buildOne(docker, spec, base, imagesDir, log);
      outcomes.push({ name: spec.name, outcome: 'built', detail: `from ${base}` });
    } catch (e) {
      outcomes.push({ name: spec.name, outcome: 'failed', detail: (e as Error).message });
    }
  }
  return outcomes;
}

/**
 * Why a run of `images build` failed, or undefined when it did not: an image failed, one
 * asked for by name (--only) was not built, or none was built at all (every base absent):
 * building nothing when something was asked is no success.
 */
export function imagesBuildFailure(outcomes: ImageBuildOutcome[], only: string[] | undefined): string | undefined {
  const failed = outcomes.filter((o) => o.outcome === 'failed');
  if (failed.length > 0) return `${failed.map((o) => o.name).join(' ')} failed to build`;
  const notBuilt = outcomes.filter((o) => o.outcome !== 'built');
  if (only && notBuilt.length > 0) return `${notBuilt.map((o) => o.name).join(' ')}, asked for by --only, not built`;
  if (notBuilt.length === outcomes.length) return 'no image was built';
  return undefined;
}

const ONLY_OPTION = 'only';
const BASE_OPTION = 'base';
/** What a plain `--base IMAGE` replaces. */
const PLAIN_BASE = 'debian:bookworm-slim';
const BASE_FORM = 'it is [FROM=]IMAGE, Docker image references, e.g. kernelbuilder/debian-base:bookworm or debian:bullseye-slim=kernelbuilder/debian-base:bullseye';

/**
 * The images of the table `images build` builds, its options checked before any engine is
 * asked: every --only names an image of the table, every --base is [FROM=]IMAGE and
 * replaces the base of some image chosen (an override that replaces nothing would be
 * ignored without a word).
 */
export function chooseImages(table: ImageTable, opts: { only?: string[]; base?: string[] }): ImageSpec[] {
  for (const name of opts.only ?? []) {
    if (!table.images.some((i) => i.name === name)) throw new InputError(ONLY_OPTION, name, `it must name an image of the table: ${table.images.map((i) => i.name).join(' ')}`);
  }
  const chosen = opts.only ? table.images.filter((i) => opts.only!.includes(i.name)) : table.images;
  for (const value of opts.base ?? []) {
    const eq = value.indexOf('=');
    if (![value.slice(eq + 1), ...(eq === -1 ? [] : [value.slice(0, eq)])].every(isImageRef)) throw new InputError(BASE_OPTION, value, BASE_FORM);
    if (!chosen.some((spec) => baseFor(spec.base, [value]) !== spec.base)) {
      const bases = [...new Set(chosen.map((i) => i.base))];
      throw new InputError(BASE_OPTION, value, `it replaces ${eq === -1 ? `${PLAIN_BASE} (a plain IMAGE)` : value.slice(0, eq)}, the base of no image chosen; their bases: ${bases.join(' ')}`);
    }
  }
  return chosen;
}

/**
 * The base an image builds from: a `--base FROM=TO` maps one base to another; a plain
 * `--base IMAGE` stands for debian:bookworm-slim only (a debootstrapped bookworm), so a
 * bullseye image is never built on bookworm by mistake.
 */
export function baseFor(declared: string, overrides: string[]): string {
  for (const o of overrides) {
    const eq = o.indexOf('=');
    if (eq === -1 ? declared === PLAIN_BASE : o.slice(0, eq) === declared) return o.slice(eq + 1);
  }
  return declared;
}

async function buildOne(docker: Docker, spec: ImageSpec, base: string, imagesDir: string, log: Log): Promise<void> {
  log.info(`building ${spec.name} from ${base} (${spec.dockerfile})`);
  const stream = await docker.buildImage(
    { context: imagesDir, src: filesUnder(imagesDir) },
    { t: spec.name, dockerfile: spec.dockerfile, buildargs: { BASE: base }, networkmode: 'host', rm: true, forcerm: true },
  );
  // modem.followProgress, not docker.followProgress: the latter loads .proto files at run time.
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null, events: { error?: string }[]) => {
        const failure = err?.message ?? events.find((e) => e.error)?.error;
        if (failure) reject(new Error(failure));
        else resolve();
      },
      (event: { stream?: string }) => {
        for (const line of (event.stream ?? '').split('\n')) if (line.trim()) log.buildOutput(line);
      },
    );
  });
}

async function imagePresent(docker: Docker, name: string): Promise<boolean> {
  try {
    await docker.getImage(name).inspect();
    return true;
  } catch {
    return false;
  }
}

function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path)];
  });
}
