import type Docker from 'dockerode';
import { DockerError } from '../errors.ts';
import { ImageLabel, isNamed } from '../images/inspect.ts';
import { type Machine } from './machines.ts';

/** The image boots run in (images/qemu), as its labels declare it. */
export interface BootImageInfo {
  name: string;
  /** Content-addressed id: boots run from it, so a re-tag mid-run changes nothing. */
  id: string;
  /** Machine names it has emulators and firmware for (label org.kernelbuilder.boots). */
  boots: string[];
}

/** The default boot image, built by `kernelbuilder images build --only kernelbuilder/qemu`. */
export const DEFAULT_BOOT_IMAGE = 'kernelbuilder/qemu';

/** Read a boot image's id and labels from its Docker inspect data (pure); refuses an image that is not one. */
export function bootImageFromInspect(name: string, inspect: Docker.ImageInspectInfo): BootImageInfo {
  const labels = inspect.Config?.Labels ?? {};
  if (labels[ImageLabel.role] !== 'boot') {
    throw new DockerError(
      `image ${name} is not a boot image: it lacks the label ${ImageLabel.role}=boot that images/qemu carries; ` +
        `build that one with 'kernelbuilder images build --only ${DEFAULT_BOOT_IMAGE}'`,
    );
  }
  return { name, id: inspect.Id, boots: (labels[ImageLabel.boots] ?? '').split(/\s+/).filter(Boolean) };
}

/** Inspect the boot image, which must be present; a missing one gets the command that builds it. */
export async function inspectBootImage(docker: Pick<Docker, 'getImage'>, name = DEFAULT_BOOT_IMAGE): Promise<BootImageInfo> {
  let inspect: Docker.ImageInspectInfo | undefined;
  try {
    inspect = await docker.getImage(name).inspect();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) throw new DockerError(`could not inspect boot image ${name}: ${(e as Error).message}`);
  }
  if (!inspect || !isNamed(inspect, name)) {
    throw new DockerError(`boot image ${name} is not present on this Docker engine; build it with 'kernelbuilder images build --only ${DEFAULT_BOOT_IMAGE}'`);
  }
  return bootImageFromInspect(name, inspect);
}

/** Whether the boot image can boot a machine: a skip reason when it cannot, else undefined. */
export function bootImageLacks(image: BootImageInfo, machine: Machine): string | undefined {
  if (image.boots.includes(machine.name)) return undefined;
  return `boot image ${image.name} cannot boot ${machine.name}: it boots ${image.boots.join(' ') || 'nothing'} (label ${ImageLabel.boots})`;
}
