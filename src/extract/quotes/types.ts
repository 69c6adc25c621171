/** Types of the quote-attribution stage: what it reads from NER and what it hands to the assembler. */
import type { Span } from '../types.js';

export type { Span };

/** A named-entity mention from the NER stage. */
export interface NameSpan {
  start: number;
  end: number;
  text: string;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
}

export type SpeakerForm = 'NAME' | 'PRONOUN' | 'DESCRIPTION' | 'GROUP';

export interface QuoteSpeaker {
  /** The words the attribution rests on: a name, a pronoun, a role phrase or a group phrase. */
  mention: Span;
  form: SpeakerForm;
  /** For pronouns and continued quotes: the name (or role phrase) the mention stands for. */
  antecedent: Span | null;
}

export interface AttributedQuote {
  /** The quoted words without their quotation marks. */
  text: string;
  start: number;
  end: number;
  /** DIRECT: a whole sentence or more; PARTIAL: a fragment inside the writer's sentence. */
  kind: 'DIRECT' | 'PARTIAL';
  /** 0-based index into the paragraphs passed in. */
  paragraphIndex: number;
  cue: Span | null;
  speaker: QuoteSpeaker | null;
  /** 0..1: how likely the attribution is right: a real quote with the right speaker. */
  confidence: number;
  /** 0..1: how likely the speaker is right, given that the quote is real. */
  speakerConfidence: number;
  /** How the attribution was found, as the calibration table's key (see calibrate.ts). */
  evidence: string;
}
