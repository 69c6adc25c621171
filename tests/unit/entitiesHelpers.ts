import { buildEntities, type NerMention } from '../../src/extract/entities/index.js';
import type { ExtractedEntity } from '../../src/extract/types.js';

/** A NER mention given as type, surface and (optionally) confidence. */
export type NerTag = readonly [NerMention['type'], string, number?];

/**
 * Tags the given surfaces in order (each searched after the previous one), as the NER stage
 * would, so entity rules can be tested without depending on the trained model.
 */
export function tag(text: string, list: readonly NerTag[]): NerMention[] {
  let from = 0;
  return list.map(([type, surface, confidence = 0.95]) => {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`"${surface}" not found after ${from}`);
    from = start + surface.length;
    return { type, start, end: from, text: surface, confidence };
  });
}

/** An entity without offsets and confidence, for whole-object comparison. */
export interface EntitySummary {
  type: ExtractedEntity['type'];
  name: string;
  aliases: string[];
  role: string | null;
  affiliation: string | null;
  mentions: string[];
}

export function summarize(e: ExtractedEntity): EntitySummary {
  return { type: e.type, name: e.name, aliases: e.aliases, role: e.role, affiliation: e.affiliation, mentions: e.mentions.map((m) => m.text) };
}

/** Builds entities for a one-paragraph text (the first line is the headline) and summarizes them. */
export function entitiesOf(text: string, ner: readonly NerTag[]): EntitySummary[] {
  const built = buildEntities(text, segmentsOf(text), tag(text, ner));
  for (const e of built.entities) for (const m of e.mentions) if (text.slice(m.start, m.end) !== m.text) throw new Error(`bad offsets for ${m.text}`);
  return built.entities.map(summarize);
}

/** Lines of the text as segments (headline first). */
export function segmentsOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) out.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
}

/** Each entity as "KIND name: mention, mention" (and its role and affiliation when it has them). */
export function shapesOf(text: string, ner: readonly NerTag[]): string[] {
  const built = buildEntities(text, segmentsOf(text), tag(text, ner));
  return built.entities.map(
    (e) =>
      `${e.type} ${e.name}: ${e.mentions.map((m) => text.slice(m.start, m.end)).join(', ')}${e.role ? ` [${e.role}]` : ''}${e.affiliation ? ` (${e.affiliation})` : ''}`,
  );
}
