/** Separator between the headline and paragraphs in the stored article text. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * The text that stored offsets index: the headline, then each paragraph, separated by blank
 * lines. Paragraph 0 is the headline; body paragraphs are numbered from 1.
 */
export function articleText(title: string, paragraphs: readonly string[]): string {
  return [title, ...paragraphs].join(PARAGRAPH_SEPARATOR);
}

/** Start offset of each segment (headline first) in `articleText(title, paragraphs)`. */
export function segmentStarts(title: string, paragraphs: readonly string[]): number[] {
  const starts: number[] = [0];
  let at = title.length;
  for (const paragraph of paragraphs) {
    at += PARAGRAPH_SEPARATOR.length;
    starts.push(at);
    at += paragraph.length;
  }
  return starts;
}
