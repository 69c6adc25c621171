import { DETERMINERS } from '../quotes/lexicon.js';
import { makeMention, type Mention } from './mention.js';
import { isCapitalised, type Word } from './scanWords.js';

/** Nouns a title follows: "the film Ray", "her album Hopes and Fears", "his new single Speed of Sound". */
const WORK_NOUNS = new Set([
  'film',
  'movie',
  'album',
  'single',
  'song',
  'novel',
  'book',
  'memoir',
  'musical',
  'documentary',
  'sitcom',
  'drama',
  'game',
  'opera',
  'ballet',
]);
/** Words before the noun that make it name one work: a determiner ("the", "her") or "new", "latest", "debut" …; or a possessive ("Scorsese's"). */
const BEFORE_WORK_NOUN: ReadonlySet<string> = new Set([
  ...DETERMINERS,
  'new',
  'latest',
  'debut',
  'hit',
  'animated',
  'first',
  'second',
  'third',
  'next',
  'last',
]);
/** Lower-case words a title may hold between its capitalised ones ("Speed of Sound", "Hopes and Fears"). */
const JOINERS = new Set(['of', 'the', 'and', 'in', 'on', 'a', 'an', 'to', 'for', 'at', 'with', 'from', 'by']);
/** At most this many words in a title found this way. */
const MAX_TITLE_WORDS = 6;
/** The cue is the evidence, as for a name NER found after it (`decideKind`'s `cued`). */
const TITLE_CONFIDENCE = 0.7;

/**
 * Titles after a work noun where NER found no name: NER is unsure of titles, which are often
 * common words ("the film Ray", "her album Twentysomething"). A title is capitalised words (with
 * figures and lower-case joiners between them) right after the noun, up to punctuation; the noun
 * must follow a determiner, a possessive or an adjective of the kind above, so "film" as a verb
 * or in a compound ("film studio Pixar") names nothing. Only gaps between NER's mentions take these.
 */
export function findWorkTitles(words: readonly Word[], text: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 1; i + 1 < words.length; i++) {
    const noun = words[i]!;
    if (!WORK_NOUNS.has(noun.text)) continue;
    const before = words[i - 1]!;
    if (before.segment !== noun.segment || !(BEFORE_WORK_NOUN.has(before.text.toLowerCase()) || /['’]s$/.test(before.text))) continue;
    let end = i;
    for (let k = i + 1; k < words.length && k <= i + MAX_TITLE_WORDS; k++) {
      const w = words[k]!;
      // Punctuation (or a line) between two words ends the title.
      if (w.segment !== noun.segment || w.sentenceStart || /[^\s]/.test(text.slice(words[k - 1]!.end, w.start))) break;
      if (isCapitalised(w.text) || /^\d+$/.test(w.text)) end = k;
      else if (!JOINERS.has(w.text)) break;
    }
    if (end === i || !isCapitalised(words[i + 1]!.text)) continue;
    const start = words[i + 1]!.start;
    const title = text.slice(start, words[end]!.end);
    out.push(makeMention(start, words[end]!.end, title, 'WORK', title, TITLE_CONFIDENCE, 'rule'));
  }
  return out;
}
