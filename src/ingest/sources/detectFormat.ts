import { extname } from 'node:path';

/** How an input is read: `text` is the seed format or plain news text (parseArticle tells them apart). */
export type InputFormat = 'text' | 'markdown' | 'jsonl';

const BY_EXTENSION: Record<string, InputFormat> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** The format a file name promises, or null when its extension says nothing. */
export function formatOfName(file: string): InputFormat | null {
  return BY_EXTENSION[extname(file).toLowerCase()] ?? null;
}

/**
 * The format of text whose name said nothing, from its first non-blank line: "{" is JSON Lines,
 * "---" opens Markdown front matter, anything else (a "/" seed path line, a headline) is text.
 */
export function formatOfContent(head: string): InputFormat {
  const first =
    head
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  if (first.startsWith('{')) return 'jsonl';
  if (first === '---') return 'markdown';
  return 'text';
}
