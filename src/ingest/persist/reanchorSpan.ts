import { articleSegments, articleText } from '../../content/articleText.js';

/** An article's text laid out as the store keeps it: title, paragraphs, and where each segment starts. */
export interface LaidOutText {
  text: string;
  /** Segment texts: the title first, then the paragraphs. */
  segments: readonly string[];
  starts: readonly number[];
}

export function layOut(title: string, paragraphs: readonly string[]): LaidOutText {
  const segments = [title, ...paragraphs];
  return { text: articleText(title, paragraphs), segments, starts: articleSegments(title, paragraphs).map((segment) => segment.start) };
}

/**
 * Where a span of an old text stands in a new one, or null when its words are gone. A span
 * still at its place stays; otherwise its segment (title or paragraph) is looked for in the new
 * text, unchanged, and the span moves with it; otherwise the nearest occurrence of the span's
 * words in the new text wins. Editors' facts follow their words through edits this way.
 */
export function reanchorSpan(
  old: LaidOutText,
  now: LaidOutText,
  span: { start: number; end: number; text: string },
): { start: number; end: number; paragraph: number } | null {
  const segmentAt = (layout: LaidOutText, offset: number) => {
    let i = 0;
    while (i + 1 < layout.starts.length && layout.starts[i + 1]! <= offset) i++;
    return i;
  };
  if (now.text.slice(span.start, span.end) === span.text) return { ...span, paragraph: segmentAt(now, span.start) };
  const oldSegment = segmentAt(old, span.start);
  const within = span.start - old.starts[oldSegment]!;
  const segmentText = old.segments[oldSegment]!;
  // The same paragraph elsewhere (paragraphs inserted or removed before it): the span moves with it.
  const moved = now.segments.findIndex((segment) => segment === segmentText);
  if (moved >= 0) {
    const start = now.starts[moved]! + within;
    return { start, end: start + span.text.length, paragraph: moved };
  }
  // The paragraph was edited: the occurrence of the words nearest to where they were.
  let best: number | null = null;
  for (let at = now.text.indexOf(span.text); at >= 0; at = now.text.indexOf(span.text, at + 1)) {
    if (best === null || Math.abs(at - span.start) < Math.abs(best - span.start)) best = at;
  }
  if (best === null || span.text.length === 0) return null;
  return { start: best, end: best + span.text.length, paragraph: segmentAt(now, best) };
}
