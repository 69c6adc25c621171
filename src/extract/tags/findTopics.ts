import { TOPIC_KEYWORDS } from './topicKeywords.js';

/** Most topics one article is tagged with. */
const MAX_TOPICS = 3;
/** Weighted keyword hits a topic needs (a headline word counts three times). */
const MIN_SCORE = 5;
/** A further topic needs this share of the best topic's score. */
const RELATIVE_MIN = 0.5;
const HEADLINE_WEIGHT = 3;

interface KeywordIndex {
  exact: Map<string, string[]>;
  /** Stems by their first four letters, so a word is checked against a handful of stems only. */
  stems: Map<string, { stem: string; topic: string }[]>;
  /** prefixCode of every keyword and stem key: a word whose own code is not here has no topic. */
  prefixes: Set<number>;
}

let index: KeywordIndex | null = null;
/** Topics per word seen so far: news repeats its words, so most are one lookup. Bounded. */
const memo = new Map<string, readonly string[]>();
const MAX_MEMO = 50_000;
const NONE: readonly string[] = [];

function buildIndex(): KeywordIndex {
  const exact = new Map<string, string[]>();
  const stems = new Map<string, { stem: string; topic: string }[]>();
  const prefixes = new Set<number>();
  for (const [topic, list] of Object.entries(TOPIC_KEYWORDS)) {
    for (const k of list.trim().split(/\s+/)) {
      if (k.endsWith('*')) {
        const stem = k.slice(0, -1);
        const key = stem.slice(0, 4);
        stems.set(key, [...(stems.get(key) ?? []), { stem, topic }]);
        prefixes.add(prefixCode(key));
      } else {
        exact.set(k, [...(exact.get(k) ?? []), topic]);
        prefixes.add(prefixCode(k));
      }
    }
  }
  return { exact, stems, prefixes };
}

/**
 * The first four characters of a word (all of a shorter one), lower-cased, as one number, or -1
 * when one of them is not ASCII. Most words of an article share no such start with any
 * keyword, and this tells them apart without building or hashing a string.
 */
function prefixCode(word: string): number {
  let code = 1; // a leading 1 keeps "ab" apart from a longer start ending in "ab"
  for (let i = 0, n = Math.min(4, word.length); i < n; i++) {
    let c = word.charCodeAt(i);
    if (c >= 128) return -1;
    if (c >= 65 && c <= 90) c += 32;
    code = code * 128 + c;
  }
  return code;
}

function topicsOfWord(written: string, idx: KeywordIndex): readonly string[] {
  // Exact keywords and stem keys both start with the word's lower-cased first four letters.
  const prefix = prefixCode(written);
  if (prefix !== -1 && !idx.prefixes.has(prefix)) return NONE;
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

/**
 * The subjects an article is about, from keyword counts: up to three topics whose weighted
 * hits (headline words, segment 0, count three times) reach a floor and half the best topic's
 * count, best first. `words` are the article's words as the entity stage scanned them.
 * Deterministic; the topic names are those of TOPIC_KEYWORDS.
 */
export function findTopics(words: readonly { text: string; segment: number }[]): string[] {
  const idx = (index ??= buildIndex());
  const scores = new Map<string, number>();
  for (const w of words) {
    if (w.text.length < 2) continue;
    const weight = w.segment === 0 ? HEADLINE_WEIGHT : 1;
    for (const t of topicsOfWord(w.text, idx)) scores.set(t, (scores.get(t) ?? 0) + weight);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const best = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(([, s]) => s >= MIN_SCORE && s >= best * RELATIVE_MIN)
    .slice(0, MAX_TOPICS)
    .map(([t]) => t);
}
