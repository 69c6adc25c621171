import type { NerMention } from './mention.js';

/**
 * NER reads a line break inside a paragraph as a space, but no name runs across one ("About
 * Acme Robotics" on one line, "Acme Robotics builds …" on the next): such a span is one span
 * per line.
 */
export function splitAtLineBreaks(ner: readonly NerMention[]): readonly NerMention[] {
  if (!ner.some((m) => m.text.includes('\n'))) return ner;
  return ner.flatMap((m) => {
    if (!m.text.includes('\n')) return [m];
    const parts: NerMention[] = [];
    for (const line of m.text.matchAll(/[^\n]+/g)) {
      const text = line[0].trim();
      if (!text) continue;
      const start = m.start + line.index + line[0].indexOf(text);
      parts.push({ ...m, start, end: start + text.length, text });
    }
    return parts;
  });
}
