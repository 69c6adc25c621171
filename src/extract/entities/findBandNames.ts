import { lookupKnown } from '../knowledge/knowledgeBase.js';
import { BAND_ROLES, FUNCTION_WORDS, TITLE_WORDS } from './lexicon.js';
import { makeMention, type Mention } from './mention.js';
import { gluedInSentence, isCapitalised, type Word } from './scanWords.js';

/**
 * Capitalised words before a band role that say what kind of member, not whose: "Lead singer",
 * "Former guitarist", "Soul singer", "Veteran drummer" at the start of a sentence.
 */
const MEMBER_WORDS = new Set(
  `lead former ex bass rhythm backing session guest original touring solo pop rock soul folk jazz
   country opera gospel punk rap blues reggae indie metal veteran teenage star legendary founding
   co-founding band group young old famous award-winning`.split(/\s+/),
);
/** At most this many words in a band's name found this way. */
const MAX_NAME_WORDS = 3;
/** The role and the name after it are the evidence, as for a name NER found before them. */
const BAND_CONFIDENCE = 0.7;

/**
 * Bands NER missed before a member's part and a name: NER rarely knows a band's name and misses
 * it most at the start of a sentence ("Coldplay frontman Chris Martin said"). The name is the
 * capitalised words right before the role (no punctuation between), the role must be followed
 * by a capitalised word (the member's name), and words that describe the member ("Lead singer",
 * "Pop singer"), function words, titles and names the knowledge base knows (a nationality word:
 * "Welsh singer") are no band. Only gaps between NER's mentions take these.
 */
export function findBandNames(words: readonly Word[], text: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 1; i + 1 < words.length; i++) {
    const role = words[i]!;
    if (!BAND_ROLES.has(role.text) || !gluedInSentence(text, role, words[i + 1]!) || !isCapitalised(words[i + 1]!.text)) continue;
    let first = i;
    while (first > 0 && i - first < MAX_NAME_WORDS && gluedInSentence(text, words[first - 1]!, words[first]!) && bandWord(words[first - 1]!.text)) first--;
    if (first === i) continue;
    // "The Darkness drummer": a capital "The" opens the name; "the" in a sentence is not part of it.
    if (first > 0 && words[first - 1]!.text === 'The' && gluedInSentence(text, words[first - 1]!, words[first]!)) first--;
    const start = words[first]!.start;
    const name = text.slice(start, words[i - 1]!.end);
    if (lookupKnown(name).length > 0) continue;
    out.push(makeMention(start, words[i - 1]!.end, name, 'ORGANIZATION', name, BAND_CONFIDENCE, 'rule'));
  }
  return out;
}

function bandWord(word: string): boolean {
  const lower = word.toLowerCase();
  return isCapitalised(word) && !/['’]s$/.test(word) && !MEMBER_WORDS.has(lower) && !FUNCTION_WORDS.has(lower) && !TITLE_WORDS.has(word);
}
