/**
 * Character classes and normalisation shared by the tokenizer and the feature extractor.
 * A lazily filled 64K table keeps per-character work to one array read (no regex in hot loops).
 */

export const UPPER = 1;
export const LOWER = 2;
/** Letters without case (CJK, Arabic...) and combining marks: part of words, shaped like lowercase. */
export const OTHER_LETTER = 3;
export const DIGIT = 4;
export const SPACE = 5;
export const PUNCT = 6;

const table = new Uint8Array(65536);
const lowerTable = new Uint16Array(65536);

function classify(c: number): number {
  const s = String.fromCharCode(c);
  if (/\p{Lu}|\p{Lt}/u.test(s)) return UPPER;
  if (/\p{Ll}/u.test(s)) return LOWER;
  if (/\p{L}|\p{M}/u.test(s)) return OTHER_LETTER;
  if (/\p{Nd}/u.test(s)) return DIGIT;
  if (/\s|\p{Z}/u.test(s) || c === 0xfeff || c === 0x200b) return SPACE;
  return PUNCT;
}

/** Class of a UTF-16 code unit (surrogates count as punctuation). */
export function charClass(c: number): number {
  let k = table[c]!;
  if (k === 0) {
    k = classify(c);
    table[c] = k;
  }
  return k;
}

/** True for characters that make up words: letters, combining marks, digits. */
export function isWordClass(k: number): boolean {
  return k <= DIGIT;
}

/** Lowercase of one code unit (single-unit mappings only). */
export function lowerChar(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let l = lowerTable[c]!;
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    lowerTable[c] = l;
  }
  return l;
}

/** Maps typographic variants to their ASCII form so that “ ” ’ — look like CoNLL's " ' -. */
export function normChar(c: number): number {
  if (c < 0x60) return c;
  switch (c) {
    case 0x60:
    case 0xb4:
    case 0x2018:
    case 0x2019:
    case 0x201b:
    case 0x2032:
    case 0x02bc:
      return 0x27;
    case 0xab:
    case 0xbb:
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
      return 0x22;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return 0x2d;
    default:
      return c;
  }
}

/** Apostrophe-like characters (straight and curly). */
export function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2018 || c === 0x02bc;
}

/** Hyphens that may join the parts of a word (not en/em dashes). */
export function isJoiningHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}
