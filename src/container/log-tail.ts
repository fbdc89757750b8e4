import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { LineSplitter } from '../parse/lines.ts';

/** The most read of one log in one poll: a log growing faster is read over the next polls. */
const MAX_BYTES_PER_POLL = 1 << 20;

/** What the tail tells as the logs grow. */
export interface LogTailEvents {
  /** A target's log appeared: its build began. */
  opened(target: string): void;
  /** Lines a target's log grew by, in order, without their newline. */
  lines(target: string, lines: string[]): void;
}

interface Tailed {
  rel: string;
  fd?: number;
  offset: number;
  splitter: LineSplitter;
  /** Set once the log was refused (not a regular file of the folder) or closed: never opened again. */
  closed: boolean;
}

/**
 * Follows the targets' logs in a build's logs folder as the container writes them, for the
 * live progress and first errors. The folder is the build's to write: a log is opened only
 * as a regular file through real folders, never through a link (O_NOFOLLOW on the file, a
 * real folder on the way, and on Linux the opened file's own path checked to be the one
 * asked for, so that a folder swapped for a link between the check and the open is caught),
 * never a FIFO or device (O_NONBLOCK, then a regular file only), and read a bounded slice
 * per poll. Polled: whoever owns the clock calls `poll`.
 */
export class LogTail {
  private readonly logs = new Map<string, Tailed>();
  private readonly realDir: string;

  /** `logs`: each target's log, relative to `dir`. */
  constructor(
    private readonly dir: string,
    logs: Record<string, string>,
    private readonly events: LogTailEvents,
  ) {
    this.realDir = realpathSync(dir);
    for (const [target, rel] of Object.entries(logs)) this.logs.set(target, { rel, offset: 0, splitter: new LineSplitter(), closed: false });
  }

  /** Read what every open or newly there log grew by since the last poll. */
  poll(): void {
    for (const target of this.logs.keys()) this.read(target);
  }

  /** Read the rest of a target's log (bounded, as a poll) with its unfinished last line, and stop following it. */
  finish(target: string): void {
    const t = this.logs.get(target);
    if (!t || t.closed) return;
    this.read(target);
    const rest = t.splitter.end();
    if (rest.length > 0) this.events.lines(target, rest);
    this.close(t);
  }

  /** Bytes of a target's log read so far: every line in them has been told. */
  bytesRead(target: string): number {
    return this.logs.get(target)?.offset ?? 0;
  }

  /** Stop following every log, reading what each has left first. */
  finishAll(): void {
    for (const target of this.logs.keys()) this.finish(target);
  }

  private read(target: string): void {
    const t = this.logs.get(target)!;
    if (t.closed) return;
    if (t.fd === undefined) {
      const fd = this.open(t);
      if (fd === undefined) return;
      t.fd = fd;
      this.events.opened(target);
    }
    const size = fstatSync(t.fd).size;
    if (size <= t.offset) return;
    const buf = Buffer.alloc(Math.min(MAX_BYTES_PER_POLL, size - t.offset));
    const n = readSync(t.fd, buf, 0, buf.length, t.offset);
    t.offset += n;
    const lines = t.splitter.push(buf.subarray(0, n));
    if (lines.length > 0) this.events.lines(target, lines);
  }

  /** The log's fd, or undefined when it is not there yet; a log that is anything but a regular file of the folder is refused for good. */
  private open(t: Tailed): number | undefined {
    const parts = t.rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const st = lstatSync(join(this.dir, ...parts.slice(0, i)), { throwIfNoEntry: false });
      if (!st) return undefined;
      if (!st.isDirectory()) return this.refuse(t);
    }
    let fd: number;
    try {
      fd = openSync(join(this.dir, t.rel), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return this.refuse(t);
    }
    if (!fstatSync(fd).isFile() || !this.isOwnPath(fd, t.rel)) {
      closeSync(fd);
      return this.refuse(t);
    }
    return fd;
  }

  private isOwnPath(fd: number, rel: string): boolean {
    const link = `/proc/self/fd/${fd}`;
    if (!existsSync('/proc/self/fd')) return true;
    return readlinkSync(link) === join(this.realDir, rel);
  }

  private refuse(t: Tailed): undefined {
    t.closed = true;
    return undefined;
  }

  private close(t: Tailed): void {
    if (t.fd !== undefined) closeSync(t.fd);
    t.fd = undefined;
    t.closed = true;
  }
}
