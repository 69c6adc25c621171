import { knownLongNames, type KbEntry } from '../knowledge/knowledgeBase.js';
import { makeMention, type Mention } from './mention.js';
import type { Word } from './scanWords.js';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

let byFirstWord: Map<string, { form: string; entry: KbEntry }[]> | null = null;
/** The first characters of the long names: most words of a text (lower-case ones) start none. */
let firstCharacters: Set<number> | null = null;

/** The long names by their first word, so a text is read once rather than searched for each. */
function namesStartingWith(word: string): readonly { form: string; entry: KbEntry }[] | undefined {
  if (!byFirstWord || !firstCharacters) {
    byFirstWord = new Map();
    firstCharacters = new Set();
    for (const name of knownLongNames()) {
      const first = name.form.slice(0, name.form.search(/[\s,]/));
      byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), name]);
      firstCharacters.add(first.charCodeAt(0));
    }
  }
  return firstCharacters.has(word.charCodeAt(0)) ? byFirstWord.get(word) : undefined;
}

/**
 * Organizations the knowledge base knows by a long name ("Office for National Statistics") or
 * one that lists words ("Department for Culture, Media and Sport"), and awards and events it
 * knows by several words ("Brit Awards", "Tour de France"), where the text writes them out: NER
 * often cuts such a name at a comma, an "and" or a "for", or takes a nationality word or a place
 * out of it. These mentions replace NER's within them (see buildEntities). Of overlapping names the longest is kept
 * ("Department for Education and Skills", not the "Department for Education" inside it).
 */
export function findKnownLongNames(words: readonly Word[], text: string): Mention[] {
  const out: Mention[] = [];
  for (const word of words) {
    const names = namesStartingWith(word.text);
    if (!names) continue;
    let best: { form: string; entry: KbEntry } | null = null;
    for (const name of names) {
      const end = word.start + name.form.length;
      // The name ends where a word ends; a possessive may follow ("… Statistics’ figures").
      if (text.startsWith(name.form, word.start) && !LETTER_OR_DIGIT.test(text.charAt(end)) && (!best || name.form.length > best.form.length)) best = name;
    }
    if (!best || (out.length > 0 && out[out.length - 1]!.end > word.start)) continue;
    // Only organizations, awards and events are indexed as long names (knowledgeBase.ts).
    const kind = best.entry.kind === 'AWARD' || best.entry.kind === 'EVENT' ? best.entry.kind : 'ORGANIZATION';
    out.push(makeMention(word.start, word.start + best.form.length, best.form, kind, best.form, 0.9, 'rule', best.entry.id));
  }
  return out;
}
