import type { AttributedQuote } from '../quotes/types.js';
import type { EntityMention, ExtractedEntity, ExtractedQuote } from '../types.js';

/**
 * Records what the speaker stage learnt as mentions: a pronoun resolved to a named speaker
 * ("…,” she said" → PRONOUN mention of Maria Okafor) and a role phrase resolved to the one
 * person holding that role ("the foreign minister" → DESCRIPTION mention of Sergei Lavrov). A
 * phrase that would overlap another mention is left out, so mentions stay highlightable.
 */
export function addSpeakerMentions(entities: ExtractedEntity[], attributed: readonly AttributedQuote[], quotes: readonly ExtractedQuote[]): void {
  const taken: { start: number; end: number }[] = entities.flatMap((e) => e.mentions);
  quotes.forEach((q, i) => {
    const s = q.speaker;
    const form = attributed[i]?.speaker?.form;
    if (s === null || s.type === 'UNNAMED' || (form !== 'PRONOUN' && form !== 'DESCRIPTION')) return;
    const entity = entities.find((e) => e.type === s.type && e.name === s.name);
    const m = s.mention;
    if (!entity || taken.some((t) => t.start < m.end && m.start < t.end)) return;
    const mention: EntityMention = { start: m.start, end: m.end, text: m.text, form, parent: null };
    entity.mentions.push(mention);
    entity.mentions.sort((a, b) => a.start - b.start);
    taken.push(mention);
  });
}
