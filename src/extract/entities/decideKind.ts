/**
 * The kind of a name, from several kinds of evidence: what NER said, what the knowledge base
 * knows of the name, the name's own head word ("… Cup", "… Prize") and the noun before it
 * ("the film …"). The knowledge base never decides alone against a confident NER label for a
 * name it marks ambiguous ("Apple", "Virgin").
 */
import { lookupKnown, type KbEntry } from '../knowledge/knowledgeBase.js';
import type { EntityKind } from '../types.js';

export interface KindDecision {
  /** The kind, or null when the name is not an entity ("DVD", "GDP", "Bill"). */
  kind: EntityKind | null;
  /** The knowledge-base entry the name was matched to, if any. */
  known: KbEntry | null;
}

/** Last words of the names of events: competitions, shows, festivals, holidays. */
const EVENT_HEADS = new Set([
  'Cup',
  'Championship',
  'Championships',
  'Games',
  'Olympics',
  'Festival',
  'Show',
  'Expo',
  'Fair',
  'Summit',
  'Grand Prix',
  'Marathon',
  'Tournament',
  'Trophy',
  'Series',
  'Day',
  'Eve',
  'Week',
  'Carnival',
  'Biennale',
  'Fringe',
]);
/** Last words of the names of venues, which are places: "Millennium Stadium", "Wembley Arena". */
const PLACE_HEADS = new Set(['Stadium', 'Arena']);
/** Last words of the names of awards. */
const AWARD_HEADS = new Set(['Award', 'Awards', 'Prize', 'Prizes', 'Medal', 'Trophies']);
/** Nouns that name a work just before its title: "the film Aviator", "her album Hopes and Fears". */
const WORK_NOUN_BEFORE =
  /\b(?:film|movie|films|album|single|song|book|novel|memoir|biography|musical|opera|ballet|sitcom|series|soap|documentary|drama|programme|program|game|video game|painting|poem|blockbuster|thriller|comedy)\s+$/i;
/** Nouns that are verbs too ("Liverpool play Juventus", "figures show Labour ahead"): a work only after a determiner or possessive. */
const WORK_VERB_NOUN_BEFORE = /\b(?:the|a|an|his|her|their|its|our|new|latest|\p{L}+['’]s)\s+(?:play|show|hit)\s+$/iu;
/** "star of …", "starring in …", "director of …": a work follows. */
const WORK_VERB_BEFORE =
  /\b(?:starring in|starred in|stars in|star of|director of|directed|author of|wrote|sequel to|remake of|screening of|premiere of)\s+(?:the\s+)?$/i;

const NER_KIND: Record<string, EntityKind | null> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE', MISC: null };

/**
 * Decides the kind of a NER mention. `before` is the text just before it (a few dozen
 * characters), `nerType` the NER label and `confidence` NER's confidence in it.
 */
export function decideKind(surface: string, before: string, nerType: 'PER' | 'ORG' | 'LOC' | 'MISC', confidence: number): KindDecision {
  const ner = NER_KIND[nerType] ?? null;
  // Places are the gazetteer's business (and a city's name is often a team's or a person's).
  const matches = lookupKnown(surface).filter((m) => !m.demonym && m.entry.kind !== 'OFFICE' && m.entry.kind !== 'PLACE');
  if (matches.some((m) => m.entry.kind === 'COMMON')) return { kind: null, known: null };
  const agreeing = matches.find((m) => m.entry.kind === ner);
  if (agreeing) return { kind: ner, known: agreeing.entry };
  const first = matches[0]?.entry;
  // "the Amazon" is the river, "Amazon" the company: a company name after "the" is not one.
  const afterThe = /\bthe\s+$/.test(before);
  if (first && matches.every((m) => m.entry.kind === first.kind) && !(afterThe && first.subkind === 'company')) {
    const weakNer = ner === null || confidence < WEAK_NER;
    if (!first.ambiguous || weakNer) return { kind: first.kind as EntityKind, known: first };
  }
  const words = surface.split(/\s+/);
  // "PlayStation Portable", "iPod Mini": a product the knowledge base knows, then a model word.
  if (words.length >= 2 && nerType !== 'PER' && lookupKnown(words[0]!).some((m) => m.entry.kind === 'PRODUCT' && !m.entry.ambiguous))
    return { kind: 'PRODUCT', known: null };
  const last = words[words.length - 1] ?? '';
  const lastTwo = words.slice(-2).join(' ');
  if (words.length >= 2 && (EVENT_HEADS.has(last) || EVENT_HEADS.has(lastTwo)) && nerType !== 'PER') return { kind: 'EVENT', known: null };
  if (words.length >= 2 && AWARD_HEADS.has(last) && nerType !== 'PER') return { kind: 'AWARD', known: null };
  if (words.length >= 2 && PLACE_HEADS.has(last) && nerType !== 'PER') return { kind: 'PLACE', known: null };
  if (WORK_NOUN_BEFORE.test(before) || WORK_VERB_NOUN_BEFORE.test(before) || WORK_VERB_BEFORE.test(before)) return { kind: 'WORK', known: null };
  return { kind: ner, known: null };
}

/** Below this NER confidence, the knowledge base may overrule NER even for an ambiguous name. */
const WEAK_NER = 0.75;
