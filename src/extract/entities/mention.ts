import type { EntityKind, EntityType, MentionForm } from '../types.js';

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
  type: EntityKind;
  /** What the mention would be called as a canonical name ("National Security Council" for the lower-case form). */
  display: string;
  confidence: number;
  origin: MentionOrigin;
  /** For persons: the capitalised title stripped from the front ("Prime Minister"), if any. */
  title?: { start: number; end: number; text: string; honorific: boolean };
  /** Set when the form is not read from the surface (DEMONYM, PRONOUN, DESCRIPTION); else NAME or ACRONYM by its letters. */
  form?: MentionForm;
  /** Knowledge-base id of what the mention names, when the knowledge base knows it. */
  known?: string;
  /** The sentence said what the name is ("… is a city", "the carmaker …"): no person's surname takes it over. */
  firm?: boolean;
}

/**
 * Makes a mention. Every mention of the entity stage is made here, with every field present and
 * always in this order, so that all mentions share one object shape: V8 then compiles the
 * stage's functions once for that shape instead of deoptimising and compiling them again for
 * each variant (a first import runs them cold, so recompilation is a large share of its CPU).
 */
export function makeMention(
  start: number,
  end: number,
  text: string,
  type: EntityKind,
  display: string,
  confidence: number,
  origin: MentionOrigin,
  known?: string,
  form?: MentionForm,
  title?: Mention['title'],
): Mention {
  return { start, end, text, type, display, confidence, origin, title, form, known, firm: undefined };
}

/** Confidence of a name typed by its organization head noun ("… Council"), whatever NER thought of it. */
export const ORG_HEAD_CONFIDENCE = 0.7;

/** "EU", "U.S.", "OSCE", "Nato" (a known acronym written as a word): initials, not a name. */
export function isAcronymForm(text: string, knownAcronym = false): boolean {
  if (/^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]*[A-Z0-9]$/.test(text) && /[A-Z].*[A-Z]|^[A-Z]\./.test(text)) return true;
  return knownAcronym && /^[A-Z][a-z]{2,5}$/.test(text);
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
  // Clustering asks for the keys of an article's few names again and again: a lookup is a third
  // of the cost of building one.
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = /^[A-Za-z]+$/.test(name)
      ? name.toLowerCase()
      : name
          .toLowerCase()
          .replace(/[’']/g, "'")
          .replace(/[\s-]+/g, ' ')
          .replace(/\.$/, '');
    if (nameKeys.size >= MAX_NAME_KEYS) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

/** Keys of the names seen so far (a pure function's results, bounded). */
const nameKeys = new Map<string, string>();
const MAX_NAME_KEYS = 50_000;

/** The key under which a work's titles meet, with or without their "The" ("The Aviator", "Aviator leads Oscar race"). */
export function workKey(title: string): string {
  return nameKey(title.replace(/^The\s+/, ''));
}
