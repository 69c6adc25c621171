/** The encodings an article may come in: UTF-8 (with or without a byte order mark), or UTF-16 with one. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The encoding a file's first bytes announce with a byte order mark (UTF-8 when there is none),
 * and the mark's length. Without a mark UTF-16 cannot be told from binary data, and Windows
 * tools that write UTF-16 ("Unicode" in Notepad, PowerShell's default) always write one.
 */
export function textEncodingOf(head: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}
