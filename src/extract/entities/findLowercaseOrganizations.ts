import { FUNCTION_WORDS, INSTITUTION_HEADS, isRoleHead } from './lexicon.js';
import { makeMention, type Mention } from './mention.js';
import type { Word } from './scanWords.js';

/** Prepositions that tie a role noun to the institution it serves. */
const ROLE_PREPOSITIONS = new Set(['for', 'of', 'at', 'to', 'on', 'from', 'with']);
/** Words not in an institution's name ("the new council", "its own committee"). */
const NOT_NAME_WORDS = new Set(['new', 'own', 'same', 'local', 'former', 'current', 'whole', 'main', 'other']);

/**
 * Finds institutions written in lower case after a role noun: "a spokesperson for the national
 * security council" gives ORGANIZATION "National Security Council" (the lower-case words are the
 * mention; the title-cased form is its display name). A bare "the council" is too vague to count.
 */
export function findLowercaseOrganizations(text: string, words: readonly Word[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 1; i < words.length; i++) {
    const head = words[i]!;
    if (!INSTITUTION_HEADS.has(head.text)) continue;
    let first = i;
    while (first > 0 && i - first < 4) {
      const w = words[first - 1]!;
      if (w.segment !== head.segment || !/^[a-z]+$/.test(w.text) || FUNCTION_WORDS.has(w.text) || NOT_NAME_WORDS.has(w.text)) break;
      if (!/^\s+$/.test(text.slice(w.end, words[first]!.start))) break;
      first--;
    }
    if (first === i) continue;
    const the = words[first - 1];
    const prep = words[first - 2];
    const role = words[first - 3];
    if (!the || !prep || !role || the.text !== 'the' || !ROLE_PREPOSITIONS.has(prep.text) || !isRoleHead(role.text)) continue;
    const start = words[first]!.start;
    const surface = text.slice(start, head.end);
    out.push(makeMention(start, head.end, surface, 'ORGANIZATION', titleCase(surface), 0.75, 'rule'));
  }
  return out;
}

/** "national security council" → "National Security Council". */
function titleCase(phrase: string): string {
  return phrase.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
}
