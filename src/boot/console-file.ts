import { closeSync, constants, openSync, writeSync } from 'node:fs';

/**
 * A console log written line by line, bounded. The kept folder is the build's, but the
 * build has ended and its links were swept: the file is created anew, never followed.
 */
export class ConsoleFile {
  private readonly fd: number;
  private written = 0;
  private cut = false;

  constructor(path: string, private readonly limit: number) {
    this.fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  }

  write(line: string): void {
    if (this.cut) return;
    const bytes = Buffer.from(`${line}\n`);
    if (this.written + bytes.length > this.limit) {
      this.cut = true;
      writeSync(this.fd, `kernelbuilder: the console was cut here, past ${this.limit} bytes\n`);
      return;
    }
    writeSync(this.fd, bytes);
    this.written += bytes.length;
  }

  close(): void {
    closeSync(this.fd);
  }
}
