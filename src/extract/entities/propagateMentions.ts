import { FUNCTION_WORDS, TITLE_WORDS } from './lexicon.js';
import { makeMention } from './mention.js';
import type { Cluster } from './clusterMentions.js';
import { isCapitalised, scanWords, stripPossessive, type Word } from './scanWords.js';

/** Longest name form looked for, in words. */
const MAX_WORDS = 6;

/**
 * Adds the mentions NER missed: every other occurrence of a form an entity already has (its
 * names, aliases and, for people, the surname). A one-word form at the start of a sentence is
 * skipped when the article also uses the word in lower case (it is then a common word).
 */
export function propagateMentions(text: string, words: readonly Word[], clusters: readonly Cluster[]): void {
  const forms = new Map<string, Cluster>();
  for (const c of clusters) {
    for (const m of c.mentions) {
      if (!isCapitalised(m.text)) continue;
      if (!forms.has(m.text)) forms.set(m.text, c);
      if (c.type === 'PERSON' && m.text.includes(' ')) {
        const surname = m.text.slice(m.text.lastIndexOf(' ') + 1);
        if (!forms.has(surname)) forms.set(surname, c);
      }
    }
  }
  if (forms.size === 0) return;
  // Longest form (in words) per first word, so most words are dismissed with one lookup. The
  // forms are split as the text is ("St. Louis" is "St" and "Louis"), or they would not meet.
  const byFirstWord = new Map<string, number>();
  for (const form of forms.keys()) {
    const parts = scanWords(form, [{ start: 0, end: form.length }]);
    if (parts.length === 0) continue;
    byFirstWord.set(parts[0]!.text, Math.max(byFirstWord.get(parts[0]!.text) ?? 0, parts.length));
  }

  const covered = clusters.flatMap((c) => c.mentions.map((m) => [m.start, m.end] as const)).sort((a, b) => a[0] - b[0]);
  let cursor = 0;
  const isCovered = (start: number, end: number): boolean => {
    while (cursor < covered.length && covered[cursor]![1] <= start) cursor++;
    for (let i = cursor; i < covered.length && covered[i]![0] < end; i++) if (covered[i]![1] > start) return true;
    return false;
  };

  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    if (!isCapitalised(first.text)) continue;
    const longest = byFirstWord.get(first.text) ?? byFirstWord.get(stripPossessive(first.text));
    if (longest === undefined) continue;
    for (let n = Math.min(longest, MAX_WORDS, words.length - i); n >= 1; n--) {
      const last = words[i + n - 1]!;
      if (last.segment !== first.segment) continue;
      const end = last.end - (last.text.length - stripPossessive(last.text).length);
      const surface = text.slice(first.start, end);
      const cluster = forms.get(surface);
      if (!cluster) continue;
      if (isCovered(first.start, end)) break;
      if (n === 1 && first.sentenceStart && looksCommon(text, surface)) break;
      const model = cluster.mentions.find((m) => m.text === surface) ?? cluster.mentions[0]!;
      const same = model.text === surface;
      cluster.mentions.push(
        makeMention(
          first.start,
          end,
          surface,
          cluster.type,
          same ? model.display : surface,
          0.8,
          'propagated',
          same ? model.known : undefined,
          same ? model.form : undefined,
        ),
      );
      i += n - 1;
      break;
    }
  }
  for (const c of clusters) c.mentions.sort((a, b) => a.start - b.start);
}

/** A capitalised word that is also a function word, a title, or used in lower case in the text. */
function looksCommon(text: string, word: string): boolean {
  const lower = word.toLowerCase();
  if (FUNCTION_WORDS.has(lower) || TITLE_WORDS.has(word)) return true;
  return new RegExp(`(?:^|[^\\p{L}])${lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[^\\p{L}]|$)`, 'u').test(text);
}
