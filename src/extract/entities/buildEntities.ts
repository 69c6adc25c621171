import { countryNameOf, knownById, lookupKnown, type KbEntry } from '../knowledge/knowledgeBase.js';
import type { EntityKind, EntityMention, ExtractedEntity, KnownEntity } from '../types.js';
import { addNestedMentions } from './addNestedMentions.js';
import { calibrateEntity, entityEvidence } from './calibrateEntity.js';
import { aliasesOf, alignCompoundCase, chooseName } from './chooseName.js';
import { clusterMentions, type Cluster } from './clusterMentions.js';
import { findAcronyms } from './findAcronyms.js';
import { findGazetteerMentions } from './findGazetteerMentions.js';
import { findLowercaseOrganizations } from './findLowercaseOrganizations.js';
import { findKnownLongNames } from './findKnownLongNames.js';
import { findKnownOrganizations } from './findKnownOrganizations.js';
import { findKnownProducts } from './findKnownProducts.js';
import { findBandNames } from './findBandNames.js';
import { findDefinedNames } from './findDefinedNames.js';
import { findFirstNamePairs, isPlainFirstName } from './findFirstNamePairs.js';
import { findHyphenatedGivenNames } from './findHyphenatedGivenNames.js';
import { findRelatedPeople } from './findRelatedPeople.js';
import { findRelativesByFirstName } from './findRelativesByFirstName.js';
import { findWorkTitles } from './findWorkTitles.js';
import { genderOfFirstName } from '../knowledge/firstNames.js';
import { findRole, lowerBound, organizationAfterOf, ownerBefore } from './findRole.js';
import { CORPORATE_SUFFIXES, COURTESY_TITLE_BEFORE, HONORIFICS, ORGANIZATION_NAME_HEADS, TITLE_WORDS, isRoleHead } from './lexicon.js';
import { lookupPlace } from './placeGazetteer.js';
import { isAcronymForm, nameKey, type Mention, type NerMention } from './mention.js';
import { normalizeNerMentions } from './normalizeNerMentions.js';
import { preferEventsToDemonyms } from './preferEventsToDemonyms.js';
import { propagateMentions } from './propagateMentions.js';
import { isCapitalised, scanWords, type Word } from './scanWords.js';

/** An entity together with the internal mentions it was built from (for speaker resolution). */
export interface BuiltEntities {
  entities: ExtractedEntity[];
  /** All mentions of all entities, sorted by start, each with the index of its entity. */
  mentionIndex: { start: number; end: number; type: EntityKind; entity: number; nested: boolean }[];
  /** The words of the article, reused by later stages. */
  words: Word[];
}

/**
 * Builds the article's entities from NER mentions: cleans and retypes them, adds what the
 * gazetteers and rules find (nationality words, institutions, acronyms, lower-case councils),
 * resolves coreference, fills in missed repeats, and finds each person's role and affiliation.
 * `segments` are the headline and paragraphs; nothing outside them is read.
 */
