/** Which stream of the container a chunk came from. */
export type StreamName = 'stdout' | 'stderr';

const HEADER = 8;

/**
 * Split Docker's multiplexed attach stream (Tty: false) into stdout and stderr chunks.
 * Each frame is an 8-byte header (stream type, 3 zero bytes, big-endian length) and its
 * payload. Written as an async generator so the consumer's pace holds the socket back,
 * which dockerode's demuxStream does not do, and so the end of the stream is seen.
 * https://docs.docker.com/engine/api/v1.41/#tag/Container/operation/ContainerAttach
 */
export async function* demuxDockerStream(raw: AsyncIterable<Buffer>): AsyncGenerator<{ stream: StreamName; data: Buffer }> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of raw) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= HEADER) {
      const size = pending.readUInt32BE(4);
      if (pending.length < HEADER + size) break;
      const stream: StreamName = pending[0] === 2 ? 'stderr' : 'stdout';
      yield { stream, data: pending.subarray(HEADER, HEADER + size) };
      pending = pending.subarray(HEADER + size);
    }
  }
}
