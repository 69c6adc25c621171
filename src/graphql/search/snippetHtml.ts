/** Marks PostgreSQL's ts_headline puts around matches; control characters never appear in stories. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Turns a ts_headline result into safe HTML: the story text is escaped (it may contain `<`),
 * then the match marks become `<b>…</b>`. Highlighting with `<b>` directly in SQL would mix
 * markup with unescaped text.
 */
export function snippetHtml(headline: string): string {
  return headline
    .replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
    .replaceAll(MATCH_START, '<b>')
    .replaceAll(MATCH_END, '</b>');
}
