import { genderOfFirstName } from '../knowledge/firstNames.js';
import { lookupKnown } from '../knowledge/knowledgeBase.js';
import { isCommonWord } from './isCommonWord.js';
import { BUSINESS_NAME_WORDS, CALENDAR_WORDS, FUNCTION_WORDS, HONORIFICS, ORGANIZATION_NAME_HEADS, TITLE_WORDS } from './lexicon.js';
import { makeMention, type Mention, type NerMention } from './mention.js';
import { gluedInSentence, isCapitalised, type Word } from './scanWords.js';

/** A first name and a surname are the evidence; NER saw neither, so less than its own people. */
export const PAIR_CONFIDENCE = 0.6;

/** A word with one capital, then lower-case letters ("Stone", not "US" or "iPod"). */
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)?$/u;

/**
 * People NER missed: a first name the list knows, then one capitalised word, standing alone
 * ("Joss Stone won two awards"). Neither word may be a title, a function word, a name the
 * knowledge base knows, a month or a word the text also writes in lower case (a sentence's "Will
 * Labour win?"); no capitalised word may be glued on either side (that is a longer name NER left
 * out for a reason), NER may have seen nothing there (it saw "Roman Catholic" and a film's title
 * and called them neither), and the pair is followed by a lower-case word, punctuation or a
 * possessive, as in a sentence, not a figure, as in a table. Only gaps between other mentions
 * take these.
 */
export function findFirstNamePairs(words: readonly Word[], text: string, ner: readonly NerMention[]): Mention[] {
  const out: Mention[] = [];
  let n = 0;
  for (let i = 0; i + 1 < words.length; i++) {
    const first = words[i]!;
    const last = words[i + 1]!;
    // Most words are lower-case or no first names: the cheapest tests first (the name list lowers the word, an allocation).
    if (
      !isCapitalised(first.text) ||
      !isCapitalised(last.text) ||
      !gluedInSentence(text, first, last) ||
      !NAME_WORD.test(first.text) ||
      !NAME_WORD.test(last.text)
    )
      continue;
    if (genderOfFirstName(first.text) === null) continue;
    // NER saw something else there ("Roman Catholic", a film's title), or it is a table's cell.
    while (n < ner.length && ner[n]!.end <= first.start) n++;
    if (n < ner.length && ner[n]!.start < last.end) continue;
    if (CALENDAR_WORDS.has(first.text) || !plainWord(text, first.text) || !plainWord(text, last.text)) continue;
    if (!/^(?:[’']s\b|[ \t]*[,.;:!?)"”]|[ \t]+\p{Ll})/u.test(text.slice(last.end, last.end + 3))) continue;
    const before = words[i - 1];
    const after = words[i + 2];
    // A capitalised word before it, or an abbreviation other than an honorific ("St. Brendan Trust"; "Mr. Joss Stone" stays).
    const abbreviation = /(\p{Lu}\p{Ll}{0,3})\.[ \t]+$/u.exec(text.slice(Math.max(0, first.start - 8), first.start));
    if (abbreviation && !HONORIFICS.has(abbreviation[1]!)) continue;
    if (before && gluedInSentence(text, before, first) && /^\p{Lu}/u.test(before.text) && !HONORIFICS.has(before.text)) continue;
    if (after && gluedInSentence(text, last, after) && /^\p{Lu}/u.test(after.text)) continue;
    if (lookupKnown(`${first.text} ${last.text}`).length > 0) continue;
    out.push(makeMention(first.start, last.end, text.slice(first.start, last.end), 'PERSON', text.slice(first.start, last.end), PAIR_CONFIDENCE, 'rule'));
    i++;
  }
  return out;
}

/**
 * A word that is a first name and nothing else in this text: one the list knows, written with one
 * capital ("Wes") or two ("LeBron"), and no month, title, body's word, function word, name the
 * knowledge base knows, nor a word the text also writes in lower case.
 */
export function isPlainFirstName(text: string, word: string): boolean {
  return (NAME_WORD.test(word) || CAMEL_NAME.test(word)) && genderOfFirstName(word) !== null && !CALENDAR_WORDS.has(word) && plainWord(text, word);
}

/** A first name with a second capital: "LeBron", "DeShawn". */
const CAMEL_NAME = /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+$/u;

/** Not a title, a word of a body's or a company's name, a function word, a name the knowledge base knows, nor a word the text also writes in lower case. */
export function plainWord(text: string, word: string): boolean {
  return (
    !TITLE_WORDS.has(word) &&
    !HONORIFICS.has(word) &&
    !ORGANIZATION_NAME_HEADS.has(word) &&
    !BUSINESS_NAME_WORDS.has(word) &&
    !FUNCTION_WORDS.has(word.toLowerCase()) &&
    lookupKnown(word).length === 0 &&
    !isCommonWord(text, word)
  );
}
