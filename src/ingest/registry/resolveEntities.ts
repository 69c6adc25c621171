import type { EntityType } from '../../extract/types.js';
import type { ArticlePlan, PlannedEntity } from '../planArticle.js';
import { addAcronym, addAlias, addEntity, naturalKey, type EntityIndex, type KnownEntity } from './entityIndex.js';
import { acronymOf, isSingleWord, looksLikeAcronym, normaliseRole, surnameKeyOf, surnameOf } from './nameParts.js';

/** For an article being updated: name key of each stored mention → the entity it was linked to. */
export type PriorLinks = Map<string, string>;

/** An entity the batch will create. */
export interface NewEntity {
  ref: string;
  kind: EntityType;
  name: string;
  nameKey: string;
  slug: string;
  needsReview: boolean;
}

/** An alias to record for an entity (stored or new). */
export interface AliasWrite {
  ref: string;
  name: string;
  nameKey: string;
}

/** Where every planned entity of a batch goes. */
export interface Resolution {
  /** Per plan, in order: planned natural key → entity ref (a database id or a `new:` ref). */
  targets: Map<string, string>[];
  created: NewEntity[];
  aliases: AliasWrite[];
}

interface Evidence {
  roles: string[];
  affiliationKeys: string[];
}

/**
 * Resolves the planned entities of a batch of articles, in order, against the known names:
 *
 * - the natural key (kind + normalised name) always identifies an entity;
 * - a person named by surname alone links to the one known person with that surname, unless
 *   role or affiliation contradict it; with several such people, role or affiliation must pick
 *   one, otherwise a separate surname-only person is created and flagged `needsReview`;
 * - a full name links to a known person only through an alias recorded for exactly one person;
 * - organizations and places match by name, alias or acronym when exactly one entity matches;
 *   several matches create a new entity flagged for review.
 *
 * A corrected article keeps the links its names had (`earlier`), so fixing a typo does not
 * re-decide who "Okafor" is against everyone known since.
 *
 * Pure: the index is extended in memory so later articles in the batch see earlier ones.
 */
export function resolveEntities(plans: readonly ArticlePlan[], index: EntityIndex, earlier: readonly (PriorLinks | undefined)[] = []): Resolution {
  const created: NewEntity[] = [];
  const aliases: AliasWrite[] = [];
  const aliasSeen = new Set<string>();
  const targets = plans.map((plan, i) => {
    const map = new Map<string, string>();
    const evidence = evidenceOf(plan);
    for (const entity of plan.entities) {
      const own = evidence.get(entity.key) ?? { roles: [], affiliationKeys: [] };
      const before = index.byRef.get(earlier[i]?.get(entity.nameKey) ?? '');
      const { target, flag } = before && before.kind === entity.kind ? { target: before, flag: false } : chooseTarget(entity, own, index);
      const known = target ?? createEntity(entity, flag, index, created);
      map.set(entity.key, known.ref);
      known.roles.push(...own.roles.filter((r) => !known.roles.includes(r)));
      known.affiliationKeys.push(...own.affiliationKeys.filter((k) => !known.affiliationKeys.includes(k)));
      for (const alias of aliasesFor(entity, known)) {
        const seen = `${known.ref}|${alias.nameKey}`;
        if (aliasSeen.has(seen) || index.byAlias.get(naturalKey(known.kind, alias.nameKey))?.has(known.ref)) continue;
        aliasSeen.add(seen);
        addAlias(index, known.kind, alias.nameKey, known.ref);
        if (known.kind === 'ORGANIZATION') known.aliasKeys.push(alias.nameKey);
        aliases.push({ ref: known.ref, ...alias });
      }
    }
    return map;
  });
  return { targets, created, aliases };
}

