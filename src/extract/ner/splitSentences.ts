/**
 * Abbreviation-aware sentence splitter over the tokenizer's output.
 */
import { DIGIT, SPACE, UPPER, charClass, normChar } from './charClass.js';
import { tokenize, type Token } from './tokenize.js';

/** Abbreviations that precede a name, so a capital after them never starts a sentence. */
const TITLES: ReadonlySet<string> = new Set([
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'prof.',
  'st.',
  'mt.',
  'ft.',
  'gen.',
  'lt.',
  'col.',
  'maj.',
  'capt.',
  'sgt.',
  'cpl.',
  'adm.',
  'cmdr.',
  'gov.',
  'sen.',
  'rep.',
  'rev.',
  'hon.',
  'pres.',
  'supt.',
  'insp.',
  'det.',
  'messrs.',
  'mme.',
  'mlle.',
  'no.',
  'nos.',
  'vs.',
  'p.',
  'pp.',
  'jan.',
  'feb.',
  'apr.',
  'jun.',
  'jul.',
  'aug.',
  'sep.',
  'sept.',
  'oct.',
  'nov.',
  'dec.',
]);

/** Words that typically open a sentence: after "Inc." or "U.S." they signal a boundary. */
const STARTERS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'but',
  'and',
  'in',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'its',
  'their',
  'there',
  'our',
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'if',
  'when',
  'while',
  'as',
  'at',
  'on',
  'for',
  'however',
  'meanwhile',
  'some',
  'many',
  'after',
  'before',
  'since',
  'last',
  'earlier',
]);

function isClosing(tok: string): boolean {
  if (tok.length !== 1) return false;
  const c = normChar(tok.charCodeAt(0));
  return c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x7d;
}

function isTerminal(tok: string): boolean {
  const c = tok.charCodeAt(0);
  return (
    (tok.length >= 1 && (c === 0x2e || c === 0x21 || c === 0x3f) && tok.charCodeAt(tok.length - 1) === c) ||
    c === 0x2026 ||
    (tok.length > 1 && (tok === '?!' || tok === '!?'))
  );
}

function opensSentence(tok: string): boolean {
  const k = charClass(tok.charCodeAt(0));
  if (k === UPPER || k === DIGIT) return true;
  const c = normChar(tok.charCodeAt(0));
  return c === 0x22 || c === 0x27 || c === 0x28 || c === 0x5b || c === 0x2d;
}

/** True when a blank line separates the two tokens (a paragraph break inside the range). */
function blankLineBetween(text: string, a: number, b: number): boolean {
  let newlines = 0;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) newlines++;
    else if (c !== 0x0d && charClass(c) !== SPACE) return false;
  }
  return newlines >= 2;
}

/** Splits text[start, end) into sentences; returns their spans, trimmed to the first and last token. */
export function splitSentences(text: string, start = 0, end = text.length): { start: number; end: number }[] {
  return splitTokenSentences(text, start, end).map((s) => ({ start: s[0]!.start, end: s[s.length - 1]!.end }));
}

/** Tokenizes text[start, end) and groups the tokens into sentences (one tokenizer pass). */
export function splitTokenSentences(text: string, start = 0, end = text.length): Token[][] {
  const toks: Token[] = tokenize(text, start, end);
  const out: Token[][] = [];
  let first = 0;
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    let last = i;
    let boundary = false;
    const next = toks[i + 1];
    if (next !== undefined && blankLineBetween(text, tok.end, next.start)) {
      boundary = true;
    } else if (isTerminal(tok.text)) {
      while (last + 1 < toks.length && isClosing(toks[last + 1]!.text) && toks[last + 1]!.start === toks[last]!.end) last++;
      const after = toks[last + 1];
      boundary = after === undefined || opensSentence(after.text);
      // "?" or "!" inside a quote followed by a lowercase attribution does not end the sentence.
    } else if (tok.text.length > 1 && tok.text.charCodeAt(tok.text.length - 1) === 0x2e) {
      // An abbreviation that swallowed the period: a boundary only before a typical opener.
      const lower = tok.text.toLowerCase();
      const after = toks[i + 1];
      if (after !== undefined && !TITLES.has(lower) && !(tok.text.length === 2 && charClass(tok.text.charCodeAt(0)) === UPPER)) {
        boundary = STARTERS.has(after.text.toLowerCase());
      }
    }
    if (boundary || last === toks.length - 1) {
      out.push(toks.slice(first, last + 1));
      first = last + 1;
      i = last;
    }
  }
  return out;
}
