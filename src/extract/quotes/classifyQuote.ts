/** Decides whether a quote is a whole sentence (DIRECT) or a fragment of the writer's (PARTIAL). */
import { CUE_WORDS, NAMING_WORDS, TITLE_FUNCTION_WORDS } from './lexicon.js';
import type { Token } from './tokenize.js';

function startsUpper(s: string): boolean {
  const c = s.replace(/^[\s([“"‘'….]+/, '')[0] ?? '';
  return c !== '' && (c !== c.toLowerCase() || /[0-9]/.test(c));
}

/**
 * DIRECT when the quote starts a sentence: it begins upper case right after a sentence break,
 * a colon, a comma or dash, or a speech verb ("he said “We…”"). `before` are the writer's tokens
 * between the sentence start and the opening mark.
 */
export function quoteKind(content: string, before: readonly Token[], continues: boolean): 'DIRECT' | 'PARTIAL' {
  if (continues) return 'DIRECT';
  if (!startsUpper(content)) return 'PARTIAL';
  const last = before[before.length - 1];
  if (last === undefined) return 'DIRECT';
  if (last.text === ':' || last.text === ',' || last.text === '—' || last.text === '–' || last.text === '-' || last.text === ';') return 'DIRECT';
  if (last.word && CUE_WORDS.has(last.lower) && !NAMING_WORDS.has(last.lower)) return 'DIRECT';
  return 'PARTIAL';
}

/** "Face the Nation", "Morning Joe", "Bobby", "60 Minutes": short title-cased stretches are names, not speech. */
export function isTitleLike(content: string): boolean {
  // A title with a subtitle ("Long Road: A Life in Ports and Harbours of the North") is a short
  // title and a longer title-cased phrase.
  const colon = content.indexOf(': ');
  if (colon > 0) return isTitleCased(content.slice(0, colon), MAX_TITLE_WORDS) && isTitleCased(content.slice(colon + 2), MAX_SUBTITLE_WORDS);
  return isTitleCased(content, MAX_TITLE_WORDS);
}

const MAX_TITLE_WORDS = 7;
const MAX_SUBTITLE_WORDS = 12;

/**
 * A word of a title: a run of non-space characters stripped of the punctuation around it (a run
 * with no letter or digit is no word). Read one at a time, so that a long quote stops at its
 * first lower-case word instead of being split whole.
 */
const TITLE_WORD = /[\p{L}\p{N}](?:\S*[\p{L}\p{N}])?/gu;

/** Every word capitalised but for short function words, and at most `maxWords` words. */
function isTitleCased(content: string, maxWords: number): boolean {
  let words = 0;
  let capitals = 0;
  let firstWord = '';
  TITLE_WORD.lastIndex = 0;
  for (let m = TITLE_WORD.exec(content); m !== null; m = TITLE_WORD.exec(content)) {
    const w = m[0];
    if (++words > maxWords) return false;
    if (words === 1) firstWord = w;
    const c = w[0]!;
    if (c !== c.toLowerCase() || /[0-9]/.test(c)) capitals++;
    else if (!TITLE_FUNCTION_WORDS.has(w.toLowerCase())) return false;
  }
  if (words === 0 || /[.!?]\s+\S/.test(content)) return false;
  // A title may open with a number ("24 Hours in Port", "1984").
  const first = firstWord[0]!;
  return capitals > 0 && (first !== first.toLowerCase() || /[0-9]/.test(first)) && !(words === 1 && firstWord === 'I');
}

/**
 * True when the quoted words end without punctuation of their own, as a name or a noun's
 * modifier does ("the “Vote Now” ads"); a remark ends in a comma or a full stop ("“Vote now,”
 * the ad says").
 */
export function isBare(content: string): boolean {
  // Read from the end: a regex anchored at the end is tried at every offset of a long quote.
  return !isClosingPunctuation(content.charCodeAt(lastBeforeApostrophe(content)));
}

/** Offset of the last character, or of the one before it when the last is an apostrophe ('’). */
export function lastBeforeApostrophe(content: string): number {
  const last = content.length - 1;
  const c = content.charCodeAt(last);
  return c === 39 || c === 0x2019 ? last - 1 : last;
}

/** . , ! ? … : ; — the marks that end a remark (or a part of one). */
export function isClosingPunctuation(c: number): boolean {
  return c === 46 || c === 44 || c === 33 || c === 63 || c === 0x2026 || c === 58 || c === 59;
}

/** True when the words just before the quote name it ("a film titled", "the show called"). */
export function isNamedThing(before: readonly Token[]): boolean {
  const last = before[before.length - 1];
  if (last === undefined) return false;
  return (last.lower === 'titled' || last.lower === 'entitled') && before.length > 1;
}
