import { lookupKnown, type KbEntry } from '../knowledge/knowledgeBase.js';
import { makeMention, type Mention } from './mention.js';

/** Words before a name that make it an occasion: "at the", "won two", "this year's". */
const OCCASION_BEFORE = new RegExp(
  String.raw`(?:\b(?:at|after|before|during|since|ahead of)\s+(?:the|this year's|last year's|next year's)|\b(?:this|last|next) year[’']s|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+))\s+$`,
  'i',
);

/** Words after a name that make it an occasion: "Brits ceremony", "Brits nominations". */
const OCCASION_AFTER = /^\s+(?:ceremony|show|nominations?|nominees?|winners?|awards?|trophy|trophies|statuettes?|night|bash|shortlist)\b/i;

/**
 * A nationality word that the knowledge base also knows as the name of an award or an event
 * ("the Brits", the Brit Awards, and "Brits", the British) names the occasion in an article where
 * one of its mentions reads as one ("won two Brits", "at the Brits", "the Brits ceremony"): all
 * its mentions there then name it, since a story about the awards that also calls the British
 * "Brits" is rare. Elsewhere it stays a nationality word ("Brits abroad spend more").
 */
export function preferEventsToDemonyms(text: string, mentions: readonly Mention[]): Mention[] {
  const cued = new Map<string, KbEntry>();
  for (const m of mentions) {
    if (m.form !== 'DEMONYM' || cued.has(m.text) || !isCued(text, m)) continue;
    const event = occasionNamed(m.text);
    if (event) cued.set(m.text, event);
  }
  if (cued.size === 0) return mentions as Mention[];
  return mentions.map((m) => {
    const event = m.form === 'DEMONYM' ? cued.get(m.text) : undefined;
    return event ? makeMention(m.start, m.end, m.text, event.kind as Mention['type'], event.name, Math.max(m.confidence, 0.85), 'rule', event.id) : m;
  });
}

/** The award or event the knowledge base calls by this word, if any. */
function occasionNamed(word: string): KbEntry | null {
  return lookupKnown(word).find((k) => !k.demonym && (k.entry.kind === 'AWARD' || k.entry.kind === 'EVENT'))?.entry ?? null;
}

function isCued(text: string, m: Mention): boolean {
  return OCCASION_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)) || OCCASION_AFTER.test(text.slice(m.end, m.end + 20));
}
