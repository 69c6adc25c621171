import { lookupKnown } from '../knowledge/knowledgeBase.js';
import { definedKind } from './definedKind.js';
import { isCommonWord } from './isCommonWord.js';
import { FUNCTION_WORDS, TITLE_WORDS } from './lexicon.js';
import { makeMention, type Mention } from './mention.js';
import { gluedInSentence, isCapitalised, type Word } from './scanWords.js';

/** A copula just after the name. */
const COPULA = /^ (?:is|was|are|were) /;
/** At most this many words in a name found this way. */
const MAX_NAME_WORDS = 4;
/** The definition is the evidence, as for a name NER found before it (`decideKind`'s `cued`). */
const DEFINED_CONFIDENCE = 0.7;

/**
 * Names NER missed that open a sentence and that the sentence defines: "Nirvana was an American
 * rock band", "Breaking Bad is an American crime drama television series". NER is least sure at a sentence's start, where a capital
 * proves nothing, and reference works open with such sentences. The name is the capitalised
 * words before the verb (a capital "The" opens it); a word the text also writes in lower case,
 * a function word or a title is no name ("It is a …", "This was a …"). Only gaps between NER's
 * mentions take these.
 */
export function findDefinedNames(words: readonly Word[], text: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.sentenceStart) continue;
    const first = words[i]!.text === 'The' && i + 1 < words.length && gluedInSentence(text, words[i]!, words[i + 1]!) ? i + 1 : i;
    // Cheap test first: a copula after one of the next few words (only a copula: a capital before
    // a comma opens many a sentence, "Yesterday, a spokesman …").
    let last = first;
    while (last < words.length && last - first < MAX_NAME_WORDS && !COPULA.test(text.slice(words[last]!.end, words[last]!.end + 6))) last++;
    if (last >= words.length || last - first >= MAX_NAME_WORDS) continue;
    let named = true;
    for (let j = first; j <= last && named; j++) named = nameWord(text, words[j]!.text) && (j === first || gluedInSentence(text, words[j - 1]!, words[j]!));
    if (!named) continue;
    const end = words[last]!.end;
    const kind = definedKind('', text.slice(end, end + 120));
    if (kind === null) continue;
    const name = text.slice(words[first]!.start, end);
    if (lookupKnown(name).some((k) => k.entry.kind === 'COMMON')) continue;
    out.push(makeMention(words[first]!.start, end, name, kind, name, DEFINED_CONFIDENCE, 'rule'));
  }
  return out;
}

function nameWord(text: string, word: string): boolean {
  return isCapitalised(word) && !FUNCTION_WORDS.has(word.toLowerCase()) && !TITLE_WORDS.has(word) && !isCommonWord(text, word);
}
