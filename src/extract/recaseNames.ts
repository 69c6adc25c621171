/**
 * Names in text written all in lower case ("just saw taylor swift in nashville"), as many
 * social-media posts are. NER reads such sentences in a mode of their own (see sentenceAtoms.ts),
 * but every later stage reads names by their capitals. So the later stages run on a view of the
 * text in which the names NER found there are written with capitals, of the same length so that
 * every offset holds, and the spans of the result are then given back the text as written.
 */
import { lookupKnown } from './knowledge/knowledgeBase.js';
import type { NerMention } from './ner/recognizeEntities.js';

const DOTTED_INITIALS = /^(?:\p{Ll}\.){2,}$/u;
/** A word short enough to be an acronym, in ASCII letters (whose capitals are one code unit each). */
const SHORT_WORD = /^[a-z]{2,5}$/;

/** Small words a name keeps in lower case ("bank of england" → "Bank of England"). */
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'bin', 'al', 'y', 'on', 'upon', 'in', 'at']);

/** A name NER found in a sentence written in lower case, and written so itself. */
function isLowerCase(m: NerMention): boolean {
  return m.caseless && m.text === m.text.toLowerCase();
}

/**
 * The text with every name NER found in a sentence written in lower case capitalised word by
 * word (a word's first letter, where its capital is one code unit too), or the text itself when
 * there is none.
 */
export function recaseNames(text: string, ner: readonly NerMention[]): string {
  let out: string[] | null = null;
  let at = 0;
  for (const m of ner) {
    if (m.start < at || !isLowerCase(m)) continue;
    out ??= [];
    out.push(text.slice(at, m.start), capitalise(m.text));
    at = m.end;
  }
  if (out === null) return text;
  out.push(text.slice(at));
  return out.join('');
}

function capitalise(name: string): string {
  // "u.s.", "u.n.": a dotted initialism is all capitals.
  if (DOTTED_INITIALS.test(name)) return name.toUpperCase().length === name.length ? name.toUpperCase() : name;
  return name.replace(/(^|[\s-])(\p{Ll}[\p{L}\p{M}'’.]*)/gu, (whole, gap: string, word: string, offset: number) => {
    if (offset > 0 && SMALL_WORDS.has(word)) return whole;
    // "uk", "bbc": an acronym the knowledge base knows is written in capitals.
    if (SHORT_WORD.test(word) && lookupKnown(word.toUpperCase()).some((m) => !m.demonym)) return gap + word.toUpperCase();
    const first = word[0]!.toUpperCase();
    return first.length === 1 ? gap + first + word.slice(1) : whole;
  });
}

/** What recaseNames' NER mentions become: the same spans, with the capitalised text. */
export function recasedMentions(view: string, ner: readonly NerMention[]): NerMention[] {
  return ner.map((m) => (isLowerCase(m) ? { ...m, text: view.slice(m.start, m.end) } : m));
}

/**
 * Gives every span in a result (an object with numeric `start` and `end` and a string `text`)
 * the text as written again; names and other fields keep their capitals.
 */
export function restoreSpanText<T>(result: T, text: string): T {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const span = value as { start?: unknown; end?: unknown; text?: unknown };
    if (typeof span.start === 'number' && typeof span.end === 'number' && typeof span.text === 'string') span.text = text.slice(span.start, span.end);
    for (const v of Object.values(value)) visit(v);
  };
  visit(result);
  return result;
}
