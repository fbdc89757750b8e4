import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type Docker from 'dockerode';
import { type ImageSpec, type ImageTable } from '../types/image.ts';
import { DockerError } from '../errors.ts';
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
  const unknown = (opts.only ?? []).filter((n) => !table.images.some((i) => i.name === n));
  if (unknown.length > 0) {
    throw new DockerError(`--only ${unknown.join(' ')}: not in the image table; it has ${table.images.map((i) => i.name).join(' ')}`);
  }
  const chosen = opts.only ? table.images.filter((i) => opts.only!.includes(i.name)) : table.images;
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
 * The base an image builds from: a `--base FROM=TO` maps one base to another; a plain
 * `--base IMAGE` stands for debian:bookworm-slim only (a debootstrapped bookworm), so a
 * bullseye image is never built on bookworm by mistake.
 */
export function baseFor(declared: string, overrides: string[]): string {
  for (const o of overrides) {
    const eq = o.indexOf('=');
    if (eq === -1 ? declared === 'debian:bookworm-slim' : o.slice(0, eq) === declared) return o.slice(eq + 1);
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
