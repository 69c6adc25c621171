import { genderOfFirstName } from '../knowledge/firstNames.js';
import { lookupKnown } from '../knowledge/knowledgeBase.js';
import { ORGANIZATION_NAME_HEADS } from './lexicon.js';
import type { NerMention } from './mention.js';

/**
 * Joins NER spans that are one name NER cut in two: a span opening with "and" or "of" right after
 * another is the rest of that name ("University of the Highlands" + "and Islands"; opening with it
 * anywhere else, it is no name); a body's name and what it is for or of; a first name and the name
 * NER started again after it; a name and a surname opening with its particle.
 */
export function joinContinuations(text: string, ner: readonly NerMention[]): NerMention[] {
  const out: NerMention[] = [];
  for (const m of ner) {
    // "National League" + "for" + "Democracy": a body's name ending in its head noun, "for" (or
    // "of", "on") and another name are one name ("Council for Transport Safety", "European Court
    // of Human Rights"); not "ICM for BBC News", a poll for a client, nor a name the knowledge
    // base knows after it.
    const last = out[out.length - 1];
    if (
      last?.type === 'ORG' &&
      m.type === 'ORG' &&
      JOINED_BY.has(text.slice(last.end, m.start)) &&
      ORGANIZATION_NAME_HEADS.has(last.text.slice(last.text.lastIndexOf(' ') + 1)) &&
      lookupKnown(m.text).every((k) => k.entry.kind === 'COMMON')
    ) {
      // The body's name, which NER was sure of, is the evidence; what names its purpose is often a common word NER doubts.
      out[out.length - 1] = { ...joined(text, last, m), confidence: last.confidence };
      continue;
    }
    // "Leonardo" + "DiCaprio": a first name alone, then a name NER started again, is one person;
    // so is a first name NER doubted as something else ("Trent" + "Alexander-Arnold").
    if (
      (last?.type === 'PER' || (last !== undefined && last.confidence < DOUBTED)) &&
      m.type === 'PER' &&
      text.slice(last.end, m.start) === ' ' &&
      /^\p{Lu}\p{Ll}+$/u.test(last.text) &&
      genderOfFirstName(last.text) !== null &&
      /^\p{Lu}/u.test(m.text)
    ) {
      out[out.length - 1] = { ...joined(text, last, m), type: 'PER' };
      continue;
    }
    // "Marie Salomea" + "Skłodowska-Curie": a first name and a middle name, then one more word
    // NER started again, are one person (two people's names never meet without a comma or "and").
    if (
      last?.type === 'PER' &&
      m.type === 'PER' &&
      text.slice(last.end, m.start) === ' ' &&
      FIRST_AND_MIDDLE.test(last.text) &&
      genderOfFirstName(last.text.slice(0, last.text.indexOf(' '))) !== null &&
      ONE_WORD_NAME.test(m.text)
    ) {
      out[out.length - 1] = joined(text, last, m);
      continue;
    }
    // "Luiz Inacio Lula" + "da Silva": a person's name, then a surname opening with its particle, is one name.
    if (last?.type === 'PER' && m.type === 'PER' && text.slice(last.end, m.start) === ' ' && SURNAME_PARTICLE.test(m.text)) {
      out[out.length - 1] = joined(text, last, m);
      continue;
    }
    // "Estádio" + "do" + "Dragão", "Banco" + "do" + "Brasil": a Romance particle between two names of
    // one type (not people's: "Paulo" and "de Souza" are the surname rule's) joins them.
    if (last !== undefined && last.type === m.type && m.type !== 'PER' && ROMANCE_PARTICLE.test(text.slice(last.end, m.start))) {
      out[out.length - 1] = joined(text, last, m);
      continue;
    }
    if (!CONTINUATION.test(m.text)) {
      out.push(m);
      continue;
    }
    const previous = out[out.length - 1];
    if (previous && previous.type !== 'PER' && /^ $/.test(text.slice(previous.end, m.start)))
      out[out.length - 1] = { ...joined(text, previous, m), confidence: Math.min(previous.confidence, m.confidence) };
  }
  return out;
}

/** `first` and `second` as one span of `first`'s type, as sure as the surer of the two. */
function joined(text: string, first: NerMention, second: NerMention): NerMention {
  return { ...first, end: second.end, text: text.slice(first.start, second.end), confidence: Math.max(first.confidence, second.confidence) };
}

/** What joins a body's name and what it is for or of ("Council for Transport Safety", "European Court of Human Rights"). */
const JOINED_BY = new Set([' for ', ' for the ', ' of ', ' of the ', ' on ']);

/** A lower-case particle opening a surname ("van Dijkstra", "de Silva", "bin Laden"). */
export const SURNAME_PARTICLE = /^(?:van|von|de|der|den|da|di|du|del|della|dos|le|la|ter|ten|bin|ibn|al)\s\p{Lu}/u;

/** Below this NER confidence, a first name's type is doubted enough for the name after it to decide. */
const DOUBTED = 0.5;

/** Two capitalised words: a first name and a middle name. */
const FIRST_AND_MIDDLE = /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u;
/** One capitalised word, or two joined by a hyphen: a surname. */
const ONE_WORD_NAME = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

/** A Romance particle between two words of one name: " do ", " de la ", " dei ". */
const ROMANCE_PARTICLE = /^ (?:de|do|da|dos|das|del|della|dei|di|du|des)(?: la| los| las)? $/;

/** A lower-case joining word opening a NER span. */
const CONTINUATION = /^(?:and|of|for|&)\s/;
