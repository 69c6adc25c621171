import { TextDecoder } from 'node:util';
import { textEncodingOf, type TextEncoding } from '../textEncoding.js';

/** A line of a stream (1-based `number`), or, for a line longer than the limit, its number and length so far. */
export type StreamLine = { number: number; text: string } | { number: number; tooLong: true; bytes: number };

/**
 * Splits a stream into lines (ended by "\n", "\r\n" or "\r") without ever holding more than
 * `maxBytes` of one line: a longer one is skipped to its end and reported as `tooLong`, so a
 * huge line costs no memory. Bytes are decoded as UTF-8 (a BOM removed, invalid bytes
 * replaced by "\uFFFD"), or as UTF-16 when a byte order mark says so; a line's size is
 * counted in bytes of its encoding. String chunks are taken as decoded text.
 */
export async function* readLines(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<StreamLine> {
  let decoder: TextDecoder | null = null;
  let unit = 1;
  let head: Buffer | null = null;
  let parts: string[] = [];
  let bytes = 0;
  let tooLong = false;
  let number = 0;
  let afterCR = false;
  let first = true;

  const size = (piece: string) => (unit === 1 ? Buffer.byteLength(piece) : piece.length * unit);

  /** Adds decoded text, yielding every line it completes. */
  function* take(text: string): Generator<StreamLine> {
    if (first && text.length) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let at = afterCR && text.startsWith('\n') ? 1 : 0;
    if (text.length) afterCR = false;
    // Where the next "\n" and "\r" are, each searched again only once passed.
    let n = -2;
    let r = -2;
    while (at < text.length) {
      if (n !== -1 && n < at) n = text.indexOf('\n', at);
      if (r !== -1 && r < at) r = text.indexOf('\r', at);
      const end = r < 0 ? n : n < 0 ? r : Math.min(n, r);
      const piece = text.slice(at, end < 0 ? text.length : end);
      bytes += size(piece);
      if (!tooLong && bytes > maxBytes) {
        tooLong = true;
        parts = [];
      }
      if (!tooLong) parts.push(piece);
      if (end < 0) return;
      number++;
      yield tooLong ? { number, tooLong: true, bytes } : { number, text: parts.length === 1 ? parts[0]! : parts.join('') };
      parts = [];
      bytes = 0;
      tooLong = false;
      at = end + 1;
      if (text[end] === '\r') {
        // "\r\n" is one line break, even across two chunks.
        if (at === text.length) afterCR = true;
        else if (text[at] === '\n') at++;
      }
    }
  }

  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      yield* take(chunk);
      continue;
    }
    if (!decoder) {
      // The byte order mark needs the first three bytes, which a tiny first chunk may not hold.
      head = head ? Buffer.concat([head, chunk]) : chunk;
      if (head.length < 3) continue;
      ({ decoder, unit } = decoderFor(head));
      yield* take(decoder.decode(head, { stream: true }));
      head = null;
      continue;
    }
    yield* take(decoder.decode(chunk, { stream: true }));
  }
  if (head) ({ decoder, unit } = decoderFor(head));
  if (decoder) yield* take(decoder.decode(head ?? undefined));
  if (parts.length || tooLong) {
    number++;
    yield tooLong ? { number, tooLong: true, bytes } : { number, text: parts.join('') };
  }
}

function decoderFor(head: Buffer): { decoder: TextDecoder; unit: number } {
  const encoding: TextEncoding = textEncodingOf(head).encoding;
  // The decoder removes the byte order mark itself.
  return { decoder: new TextDecoder(encoding), unit: encoding === 'utf-8' ? 1 : 2 };
}
