import { AppError, ErrorCode } from '../errors.js';
import type { Span } from '../extract/types.js';
import { dedupeBy } from './dedupeBy.js';

/** An article as read from a file, with offsets into the decoded text it came from. */
export interface ParsedArticle {
  format: 'seed' | 'plain' | 'jsonl' | 'markdown' | 'api';
  /** The decoded text all spans index. */
  text: string;
  title: Span;
  paragraphs: Span[];
  editorTags: string[];
  /** The seed format's path line without its leading "/", or null. */
  pathLine: string | null;
}

/** Longer first lines are body text, not a headline (every input format uses this limit). */
export const MAX_HEADLINE_LENGTH = 300;

interface Block {
  span: Span;
  /** 1-based line number of the block's first line, for error messages. */
  line: number;
}

/**
 * Parses the seed format (a "/"-prefixed path line, the headline, paragraphs separated by blank
 * lines, a "TAGS:" line) or plain news text (headline line, then paragraphs). Paragraph and
 * title spans are verbatim substrings of `text`. Throws NO_HEADLINE or NO_BODY naming the file
 * and line.
 */
export function parseArticle(text: string, file: string): ParsedArticle {
  const blocks = splitBlocks(text);
  if (blocks.length === 0) {
    throw new AppError(ErrorCode.EMPTY_FILE, `${file}: the file is empty`, { file });
  }

  let format: ParsedArticle['format'] = 'plain';
  let pathLine: string | null = null;
  let rest = blocks;
  const first = blocks[0]!;
  if (first.span.text.startsWith('/') && !first.span.text.includes('\n')) {
    format = 'seed';
    pathLine = first.span.text.slice(1).trim();
    rest = blocks.slice(1);
  }

  const editorTags: string[] = [];
  const last = rest[rest.length - 1];
  if (last) {
    const tagsAt = findTagsLine(last.span.text);
    if (tagsAt >= 0) {
      const tagsLine = last.span.text.slice(tagsAt);
      editorTags.push(...parseTags(tagsLine.slice('TAGS:'.length)));
      const kept = trimSpan(text, last.span.start, last.span.start + tagsAt);
      rest = kept ? [...rest.slice(0, -1), { span: kept, line: last.line }] : rest.slice(0, -1);
    }
  }

  const head = rest[0];
  if (!head) {
    throw new AppError(ErrorCode.NO_HEADLINE, `${file}:${(blocks[blocks.length - 1]?.line ?? 1) + 1}: no headline: expected a headline line`, {
      file,
      line: (blocks[blocks.length - 1]?.line ?? 1) + 1,
    });
  }
  // A headline is one line; if the writer put the first paragraph right under it, keep the
  // remaining lines as that paragraph rather than gluing them into the title.
  const newline = head.span.text.indexOf('\n');
  const title = newline < 0 ? head.span : trimSpan(text, head.span.start, head.span.start + newline)!;
  if (title.text.length > MAX_HEADLINE_LENGTH) {
    throw new AppError(
      ErrorCode.NO_HEADLINE,
      `${file}:${head.line}: no headline: the first line has ${title.text.length} characters (at most ${MAX_HEADLINE_LENGTH})`,
      { file, line: head.line },
    );
  }
  const paragraphs: Span[] = [];
  if (newline >= 0) {
    const tail = trimSpan(text, head.span.start + newline + 1, head.span.end);
    if (tail) paragraphs.push(tail);
  }
  for (const block of rest.slice(1)) paragraphs.push(block.span);
  if (paragraphs.length === 0) {
    throw new AppError(ErrorCode.NO_BODY, `${file}:${head.line + 1}: the article has a headline but no paragraphs`, { file, line: head.line + 1 });
  }
  return { format, text, title, paragraphs, editorTags, pathLine };
}

/** Splits editor tags on commas, dropping empty ones and duplicates (case-insensitive). */
export function parseTags(list: string): string[] {
  return cleanTags(list.split(','));
}

/** Editor tags with whitespace runs made one space, empty ones and duplicates (case-insensitive) dropped. */
export function cleanTags(tags: readonly string[]): string[] {
  return dedupeBy(
    tags.map((tag) => tag.replace(/\s+/g, ' ').trim()).filter((tag) => tag !== ''),
    (tag) => tag.toLowerCase(),
  );
}

/** Offset of a "TAGS:" line that ends the block, or -1. */
function findTagsLine(block: string): number {
  const at = block.lastIndexOf('TAGS:');
  if (at < 0 || (at > 0 && block[at - 1] !== '\n')) return -1;
  return block.indexOf('\n', at) < 0 ? at : -1;
}

/** Groups non-blank lines into blocks separated by blank lines, keeping offsets. */
function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let blockStart = -1;
  let blockLine = 0;
  let blockEnd = 0;
  let line = 0;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    line++;
    const blank = text.slice(pos, lineEnd).trim() === '';
    if (!blank) {
      if (blockStart < 0) {
        blockStart = pos;
        blockLine = line;
      }
      blockEnd = lineEnd;
    } else if (blockStart >= 0) {
      const span = trimSpan(text, blockStart, blockEnd);
      if (span) blocks.push({ span, line: blockLine });
      blockStart = -1;
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  if (blockStart >= 0) {
    const span = trimSpan(text, blockStart, blockEnd);
    if (span) blocks.push({ span, line: blockLine });
  }
  return blocks;
}

/** The span of text[start, end) without surrounding whitespace, or null if nothing is left. */
function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end, text: text.slice(start, end) } : null;
}
