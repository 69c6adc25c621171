import { TOPIC_KEYWORDS } from './topicKeywords.js';

/** Most topics one article is tagged with. */
const MAX_TOPICS = 3;
/** Weighted keyword hits a topic needs (a headline word counts three times). */
const MIN_SCORE = 5;
/** A further topic needs this share of the best topic's score. */
const RELATIVE_MIN = 0.5;
const HEADLINE_WEIGHT = 3;

/** log2 of the prefix filter's size in bits (see KeywordIndex.filter). */
const FILTER_BITS = 14;

/** The keywords and stems that start like a word, by the word's prefixCode. */
interface Candidates {
  /** Keywords with that start, each with its topics. */
  exact: { keyword: string; topics: number[] }[];
  /** Stems whose first four letters are that start. */
  stems: { stem: string; topic: number }[];
}

/**
 * Topics are numbered in the order of TOPIC_KEYWORDS: a word's topics are numbers and an
 * article's scores one small array, not strings hashed into a Map for every hit.
 */
interface KeywordIndex {
  /** Topic names by number. */
  names: string[];
  /** Each topic's place among the names in `localeCompare` order, which breaks ties of score. */
  nameRank: Int32Array;
  exact: Map<string, number[]>;
  /** Stems by their first four letters, so a word is checked against a handful of stems only. */
  stems: Map<string, { stem: string; topic: number }[]>;
  /**
   * The same keywords and stems by prefixCode: a word whose code is not here has no topic, and
   * an ASCII word is compared with its few candidates in place, without lower-casing it or
   * hashing it as a string.
   */
  byPrefix: Map<number, Candidates>;
  /**
   * One bit per hash of the codes in `byPrefix`: a clear bit proves a code absent without a
   * Map lookup, and most words of an article are turned away here.
   */
  filter: Uint8Array;
}

let index: KeywordIndex | null = null;
/** Topics per word that took the general path (see topicsOfWord): news repeats its words, so most are one lookup. Bounded. */
const memo = new Map<string, readonly number[]>();
const MAX_MEMO = 50_000;
const NONE: readonly number[] = [];

