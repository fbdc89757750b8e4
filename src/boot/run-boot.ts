import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { KernelbuilderError } from '../errors.ts';
import { type LineSink, runContainer } from '../container/run.ts';
import { BOOT_START, type BootRequest, INITRAMFS_FILE, bootSpec } from './boot-spec.ts';

/** How one boot ended. The verdict comes from the console, not from here. */
export interface BootRun {
  /** QEMU's exit code: 0 after a power-off or (-no-reboot) a reboot, 137 when it was killed. */
  exitCode: number;
  /** Killed at timeoutSeconds. */
  timedOut: boolean;
  /** Killed because the caller's signal aborted (a cancelled run), not by the timeout. */
  cancelled: boolean;
  durationSeconds: number;
}

/** What a boot is given besides its request. */
export interface BootRunOptions {
  /** Kill the boot after this long (the boot-timeout input), from the container's creation. */
  timeoutSeconds: number;
  /** Each console line (stdout: the serial console; stderr: QEMU's own messages), as it arrives. */
  onLine: LineSink;
  signal?: AbortSignal;
}

/**
 * Boot one kept kernel in its locked-down container (bootSpec), streaming the console to
 * `onLine`, and stop it at `timeoutSeconds` or when `signal` aborts: the container is killed
 * and removed either way (runContainer removes it whatever happens).
 */
export async function runBoot(docker: Docker, req: BootRequest, opts: BootRunOptions): Promise<BootRun> {
  if (!Number.isFinite(opts.timeoutSeconds) || opts.timeoutSeconds <= 0) {
    throw new KernelbuilderError(`boot timeout ${opts.timeoutSeconds}: it must be a positive number of seconds`);
  }
  const missing = [req.machine.image, ...((req.start ?? BOOT_START).initramfs ? [INITRAMFS_FILE] : [])].filter((f) => !existsSync(join(req.keptDir, f)));
  if (missing.length > 0) {
    throw new KernelbuilderError(`cannot boot ${req.machine.name} from ${req.keptDir}: it has no ${missing.join(' and no ')}`);
  }
  const started = Date.now();
  const stop = new AbortController();
  let timedOut = false;
  let cancelled = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop.abort();
  }, opts.timeoutSeconds * 1000);
  const cancel = () => {
    if (!timedOut) cancelled = true;
    stop.abort();
  };
  if (opts.signal?.aborted) cancel();
  opts.signal?.addEventListener('abort', cancel, { once: true });
  try {
    const { exitCode } = await runContainer(docker, bootSpec(req), opts.onLine, stop.signal);
    return { exitCode, timedOut, cancelled, durationSeconds: Math.round(Date.now() - started) / 1000 };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', cancel);
  }
}
