/**
 * The contract between the import pipeline and the extraction engine.
 *
 * All offsets index `ExtractInput.text` (a JavaScript string, UTF-16 code units), so that
 * `text.slice(start, end) === span.text` always holds.
 */

/** A piece of the input text with its offsets. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** The kinds of entity the store and the API know today. */
export type EntityType = 'PERSON' | 'ORGANIZATION' | 'PLACE';

/**
 * Every kind the engine emits: the three above, and names that are none of them: a WORK (a
 * film, book, album, programme), an EVENT (a competition, festival, holiday, election), a
 * PRODUCT (a device, a brand of goods, a format) or an AWARD ("Oscar", "Booker Prize").
 */
export type EntityKind = EntityType | 'WORK' | 'EVENT' | 'PRODUCT' | 'AWARD';

/**
 * How a mention refers to its entity:
 * - NAME: the entity's proper name or part of it ("Sergei Lavrov", "Lavrov", "Nato");
 * - ACRONYM: initials standing for a longer name ("EU", "UKIP", "OSCE");
 * - DEMONYM: a nationality word standing for a place ("French" officials, "Ukrainians");
 * - PRONOUN: a pronoun the engine resolved to the entity ("he said" → Lavrov);
 * - DESCRIPTION: a role phrase without the name that refers to a named entity ("the foreign minister").
 * A frontend that highlights name mentions takes NAME and ACRONYM.
 */
export type MentionForm = 'NAME' | 'ACRONYM' | 'DEMONYM' | 'PRONOUN' | 'DESCRIPTION';

/** One occurrence of an entity. Mentions never overlap unless one is nested in another. */
export interface EntityMention extends Span {
  form: MentionForm;
  /**
   * Offsets of the enclosing mention when this one lies inside another ("Nato" inside
   * "Nato-Russia Council"), else null. Two mentions of an article overlap only in this way.
   */
  parent: { start: number; end: number } | null;
}

/** What the shipped knowledge base knows of an entity: evidence for identity across articles. */
export interface KnownEntity {
  /** Stable id in the knowledge base ("country:FR", "org:european-union"). */
  id: string;
  /** The knowledge base's name for it ("European Union"). */
  name: string;
  /** Acronyms and other names the knowledge base lists for it ("EU"), canonical name excluded. */
  aliases: string[];
}

/** What the extractor reads: the decoded text and where its headline and paragraphs lie in it. */
export interface ExtractInput {
  text: string;
  /** The headline; mentions in it count. */
  title: Span;
  /** Body paragraphs in order (1-based paragraph numbers are index + 1). */
  paragraphs: Span[];
  /** Tags given by an editor (the TAGS: line, front matter, JSON "tags"). */
  editorTags: string[];
}

export interface ExtractedEntity {
  type: EntityKind;
  /** Canonical name: the fullest form used in the article ("Sergei Lavrov"). */
  name: string;
  /** Other forms used in the article for the same entity ("Lavrov", "Nato"), canonical name excluded. */
  aliases: string[];
  /** Role with titles stripped from the name ("foreign minister"), or null. */
  role: string | null;
  /** Who the role is for, as a name ("Russia", "National Security Council"), or null. */
  affiliation: string | null;
  /** Every mention in the text, in order. */
  mentions: EntityMention[];
  /** 0..1: how sure the engine is that this is a real entity of this type. */
  confidence: number;
  /** The knowledge-base entry the entity was matched to, or null. */
  known: KnownEntity | null;
}

export type SpeakerType = EntityType | 'UNNAMED';

export interface ExtractedSpeaker {
  /** Canonical name of the entity (matches an ExtractedEntity.name of the same type), or null when unnamed. */
  name: string | null;
  /** Words describing an unnamed speaker ("The White House press secretary"), or null when named. */
  description: string | null;
  type: SpeakerType;
  /** For unnamed speakers: the organization or place they speak for, as a name, or null. */
  affiliation: string | null;
  /** The mention the attribution rests on (a name, a pronoun, or a role phrase). */
  mention: Span;
  /** 0..1: how likely this is the right speaker, given that the quote is real. */
  confidence: number;
}

export interface ExtractedQuote {
  /** The quoted words without their surrounding quotation marks. */
  text: string;
  start: number;
  end: number;
  kind: 'DIRECT' | 'PARTIAL';
  /** The attribution cue ("said", "according to", "announced:"), or null. */
  cue: Span | null;
  speaker: ExtractedSpeaker | null;
  /**
   * 0..1: how likely the attribution is right: the quote is real speech and the speaker is the
   * right one (calibrated on PolNeAR: of quotes given 0.8, about 80 % are right). The review
   * queue sorts by it.
   */
  confidence: number;
}

/**
 * A tag: an editor's own (EDITOR), or a subject the text is about (TOPIC, from the topic
 * keyword lists: "Diplomacy", "Elections", "Economy"). Entity names are not tags: the entities
 * are in the output already.
 */
export interface ExtractedTag {
  name: string;
  kind: 'EDITOR' | 'TOPIC';
}

export interface Extraction {
  entities: ExtractedEntity[];
  quotes: ExtractedQuote[];
  tags: ExtractedTag[];
}
