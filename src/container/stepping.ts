import { createWriteStream } from 'node:fs';
import type Docker from 'dockerode';
import { KernelbuilderError, DockerError } from '../errors.ts';
import { type Log } from '../log.ts';
import { withLogsMount } from './spec.ts';
import { removeLeftovers } from './cleanup.ts';
import { watchLogsFolder } from './logs-watch.ts';
import { dockerEndpoint } from './docker.ts';
import { makeStaging, removeStaging } from '../gate/staging.ts';
import { execIn } from './exec.ts';

/** What a stepping container reaches outside itself through. */
export interface SteppingDeps {
  docker: Docker;
  log: Pick<Log, 'info'>;
  uid: number;
  signal?: AbortSignal;
  /** When it aborts, the container is killed and the steps stop: stoppedBy() says 'timeout'. */
  deadline?: AbortSignal;
}

/** A running container of bisect.sh serve, stepped by the host one command at a time. */
export interface SteppingContainer {
  /** The folder the container writes (its /logs): each step's files reach the run's folder from here through the gate. */
  staging: string;
  /** Run bisect.sh with these arguments; its output goes to the run's driver.log. Throws once the run is stopped. */
  driver(...args: string[]): Promise<{ code: number; text: string }>;
  /** Why the run was stopped (cancelled, timeout, past logs-limit), if it was. */
  stoppedBy(): string | undefined;
  /** Aborts with the run: for a boot's own container. */
  bootSignal?: AbortSignal;
  /** Remove the container and its staging folder, end driver.log. */
  close(): Promise<void>;
}

/**
 * Start the one container of a bisect or a series: `bisect.sh serve` (the spec says so),
 * /logs a staging folder only it writes, leftovers of crashed runs removed first. It is
 * killed on cancel, past the deadline, or when its folder passes `logsLimit`; what stopped
 * it is kept, and every later driver call throws with it. `what` names the run in errors.
 */
export async function startSteppingContainer(args: {
  what: 'bisect' | 'series';
  dir: string;
  driverLog: string;
  spec: Docker.ContainerCreateOptions;
  buildUser: { uid: number; gid: number };
  logsLimit: number;
  driverPath: string;
  deps: SteppingDeps;
}): Promise<SteppingContainer> {
  const { deps, what } = args;
  for (const id of await removeLeftovers(deps.docker)) deps.log.info(`removed container ${id.slice(0, 12)} left by an earlier run`);
  const driverLog = createWriteStream(args.driverLog);
  const staging = makeStaging(args.dir, args.buildUser.uid !== deps.uid ? args.buildUser : undefined);
  const container = await deps.docker.createContainer(withLogsMount(args.spec, staging)).catch((e: unknown) => {
    removeStaging(staging);
    driverLog.end();
    throw e;
  });
  let stopped: string | undefined;
  const stop = (why: string) => {
    stopped ??= why;
    void container.kill().catch(() => undefined);
  };
  const onCancel = () => stop('cancelled');
  const onDeadline = () => stop('timeout');
  deps.signal?.addEventListener('abort', onCancel, { once: true });
  deps.deadline?.addEventListener('abort', onDeadline, { once: true });
  const stopWatching = watchLogsFolder(staging, args.logsLimit, (use) => stop(`its folder holds ${use.bytes} bytes, past logs-limit`));
  const close = async () => {
    stopWatching();
    deps.signal?.removeEventListener('abort', onCancel);
    deps.deadline?.removeEventListener('abort', onDeadline);
    await container.remove({ force: true, v: true }).catch(() => undefined);
    await new Promise((resolve) => driverLog.end(resolve));
    removeStaging(staging);
  };
  try {
    await container.start();
  } catch (e) {
    await close();
    throw e;
  }
  if (deps.signal?.aborted) onCancel();
  if (deps.deadline?.aborted) onDeadline();
  const bootSignal = deps.signal && deps.deadline ? AbortSignal.any([deps.signal, deps.deadline]) : (deps.signal ?? deps.deadline);
  const driver = async (...cmd: string[]) => {
    const lines: string[] = [];
    const code = await execIn(container, [args.driverPath, ...cmd], (line) => {
      lines.push(line);
      driverLog.write(`${line}\n`);
    }).catch((e: Error) => {
      throw stopped ? new KernelbuilderError(`the ${what} was stopped: ${stopped}`) : new DockerError(`the Docker engine at ${dockerEndpoint()} failed mid-${what} (${e.message})`);
    });
    if (stopped) throw new KernelbuilderError(`the ${what} was stopped: ${stopped}`);
    return { code, text: lines.join('\n') };
  };
  return { staging, driver, stoppedBy: () => stopped, ...(bootSignal ? { bootSignal } : {}), close };
}
