import { genderOfFirstName } from '../knowledge/firstNames.js';
import type { NerMention } from './mention.js';
import { lookupPlace } from './placeGazetteer.js';

/** How sure a monarch's or a pope's name read from its title or number is: NER often doubts both ("Harold", "Louis XIV" an organization). */
const ROYAL_CONFIDENCE = 0.7;

/** A regnal number after a name: " II", " XIV" (not " I", which is the pronoun as often). */
const REGNAL_AFTER = /^ (?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX|XXI|XXII|XXIII)(?![\p{L}\p{N}])/u;
const FIRST_AFTER = /^ I(?![\p{L}\p{N}])/u;
const REGNAL = /^(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX|XXI|XXII|XXIII)$/;

/** Titles of monarchs and popes, which come before a first name alone ("King Harold", "Queen Elizabeth"). */
const ROYAL_TITLE_BEFORE = /(?<![\p{L}])(?:King|Queen|Pope|Emperor|Empress|Tsar|Tsarina|Czar|Kaiser|Sultan|Prince|Princess)[ \t]+$/u;

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
    let m = ner[i]!;
    const lastWord = m.text.slice(m.text.lastIndexOf(' ') + 1);
    const titled = ROYAL_TITLE_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start));
    // " I" is the pronoun as often, unless a title says a monarch is named ("Queen Elizabeth I").
    const numbered = REGNAL_AFTER.exec(text.slice(m.end, m.end + 8)) ?? (titled ? FIRST_AFTER.exec(text.slice(m.end, m.end + 3)) : null);
    const next = ner[i + 1];
    const after = text.slice(m.end, m.end + 24);
    if (PLACE_NOUN_AFTER.test(after.slice(numbered?.[0].length ?? 0))) {
      out.push(m);
      continue;
    }
    if (numbered && royalName(lastWord)) {
      const end = m.end + numbered[0].length;
      // NER may have taken the number for a name of its own.
      if (next && next.start < end) i++;
      m = { ...m, type: 'PER', end, text: text.slice(m.start, end), confidence: Math.max(m.confidence, ROYAL_CONFIDENCE) };
    } else if (REGNAL.test(lastWord) && m.text.includes(' ') && royalName(m.text.split(' ').at(-2)!)) {
      m = { ...m, type: 'PER', confidence: Math.max(m.confidence, ROYAL_CONFIDENCE) };
    } else if (!m.text.includes(' ') && royalName(m.text) && titled) {
      m = { ...m, type: 'PER', confidence: Math.max(m.confidence, ROYAL_CONFIDENCE) };
    }
    out.push(m);
  }
  return out;
}
