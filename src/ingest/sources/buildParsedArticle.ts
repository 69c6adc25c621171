import { PARAGRAPH_SEPARATOR } from '../articleText.js';
import type { Span } from '../../extract/types.js';
import type { ParsedArticle } from '../parseArticle.js';

/**
 * Builds a ParsedArticle from a headline and paragraphs that came as separate values (JSON Lines
 * fields, cleaned Markdown blocks): `text` is the headline and paragraphs joined by blank lines,
 * exactly the stored article text, so every span indexes it.
 */
export function buildParsedArticle(format: ParsedArticle['format'], title: string, paragraphs: readonly string[], editorTags: string[]): ParsedArticle {
  const text = [title, ...paragraphs].join(PARAGRAPH_SEPARATOR);
  const titleSpan: Span = { start: 0, end: title.length, text: title };
  const spans: Span[] = [];
  let at = title.length;
  for (const paragraph of paragraphs) {
    at += PARAGRAPH_SEPARATOR.length;
    spans.push({ start: at, end: at + paragraph.length, text: paragraph });
    at += paragraph.length;
  }
  return { format, text, title: titleSpan, paragraphs: spans, editorTags, pathLine: null };
}

/** Splits a body on blank lines into trimmed paragraphs, dropping empty ones. */
export function splitParagraphs(body: string): string[] {
  return body
    .split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/)
    .map((p) => p.replace(/\r\n?/g, '\n').trim())
    .filter((p) => p !== '');
}
