import { lookupKnown } from '../knowledge/knowledgeBase.js';
import { inResults, isScore } from './actsAsTeam.js';
import { nameKey, type NerMention } from './mention.js';

/** A sequel's number after a name: "Halo 2", "Rocky III"; not a score, a table's figures, an amount or a range ("2-1", "Cologne 2 1", "2.4m", "2 million"). */
const SEQUEL_NUMBER_AFTER =
  /^ (?:[2-9]|II|III|IV|V|VI)(?![\p{L}\p{N}]|[-.,:/]\d|\s+\d| ?(?:%|m\b|bn\b|million|billion|per\b|points?\b|goals?\b|years?\b|days?\b))/u;

/** Words near a name that make its number a sequel's ("Halo 2 sold 2.4 million copies"). */
const SEQUEL_CONTEXT = /\b(?:copies|games?|gamers|sequel|consoles?|films?|movies?|albums?|box[ -]office|grossed|cinemas?)\b/i;

/** How far either side of a name `findSequels` looks for `SEQUEL_CONTEXT`. */
const SEQUEL_CONTEXT_CHARS = 100;

/**
 * Names of games and films with their number ("Halo 2") that some mention in the article shows
 * to be one, with a word like "copies", "game" or "film" near it; a name NER cut before the
 * number is then the whole title in all its mentions, and a number elsewhere stays a number
 * ("Chelsea 2 Arsenal 1" is a line of results, not a title).
 */
export function findSequels(text: string, ner: readonly NerMention[]): Set<string> {
  const out = new Set<string>();
  for (const m of ner) {
    if (m.type === 'PER') continue;
    const number = SEQUEL_NUMBER_AFTER.exec(text.slice(m.end, m.end + 16));
    if (!number || inResults(text, m.start, m.end) || isScore(text, m.start, m.end + number[0].length)) continue;
    // "Channel 4", "PlayStation 2": the knowledge base knows the name, or its number, as a thing's own.
    const name = text.slice(m.start, m.end);
    if (lookupKnown(name).length > 0 || lookupKnown(name + number[0]).length > 0) continue;
    if (SEQUEL_CONTEXT.test(text.slice(Math.max(0, m.start - SEQUEL_CONTEXT_CHARS), m.end + SEQUEL_CONTEXT_CHARS))) out.add(nameKey(name + number[0]));
  }
  return out;
}

/** The number after a name at `end` when the name and the number are a sequel `findSequels` found. */
export function sequelOf(text: string, end: number, surface: string, sequels: ReadonlySet<string>): RegExpExecArray | null {
  const number = SEQUEL_NUMBER_AFTER.exec(text.slice(end, end + 16));
  return number && sequels.has(nameKey(surface + number[0])) ? number : null;
}
