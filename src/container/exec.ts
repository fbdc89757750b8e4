import type Docker from 'dockerode';
import { demuxDockerStream } from '../container/demux.ts';
import { LineSplitter } from '../parse/lines.ts';

/**
 * Run one command in a running container (docker exec, no TTY) and hand on its output
 * line by line as it arrives; resolves with its exit code. The command runs as the
 * container's user with the container's environment: the build contract holds for it.
 */
export async function execIn(container: Docker.Container, cmd: string[], onLine: (line: string) => void): Promise<number> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, AttachStdin: false, Tty: false });
  const raw = (await exec.start({ hijack: true, stdin: false })) as NodeJS.ReadableStream & AsyncIterable<Buffer>;
  const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  for await (const { stream, data } of demuxDockerStream(raw)) splitters[stream].feed(data, onLine);
  for (const s of Object.values(splitters)) for (const line of s.end()) onLine(line);
  const { ExitCode } = await exec.inspect();
  return ExitCode ?? -1;
}
