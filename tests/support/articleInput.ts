import type { ExtractInput, Span } from '../../src/extract/types.js';

/** An extraction input from a headline and paragraphs joined by blank lines. */
export function articleInput(title: string, paragraphs: string[], editorTags: string[] = []): ExtractInput {
  const text = [title, ...paragraphs].join('\n\n');
  const spans: Span[] = [];
  let at = title.length + 2;
  for (const p of paragraphs) {
    spans.push({ start: at, end: at + p.length, text: p });
    at += p.length + 2;
  }
  return { text, title: { start: 0, end: title.length, text: title }, paragraphs: spans, editorTags };
}