function buildIndex(): KeywordIndex {
  const names = Object.keys(TOPIC_KEYWORDS);
  const exact = new Map<string, number[]>();
  const stems = new Map<string, { stem: string; topic: number }[]>();
  names.forEach((name, topic) => {
    for (const k of TOPIC_KEYWORDS[name]!.trim().split(/\s+/)) {
      if (k.endsWith('*')) {
        const stem = k.slice(0, -1);
        const key = stem.slice(0, 4);
        stems.set(key, [...(stems.get(key) ?? []), { stem, topic }]);
      } else {
        exact.set(k, [...(exact.get(k) ?? []), topic]);
      }
    }
  });
  const byPrefix = new Map<number, Candidates>();
  const candidatesOf = (code: number): Candidates => {
    const found = byPrefix.get(code) ?? { exact: [], stems: [] };
    byPrefix.set(code, found);
    return found;
  };
  for (const [keyword, topics] of exact) candidatesOf(prefixCode(keyword)).exact.push({ keyword, topics });
  for (const [key, list] of stems) candidatesOf(prefixCode(key)).stems.push(...list);
  const filter = new Uint8Array(1 << (FILTER_BITS - 3));
  for (const code of byPrefix.keys()) {
    const slot = filterSlot(code);
    filter[slot >>> 3] = filter[slot >>> 3]! | (1 << (slot & 7));
  }
  const nameRank = new Int32Array(names.length);
  names
    .map((name, topic) => ({ name, topic }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .forEach(({ topic }, rank) => (nameRank[topic] = rank));
  return { names, nameRank, exact, stems, byPrefix, filter };
}

/**
 * The first four characters of a word (all of a shorter one), lower-cased, as one number, or -1
 * when one of them is not ASCII. Most words of an article share no such start with any
 * keyword, and this tells them apart without building or hashing a string.
 */
function prefixCode(word: string): number {
  let code = 1; // a leading 1 keeps "ab" apart from a longer start ending in "ab"
  for (let i = 0, n = Math.min(4, word.length); i < n; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return -1;
    code = code * 128 + lowerAscii(c);
  }
  return code;
}

/** A prefix code's bit in the filter (a multiplicative hash: the codes' low bits are their last letter). */
function filterSlot(code: number): number {
  return Math.imul(code, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

/** A word's topics, by number: those of the keyword it is (ignoring case), then those of the stems it starts with. */
function topicsOfWord(written: string, idx: KeywordIndex): readonly number[] {
  // Exact keywords and stem keys both start with the word's lower-cased first four letters.
  const prefix = prefixCode(written);
  if (prefix === -1) return topicsOfWordLowerCased(written, idx);
  const slot = filterSlot(prefix);
  if ((idx.filter[slot >>> 3]! & (1 << (slot & 7))) === 0) return NONE;
  const candidates = idx.byPrefix.get(prefix);
  if (candidates === undefined) return NONE;
  // Lower-casing some letters outside ASCII gives ASCII ("\u212a", the kelvin sign, gives "k"):
  // such a word takes the general path.
  return isAscii(written) ? topicsOfAsciiWord(written, candidates) : topicsOfWordLowerCased(written, idx);
}

/** topicsOfWord for an ASCII word among the keywords and stems that start as it does. */
function topicsOfAsciiWord(word: string, candidates: Candidates): readonly number[] {
  // Plain loops: this runs for every word that starts like a keyword.
  let out: readonly number[] = NONE;
  for (const k of candidates.exact) if (equalsIgnoringCase(word, k.keyword)) out = k.topics;
  for (const s of candidates.stems) if (!out.includes(s.topic) && startsWithIgnoringCase(word, s.stem)) out = [...out, s.topic];
  return out;
}

/** topicsOfWord for any word: lower-cased, then looked up. */
function topicsOfWordLowerCased(written: string, idx: KeywordIndex): readonly number[] {
  const seen = memo.get(written);
  if (seen !== undefined) return seen;
  const word = written.toLowerCase();
  const out = [...(idx.exact.get(word) ?? [])];
  for (const s of idx.stems.get(word.slice(0, 4)) ?? []) if (word.startsWith(s.stem) && !out.includes(s.topic)) out.push(s.topic);
  if (memo.size >= MAX_MEMO) memo.clear();
  const result = out.length === 0 ? NONE : out;
  memo.set(written, result);
  return result;
}

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) return false;
  return true;
}

/** The ASCII `word`, lower-cased, starts with `lower`. */
function startsWithIgnoringCase(word: string, lower: string): boolean {
  if (word.length < lower.length) return false;
  for (let i = 0; i < lower.length; i++) if (lowerAscii(word.charCodeAt(i)) !== lower.charCodeAt(i)) return false;
  return true;
}

/** The ASCII `word`, lower-cased, is `lower`. */
function equalsIgnoringCase(word: string, lower: string): boolean {
  return word.length === lower.length && startsWithIgnoringCase(word, lower);
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * The subjects an article is about, from keyword counts: up to three topics whose weighted
 * hits (headline words, segment 0, count three times) reach a floor and half the best topic's
 * count, best first (equal counts by name). `words` are the article's words as the entity
 * stage scanned them. Deterministic; the topic names are those of TOPIC_KEYWORDS.
 */
export function findTopics(words: readonly { text: string; segment: number }[]): string[] {
  const idx = (index ??= buildIndex());
  // A plain array: a typed one this size would be allocated outside the heap for every article.
  const scores: number[] = new Array<number>(idx.names.length).fill(0);
  for (const w of words) {
    if (w.text.length < 2) continue;
    const topics = topicsOfWord(w.text, idx);
    if (topics.length === 0) continue;
    const weight = w.segment === 0 ? HEADLINE_WEIGHT : 1;
    for (const t of topics) scores[t]! += weight;
  }
  return rankTopics(scores, idx);
}

/** The topics whose scores pass both floors, best first, at most MAX_TOPICS of them. */
function rankTopics(scores: readonly number[], idx: KeywordIndex): string[] {
  const ranked: number[] = [];
  for (let t = 0; t < scores.length; t++) if (scores[t]! > 0) ranked.push(t);
  ranked.sort((a, b) => scores[b]! - scores[a]! || idx.nameRank[a]! - idx.nameRank[b]!);
  const best = ranked.length > 0 ? scores[ranked[0]!]! : 0;
  return ranked
    .filter((t) => scores[t]! >= MIN_SCORE && scores[t]! >= best * RELATIVE_MIN)
    .slice(0, MAX_TOPICS)
    .map((t) => idx.names[t]!);
}
