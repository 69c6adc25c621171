/** A word of the article with its offsets. */
export interface Word {
  start: number;
  end: number;
  text: string;
  /** First word of a sentence (or of a headline/paragraph), where capitals prove nothing. */
  sentenceStart: boolean;
  /** Index of the segment (headline = 0 when it is passed first) the word lies in. */
  segment: number;
}

/** Letters/digits, with inner hyphens, apostrophes, dots and ampersands ("Nato-Russia", "U.S", "AT&T"). */
const WORD = /[\p{L}\p{N}]+(?:[-‐’'.&][\p{L}\p{N}]+)*/gu;
/** True when text[from, to) holds a character that ends a sentence or opens a quotation: . ! ? : ; “ " ( or a newline. */
function hasBoundary(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b || c === 0x201c || c === 0x22 || c === 0x28 || c === 0x0a) return true;
  }
  return false;
}

/** Splits the segments of a text into words, marking sentence starts. One linear pass. */
export function scanWords(text: string, segments: readonly { start: number; end: number }[]): Word[] {
  const out: Word[] = [];
  segments.forEach((segment, index) => {
    WORD.lastIndex = segment.start;
    let prevEnd = -1;
    for (let m = WORD.exec(text); m && m.index < segment.end; m = WORD.exec(text)) {
      const end = Math.min(m.index + m[0].length, segment.end);
      out.push({
        start: m.index,
        end,
        text: text.slice(m.index, end),
        sentenceStart: prevEnd < 0 || hasBoundary(text, prevEnd, m.index),
        segment: index,
      });
      prevEnd = end;
    }
  });
  return out;
}

/** Words `a` and `b` are neighbours in one segment with only spaces (or tabs) between them. */
export function glued(text: string, a: Word, b: Word): boolean {
  return a.segment === b.segment && /^[ \t]+$/.test(text.slice(a.end, b.start));
}

/** As `glued`, and `b` opens no sentence: the two may be words of one name. */
export function gluedInSentence(text: string, a: Word, b: Word): boolean {
  return !b.sentenceStart && glued(text, a, b);
}

/** True for a word starting with an upper-case letter. */
export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = word[0]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Removes a trailing possessive ("Russia’s" → "Russia"). */
export function stripPossessive(word: string): string {
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== 0x73) return word;
  const c = word.charCodeAt(n - 2);
  return c === 0x2019 || c === 0x27 ? word.slice(0, n - 2) : word;
}
