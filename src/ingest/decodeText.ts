import { AppError, ErrorCode } from '../errors.js';
import { textEncodingOf } from './textEncoding.js';

export interface DecodedText {
  text: string;
  /** Human-readable notes about the decoding, e.g. a Latin-1 fallback. */
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * Decodes an article file's bytes: UTF-16 (little or big endian) when a byte order mark says
 * so, else UTF-8 with a BOM removed, falling back to Latin-1 (with a warning) when the bytes
 * are not valid UTF-8. Throws BINARY_FILE for data that is not text and EMPTY_FILE for a file
 * with nothing but whitespace.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const { encoding, bomLength } = textEncodingOf(bytes);
  const warnings: string[] = [];
  let text: string;
  if (encoding !== 'utf-8') {
    const body = bytes.subarray(bomLength);
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
      warnings.push(`${file}: not valid ${encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'}, what could not be read is replaced by "\uFFFD"`);
    }
    if (looksBinary(Uint16Array.from(text.slice(0, SNIFF), (c) => c.charCodeAt(0)))) throw binary(file);
  } else {
    if (looksBinary(bytes)) throw binary(file);
    try {
      text = utf8.decode(bytes);
    } catch {
      // Windows-1252/Latin-1 exports are common in newsroom archives; decoding them as Latin-1
      // keeps every character (C1 quotes aside) and the warning tells the editor to check.
      text = latin1.decode(bytes);
      warnings.push(`${file}: not valid UTF-8, decoded as Latin-1`);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  if (text.trim() === '') {
    throw new AppError(ErrorCode.EMPTY_FILE, `${file}: the file is empty`, { file });
  }
  return { text, warnings };
}

function binary(file: string): AppError {
  return new AppError(ErrorCode.BINARY_FILE, `${file}: not a text file (it contains binary data)`, { file });
}

/** How much of a file tells whether it is text. */
const SNIFF = 8192;

/** NUL characters, or many control characters in the first 8 K (bytes or UTF-16 code units), mean the file is not text. */
function looksBinary(units: Uint8Array | Uint16Array): boolean {
  const n = Math.min(units.length, SNIFF);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = units[i]!;
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}