export function buildEntities(text: string, segments: readonly { start: number; end: number }[], ner: readonly NerMention[]): BuiltEntities {
  const words = scanWords(text, segments);
  const fromNer = completeBareHeads(text, words, extendFirstNames(text, segments, normalizeNerMentions(text, ner)));
  const typeAt = (start: number, end: number): EntityKind | null => fromNer.find((m) => m.start < end && m.end > start)?.type ?? null;
  const acronyms = findAcronyms(text, words, typeAt);

  // Rule-made mentions fill the gaps NER left; an acronym's full name, or a known long name,
  // replaces NER's partial spans.
  const longNames = [...findKnownLongNames(words, text), ...findHyphenatedGivenNames(words, text)].sort((a, b) => a.start - b.start);
  const within = (outer: { start: number; end: number }, m: Mention) =>
    outer.start <= m.start && outer.end >= m.end && outer.end - outer.start > m.end - m.start;
  let mentions = fromNer.filter((m) => !acronyms.some((a) => within(a.full, m)) && !longNames.some((l) => within(l, m)));
  mentions = mergeInGaps(mentions, longNames);
  mentions = mergeInGaps(
    mentions,
    acronyms.flatMap((a) => [a.full, a.acronym]),
  );
  mentions = mergeInGaps(mentions, findGazetteerMentions(text, words));
  mentions = mergeInGaps(mentions, findLowercaseOrganizations(text, words));
  mentions = mergeInGaps(mentions, findKnownOrganizations(words));
  mentions = mergeInGaps(mentions, findKnownProducts(words));
  mentions = mergeInGaps(mentions, findWorkTitles(words, text));
  mentions = mergeInGaps(mentions, findBandNames(words, text));
  mentions = mergeInGaps(mentions, findDefinedNames(words, text));
  mentions = mergeInGaps(mentions, findFirstNamePairs(words, text, ner));
  mentions = mergeInGaps(mentions, findRelativesByFirstName(words, text));
  mentions = mergeInGaps(mentions, findRelatedPeople(words, text));
  mentions = preferEventsToDemonyms(text, mentions);

  const links = acronyms.map((a) => [a.full.display, a.acronym.display] as const);
  const clusters = clusterMentions(text, mentions, links);
  propagateMentions(text, words, clusters);
  addNestedMentions(text, clusters);
  const headline = segments[0];
  const kept = clusters.filter((c) => c.mentions.length > 0 && !isDoubtful(c, headline));
  const parents = resolveOverlaps(kept);
  const ordered = kept.filter((c) => c.mentions.length > 0).sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);

  // A thing the knowledge base knows is called by its name there ("European Union" for "EU"),
  // so the same thing gets the same name in every article.
  // The per-entity lists below are built by push, not map: optimised code gives map's result a
  // holey array and the builtin a packed one, and the functions reading them would be compiled
  // for one and deoptimised by the other.
  const known: (KbEntry | null)[] = [];
  for (const c of ordered) known.push(knownOf(c));
  const names: string[] = [];
  for (let i = 0; i < ordered.length; i++) names.push(known[i]?.name ?? chooseName(ordered[i]!));
  const canonicalByKey = new Map<string, string>();
  ordered.forEach((c, i) => {
    if (c.type !== 'PERSON') canonicalByKey.set(nameKey(names[i]!), names[i]!);
  });
  const finalNames: string[] = [];
  for (let i = 0; i < ordered.length; i++) finalNames.push(ordered[i]!.type === 'PERSON' ? names[i]! : alignCompoundCase(names[i]!, canonicalByKey));

  const mentionIndex = ordered
    .flatMap((c, entity) => c.mentions.map((m) => ({ start: m.start, end: m.end, type: c.type, entity, mention: m })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const clusterOf = new Map<Mention, number>();
  for (const e of mentionIndex) clusterOf.set(e.mention, e.entity);
  const inside = (start: number, end: number): Mention[] => {
    const out: Mention[] = [];
    for (let i = lowerBoundBy(mentionIndex, start); i < mentionIndex.length && mentionIndex[i]!.start < end; i++) {
      if (mentionIndex[i]!.end <= end) out.push(mentionIndex[i]!.mention);
    }
    return out;
  };

  const titleSpans: { start: number; end: number }[] = [];
  const entities = ordered.map((c, i): ExtractedEntity => {
    const name = finalNames[i]!;
    let role: string | null = null;
    let affiliation: string | null = null;
    if (c.type === 'PERSON') {
      for (const m of c.mentions) {
        const found = findRole(text, words, lowerBound(words, m.start), m, inside);
        if (!found) continue;
        if (found.titleCase) titleSpans.push(found.span);
        role = found.role;
        const owner = found.affiliation ? clusterOf.get(found.affiliation) : undefined;
        affiliation = owner === undefined ? (countryOfOffice(found.role) ?? null) : finalNames[owner]!;
        break;
      }
      // "said Nick Gibson of Games Investor Consulting", "Arsenal's Thierry Henry": no role, but
      // whom the person speaks or plays for. (After a possessive, only a name that opens with a
      // first name: "Nintendo's Game Cube" is no one.)
      const firstNamed = genderOfFirstName(name.split(' ')[0]!) !== null;
      for (const m of c.mentions) {
        if (affiliation !== null) break;
        const of = organizationAfterOf(text, m, inside) ?? (firstNamed ? ownerBefore(text, m, inside) : null);
        const owner = of ? clusterOf.get(of) : undefined;
        if (owner !== undefined) affiliation = finalNames[owner]!;
      }
    }
    const mentions: EntityMention[] = [];
    for (const m of c.mentions) {
      const parent = parents.get(m);
      mentions.push({
        start: m.start,
        end: m.end,
        text: m.text,
        form: formOf(m, known[i] ?? null),
        parent: parent ? { start: parent.start, end: parent.end } : null,
      });
    }
    const raw = confidenceOf(c);
    return {
      type: c.type,
      name,
      aliases: aliasesOf(c.mentions, name),
      role,
      affiliation,
      mentions,
      confidence: calibrateEntity(entityEvidence(c.type, known[i] !== null && known[i] !== undefined, mentions, raw), raw),
      known: known[i] ? knownEntityOf(known[i]) : null,
    };
  });
  // A name NER cut out of a title ("Defence" in "Defence Secretary Geoff Hoon") is not an entity
  // when it is never used elsewhere.
  const inTitleOnly = entities.map((e) => e.type !== 'PERSON' && e.mentions.every((m) => titleSpans.some((t) => t.start <= m.start && m.end <= t.end)));
  if (inTitleOnly.some(Boolean)) {
    const renumber = new Map<number, number>();
    const kept = entities.filter((_, i) => !inTitleOnly[i] && renumber.set(i, renumber.size));
    return {
      entities: kept,
      mentionIndex: mentionIndex
        .filter((m) => renumber.has(m.entity))
        .map(({ start, end, type, entity, mention }) => ({ start, end, type, entity: renumber.get(entity)!, nested: parents.has(mention) })),
      words,
    };
  }
  return {
    entities,
    mentionIndex: mentionIndex.map(({ start, end, type, entity, mention }) => ({ start, end, type, entity, nested: parents.has(mention) })),
    words,
  };
}

/**
 * NER sometimes labels only the head noun of a name ("Nato-Russia" + "Council"). A one-word
 * organization that is such a head noun takes in the capitalised words glued before it, and the
 * mentions lying there.
 */
function completeBareHeads(text: string, words: readonly Word[], mentions: Mention[]): Mention[] {
  const dropped = new Set<Mention>();
  for (const m of mentions) {
    if (m.type !== 'ORGANIZATION' || m.text.includes(' ') || !ORGANIZATION_NAME_HEADS.has(m.text)) continue;
    let i = lowerBound(words, m.start) - 1;
    let start = m.start;
    while (i >= 0) {
      const w = words[i]!;
      if (
        !/^ $/.test(text.slice(w.end, i + 1 < words.length && words[i + 1]!.start <= m.start ? words[i + 1]!.start : m.start)) ||
        !isCapitalised(w.text) ||
        SENTENCE_WORDS.test(w.text)
      )
        break;
      start = w.start;
      if (w.sentenceStart) break;
      i--;
    }
    if (start === m.start) continue;
    for (const other of mentions) if (other !== m && other.start >= start && other.end <= m.start) dropped.add(other);
    m.start = start;
    m.text = text.slice(start, m.end);
    m.display = m.text;
  }
  return dropped.size === 0 ? mentions : mentions.filter((m) => !dropped.has(m));
}

/** Capitalised words that start a clause rather than end a name. */
const SENTENCE_WORDS = /^(?:The|A|An|And|Or|But|If|I|It|He|She|They|We|In|On|At|Of|For|To)$/;
/** "Sir" + "Digby" + "Jones": a given name no list knows is one between a courtesy title and a surname NER found. */
function givenAfterHonorific(text: string, at: number, word: string): boolean {
  return COURTESY_TITLE_BEFORE.test(text.slice(Math.max(0, at - 8), at)) && !TITLE_WORDS.has(word) && !SENTENCE_WORDS.test(word) && !HONORIFICS.has(word);
}

/** A capitalised word and a space just before a name, with nothing glued before it. */
const FIRST_NAME_BEFORE = /(?<![\p{L}\p{N}'’.&-])(\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?) $/u;
/** The next word of a name: a capitalised word, or an initial and one ("George W Bush"). */
const NEXT_NAME_WORD = /^ (?:\p{Lu}\.? )?(\p{Lu}\p{Ll}+(?:['’-](?![sS](?!\p{L}))\p{Lu}?\p{Ll}+)*)(?![\p{L}-])/u;

/**
 * NER sometimes stops a person's name early when the surname is also a common word ("Theresa
 * May"). A one-word person mention followed in running text (not the headline) by a capitalised
 * word that no other mention claims is extended over it. It sometimes starts one late, too,
 * leaving out a first name it did not know the shape of ("LeBron James", "Wes Anderson's"): a
 * one-word person mention just after a plain first name (see `isPlainFirstName`) takes it in.
 */
function extendFirstNames(text: string, segments: readonly { start: number; end: number }[], mentions: Mention[]): Mention[] {
  const headlineEnd = segments[0]?.end ?? 0;
  mentions.forEach((m, i) => {
    if (m.type !== 'PERSON' || m.start < headlineEnd || m.text.includes(' ') || m.title) return;
    const first = FIRST_NAME_BEFORE.exec(text.slice(Math.max(0, m.start - 24), m.start));
    const previous = mentions[i - 1];
    if (
      first &&
      !(previous && previous.end > m.start - first[0].length) &&
      (isPlainFirstName(text, first[1]!) || givenAfterHonorific(text, m.start - first[0].length, first[1]!)) &&
      !lookupPlace(first[1]!)
    ) {
      m.start -= first[0].length;
      m.text = text.slice(m.start, m.end);
      m.display = m.text;
      return;
    }
    const next = NEXT_NAME_WORD.exec(text.slice(m.end, m.end + 30));
    if (!next) return;
    const word = next[1]!;
    const end = m.end + next[0].length;
    const following = mentions[i + 1];
    if ((following && following.start < end) || SENTENCE_WORDS.test(word) || TITLE_WORDS.has(word) || isRoleHead(word) || lookupPlace(word)) return;
    m.end = end;
    m.text = text.slice(m.start, end);
    m.display = m.text;
    // "Goram" + "Homes": a company's suffix makes the name a company's.
    if (CORPORATE_SUFFIXES.has(word)) m.type = 'ORGANIZATION';
  });
  return mentions;
}

/**
 * Makes the mentions of an article highlightable: a mention inside another is nested (its
 * parent is returned), and of two mentions that overlap without one containing the other
 * ("Tony Blair Labour" read twice) the weaker goes.
 */
function resolveOverlaps(clusters: readonly Cluster[]): Map<Mention, Mention> {
  const all = clusters.flatMap((c) => c.mentions.map((m) => ({ c, m }))).sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end);
  const parents = new Map<Mention, Mention>();
  const dropped = new Set<Mention>();
  const open: Mention[] = [];
  for (const { m } of all) {
    while (open.length > 0 && open[open.length - 1]!.end <= m.start) open.pop();
    const outer = open[open.length - 1];
    if (outer === undefined || outer.end >= m.end) {
      if (outer !== undefined) parents.set(m, outer);
      open.push(m);
      continue;
    }
    // Partial overlap: the nested, rule-made or less confident one goes.
    const loser = strength(m) > strength(outer) ? outer : m;
    dropped.add(loser);
    if (loser === outer) {
      open.pop();
      open.push(m);
    }
  }
  if (dropped.size > 0) for (const c of clusters) c.mentions = c.mentions.filter((m) => !dropped.has(m));
  for (const [child, parent] of parents) if (dropped.has(parent)) parents.delete(child);
  return parents;
}

function strength(m: Mention): number {
  return (m.origin === 'nested' ? 0 : m.origin === 'propagated' ? 1 : 2) + m.confidence;
}

/** The country of an office the knowledge base says one country has ("Chancellor of the Exchequer"). */
function countryOfOffice(role: string): string | undefined {
  const office = lookupKnown(role.replace(/^(?:former|acting|then|shadow)\s+/i, '')).find((m) => m.entry.kind === 'OFFICE' && m.entry.country !== null);
  return office ? countryNameOf(office.entry.country!) : undefined;
}

/** The knowledge-base entry all known mentions of a cluster agree on, of the cluster's kind. */
function knownOf(c: Cluster): KbEntry | null {
  let id: string | undefined;
  for (const m of c.mentions) {
    if (m.known === undefined) continue;
    if (id !== undefined && m.known !== id) return null;
    id = m.known;
  }
  const entry = id === undefined ? undefined : knownById(id);
  return entry && entry.kind === c.type ? entry : null;
}

function knownEntityOf(entry: KbEntry): KnownEntity {
  return { id: entry.id, name: entry.name, aliases: entry.names.filter((n) => /^[\p{Script=Latin}0-9 .'’&-]+$/u.test(n)).slice(0, 12) };
}

/** NAME, ACRONYM or DEMONYM, read from the mention's origin and its letters. */
function formOf(m: Mention, known: KbEntry | null): EntityMention['form'] {
  if (m.form !== undefined) return m.form;
  // "Nato" for NATO: a known acronym written as a word.
  const knownAcronym = known !== null && /^[A-Z][a-z]{2,5}$/.test(m.text) && [known.name, ...known.names].includes(m.text.toUpperCase());
  return isAcronymForm(m.text, knownAcronym) ? 'ACRONYM' : 'NAME';
}

/** Below this, a name seen only in the (title-cased, so less telling) headline is not kept. */
const HEADLINE_ONLY_MIN_CONFIDENCE = 0.6;
/** Below this, a name is not kept at all. */
const MIN_CONFIDENCE = 0.35;

/**
 * An entity NER was unsure of and nothing else supports. A name the knowledge base knows and does
 * not mark ambiguous is support ("Google launched …", which NER gave a person's label with little
 * confidence).
 */
function isDoubtful(c: Cluster, headline: { start: number; end: number } | undefined): boolean {
  if (c.mentions.some((m) => m.origin !== 'ner' || (m.known !== undefined && knownById(m.known)?.ambiguous === false))) return false;
  const best = Math.max(...c.mentions.map((m) => m.confidence));
  if (best < MIN_CONFIDENCE) return true;
  return !!headline && best < HEADLINE_ONLY_MIN_CONFIDENCE && c.mentions.every((m) => m.end <= headline.end);
}

/** Adds each extra mention that overlaps none already kept. Both lists are sorted by start. */
function mergeInGaps(kept: Mention[], extra: readonly Mention[]): Mention[] {
  if (extra.length === 0) return kept;
  const out = kept.slice();
  let k = 0;
  for (const m of extra) {
    // Kept mentions ending before this one can never overlap a later one either.
    while (k < kept.length && kept[k]!.end <= m.start) k++;
    let overlaps = false;
    for (let i = k; i < kept.length && kept[i]!.start < m.end; i++) if (kept[i]!.end > m.start) overlaps = true;
    if (!overlaps) out.push(m);
  }
  return out.sort((a, b) => a.start - b.start);
}

function lowerBoundBy(list: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The best mention's confidence, raised by every further independent mention. */
function confidenceOf(c: Cluster): number {
  let best = 0;
  let n = 0;
  for (const m of c.mentions) {
    if (m.origin === 'nested') continue;
    best = Math.max(best, m.confidence);
    n++;
  }
  if (n === 0) best = 0.6;
  const value = best + (1 - best) * (1 - Math.pow(0.7, Math.max(0, n - 1)));
  return Math.round(Math.min(0.99, value) * 1000) / 1000;
}