function chooseTarget(entity: PlannedEntity, own: Evidence, index: EntityIndex): { target: KnownEntity | null; flag: boolean } {
  const exact = index.byKey.get(entity.key) ?? null;
  if (entity.kind === 'PERSON') {
    if (!isSingleWord(entity.nameKey)) {
      if (exact) return { target: exact, flag: false };
      return pickUnique(aliasMatches(index, 'PERSON', entity.nameKey));
    }
    // A surname alone: the full-name people known by it are the candidates.
    const candidates = aliasMatches(index, 'PERSON', entity.nameKey).filter((c) => !isSingleWord(c.nameKey));
    if (candidates.length === 0) return { target: exact, flag: false };
    if (candidates.length === 1 && !contradicts(own, candidates[0]!)) return { target: candidates[0]!, flag: false };
    const supported = candidates.filter((c) => supports(own, c));
    if (supported.length === 1) return { target: supported[0]!, flag: false };
    return { target: exact, flag: true };
  }
  if (exact) return { target: exact, flag: false };
  const matches = new Map<string, KnownEntity>();
  const add = (found: KnownEntity | undefined | null) => found && found.kind === entity.kind && matches.set(found.ref, found);
  for (const found of aliasMatches(index, entity.kind, entity.nameKey)) add(found);
  for (const alias of entity.aliases) add(index.byKey.get(naturalKey(entity.kind, alias.nameKey)));
  if (entity.kind === 'ORGANIZATION') {
    const acronym = acronymOf(entity.nameKey);
    if (acronym) {
      // "WTO" may already stand for another full name ("World Trade Organization" is not
      // "World Tourism Organisation"): then the initials prove nothing.
      const short = index.byKey.get(naturalKey('ORGANIZATION', acronym));
      const taken = short?.aliasKeys.some((key) => key !== entity.nameKey && acronymOf(key) === acronym);
      if (short && looksLikeAcronym(short.name) && !taken) add(short);
      for (const found of aliasMatches(index, 'ORGANIZATION', acronym)) add(found);
    } else if (looksLikeAcronym(entity.name)) {
      for (const key of index.byAcronym.get(entity.nameKey) ?? []) add(index.byKey.get(key));
    }
  }
  return pickUnique([...matches.values()]);
}

function pickUnique(candidates: KnownEntity[]): { target: KnownEntity | null; flag: boolean } {
  if (candidates.length === 1) return { target: candidates[0]!, flag: false };
  return { target: null, flag: candidates.length > 1 };
}

function aliasMatches(index: EntityIndex, kind: string, key: string): KnownEntity[] {
  const refs = index.byAlias.get(naturalKey(kind, key));
  if (!refs) return [];
  return [...refs].map((ref) => index.byRef.get(ref)).filter((e): e is KnownEntity => e !== undefined && e.kind === kind);
}

function createEntity(entity: PlannedEntity, needsReview: boolean, index: EntityIndex, created: NewEntity[]): KnownEntity {
  const ref = `new:${entity.key}`;
  const known: KnownEntity = { ref, kind: entity.kind, name: entity.name, nameKey: entity.nameKey, roles: [], affiliationKeys: [], aliasKeys: [] };
  addEntity(index, known);
  created.push({ ref, kind: entity.kind, name: entity.name, nameKey: entity.nameKey, slug: entity.slug, needsReview });
  const acronym = entity.kind === 'ORGANIZATION' ? acronymOf(entity.nameKey) : null;
  if (acronym) addAcronym(index, acronym, entity.key);
  return known;
}

/** Other names to record for the entity: the article's forms, and a person's surname for later surname-only articles. */
function aliasesFor(entity: PlannedEntity, target: KnownEntity): { name: string; nameKey: string }[] {
  const out = entity.aliases.filter((a) => a.nameKey !== target.nameKey);
  if (entity.nameKey !== target.nameKey) out.push({ name: entity.name, nameKey: entity.nameKey });
  if (target.kind === 'PERSON') {
    const surnameKey = surnameKeyOf(target.nameKey);
    const surname = surnameOf(target.name);
    if (surnameKey && surname) out.push({ name: surname, nameKey: surnameKey });
  }
  return out;
}

/** Roles and affiliations the article gives each planned person. */
function evidenceOf(plan: ArticlePlan): Map<string, Evidence> {
  const out = new Map<string, Evidence>();
  for (const affiliation of plan.affiliations) {
    let entry = out.get(affiliation.personKey);
    if (!entry) out.set(affiliation.personKey, (entry = { roles: [], affiliationKeys: [] }));
    const role = normaliseRole(affiliation.role);
    if (role) entry.roles.push(role);
    if (affiliation.organizationKey) entry.affiliationKeys.push(affiliation.organizationKey.slice(affiliation.organizationKey.indexOf(':') + 1));
  }
  return out;
}

/** Positive evidence: a shared affiliation, or one role containing the other. */
function supports(own: Evidence, candidate: KnownEntity): boolean {
  if (own.affiliationKeys.some((k) => candidate.affiliationKeys.includes(k))) return true;
  return own.roles.some((role) => candidate.roles.some((other) => containsWords(role, other) || containsWords(other, role)));
}

/** Both sides know roles or affiliations and none agree: probably another person. */
function contradicts(own: Evidence, candidate: KnownEntity): boolean {
  const ownKnown = own.roles.length + own.affiliationKeys.length > 0;
  const theirsKnown = candidate.roles.length + candidate.affiliationKeys.length > 0;
  return ownKnown && theirsKnown && !supports(own, candidate);
}

function containsWords(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}
