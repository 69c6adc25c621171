import type { EntityType } from '../types.js';

/** The NER stage's output, as the entity stage consumes it. */
export interface NerMention {
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  start: number;
  end: number;
  text: string;
  confidence: number;
}

/** Where a candidate mention came from; rule-made ones get their own confidence. */
export type MentionOrigin = 'ner' | 'gazetteer' | 'institution' | 'acronym' | 'rule' | 'propagated' | 'nested' | 'speaker';

/** A cleaned, typed candidate mention inside the entity stage. */
export interface Mention {
  start: number;
  end: number;
  /** The exact text at [start, end). */
  text: string;
  type: EntityType;
  /** What the mention would be called as a canonical name ("National Security Council" for the lower-case form). */
  display: string;
  confidence: number;
  origin: MentionOrigin;
  /** For persons: the capitalised title stripped from the front ("Prime Minister"), if any. */
  title?: { start: number; end: number; text: string; honorific: boolean };
}

/** Maps the CoNLL tag set onto entity types; MISC has no type of its own. */
export function entityTypeOf(tag: NerMention['type']): EntityType | null {
  if (tag === 'PER') return 'PERSON';
  if (tag === 'ORG') return 'ORGANIZATION';
  if (tag === 'LOC') return 'PLACE';
  return null;
}

/** Case- and hyphen-insensitive key under which variants of one name meet ("Nato-Russia" = "NATO Russia"). */
export function nameKey(name: string): string {
  if (/^[A-Za-z]+$/.test(name)) return name.toLowerCase();
  return name
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[\s-]+/g, ' ')
    .replace(/\.$/, '');
}
