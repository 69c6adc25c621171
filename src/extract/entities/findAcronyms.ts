import type { EntityKind } from '../types.js';
import { makeMention, type Mention } from './mention.js';
import { lookupPlace } from './placeGazetteer.js';
import { isCapitalised, type Word } from './scanWords.js';

/** Small words an acronym skips ("Office for National Statistics" → ONS). */
const SKIPPED = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'de', 'du', 'des', 'la', 'le', 'to', '&', 'at']);

/** A name introduced with its acronym: "the Securities and Exchange Commission (SEC)". */
export interface AcronymDefinition {
  full: Mention;
  acronym: Mention;
}

/**
 * Finds "Full Name (ACR)" where the acronym's capitals are the initials of the capitalised words
 * before the parenthesis. Both become mentions of one entity (organization unless the gazetteer
 * or the NER type of the full name says otherwise).
 */
export function findAcronyms(text: string, words: readonly Word[], typeAt: (start: number, end: number) => EntityKind | null): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (let i = 1; i < words.length; i++) {
    const acr = words[i]!;
    if (text[acr.start - 1] !== '(' || text[acr.end] !== ')' || !/^[A-Z][A-Za-z&]{1,9}$/.test(acr.text)) continue;
    const letters = acr.text.replace(/[^A-Z]/g, '');
    if (letters.length < 2) continue;
    let j = letters.length - 1;
    let k = i - 1;
    let firstWord = -1;
    // Walk back from the parenthesis matching initials right to left.
    while (k >= 0 && j >= 0 && words[k]!.segment === acr.segment && i - k <= letters.length + 4) {
      const w = words[k]!;
      if (isCapitalised(w.text)) {
        if (w.text[0] !== letters[j]) break;
        j--;
        firstWord = k;
      } else if (!SKIPPED.has(w.text)) {
        break;
      }
      k--;
    }
    if (j >= 0 || firstWord < 0) continue;
    const start = words[firstWord]!.start;
    const end = words[i - 1]!.end;
    const fullText = text.slice(start, end);
    const type: EntityKind = lookupPlace(fullText) ? 'PLACE' : (typeAt(start, end) ?? 'ORGANIZATION');
    const display = lookupPlace(fullText)?.place ?? fullText;
    out.push({
      full: makeMention(start, end, fullText, type, display, 0.85, 'acronym'),
      acronym: makeMention(acr.start, acr.end, acr.text, type, acr.text, 0.85, 'acronym'),
    });
  }
  return out;
}
