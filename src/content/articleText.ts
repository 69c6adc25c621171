/**
 * The stored article text, the one layout every offset indexes: the headline, a blank line,
 * then the paragraphs separated by blank lines. Paragraph 0 is the headline; body paragraphs
 * are numbered from 1. The import builds it, the API serves it, search highlights it and the
 * JSON-LD's `articleBody` is its body part: each of them uses this module (TypeScript or SQL).
 */

/** What separates the headline and the paragraphs. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/** Where each segment (headline first, then each paragraph) lies in the article text. */
export interface Segment {
  start: number;
  end: number;
}

/** The text that stored offsets index. */
export function articleText(title: string, paragraphs: readonly string[]): string {
  return [title, ...paragraphs].join(PARAGRAPH_SEPARATOR);
}

/** The body alone (paragraphs 1…n), as schema.org's `articleBody` wants it. */
export function articleBody(paragraphs: readonly string[]): string {
  return paragraphs.join(PARAGRAPH_SEPARATOR);
}

/** The offsets of the headline (index 0) and of each paragraph in `articleText(title, paragraphs)`. */
export function articleSegments(title: string, paragraphs: readonly string[]): Segment[] {
  const segments: Segment[] = [{ start: 0, end: title.length }];
  let at = title.length;
  for (const paragraph of paragraphs) {
    at += PARAGRAPH_SEPARATOR.length;
    segments.push({ start: at, end: at + paragraph.length });
    at += paragraph.length;
  }
  return segments;
}

/**
 * The same text as an SQL expression over a title column and a `text[]` paragraphs column,
 * e.g. `articleTextSql('a."title"', 'a."paragraphs"')`. The arguments are SQL, not values:
 * pass column references only.
 */
export function articleTextSql(title: string, paragraphs: string): string {
  return `array_to_string(ARRAY[${title}] || ${paragraphs}, ${SEPARATOR_SQL})`;
}

/** The separator as an SQL string literal (a standard literal may hold newlines). */
const SEPARATOR_SQL = `'${PARAGRAPH_SEPARATOR.replace(/'/g, "''")}'`;
