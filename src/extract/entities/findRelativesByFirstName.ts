import { genderOfFirstName } from '../knowledge/firstNames.js';
import { makeMention, type Mention } from './mention.js';
import { isCapitalised, type Word } from './scanWords.js';

/** A relative named by the text and a first name are the evidence; NER saw neither, so less than its own people. */
const RELATIVE_CONFIDENCE = 0.6;

/** Relatives a text names before a first name: "his wife Cherie", "my brother Jake". */
const RELATIVES = new Set(
  'wife husband son daughter brother sister mother father partner girlfriend boyfriend friend cousin uncle aunt nephew niece grandson granddaughter grandmother grandfather'.split(
    ' ',
  ),
);

/** A possessive and a relative, just before a name: "his wife ", "my late brother ". */
const RELATIVE_BEFORE = new RegExp(
  `\\b(?:my|his|her|their|our|your)[ \\t]+(?:(?:late|eldest|elder|younger|youngest|older|twin|baby)[ \\t]+)?(?:${[...RELATIVES].join('|')})[ \\t]+$`,
);

/** A first name alone: one capital, then lower-case letters. */
const FIRST_NAME_WORD = /^\p{Lu}\p{Ll}+$/u;

/**
 * People NER missed, named by their first name after a relative the text names: "his wife
 * Cherie", "my brother Jake". The word must be a first name the list knows and stand alone (a
 * capitalised word after it makes a longer name, which is NER's or the first-name pairs'
 * business).
 */
export function findRelativesByFirstName(words: readonly Word[], text: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (!isCapitalised(word.text) || !RELATIVES.has(words[i - 1]!.text) || !FIRST_NAME_WORD.test(word.text)) continue;
    if (!RELATIVE_BEFORE.test(text.slice(Math.max(0, word.start - 40), word.start))) continue;
    const next = words[i + 1];
    if (next && /^[ \t]+$/.test(text.slice(word.end, next.start)) && isCapitalised(next.text)) continue;
    if (genderOfFirstName(word.text) === null) continue;
    out.push(makeMention(word.start, word.end, word.text, 'PERSON', word.text, RELATIVE_CONFIDENCE, 'rule'));
  }
  return out;
}
