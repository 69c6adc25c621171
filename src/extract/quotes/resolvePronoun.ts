/**
 * Resolves a speaker pronoun to the phrase it stands for: a person (he/she) or a group (they/it).
 * Preference follows news style: the subject of the same sentence, then the most recent
 * compatible speaker, then the most recent compatible name.
 */
import { genderOfFirstName, type Gender } from '../knowledge/firstNames.js';
import { lookupKnown } from '../knowledge/knowledgeBase.js';
import { SPEECH_VERB_AFTER } from '../entities/lexicon.js';
import { clauseSubject, type SpeakerCandidate } from './findSpeaker.js';
import { PRONOUNS } from './lexicon.js';
import type { NameIndex } from './nameIndex.js';
import type { Token } from './tokenize.js';
import type { NameSpan, Span } from './types.js';

/** A speaker already attributed earlier in the article, for pronouns and continuations to reuse. */
export interface SpeakerMemory {
  /** What the speaker resolves to (the name or role phrase, never a pronoun). */
  referent: Span;
  personLike: boolean;
  paragraphIndex: number;
}

const HOW_FAR_BACK = 3; // paragraphs a pronoun may reach back to find a previous speaker
const NAME_REACH = 3000; // characters a pronoun may reach back to find a bare name

/** Whether a phrase can be the antecedent of he/she rather than they/it. */
export function isPersonLike(c: SpeakerCandidate): boolean {
  return c.form === 'DESCRIPTION' || (c.form === 'NAME' && (c.nameType === 'PER' || c.nameType === null));
}

/** The antecedent of `pronoun`, or null when nothing compatible is in reach. */
export function resolvePronoun(
  text: string,
  pronoun: Span,
  sentenceTokens: readonly Token[],
  paragraphIndex: number,
  memory: readonly SpeakerMemory[],
  names: NameIndex,
): Span | null {
  const lower = pronoun.text.toLowerCase();
  const kind = PRONOUNS.get(lower);
  if (kind === undefined || kind === 'SELF') return null;
  // "she" never stands for a man named or titled as one ("Mr Blair", "Tony"), nor "he" for a woman.
  return findAntecedent(text, pronoun, kind, lower === 'he' ? 'male' : lower === 'she' ? 'female' : null, sentenceTokens, paragraphIndex, memory, names);
}

/**
 * The person a description by nationality stands for ("the Spaniard told Sky Sports", "the
 * Frenchman said"): found as the antecedent of "he" or "she" is, with the noun's gender if it
 * has one.
 */
export function resolveNationalityNoun(
  text: string,
  phrase: Span,
  sentenceTokens: readonly Token[],
  paragraphIndex: number,
  memory: readonly SpeakerMemory[],
  names: NameIndex,
): Span | null {
  const gender: Gender | null = /man$/i.test(phrase.text) ? 'male' : /woman$/i.test(phrase.text) ? 'female' : null;
  return findAntecedent(text, phrase, 'SING', gender, sentenceTokens, paragraphIndex, memory, names);
}

/**
 * "the Spaniard", "the Briton", "the Frenchman": "the" and one nationality word for a single
 * person (not a plural, "the Spaniards", which is a group or the nation).
 */
export function isNationalityNoun(text: string, phrase: Span): boolean {
  const word = phrase.text.replace(/^the\s+/i, '');
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || /s$/.test(word)) return false;
  if (word === phrase.text && !/\bthe\s+$/i.test(text.slice(Math.max(0, phrase.start - 5), phrase.start))) return false;
  // The word must be the phrase's head, with the verb of speech right after it: "the German
  // exchange said" is the exchange.
  if (!SPEECH_VERB_AFTER.test(text.slice(phrase.end, phrase.end + 16))) return false;
  return lookupKnown(word).some((m) => m.demonym);
}

function findAntecedent(
  text: string,
  pronoun: Span,
  kind: 'SING' | 'PLURAL' | 'THING',
  wantGender: Gender | null,
  sentenceTokens: readonly Token[],
  paragraphIndex: number,
  memory: readonly SpeakerMemory[],
  names: NameIndex,
): Span | null {
  const wantPerson = kind === 'SING';
  const fits = (span: Span): boolean => {
    if (wantGender === null) return true;
    // The word before a name may be its courtesy title: "Mr" + "Blair".
    const g = genderOf(`${/(\S+)\s+$/.exec(text.slice(Math.max(0, span.start - 12), span.start))?.[1] ?? ''} ${span.text}`);
    return g === null || g === wantGender;
  };

  // 1. The subject of the same sentence, left of the pronoun.
  let upto = 0;
  while (upto < sentenceTokens.length && sentenceTokens[upto]!.start < pronoun.start) upto++;
  const subject = clauseSubject(text, sentenceTokens, 0, upto, names);
  if (subject !== null && subject.form !== 'PRONOUN' && isPersonLike(subject) === wantPerson && fits(subject.mention)) return subject.mention;

  // 2. The latest compatible speaker close by.
  for (let i = memory.length - 1; i >= 0; i--) {
    const m = memory[i]!;
    if (paragraphIndex - m.paragraphIndex > HOW_FAR_BACK) break;
    if (m.personLike === wantPerson && m.referent.end <= pronoun.start && fits(m.referent)) return m.referent;
  }

  // 3. The latest compatible name.
  const types: NameSpan['type'][] = wantPerson ? ['PER'] : kind === 'THING' ? ['ORG'] : ['ORG', 'LOC', 'MISC'];
  for (let before = pronoun.start; ;) {
    const n = names.lastBefore(before, pronoun.start - NAME_REACH, types);
    if (n === null) return null;
    if (fits(n)) return { start: n.start, end: n.end, text: n.text };
    before = n.start;
  }
}

const MALE_WORDS = new Set([
  'mr',
  'mr.',
  'sir',
  'lord',
  'king',
  'prince',
  'spokesman',
  'chairman',
  'father',
  'husband',
  'son',
  'brother',
  'he',
  'him',
  'man',
  'businessman',
  'congressman',
]);
const FEMALE_WORDS = new Set([
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'miss',
  'dame',
  'lady',
  'queen',
  'princess',
  'spokeswoman',
  'chairwoman',
  'mother',
  'wife',
  'daughter',
  'sister',
  'she',
  'her',
  'woman',
  'businesswoman',
  'congresswoman',
]);

/**
 * The gender a phrase names, when it says: a courtesy title or a gendered noun ("Mr Blair",
 * "the spokeswoman"), else the usual gender of its first name ("Maria Okafor"), else null.
 */
export function genderOf(phrase: string): Gender | null {
  const words = phrase.split(/[\s,]+/).filter((w) => w !== '');
  for (const w of words) {
    const l = w.toLowerCase();
    if (MALE_WORDS.has(l)) return 'male';
    if (FEMALE_WORDS.has(l)) return 'female';
  }
  // The first capitalised word that is not a title is the first name ("Tony" of "Prime Minister Tony Blair").
  const capitalised = words.filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w));
  for (let i = 0; i < capitalised.length - 1; i++) {
    const g = genderOfFirstName(capitalised[i]!);
    if (g !== null) return g;
  }
  return null;
}
