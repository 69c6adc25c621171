import { lookupKnown } from '../knowledge/knowledgeBase.js';
import { isCommonWord } from './isCommonWord.js';
import { CALENDAR_WORDS, FUNCTION_WORDS, HONORIFICS, PERSONAL_RELATION, TITLE_WORDS } from './lexicon.js';
import { makeMention, type Mention } from './mention.js';
import { isCapitalised, type Word } from './scanWords.js';

/** The relation is the evidence, as a context word is for a name NER found. */
const RELATION_CONFIDENCE = 0.7;
/** One capital, then lower-case letters: "Putin", not "NATO" or "iPod". */
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)?$/u;

/**
 * People NER missed, named alone after a person's relation to them: "foreign policy adviser to
 * Putin", "the widow of Mandela". The name is one capitalised word the text writes in no other
 * way, no title, month or function word, nothing the knowledge base knows (an adviser to
 * "Labour" or "Gazprom" advises a body), and it ends the phrase: punctuation or a lower-case word
 * follows, not another capitalised word (a longer name is NER's business).
 */
export function findRelatedPeople(words: readonly Word[], text: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 2; i < words.length; i++) {
    const word = words[i]!;
    const link = words[i - 1]!.text;
    // Cheap tests first: most words follow neither "to" nor "of".
    if ((link !== 'to' && link !== 'of') || !isCapitalised(word.text) || word.sentenceStart || !NAME_WORD.test(word.text)) continue;
    if (!PERSONAL_RELATION.test(text.slice(Math.max(0, word.start - 24), word.start))) continue;
    const next = words[i + 1];
    if (next && next.segment === word.segment && /^[ \t]+$/.test(text.slice(word.end, next.start)) && isCapitalised(next.text)) continue;
    if (TITLE_WORDS.has(word.text) || HONORIFICS.has(word.text) || CALENDAR_WORDS.has(word.text) || FUNCTION_WORDS.has(word.text.toLowerCase())) continue;
    if (lookupKnown(word.text).length > 0 || isCommonWord(text, word.text)) continue;
    out.push(makeMention(word.start, word.end, word.text, 'PERSON', word.text, RELATION_CONFIDENCE, 'rule'));
  }
  return out;
}
