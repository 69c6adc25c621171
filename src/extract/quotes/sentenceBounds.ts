/**
 * Cheap sentence-boundary probes that look only at the characters near a position, so each
 * quote costs a bounded amount of work however long the article is.
 */
import { ABBREVIATIONS } from './lexicon.js';

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

function isUpperStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 0x201c || c === 34 || c === 0x2018 || c === 39 || (c >= 0xc0 && c <= 0xde);
}

/** True when the full stop (or ! ?) at i ends a sentence rather than an abbreviation or initial. */
function endsSentenceAt(text: string, i: number, limitEnd: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 46 && c !== 33 && c !== 63) return false;
  let j = i + 1;
  // Closing quotes and brackets may follow the stop: `...win.” Next` or `(sic.) Next`.
  while (j < limitEnd) {
    const d = text.charCodeAt(j);
    if (d === 0x201d || d === 34 || d === 0x2019 || d === 39 || d === 41) j++;
    else break;
  }
  if (j < limitEnd && !isSpace(text.charCodeAt(j))) return false;
  while (j < limitEnd && isSpace(text.charCodeAt(j))) j++;
  if (j < limitEnd && !isUpperStart(text.charCodeAt(j))) return false;
  if (c !== 46) return true;
  // Look at the word before the stop: abbreviations and single-letter initials do not end sentences.
  let k = i - 1;
  while (k >= 0 && k > i - 12) {
    const d = text.charCodeAt(k);
    if (isSpace(d) || d === 40 || d === 0x201c || d === 34) break;
    k--;
  }
  const word = text.slice(k + 1, i).toLowerCase();
  if (word.length === 1 && /[a-z]/.test(word)) return false;
  return !ABBREVIATIONS.has(word.replace(/[^a-z.]/g, ''));
}

/** Start of the sentence containing pos, searching back no further than limit. */
export function sentenceStart(text: string, pos: number, limit: number, limitEnd: number): number {
  for (let i = pos - 1; i >= limit; i--) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63) && endsSentenceAt(text, i, limitEnd)) {
      let j = i + 1;
      while (j < pos && !isSpace(text.charCodeAt(j))) j++;
      return j;
    }
  }
  return limit;
}

/** End (exclusive, after the stop) of the sentence containing pos, searching up to limit. */
export function sentenceEnd(text: string, pos: number, limit: number): number {
  for (let i = pos; i < limit; i++) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63) && endsSentenceAt(text, i, limit)) return i + 1;
  }
  return limit;
}
