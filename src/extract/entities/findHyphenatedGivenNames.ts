import { FUNCTION_WORDS, HONORIFICS, TITLE_WORDS } from './lexicon.js';
import { makeMention, type Mention } from './mention.js';
import { gluedInSentence, isCapitalised, type Word } from './scanWords.js';

/** A family name of one short word: "Kim", "Hwang", "O", "Tsai". */
const FAMILY_NAME = /^\p{Lu}\p{Ll}{0,4}$/u;
/** A given name of two syllables joined by a hyphen, the second in lower case: "Dong-hyuk", "Ki-moon", "Ing-wen" (not "U-turn", "T-shirt", "X-ray"). */
const GIVEN_NAME = /^\p{Lu}\p{Ll}{1,5}-\p{Ll}{2,5}$/u;
/** First halves of English hyphenated words that look like such a name ("Anti-war", "Self-made", "Co-op"). */
const ENGLISH_PREFIXES = new Set(
  `anti pro non well self long mid post pre ex vice half high low year man co re semi multi cross over under all one two three four five
   six seven eight nine ten pan neo inter out up by in on off full part left right far near old new sub super ultra mini micro mega bi
   tri hand home kick take mock hi ice red blue green black white gold big top hot cold hard soft fast slow free open know
   must make play back side sun sea day go`
    .trim()
    .split(/\s+/),
);
/** NER saw the given name and rarely the family name before it; a name of this shape is evidence enough, though less than NER's own. */
const CONFIDENCE = 0.7;

/**
 * People written in the Korean (or Wade–Giles) order, family name first, whose given name is two
 * syllables with a hyphen ("Hwang Dong-hyuk", "Ban Ki-moon", "Tsai Ing-wen"): NER, trained on
 * English names, finds the given name alone or nothing. The family name is one capitalised short
 * word in the same sentence, no title or function word; the given name's halves are short
 * syllables, the second in lower case, and the first is no English prefix ("Anti-war"); no
 * capitalised word follows (that would be a given name written first, "Heung-min Son").
 * The spans replace what NER found inside them.
 */
export function findHyphenatedGivenNames(words: readonly Word[], text: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 1; i < words.length; i++) {
    const given = words[i]!;
    // Cheap tests first: most words have no hyphen.
    if (given.text.indexOf('-') < 0 || !isCapitalised(given.text)) continue;
    if (!GIVEN_NAME.test(given.text) || ENGLISH_PREFIXES.has(given.text.slice(0, given.text.indexOf('-')).toLowerCase())) continue;
    const family = words[i - 1]!;
    if (!FAMILY_NAME.test(family.text) || !gluedInSentence(text, family, given)) continue;
    // A capitalised word after it: the given name comes first ("Spurs Heung-min Son scored").
    const next = words[i + 1];
    if (next && gluedInSentence(text, given, next) && isCapitalised(next.text)) continue;
    if (FUNCTION_WORDS.has(family.text.toLowerCase()) || TITLE_WORDS.has(family.text) || HONORIFICS.has(family.text)) continue;
    const surface = text.slice(family.start, given.end);
    out.push(makeMention(family.start, given.end, surface, 'PERSON', surface, CONFIDENCE, 'rule'));
  }
  return out;
}
