import Docker from 'dockerode';
import { DockerError } from '../errors.ts';

/** Where dockerode will connect, for error messages: DOCKER_HOST or the default socket. */
export function dockerEndpoint(): string {
  return process.env.DOCKER_HOST ? `DOCKER_HOST=${process.env.DOCKER_HOST}` : 'the default socket /var/run/docker.sock (DOCKER_HOST is not set)';
}

/** Connect to the Docker engine and check that it answers. */
export async function connectDocker(): Promise<Docker> {
  const docker = new Docker();
  try {
    await docker.ping();
  } catch (e) {
    throw new DockerError(`the Docker engine does not answer at ${dockerEndpoint()}: ${(e as Error).message}`);
  }
  return docker;
}
