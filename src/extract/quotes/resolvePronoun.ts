/**
 * Resolves a speaker pronoun to the phrase it stands for: a person (he/she) or a group (they/it).
 * Preference follows news style: the subject of the same sentence, then the most recent
 * compatible speaker, then the most recent compatible name.
 */
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
  const kind = PRONOUNS.get(pronoun.text.toLowerCase());
  if (kind === undefined || kind === 'SELF') return null;
  const wantPerson = kind === 'SING';

  // 1. The subject of the same sentence, left of the pronoun.
  let upto = 0;
  while (upto < sentenceTokens.length && sentenceTokens[upto]!.start < pronoun.start) upto++;
  const subject = clauseSubject(text, sentenceTokens, 0, upto, names);
  if (subject !== null && subject.form !== 'PRONOUN' && isPersonLike(subject) === wantPerson) return subject.mention;

  // 2. The latest compatible speaker close by.
  for (let i = memory.length - 1; i >= 0; i--) {
    const m = memory[i]!;
    if (paragraphIndex - m.paragraphIndex > HOW_FAR_BACK) break;
    if (m.personLike === wantPerson && m.referent.end <= pronoun.start) return m.referent;
  }

  // 3. The latest compatible name.
  const types: NameSpan['type'][] = wantPerson ? ['PER'] : kind === 'THING' ? ['ORG'] : ['ORG', 'LOC', 'MISC'];
  const n = names.lastBefore(pronoun.start, pronoun.start - NAME_REACH, types);
  return n === null ? null : { start: n.start, end: n.end, text: n.text };
}
