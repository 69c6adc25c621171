import type { EntityIndex } from './entityIndex.js';

/** Stored multi-word organizations by acronym, kept for a whole run. */
export interface AcronymIndex {
  byAcronym: EntityIndex['byAcronym'];
  /** How many organizations the store held when the index was last brought up to date. */
  organizations: number | null;
}

/** An index that loads on first refresh. */
export function emptyAcronyms(): AcronymIndex {
  return { byAcronym: new Map(), organizations: null };
}
