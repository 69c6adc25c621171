import type { ExtractedEntity, ExtractedTag, Span } from '../types.js';
import { FUNCTION_WORDS } from '../entities/lexicon.js';

const MAX_ENTITY_TOPICS = 3;
const MAX_KEYWORD_TOPICS = 2;
/** Headline words too general to be a topic. */
const GENERIC = new Set([
  'news',
  'report',
  'reports',
  'says',
  'plan',
  'plans',
  'call',
  'calls',
  'this',
  'that',
  'over',
  'more',
  'less',
  'back',
  'make',
  'take',
  'sees',
  'gets',
  'good',
  'time',
  'year',
  'years',
]);

/**
 * The article's tags: the editor's own (kind EDITOR), then a few derived topics (kind TOPIC): the
 * main entities (named in the headline or mentioned at least three times, most mentioned first)
 * and up to two headline keywords that the body repeats. Deterministic; no duplicates (ignoring case).
 */
export function deriveTags(text: string, title: Span, editorTags: readonly string[], entities: readonly ExtractedEntity[]): ExtractedTag[] {
  const tags: ExtractedTag[] = [];
  const seen = new Set<string>();
  const add = (name: string, kind: ExtractedTag['kind']): void => {
    const key = name.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      tags.push({ name, kind });
    }
  };
  for (const t of editorTags) add(t, 'EDITOR');

  const scored = entities
    .map((e, order) => {
      const inTitle = e.mentions.some((m) => m.start >= title.start && m.end <= title.end);
      return { e, order, score: e.mentions.length + (inTitle ? 3 : 0), inTitle };
    })
    .filter((s) => s.inTitle || s.e.mentions.length >= 3)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  for (const s of scored.slice(0, MAX_ENTITY_TOPICS)) add(s.e.name, 'TOPIC');

  // Headline words that are not names, counted in the body (a plural also counts its singular).
  const body = text.slice(title.end).toLowerCase();
  const covered = entities.flatMap((e) => e.mentions.filter((m) => m.start >= title.start && m.end <= title.end));
  // Parts of names are not keywords ("Kilroy" of "Kilroy-Silk").
  const nameParts = new Set(entities.flatMap((e) => [e.name, ...e.aliases].flatMap((n) => n.toLowerCase().split(/[\s-]+/))));
  const candidates: { word: string; count: number; order: number }[] = [];
  const re = /\p{L}[\p{L}-]*/gu;
  let order = 0;
  for (let m = re.exec(title.text); m; m = re.exec(title.text)) {
    const at = title.start + m.index;
    if (covered.some((c) => c.start <= at && c.end > at)) continue;
    const word = m[0].toLowerCase();
    if (word.length < 4 || nameParts.has(word) || FUNCTION_WORDS.has(word) || GENERIC.has(word) || candidates.some((c) => c.word === word)) continue;
    const count = countWord(body, word) + (word.endsWith('s') ? countWord(body, word.slice(0, -1)) : 0);
    if (count >= 2) candidates.push({ word, count, order: order++ });
  }
  candidates.sort((a, b) => b.count - a.count || a.order - b.order);
  for (const c of candidates.slice(0, MAX_KEYWORD_TOPICS)) add(c.word[0]!.toUpperCase() + c.word.slice(1), 'TOPIC');
  return tags;
}

/** Whole-word occurrences of a lower-case word in lower-cased text. */
function countWord(haystack: string, word: string): number {
  let n = 0;
  for (let at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + word.length)) {
    const before = haystack[at - 1];
    const after = haystack[at + word.length];
    if ((before === undefined || !/\p{L}/u.test(before)) && (after === undefined || !/\p{L}/u.test(after))) n++;
  }
  return n;
}
