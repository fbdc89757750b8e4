/**
 * Longest line handed on, in UTF-16 code units (bytes for ASCII logs). Longer lines are cut
 * and the rest up to the newline dropped, so one runaway line cannot exhaust memory.
 */
export const MAX_LINE_LENGTH = 64 * 1024;

// Bytes decoded at a time. V8 allocates strings over 128 KiB (64 Ki two-byte characters)
// outside its young generation, which made decoding 256 KiB chunks 50 times slower.
const DECODE_SLICE = 32 * 1024;

/** The length of the start of `bytes` that ends with a whole UTF-8 character. */
function wholeCharacters(bytes: Buffer): number {
  const n = bytes.length;
  // The last character's lead byte is at most 3 bytes from the end.
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const b = bytes[i];
    if (b < 0x80) return n;
    if (b >= 0xc0) return n - i >= (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) ? n : i;
  }
  return n;
}

/**
 * Splits a stream of chunks into lines, keeping only the unfinished last line between
 * chunks. Accepts "\n" and "\r\n" endings; decodes UTF-8 split across chunk boundaries.
 */
export class LineSplitter {
  /** The first bytes of a character that the last chunk cut. */
  private cutCharacter?: Buffer;
  private carry = '';
  /** True while the rest of an over-long line, already handed on cut, is being skipped. */
  private skipping = false;

  constructor(private readonly maxLineLength = MAX_LINE_LENGTH) {}

  /**
   * Calls `onLine` for each line this chunk completes. The way to stream: no array of the
   * chunk's lines is built (for 1 MiB chunks, building them cost more than the splitting).
   */
  feed(chunk: Buffer | Uint8Array | string, onLine: (line: string) => void): void {
    if (typeof chunk === 'string') {
      this.split(chunk, onLine);
      return;
    }
    for (let at = 0; at < chunk.length; at += DECODE_SLICE) {
      this.split(this.decode(Buffer.from(chunk.buffer, chunk.byteOffset + at, Math.min(DECODE_SLICE, chunk.length - at))), onLine);
    }
  }

  /** The lines completed by this chunk. */
  push(chunk: Buffer | Uint8Array | string): string[] {
    const lines: string[] = [];
    this.feed(chunk, (line) => lines.push(line));
    return lines;
  }

  /** The last line when the stream did not end with a newline. */
  end(): string[] {
    const rest = this.carry + (this.cutCharacter?.toString('utf8') ?? '');
    this.carry = '';
    this.cutCharacter = undefined;
    const lines: string[] = [];
    if (!this.skipping && rest !== '') this.emit(rest, (line) => lines.push(line));
    this.skipping = false;
    return lines;
  }

  // Buffer.toString rather than a StringDecoder, which cost 2 to 10 times more per byte.
  private decode(slice: Buffer): string {
    let bytes = slice;
    if (this.cutCharacter !== undefined) {
      bytes = Buffer.concat([this.cutCharacter, slice]);
      this.cutCharacter = undefined;
    }
    const whole = wholeCharacters(bytes);
    // A copy: the stream may reuse the chunk's memory.
    if (whole < bytes.length) this.cutCharacter = Buffer.from(bytes.subarray(whole));
    return bytes.toString('utf8', 0, whole);
  }

  private split(text: string, onLine: (line: string) => void): void {
    let start = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      if (this.skipping) {
        this.skipping = false;
      } else if (this.carry === '') {
        // The hot path, inlined: most lines lie within one decoded slice.
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        onLine(text.slice(start, end - start > this.maxLineLength ? start + this.maxLineLength : end));
      } else {
        this.emit(this.carry + text.slice(start, nl), onLine);
        this.carry = '';
      }
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    if (!this.skipping && start < text.length) {
      this.carry += text.slice(start);
      if (this.carry.length > this.maxLineLength) {
        onLine(this.carry.slice(0, this.maxLineLength));
        this.carry = '';
        this.skipping = true;
      }
    }
  }

  private emit(line: string, onLine: (line: string) => void): void {
    let end = line.charCodeAt(line.length - 1) === 13 ? line.length - 1 : line.length;
    if (end > this.maxLineLength) end = this.maxLineLength;
    onLine(end === line.length ? line : line.slice(0, end));
  }
}

/**
 * Reads a byte or text stream (e.g. fs.createReadStream, a container's output) as batches
 * of lines, one batch per chunk: per-line async iteration would cost more than parsing.
 */
export async function* lineBatches(
  source: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>,
  maxLineLength = MAX_LINE_LENGTH,
): AsyncGenerator<string[]> {
  const splitter = new LineSplitter(maxLineLength);
  for await (const chunk of source) {
    const lines = splitter.push(chunk);
    if (lines.length > 0) yield lines;
  }
  const last = splitter.end();
  if (last.length > 0) yield last;
}
