import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { demuxDockerStream } from '../../src/container/demux.ts';

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

test('demux splits frames even when chunks cut headers and payloads', async () => {
  const all = Buffer.concat([frame(1, 'out one\n'), frame(2, 'err\n'), frame(1, 'out two\n')]);
  const chunks = [all.subarray(0, 3), all.subarray(3, 13), all.subarray(13, 30), all.subarray(30)];
  const got: string[] = [];
  for await (const { stream, data } of demuxDockerStream(Readable.from(chunks))) got.push(`${stream}:${data}`);
  assert.equal(got.join(''), 'stdout:out one\nstderr:err\nstdout:out two\n');
});
