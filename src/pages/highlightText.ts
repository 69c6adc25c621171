import { escapeHtml, SafeHtml } from './html.js';

/** A span of the article text to wrap in markup: `open` before its first character, `close` after its last. */
export interface Highlight {
  start: number;
  end: number;
  open: SafeHtml;
  close: SafeHtml;
}

/** A paragraph of `Article.text`: its number (0 = the title) and its offsets. */
export interface ParagraphRange {
  index: number;
  start: number;
  end: number;
}

/** The paragraphs of an article text: the title, then the body paragraphs, separated by blank lines. */
export function paragraphRanges(text: string): ParagraphRange[] {
  const ranges: ParagraphRange[] = [];
  let start = 0;
  for (let index = 0; ; index++) {
    const gap = text.indexOf('\n\n', start);
    const end = gap === -1 ? text.length : gap;
    ranges.push({ index, start, end });
    if (gap === -1) return ranges;
    start = gap + 2;
  }
}

/**
 * The text from `from` to `to`, escaped, with every highlight that falls in it wrapped in its
 * markup. Highlights nest (a mention inside a quote, a name inside a longer name); one that
 * would cross the end of the highlight it starts in is cut there, so the markup stays well formed.
 * Highlights are clipped to the range; empty ones are dropped.
 */
export function highlightRange(text: string, from: number, to: number, highlights: readonly Highlight[]): SafeHtml {
  const inRange = highlights
    .map((h) => ({ ...h, start: Math.max(h.start, from), end: Math.min(h.end, to) }))
    .filter((h) => h.start < h.end)
    // Outer spans first: earlier start, then longer; ties keep the caller's order (its priority).
    .map((h, order) => ({ h, order }))
    .sort((a, b) => a.h.start - b.h.start || b.h.end - a.h.end || a.order - b.order)
    .map(({ h }) => h);
  let out = '';
  let at = from;
  const open: Highlight[] = [];
  const closeUpTo = (position: number): void => {
    while (open.length && open[open.length - 1]!.end <= position) {
      const top = open.pop()!;
      out += escapeHtml(text.slice(at, top.end)) + top.close.value;
      at = top.end;
    }
  };
  for (const highlight of inRange) {
    closeUpTo(highlight.start);
    const parent = open[open.length - 1];
    const end = parent ? Math.min(highlight.end, parent.end) : highlight.end;
    if (end <= highlight.start) continue;
    out += escapeHtml(text.slice(at, highlight.start)) + highlight.open.value;
    at = highlight.start;
    open.push({ ...highlight, end });
  }
  closeUpTo(to);
  out += escapeHtml(text.slice(at, to));
  return new SafeHtml(out);
}
