import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { CONTAINER_LABEL, OWNER_LABEL } from '../constants.ts';
import { DockerError } from '../errors.ts';
import { demuxDockerStream } from './demux.ts';
import { lockdown } from './lockdown.ts';
import { type ImageInfo } from '../types/image.ts';

/** What each foreign userland an image may declare needs from the host's kernel. */
const NEEDS: Record<string, string> = {
  x32: 'a kernel built with CONFIG_X86_X32_ABI=y (Debian kernels also need the boot parameter syscall.x32=y)',
};

/** Userlands an image may declare in its label besides the host's own. */
export const FOREIGN_USERLANDS = Object.keys(NEEDS);

/**
 * An image whose userland is not the host's own (the seed's x32 images) runs only where
 * the host kernel runs such binaries. Whether it does is asked the only honest way: by
 * running `true` in the image, locked down like a build, before the build is planned on
 * it. Images with no userland label are native and are not asked.
 */
export async function checkImageUserland(docker: Docker, image: ImageInfo): Promise<void> {
  if (image.userland === undefined) return;
  const container = await docker.createContainer(userlandCheckSpec(image));
  let failure: string | undefined;
  try {
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    if (StatusCode !== 0) {
      const lastLine = (await containerOutput(container)).trim().split('\n').at(-1);
      failure = `exit ${StatusCode}${lastLine ? `: ${lastLine}` : ''}`;
    }
  } catch (e) {
    failure = (e as Error).message;
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
  if (failure !== undefined) {
    const needs = NEEDS[image.userland] ?? `a host that runs ${image.userland} binaries`;
    throw new DockerError(
      `image ${image.name} has the userland ${image.userland}, which this host cannot run (true in the image failed: ${failure}); ` +
        `it needs ${needs}. Build on such a host, or choose an image with a native userland (input image or image-table)`,
    );
  }
}

/** The pids limit of the userland check: `true` and the init. */
const USERLAND_PIDS_LIMIT = 16;

/** The container that runs `true` in the image, locked down as every container is, nothing writable. */
export function userlandCheckSpec(image: ImageInfo, ownerPid = process.pid): Docker.ContainerCreateOptions {
  return {
    Image: image.id,
    Cmd: ['true'],
    Labels: { [CONTAINER_LABEL]: 'userland-check', [OWNER_LABEL]: String(ownerPid) },
    ...lockdown({ pidsLimit: USERLAND_PIDS_LIMIT }),
  };
}

/** What a stopped container printed, both streams, without Docker's frame headers. */
async function containerOutput(container: Docker.Container): Promise<string> {
  const raw = await container.logs({ stdout: true, stderr: true, follow: false });
  let text = '';
  for await (const { data } of demuxDockerStream(Readable.from([raw]))) text += data.toString('utf8');
  return text;
}
