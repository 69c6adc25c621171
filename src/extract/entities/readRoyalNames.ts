import { genderOfFirstName } from '../knowledge/firstNames.js';
import type { NerMention } from './mention.js';
import { lookupPlace } from './placeGazetteer.js';

/** How sure a monarch's or a pope's name read from its title or number is: NER often doubts both ("Harold", "Louis XIV" an organization). */
const ROYAL_CONFIDENCE = 0.7;

/** Regnal numbers, II to XXIII ("I" is the pronoun as often: see `FIRST_AFTER`). */
const NUMERALS = 'II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX|XXI|XXII|XXIII';
/** A regnal number just after a name: " II", " XIV". */
const REGNAL_AFTER = new RegExp(`^ (?:${NUMERALS})(?![\\p{L}\\p{N}])`, 'u');
/** " I" after a name, a monarch's number only after a monarch's title ("Queen Elizabeth I"). */
const FIRST_AFTER = /^ I(?![\p{L}\p{N}])/u;
const REGNAL = new RegExp(`^(?:${NUMERALS})$`);
/** A span that ends with a regnal number ("Louis XIV"), and the letters numerals start with. */
const REGNAL_END = new RegExp(` (?:${NUMERALS})$`);
const NUMERAL_STARTS = 'IVX';

/** Titles of monarchs and popes, which come before a first name alone ("King Harold", "Queen Elizabeth"). */
const ROYAL_TITLES = new Set(['King', 'Queen', 'Pope', 'Emperor', 'Empress', 'Tsar', 'Tsarina', 'Czar', 'Kaiser', 'Sultan', 'Prince', 'Princess']);

/** A place named after one: "King Cross station", "George V hotel". */
const PLACE_NOUN_AFTER = /^\s+(?:station|street|road|hospital|hotel|square|bridge|church|college|school|park|building|hall)\b/;

/** A first name written as one (not "ENGLAND V PAKISTAN", a headline's teams) and no country's name. */
function royalName(word: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word) && genderOfFirstName(word) !== null && lookupPlace(word)?.country !== true;
}

/**
 * Monarchs and popes, whom NER reads badly: a first name and its regnal number are one person's
 * name ("Henry" + "VIII", "Benedict" + "XVI"; "Louis XIV" read as an organization), and so is a
 * first name alone after a monarch's or a pope's title ("King Harold", "Queen Elizabeth" read
 * as a place).
 */
export function readRoyalNames(text: string, ner: readonly NerMention[]): NerMention[] {
  const out: NerMention[] = [];
  for (let i = 0; i < ner.length; i++) {
    const m = ner[i]!;
    // Most spans have neither a title before them nor a numeral after: the cheap tests first.
    const titled = text.charCodeAt(m.start - 1) === 32 && ROYAL_TITLES.has(wordBefore(text, m.start - 1));
    const numeral = text.charCodeAt(m.end) === 32 && NUMERAL_STARTS.includes(text[m.end + 1] ?? '');
    if (!titled && !numeral && !REGNAL_END.test(m.text)) {
      out.push(m);
      continue;
    }
    const numbered = numeral ? (REGNAL_AFTER.exec(text.slice(m.end, m.end + 8)) ?? (titled ? FIRST_AFTER.exec(text.slice(m.end, m.end + 3)) : null)) : null;
    const end = m.end + (numbered?.[0].length ?? 0);
    const words = m.text.split(' ');
    if (PLACE_NOUN_AFTER.test(text.slice(end, end + 24))) out.push(m);
    else if (numbered && royalName(words.at(-1)!)) {
      // NER may have taken the number for a name of its own.
      if (ner[i + 1] && ner[i + 1]!.start < end) i++;
      out.push(asRoyal(text, m, end));
    } else if ((words.length > 1 && REGNAL.test(words.at(-1)!) && royalName(words.at(-2)!)) || (words.length === 1 && titled && royalName(m.text)))
      out.push(asRoyal(text, m, m.end));
    else out.push(m);
  }
  return out;
}

/** The word ending at `end` (after a space or a line break). */
function wordBefore(text: string, end: number): string {
  let at = end;
  while (at > 0 && at > end - 10 && text.charCodeAt(at - 1) > 32) at--;
  return text.slice(at, end);
}

/** The span, up to `end`, as a monarch's or a pope's name. */
function asRoyal(text: string, m: NerMention, end: number): NerMention {
  return { ...m, type: 'PER', end, text: text.slice(m.start, end), confidence: Math.max(m.confidence, ROYAL_CONFIDENCE) };
}
