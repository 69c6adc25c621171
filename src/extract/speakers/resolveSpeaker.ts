import type { EntityType, ExtractedEntity, ExtractedSpeaker, Span } from '../types.js';
import type { QuoteSpeaker } from '../quotes/types.js';
import { GROUP_NOUNS, isRoleHead } from '../entities/lexicon.js';
import { PRONOUNS } from '../quotes/lexicon.js';
import type { BuiltEntities } from '../entities/buildEntities.js';

/**
 * Maps a quote's speaker phrase to an entity:
 * - a phrase containing a person's name is that person ("Russia’s foreign minister Sergei Lavrov");
 * - a role phrase without a name ("The White House press secretary") is the person holding that
 *   role if the article names one, otherwise an UNNAMED speaker described by the phrase and
 *   affiliated with the organization or place named in it;
 * - a group ("NATO members") or a bare organization or place ("Russia threatened") is that entity.
 * Pronouns are judged by their antecedent; one without an antecedent that is a name ("I said",
 * the writer; a "he" after "the moderator") is an UNNAMED speaker described by the pronoun, and
 * a "he" or "she" whose antecedent goes on past the body or place it mentions to a name the
 * article keeps no person for is that person, unnamed.
 */
export function resolveSpeaker(speaker: QuoteSpeaker | null, built: BuiltEntities, confidence: number): ExtractedSpeaker | null {
  if (speaker === null) return null;
  const basis = speaker.antecedent ?? (speaker.form === 'PRONOUN' ? null : speaker.mention);
  // "'I am not shy,' I said" (the writer), or a "he" whose antecedent is no name: someone spoke,
  // whom the text does not name; the pronoun is what the attribution rests on.
  if (basis === null) return { name: null, description: speaker.mention.text, type: 'UNNAMED', affiliation: null, mention: speaker.mention, confidence };
  const { entities } = built;
  const overlapping = entitiesIn(basis, built);
  const named = (e: ExtractedEntity & { type: EntityType }): ExtractedSpeaker => ({
    name: e.name,
    description: null,
    type: e.type,
    affiliation: null,
    mention: speaker.mention,
    confidence,
  });
  const unnamed = (affiliation: ExtractedEntity | undefined): ExtractedSpeaker => ({
    name: null,
    description: basis.text,
    type: 'UNNAMED',
    affiliation: affiliation?.name ?? null,
    mention: speaker.mention,
    confidence,
  });

  const words = basis.text.trim().split(/\s+/);
  const head = (words[words.length - 1] ?? '').replace(/[’']s?$/, '');
  // "President Castro’s chief aide" is the aide, not Castro: a possessive name before a role noun.
  const possessed = isRoleHead(head) && /\p{L}[’']s\s/u.test(basis.text);
  const person = possessed ? undefined : overlapping.find(isOfType('PERSON'));
  if (person) return named(person);

  const org = overlapping.find(isOfType('ORGANIZATION'));
  const place = overlapping.find(isOfType('PLACE'));
  if (isRoleHead(head) && !GROUP_NOUNS.has(head.toLowerCase())) {
    const holder = holderOfRole(basis.text, org ?? place ?? null, entities);
    if (holder && isOfType('PERSON')(holder)) return named(holder);
    return unnamed(org ?? place);
  }
  // "he" and "she" stand for a person: where the article keeps no person in their antecedent
  // and the phrase goes on past the body or place it mentions ("backbench Labour MP Karen Buck …
  // She told"), the speaker is that person unnamed. A phrase that ends in the body's name ("a
  // spokeswoman for Human Rights Watch") is that body, as it is without the pronoun.
  if (speaker.form === 'PRONOUN' && PRONOUNS.get(speaker.mention.text.toLowerCase()) === 'SING' && !endsInMentionOf(basis, org ?? place, built)) {
    return unnamed(org ?? place);
  }
  if (org) return named(org);
  if (place) return named(place);
  return unnamed(undefined);
}

/** A type guard for entities of one speaking kind (works, events and products never speak). */
function isOfType<T extends EntityType>(type: T): (e: ExtractedEntity) => e is ExtractedEntity & { type: T } {
  return (e): e is ExtractedEntity & { type: T } => e.type === type;
}

/** Whether a mention of the entity ends the span (but for a possessive or closing punctuation). */
function endsInMentionOf(span: Span, entity: ExtractedEntity | undefined, built: BuiltEntities): boolean {
  if (entity === undefined) return false;
  const index = built.entities.indexOf(entity);
  const end = span.start + span.text.replace(/(?:[’']s\b|[\s,.;:!?"”’)\]])+$/u, '').length;
  return built.mentionIndex.some((m) => m.entity === index && m.start < span.end && m.end >= end);
}

/** Entities with a mention overlapping the span, in order of their first overlapping mention. */
function entitiesIn(span: Span, built: BuiltEntities): ExtractedEntity[] {
  const out: ExtractedEntity[] = [];
  for (const m of built.mentionIndex) {
    if (m.start >= span.end) break;
    if (m.end <= span.start) continue;
    const e = built.entities[m.entity]!;
    if (!out.includes(e)) out.push(e);
  }
  return out;
}

/**
 * The one person whose role the phrase repeats ("the foreign minister" after "Russia’s foreign
 * minister Sergei Lavrov"), with a compatible affiliation; null if none or several.
 */
function holderOfRole(phrase: string, affiliation: ExtractedEntity | null, entities: readonly ExtractedEntity[]): ExtractedEntity | null {
  let role = phrase.replace(/^(?:the|a|an)\s+/i, '');
  if (affiliation) {
    for (const form of [affiliation.name, ...affiliation.aliases]) {
      const re = new RegExp(`^${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[’']s)?\\s+`);
      role = role.replace(re, '');
    }
  }
  const wanted = role.toLowerCase();
  const holders = entities.filter((e) => {
    if (e.type !== 'PERSON' || e.role === null) return false;
    const r = e.role.toLowerCase();
    if (r !== wanted && !r.endsWith(` ${wanted}`)) return false;
    return affiliation === null || e.affiliation === null || e.affiliation === affiliation.name;
  });
  return holders.length === 1 ? holders[0]! : null;
}
