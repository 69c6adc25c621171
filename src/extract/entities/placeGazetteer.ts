/**
 * Places and the words that name them, from the shipped knowledge base (knowledge/): countries,
 * nations, regions, states and cities with their other names ("UK", "Britain") and nationality
 * words ("Ukrainians", "French"). Maps a surface form to the place's canonical name, so that
 * "Russians", "Russian" and "Russia" are one PLACE entity.
 */
import { lookupKnown, startsKnownMultiWord } from '../knowledge/knowledgeBase.js';

export interface PlaceForm {
  /** Canonical place name ("United States"). */
  place: string;
  /** Knowledge-base id ("country:US"). */
  id: string;
  /**
   * Only trusted when the NER stage already tagged the words as a location: cities (many share
   * a name with a person or a thing), and places the knowledge base marks ambiguous ("Jordan").
   */
  ambiguous: boolean;
  /** True for nationality words ("European", "Ukrainians"), false for names ("UK", "Britain"). */
  demonym: boolean;
  /** True for a country (not a region, state or city). */
  country: boolean;
}

/** Kinds of place a word may name on its own, without NER's word for it. */
const SELF_EVIDENT = new Set(['country', 'nation', 'region', 'state']);

/** The place a surface form names ("Ukrainians" → Ukraine), or undefined. */
export function lookupPlace(form: string): PlaceForm | undefined {
  for (const { entry, demonym } of lookupKnown(form)) {
    if (entry.kind !== 'PLACE') continue;
    const ambiguous = entry.ambiguous || !SELF_EVIDENT.has(entry.subkind);
    return { place: entry.name, id: entry.id, ambiguous, demonym, country: entry.subkind === 'country' || entry.subkind === 'nation' };
  }
  return undefined;
}

/** True if some multi-word knowledge-base form starts with this word ("United", "South"). */
export function startsMultiWordPlace(word: string): boolean {
  return startsKnownMultiWord(word);
}
