import type Docker from 'dockerode';
import { type StreamName, demuxDockerStream } from './demux.ts';
import { LineSplitter } from '../parse/lines.ts';

/** Receives the container's output, one line at a time, as it arrives. */
export type LineSink = (stream: StreamName, line: string) => void;

/** How long to wait for the output stream to drain once the container has exited. */
const DRAIN_MS = 10_000;

/**
 * Create, attach, start, wait for and remove one container. Output is attached before
 * start so no line is lost, demultiplexed and split into lines for `sink`. The container
 * is removed whatever happens (no AutoRemove: it races the wait and the logs). When
 * `signal` aborts, the container is killed and the run ends with its exit code.
 */
export async function runContainer(
  docker: Docker,
  spec: Docker.ContainerCreateOptions,
  sink: LineSink,
  signal?: AbortSignal,
): Promise<{ exitCode: number }> {
  const container = await docker.createContainer(spec);
  try {
    const raw = (await container.attach({ stream: true, stdout: true, stderr: true })) as NodeJS.ReadableStream & AsyncIterable<Buffer>;
    const draining = pumpLines(raw, sink);
    const exited = container.wait({ condition: 'next-exit' });
    const kill = () => void container.kill().catch(() => undefined);
    signal?.addEventListener('abort', kill, { once: true });
    try {
      await container.start();
      if (signal?.aborted) kill();
      const exitCode = await Promise.race([
        (exited as Promise<{ StatusCode: number }>).then((r) => r.StatusCode),
        draining.then(() => exitAfterOutputEnded(container, exited as Promise<{ StatusCode: number }>)),
      ]);
      await drainWithin(draining, raw, DRAIN_MS);
      return { exitCode };
    } finally {
      signal?.removeEventListener('abort', kill);
    }
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
}

/** How often to ask the engine about a container whose output ended but whose wait did not. */
const CHECK_MS = 2000;

/**
 * The output stream ends when the container exits, or when the connection to the engine
 * is lost. In the second case the pending wait may never settle, and nothing else keeps
 * the process alive: it would end silently with no result. So once the output has
 * ended, ask the engine until the container is seen stopped (its exit code), or the
 * engine does not answer (an error that says so).
 */
async function exitAfterOutputEnded(container: Docker.Container, exited: Promise<{ StatusCode: number }>): Promise<number> {
  for (;;) {
    // The timer is cleared once the race is over: a pending one would keep the process
    // alive for up to CHECK_MS after the build.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = new Promise<undefined>((r) => {
      timer = setTimeout(() => r(undefined), CHECK_MS);
    });
    const settled = await Promise.race([exited.then((r) => r.StatusCode), tick]).finally(() => clearTimeout(timer));
    if (settled !== undefined) return settled;
    let state: { Running: boolean; ExitCode: number };
    try {
      state = (await container.inspect()).State;
    } catch (e) {
      throw new Error(`lost the connection to the Docker engine: ${(e as Error).message}`);
    }
    if (!state.Running) return state.ExitCode;
  }
}

async function pumpLines(raw: AsyncIterable<Buffer>, sink: LineSink): Promise<void> {
  const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  for await (const { stream, data } of demuxDockerStream(raw)) {
    for (const line of splitters[stream].push(data)) sink(stream, line);
  }
  for (const stream of ['stdout', 'stderr'] as const) {
    for (const line of splitters[stream].end()) sink(stream, line);
  }
}

/** The attach stream normally ends with the container; never hang on one that does not. */
async function drainWithin(draining: Promise<void>, raw: NodeJS.ReadableStream, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      (raw as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      resolve();
    }, ms);
  });
  try {
    await Promise.race([draining.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
