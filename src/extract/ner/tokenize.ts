/**
 * A news tokenizer whose output resembles the Penn-style tokens of CoNLL-2003, so that the
 * tagger sees at run time what it saw in training: possessive 's and n't are split off, quotes
 * and dashes are tokens of their own, hyphenated words, numbers and abbreviations stay whole.
 * Offsets are UTF-16 indices into the original string.
 */
import { DIGIT, PUNCT, SPACE, UPPER, charClass, isApostrophe, isJoiningHyphen, isWordClass, lowerChar } from './charClass.js';

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations that keep their final period (lowercased, without the period). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'ft',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'cpl',
  'adm',
  'cmdr',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'pres',
  'supt',
  'insp',
  'det',
  'inc',
  'corp',
  'ltd',
  'co',
  'bros',
  'messrs',
  'mme',
  'mlle',
  'esq',
  'jan',
  'feb',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'vs',
  'etc',
  'approx',
  'dept',
  'ave',
  'blvd',
  'univ',
  'assn',
  'cf',
  'calif',
  'fla',
]);

/** Abbreviations that are also words at a sentence end: kept only before a digit ("No. 10"). */
const BEFORE_DIGIT_ONLY: ReadonlySet<string> = new Set(['no', 'nos', 'p', 'pp', 'art', 'vol']);

const CLITICS: ReadonlySet<string> = new Set(['s', 're', 've', 'll', 'd', 'm']);

function classAt(text: string, i: number, end: number): number {
  return i < end ? charClass(text.charCodeAt(i)) : SPACE;
}

function isLetterClass(k: number): boolean {
  return k < DIGIT;
}

/** Length of a clitic ('s 're 've 'll 'd 'm) starting at an apostrophe at i, or 0. */
function cliticLength(text: string, i: number, end: number): number {
  let m = i + 1;
  while (m < end && m - i <= 3 && isLetterClass(charClass(text.charCodeAt(m)))) m++;
  if (m === i + 1 || isWordClass(classAt(text, m, end))) return 0;
  let s = '';
  for (let k = i + 1; k < m; k++) s += String.fromCharCode(lowerChar(text.charCodeAt(k)));
  return CLITICS.has(s) ? m - i : 0;
}

/** True when text[i, j) is a dotted initialism without its last period ("U.S", "p.m"). */
function isDottedRun(text: string, i: number, j: number): boolean {
  if ((j - i) % 2 === 0) return false;
  for (let k = i; k < j; k++) {
    const c = text.charCodeAt(k);
    if ((k - i) % 2 === 1 ? c !== 0x2e : !isLetterClass(charClass(c))) return false;
  }
  return true;
}

function scanWord(text: string, i: number, end: number): number {
  // "n't" as in PTB: "don't" -> "do" + "n't".
  const c0 = text.charCodeAt(i);
  if (
    (c0 === 0x6e || c0 === 0x4e) &&
    i + 2 < end &&
    isApostrophe(text.charCodeAt(i + 1)) &&
    (text.charCodeAt(i + 2) | 0x20) === 0x74 &&
    !isWordClass(classAt(text, i + 3, end))
  ) {
    return i + 3;
  }
  let j = i;
  let dotted = false;
  for (;;) {
    while (j < end && isWordClass(charClass(text.charCodeAt(j)))) j++;
    if (j >= end) break;
    const c = text.charCodeAt(j);
    const prev = charClass(text.charCodeAt(j - 1));
    const next = classAt(text, j + 1, end);
    if (isJoiningHyphen(c) && isWordClass(next)) {
      j++;
      continue;
    }
    if (c === 0x2e) {
      if (prev === DIGIT && next === DIGIT) {
        j++;
        continue;
      }
      if (isLetterClass(next) && isDottedRun(text, i, j)) {
        j++;
        dotted = true;
        continue;
      }
      break;
    }
    if ((c === 0x2c || c === 0x3a || c === 0x2f) && prev === DIGIT && next === DIGIT) {
      j++;
      continue;
    }
    if (c === 0x26 && prev === UPPER && next === UPPER) {
      j++;
      continue;
    }
    if (isApostrophe(c) && isLetterClass(next)) {
      if (cliticLength(text, j, end) > 0) break;
      // "can't": leave "n't" for the next token.
      if ((text.charCodeAt(j + 1) | 0x20) === 0x74 && !isWordClass(classAt(text, j + 2, end)) && (text.charCodeAt(j - 1) | 0x20) === 0x6e && j - 1 > i) {
        j--;
        break;
      }
      j++; // O'Neill, D'Alema
      continue;
    }
    break;
  }
  if (j < end && text.charCodeAt(j) === 0x2e && keepsPeriod(text, i, j, end, dotted)) j++;
  return j;
}

function keepsPeriod(text: string, i: number, j: number, end: number, dotted: boolean): boolean {
  if (dotted) return true;
  if (j - i === 1) return charClass(text.charCodeAt(i)) === UPPER; // initial "J."
  if (j - i > 7) return false;
  let s = '';
  for (let k = i; k < j; k++) s += String.fromCharCode(lowerChar(text.charCodeAt(k)));
  if (ABBREVIATIONS.has(s)) return true;
  if (BEFORE_DIGIT_ONLY.has(s)) {
    let k = j + 1;
    while (k < end && charClass(text.charCodeAt(k)) === SPACE) k++;
    return classAt(text, k, end) === DIGIT;
  }
  return false;
}

function scanPunct(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (isApostrophe(c)) {
    // Possessive or contraction: after a word ("Russia’s"), or after a space in pre-tokenised text.
    const len = cliticLength(text, i, end);
    if (len > 0) {
      const before = i > 0 ? charClass(text.charCodeAt(i - 1)) : SPACE;
      if (isWordClass(before) || (c !== 0x2018 && before === SPACE)) return i + len;
    }
    return i + 1;
  }
  if (c === 0x2e || c === 0x2d || c === 0x21 || c === 0x3f) {
    // Runs: "...", "--", "?!"
    let j = i + 1;
    while (j < end && text.charCodeAt(j) === c) j++;
    return j;
  }
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) return i + 2;
  return i + 1;
}

/** Splits text[start, end) into tokens with offsets into `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    const k = charClass(text.charCodeAt(i));
    if (k === SPACE) {
      i++;
      continue;
    }
    const j = k === PUNCT ? scanPunct(text, i, end) : scanWord(text, i, end);
    out.push({ text: text.slice(i, j), start: i, end: j });
    i = j;
  }
  return out;
}

/** True when the token starts with an uppercase letter. */
export function startsUpper(token: string): boolean {
  return token.length > 0 && charClass(token.charCodeAt(0)) === UPPER;
}
