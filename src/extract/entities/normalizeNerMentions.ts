import { INSTITUTION_PLACES, ORGANIZATION_NAME_HEADS, TITLE_WORDS } from './lexicon.js';
import { entityTypeOf, type Mention, type NerMention } from './mention.js';
import { lookupPlace } from './placeGazetteer.js';
import { stripTitles } from './stripTitles.js';

/** Words that relate a person to another person, just before a name. */
const PERSONAL_RELATION = /\b(?:adviser|advisor|aide|assistant|wife|husband|son|daughter|widow|brother|sister|father|mother) (?:to|of) $/;

/** Confidence of a name typed by its organization head noun ("… Council"). */
const ORG_HEAD_CONFIDENCE = 0.7;

/** Abbreviations whose final dot belongs to the name. */
const KEEPS_DOT = /(?:\b[A-Z]\.)+$|\b(?:Inc|Corp|Ltd|Co|Jr|Sr)\.$/;

/**
 * Turns NER output into typed candidate mentions: possessives, leading "the" and titles are cut
 * off (a person's title is kept on the mention for the role), places are named by the gazetteer,
 * buildings that stand for institutions become organizations, and MISC survives only as a
 * nationality word (a place) or a name ending in an organization noun.
 */
export function normalizeNerMentions(text: string, ner: readonly NerMention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of ner) {
    let start = m.start;
    let end = m.end;
    // Trim what NER sometimes swallows at the edges, and the possessive ("Russia’s", "Workers'").
    while (end > start && /[\s,;:!?)"”]/.test(text[end - 1]!)) end--;
    if (/[’']s$/.test(text.slice(start, end))) end -= 2;
    else if (/s[’']$/.test(text.slice(start, end))) end -= 1;
    while (end > start && text[end - 1] === '.' && !KEEPS_DOT.test(text.slice(start, end))) end--;
    while (start < end && /[\s(“"‘'-]/.test(text[start]!)) start++;
    const the = /^the\s+/i.exec(text.slice(start, end));
    if (the && m.type !== 'PER') start += the[0].length;
    if (end <= start) continue;
    const surface = text.slice(start, end);
    if (!/\p{L}/u.test(surface)) continue;

    const place = lookupPlace(surface);
    if (place && (!place.ambiguous || m.type === 'LOC')) {
      out.push({ start, end, text: surface, type: 'PLACE', display: place.place, confidence: Math.max(m.confidence, 0.9), origin: 'ner' });
      continue;
    }
    if (INSTITUTION_PLACES.has(surface)) {
      out.push({ start, end, text: surface, type: 'ORGANIZATION', display: surface, confidence: Math.max(m.confidence, 0.85), origin: 'ner' });
      continue;
    }
    let type = entityTypeOf(m.type);
    // "Nato-Russia Council", "Fiscal Policy Committee": the head noun makes it an organization.
    const last = surface.slice(surface.lastIndexOf(' ') + 1);
    let confidence = m.confidence;
    if (type !== 'ORGANIZATION' && surface.includes(' ') && ORGANIZATION_NAME_HEADS.has(last)) {
      type = 'ORGANIZATION';
      // The head noun is evidence of its own, whatever NER thought of the type.
      confidence = Math.max(confidence, ORG_HEAD_CONFIDENCE);
    }
    if (type === null) continue;
    // "adviser to Putin", "wife of Smith": a lone name after a personal relation is a person.
    if (type !== 'PERSON' && !surface.includes(' ') && PERSONAL_RELATION.test(text.slice(Math.max(0, start - 24), start))) type = 'PERSON';
    if (type === 'PERSON') {
      const stripped = stripTitles(surface);
      const name = surface.slice(stripped.nameStart);
      // A bare title ("President") or a name with no capital is not a person.
      if (!/^\p{Lu}/u.test(name) || (TITLE_WORDS.has(name) && !name.includes(' '))) continue;
      const mention: Mention = { start: start + stripped.nameStart, end, text: name, type, display: name, confidence: m.confidence, origin: 'ner' };
      if (stripped.title) mention.title = { start, end: start + stripped.title.length, text: stripped.title, honorific: stripped.honorific };
      out.push(mention);
      continue;
    }
    out.push({ start, end, text: surface, type, display: surface, confidence, origin: 'ner' });
  }
  return out;
}
