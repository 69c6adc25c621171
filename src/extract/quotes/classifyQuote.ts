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

/** Every word capitalised but for short function words, and at most `maxWords` words. */
function isTitleCased(content: string, maxWords: number): boolean {
  const words = content
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w !== '');
  if (words.length === 0 || words.length > maxWords) return false;
  if (/[.!?]\s+\S/.test(content.trim())) return false;
  let capitals = 0;
  for (const w of words) {
    const c = w[0]!;
    if (c !== c.toLowerCase() || /[0-9]/.test(c)) capitals++;
    else if (!TITLE_FUNCTION_WORDS.has(w.toLowerCase())) return false;
  }
  // A title may open with a number ("24 Hours in Port", "1984").
  const first = words[0]![0]!;
  return capitals > 0 && (first !== first.toLowerCase() || /[0-9]/.test(first)) && !(words.length === 1 && words[0] === 'I');
}

/**
 * True when the quoted words end without punctuation of their own, as a name or a noun's
 * modifier does ("the “Vote Now” ads"); a remark ends in a comma or a full stop ("“Vote now,”
 * the ad says").
 */
export function isBare(content: string): boolean {
  return !/[.,!?…:;]['’]?$/.test(content);
}

/** True when the words just before the quote name it ("a film titled", "the show called"). */
export function isNamedThing(before: readonly Token[]): boolean {
  const last = before[before.length - 1];
  if (last === undefined) return false;
  return (last.lower === 'titled' || last.lower === 'entitled') && before.length > 1;
}
