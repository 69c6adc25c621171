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

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'PLACE';

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
  type: EntityType;
  /** Canonical name: the fullest form used in the article ("Sergei Lavrov"). */
  name: string;
  /** Other forms used in the article for the same entity ("Lavrov", "Nato"), canonical name excluded. */
  aliases: string[];
  /** Role with titles stripped from the name ("foreign minister"), or null. */
  role: string | null;
  /** Who the role is for, as a name ("Russia", "National Security Council"), or null. */
  affiliation: string | null;
  /** Every mention in the text, in order. */
  mentions: Span[];
  /** 0..1: how sure the engine is that this is a real entity of this type. */
  confidence: number;
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
  /** 0..1: confidence of the attribution. */
  confidence: number;
}

export interface ExtractedTag {
  name: string;
  kind: 'EDITOR' | 'TOPIC';
}

export interface Extraction {
  entities: ExtractedEntity[];
  quotes: ExtractedQuote[];
  tags: ExtractedTag[];
}
