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
}

let index: KeywordIndex | null = null;
/** Topics per word seen so far: news repeats its words, so most are one lookup. Bounded. */
const memo = new Map<string, readonly string[]>();
const MAX_MEMO = 50_000;
const NONE: readonly string[] = [];

function buildIndex(): KeywordIndex {
  const exact = new Map<string, string[]>();
  const stems = new Map<string, { stem: string; topic: string }[]>();
  for (const [topic, list] of Object.entries(TOPIC_KEYWORDS)) {
    for (const k of list.trim().split(/\s+/)) {
      if (k.endsWith('*')) {
        const stem = k.slice(0, -1);
        const key = stem.slice(0, 4);
        stems.set(key, [...(stems.get(key) ?? []), { stem, topic }]);
      } else exact.set(k, [...(exact.get(k) ?? []), topic]);
    }
  }
  return { exact, stems };
}

function topicsOfWord(written: string, idx: KeywordIndex): readonly string[] {
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
