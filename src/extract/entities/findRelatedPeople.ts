import { plainWord } from './findFirstNamePairs.js';
import { PERSONAL_RELATION } from './lexicon.js';
import { makeMention, type Mention } from './mention.js';
import { isCapitalised, type Word } from './scanWords.js';

/** The relation is the evidence, as a context word is for a name NER found. */
const RELATION_CONFIDENCE = 0.7;
/** One capital, then lower-case letters: "Putin", "O'Brien", not "NATO" or "iPod". */
const NAME_WORD = /^\p{Lu}(?:['’]\p{Lu})?\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u;
/** A possessive ending, left outside the name: "an aide to Okonkwo's rival". */
const POSSESSIVE = /['’]s$/;

/**
 * Whether a word after a person's relation to someone ("adviser to ", "wife of ") is that
 * someone's name: a plain word as a first name's surname is (`plainWord`: no title, body's word,
 * function word, name the knowledge base knows, so an adviser to "Labour" or "Gazprom" advises a
 * body, nor a word the text writes in lower case, "brother of Soul").
 */
export function namesRelatedPerson(text: string, word: string): boolean {
  return plainWord(text, word);
}

/**
 * People NER missed, named alone after a person's relation to them: "foreign policy adviser to
 * Putin", "the widow of Mandela". The name is one capitalised word (`namesRelatedPerson`), and it
 * ends the phrase: punctuation or a lower-case word follows, not another capitalised word (a
 * longer name is NER's business).
 */
export function findRelatedPeople(words: readonly Word[], text: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 2; i < words.length; i++) {
    const word = words[i]!;
    const link = words[i - 1]!.text;
    // Cheap tests first: most words follow neither "to" nor "of".
    if ((link !== 'to' && link !== 'of') || !isCapitalised(word.text) || word.sentenceStart) continue;
    const name = POSSESSIVE.test(word.text) ? word.text.slice(0, -2) : word.text;
    if (!NAME_WORD.test(name) || !PERSONAL_RELATION.test(text.slice(Math.max(0, word.start - 24), word.start))) continue;
    const next = words[i + 1];
    if (next && next.segment === word.segment && /^[ \t]+$/.test(text.slice(word.end, next.start)) && isCapitalised(next.text)) continue;
    if (!namesRelatedPerson(text, name)) continue;
    out.push(makeMention(word.start, word.start + name.length, name, 'PERSON', name, RELATION_CONFIDENCE, 'rule'));
  }
  return out;
}
