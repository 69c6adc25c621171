import { articleSegments, articleText } from '../../content/articleText.js';
import type { Span } from '../../extract/types.js';
import type { ParsedArticle } from '../parseArticle.js';

/**
 * Builds a ParsedArticle from a headline and paragraphs that came as separate values (JSON Lines
 * fields, cleaned Markdown blocks): `text` is exactly the stored article text, so every span
 * indexes it.
 */
export function buildParsedArticle(format: ParsedArticle['format'], title: string, paragraphs: readonly string[], editorTags: string[]): ParsedArticle {
  const text = articleText(title, paragraphs);
  const [titleSpan, ...spans]: Span[] = articleSegments(title, paragraphs).map(({ start, end }) => ({ start, end, text: text.slice(start, end) }));
  return { format, text, title: titleSpan!, paragraphs: spans, editorTags, pathLine: null };
}

/** Splits a body on blank lines into trimmed paragraphs, dropping empty ones. */
export function splitParagraphs(body: string): string[] {
  return body
    .split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/)
    .map((p) => p.replace(/\r\n?/g, '\n').trim())
    .filter((p) => p !== '');
}
