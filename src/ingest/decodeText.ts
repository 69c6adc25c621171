import { AppError, ErrorCode } from '../errors.js';

export interface DecodedText {
  text: string;
  /** Human-readable notes about the decoding, e.g. a Latin-1 fallback. */
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * Decodes an article file's bytes: strips a UTF-8 BOM, falls back to Latin-1 (with a warning)
 * when the bytes are not valid UTF-8. Throws BINARY_FILE for data that is not text and
 * EMPTY_FILE for a file with nothing but whitespace.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (looksBinary(bytes)) {
    throw new AppError(ErrorCode.BINARY_FILE, `${file}: not a text file (it contains binary data)`, { file });
  }
  const warnings: string[] = [];
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    // Windows-1252/Latin-1 exports are common in newsroom archives; decoding them as Latin-1
    // keeps every character (C1 quotes aside) and the warning tells the editor to check.
    text = latin1.decode(bytes);
    warnings.push(`${file}: not valid UTF-8, decoded as Latin-1`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    throw new AppError(ErrorCode.EMPTY_FILE, `${file}: the file is empty`, { file });
  }
  return { text, warnings };
}

/** NUL bytes, or many control characters in the first 8 KB, mean the file is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}
