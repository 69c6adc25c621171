/**
 * The shipped knowledge base (see README.md in this folder): countries, demonyms, cities,
 * parties, international bodies, government departments, companies, events, awards, products.
 * Loaded once per process on first use and never changed, so lookups are pure.
 */
import { readFileSync } from 'node:fs';
import { KNOWLEDGE_BASE_PATH, type KbFile, type KbKind } from './knowledgeBaseFile.js';

export interface KbEntry {
  id: string;
  kind: KbKind;
  /** "country", "city", "party", "company", "holiday" … */
  subkind: string;
  name: string;
  /** Other names and acronyms, canonical name excluded. */
  names: readonly string[];
  /** Nationality words ("French", "Ukrainians"). */
  demonyms: readonly string[];
  /** The country it belongs to (ISO 3166-1 alpha-2), or null. */
  country: string | null;
  /** The name is also a common word or another thing's name: evidence, not proof. */
  ambiguous: boolean;
}

/** A surface form's meaning: the entry, and whether the form is a demonym of it. */
export interface KbMatch {
  entry: KbEntry;
  demonym: boolean;
}

interface Index {
  version: string;
  /** Case-folded multi-word form → matches ("house of commons"). */
  folded: Map<string, KbMatch[]>;
  /** `foldedHash` of every key of `folded`: a form whose hash is not here is not there either. */
  foldedHashes: Set<number>;
  /**
   * Exact surface form → matches, and for a form not there, a pronounceable acronym written as a word → the
   * acronym's matches ("Nato" → NATO): one probe for a one-word form (an acronym-as-word never
   * holds a space, so for forms with one only the case-folded map can come between them).
   */
  exactOrAsWord: Map<string, KbMatch[]>;
  byId: Map<string, KbEntry>;
  countryName: Map<string, string>;
  /** First words of multi-word names of places, for the gazetteer's scanner. */
  multiWordStarts: Set<string>;
  /** Organizations' long names and names that list words ("Department for Culture, Media and Sport"), and awards' and events' names of several words, which NER splits. */
  longNames: { form: string; entry: KbEntry }[];
}

let index: Index | null = null;
const NONE: readonly KbMatch[] = [];

function load(): Index {
  const file = JSON.parse(readFileSync(KNOWLEDGE_BASE_PATH, 'utf8')) as KbFile;
  const exact = new Map<string, KbMatch[]>();
  const folded = new Map<string, KbMatch[]>();
  const asWord = new Map<string, KbMatch[]>();
  const byId = new Map<string, KbEntry>();
  const countryName = new Map<string, string>();
  const multiWordStarts = new Set<string>();
  const longNames: Index['longNames'] = [];
  const put = (form: string, match: KbMatch): void => {
    const list = exact.get(form);
    if (list) list.push(match);
    else exact.set(form, [match]);
    if (!match.demonym && /^[A-Z]{3,6}$/.test(form)) {
      const word = form[0] + form.slice(1).toLowerCase();
      const w = asWord.get(word);
      if (w) w.push(match);
      else asWord.set(word, [match]);
    }
    if (form.includes(' ')) {
      if (match.entry.kind === 'PLACE') multiWordStarts.add(form.slice(0, form.indexOf(' ')));
      const key = form.toLowerCase();
      const f = folded.get(key);
      if (f) f.push(match);
      else folded.set(key, [match]);
    }
  };
  for (const [id, kind, subkind, name, names, demonyms, country, ambiguous] of file.entries) {
    const entry: KbEntry = { id, kind, subkind, name, names, demonyms, country: country || null, ambiguous };
    byId.set(id, entry);
    if (subkind === 'country' && country) countryName.set(country, name);
    for (const form of [name, ...names]) put(form, { entry, demonym: false });
    if (kind === 'ORGANIZATION' && !ambiguous)
      for (const form of [name, ...names]) if (/\p{Lu}\p{L}*(?:,| and) \p{Lu}/u.test(form) || form.split(' ').length >= 3) longNames.push({ form, entry });
    // An award's or an event's name of several words: NER takes a nationality word or a place
    // out of it ("Brit Awards", "Tour de France", "Chinese New Year").
    if ((kind === 'AWARD' || kind === 'EVENT') && !ambiguous) for (const form of [name, ...names]) if (form.includes(' ')) longNames.push({ form, entry });
    for (const form of demonyms) put(form, { entry, demonym: true });
  }
  const exactOrAsWord = new Map(exact);
  for (const [word, matches] of asWord) if (!exact.has(word)) exactOrAsWord.set(word, matches);
  const foldedHashes = new Set<number>();
  for (const key of folded.keys()) foldedHashes.add(foldedHash(key));
  return { version: file.version, exactOrAsWord, folded, foldedHashes, byId, countryName, multiWordStarts, longNames };
}

function kb(): Index {
  return (index ??= load());
}

/** Entries a surface form names, exactly as written ("US" is not "us"); multi-word forms also case-folded. */
export function lookupKnown(form: string): readonly KbMatch[] {
  const k = kb();
  // Exact first, then multi-word forms case-folded; British style writes pronounceable acronyms
  // as words ("Nato", "Ukip", "Opec"), which exactOrAsWord holds where exact has nothing.
  const hit = k.exactOrAsWord.get(form);
  if (hit !== undefined) return hit;
  if (!form.includes(' ')) return NONE;
  // Almost no multi-word form the text offers is known in another case: a hash of the form as
  // lower-cased rules those out without building the lower-cased string.
  const hash = foldedHash(form);
  if (hash !== NOT_ASCII && !k.foldedHashes.has(hash)) return NONE;
  return k.folded.get(form.toLowerCase()) ?? NONE;
}

const NOT_ASCII = -1;

/** A hash of an ASCII string as `toLowerCase` would write it, or NOT_ASCII (whose case folding is left to `toLowerCase`). */
function foldedHash(form: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < form.length; i++) {
    let c = form.charCodeAt(i);
    if (c >= 128) return NOT_ASCII;
    if (c >= 65 && c <= 90) c += 32;
    hash = Math.imul(hash ^ c, 0x01000193) & 0x3fffffff; // a small integer, as Set keys are fastest
  }
  return hash;
}

/** The organization a name is, where the knowledge base knows it by that name and does not mark it ambiguous. */
export function knownOrganization(form: string): KbEntry | undefined {
  return lookupKnown(form).find((m) => !m.demonym && !m.entry.ambiguous && m.entry.kind === 'ORGANIZATION')?.entry;
}

/** The entry with this id. */
export function knownById(id: string): KbEntry | undefined {
  return kb().byId.get(id);
}

/** The common name of a country by its ISO code ("GB" → "United Kingdom"). */
export function countryNameOf(code: string): string | undefined {
  return kb().countryName.get(code);
}

/** True if some multi-word name of a place starts with this word ("United", "South"). */
export function startsKnownMultiWord(word: string): boolean {
  return kb().multiWordStarts.has(word);
}

/** Organizations' names (and other names) of three words or more or that join words with a comma or "and", as written. */
export function knownLongNames(): readonly { form: string; entry: KbEntry }[] {
  return kb().longNames;
}

/** The version of the shipped knowledge base. */
export function knowledgeBaseVersion(): string {
  return kb().version;
}
