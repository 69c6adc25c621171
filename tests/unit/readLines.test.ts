import { Readable } from 'node:stream';
import { readLines, type StreamLine } from '../../src/ingest/sources/readLines.js';

async function lines(chunks: (Buffer | string)[], maxBytes = 50): Promise<StreamLine[]> {
  const out: StreamLine[] = [];
  for await (const line of readLines(Readable.from(chunks), maxBytes)) out.push(line);
  return out;
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

describe('readLines', () => {
  it('splits on \\n, \\r\\n and \\r, keeping blank lines and a last line without a break', async () => {
    expect(await lines([Buffer.from('one\r\ntwo\rthree\n\nfour')])).toEqual([
      { number: 1, text: 'one' },
      { number: 2, text: 'two' },
      { number: 3, text: 'three' },
      { number: 4, text: '' },
      { number: 5, text: 'four' },
    ]);
  });

  it('joins lines split across chunks, "\\r\\n" included, and removes a UTF-8 byte order mark split over two chunks', async () => {
    expect(
      await lines([Buffer.from([0xef, 0xbb]), Buffer.from([0xbf]), Buffer.from('ab'), Buffer.from('c\r'), Buffer.from('\nd\u00e9'), Buffer.from('f\n')]),
    ).toEqual([
      { number: 1, text: 'abc' },
      { number: 2, text: 'déf' },
    ]);
  });

  it('reports a line over the limit with its number and size, without holding it, and reads on', async () => {
    const long = 'x'.repeat(30);
    expect(await lines([Buffer.from(`short\n${long}`), Buffer.from(`${long}\nafter\n`)], 50)).toEqual([
      { number: 1, text: 'short' },
      { number: 2, tooLong: true, bytes: 60 },
      { number: 3, text: 'after' },
    ]);
    // The limit counts bytes: 20 "é" are 40 bytes of UTF-8.
    expect(await lines([Buffer.from(`${'é'.repeat(20)}\n${'é'.repeat(26)}`)], 50)).toEqual([
      { number: 1, text: 'é'.repeat(20) },
      { number: 2, tooLong: true, bytes: 52 },
    ]);
  });

  it('decodes UTF-16 little and big endian streams that start with a byte order mark', async () => {
    const expected = [
      { number: 1, text: '{"title":"Café"}' },
      { number: 2, text: 'naïve' },
    ];
    expect(await lines([utf16le('{"title":"Café"}\r\nnaïve\n')])).toEqual(expected);
    const be = utf16be('{"title":"Café"}\r\nnaïve\n');
    expect(await lines([be.subarray(0, 5), be.subarray(5)])).toEqual(expected);
  });

  it('takes string chunks as text, and replaces bytes that are not UTF-8', async () => {
    expect(await lines(['\uFEFFa\nb', 'c\n'])).toEqual([
      { number: 1, text: 'a' },
      { number: 2, text: 'bc' },
    ]);
    expect(await lines([Buffer.from([0x61, 0xff, 0x62, 0x0a])])).toEqual([{ number: 1, text: 'a\uFFFDb' }]);
  });
});
