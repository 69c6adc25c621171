import { INSTITUTION_PLACES, TITLE_WORDS, isRoleHead } from './lexicon.js';
import { makeMention, type Mention } from './mention.js';
import { lookupPlace, startsMultiWordPlace } from './placeGazetteer.js';
import { isCapitalised, type Word } from './scanWords.js';

/** First words of multi-word institution names ("White"). */
const INSTITUTION_STARTS = new Set([...INSTITUTION_PLACES].filter((n) => n.includes(' ')).map((n) => n.slice(0, n.indexOf(' '))));

/** Longest gazetteer entry, in words ("United States of America"). */
const MAX_WORDS = 4;

/**
 * Finds countries, regions, their nationality words and institution buildings by word lookup
 * ("Ukrainians" → PLACE Ukraine, "US" → PLACE United States, "White House" → ORGANIZATION).
 * A nationality adjective glued to another capitalised word ("European Union", "Royal Dutch")
 * is part of a longer name and is left to NER.
 */
export function findGazetteerMentions(text: string, words: readonly Word[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    if (!isCapitalised(first.text)) continue;
    const multi = startsMultiWordPlace(first.text) || INSTITUTION_STARTS.has(first.text);
    for (let n = multi ? Math.min(MAX_WORDS, words.length - i) : 1; n >= 1; n--) {
      const last = words[i + n - 1]!;
      if (last.segment !== first.segment) continue;
      let end = last.end;
      // One word is the scanned word's own string, already hashed by the set lookups above.
      let surface = n === 1 ? first.text : text.slice(first.start, end);
      if (n > 1 && !/^[\p{L}\p{N}.’'&-]+(?: [\p{L}\p{N}.’'&-]+)*$/u.test(surface)) continue;
      // "U.S." ends in a dot that the word scanner leaves out.
      if (text[end] === '.' && /\.[A-Z]$/.test(surface)) {
        end++;
        surface += '.';
      }
      const institution = INSTITUTION_PLACES.has(surface);
      const place = institution ? undefined : lookupPlace(surface);
      if (!institution && (!place || place.ambiguous)) continue;
      if (place?.demonym && partOfLongerName(words, i, i + n - 1)) break;
      out.push(
        makeMention(
          first.start,
          end,
          surface,
          institution ? 'ORGANIZATION' : 'PLACE',
          place ? place.place : surface,
          institution ? 0.85 : 0.95,
          institution ? 'institution' : 'gazetteer',
          place ? place.id : undefined,
          place?.demonym ? 'DEMONYM' : undefined,
        ),
      );
      i += n - 1;
      break;
    }
  }
  return out;
}

/** A nationality word between capitalised words that are not titles belongs to a bigger name. */
function partOfLongerName(words: readonly Word[], from: number, to: number): boolean {
  const next = words[to + 1];
  const nextGlued = next && next.segment === words[to]!.segment && !next.sentenceStart;
  if (nextGlued && isCapitalised(next.text) && !TITLE_WORDS.has(next.text) && !isRoleHead(next.text)) return true;
  const prev = words[from - 1];
  const here = words[from]!;
  return !!prev && prev.segment === here.segment && !here.sentenceStart && !prev.sentenceStart && isCapitalised(prev.text) && !TITLE_WORDS.has(prev.text);
}
