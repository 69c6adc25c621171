import type { EntityType } from '../../extract/types.js';

/** What the registry knows about one entity, stored or about to be created. */
export interface KnownEntity {
  /** The database id, or `new:<kind>:<nameKey>` for an entity this run will create. */
  ref: string;
  kind: EntityType;
  name: string;
  nameKey: string;
  /** Roles read for this person in any article ("foreign minister"): evidence when surnames collide. */
  roles: string[];
  /** Name keys of the organizations and places this person was affiliated with. */
  affiliationKeys: string[];
  /** For organizations: every alias key, to tell which full name an acronym already stands for. */
  aliasKeys: string[];
}

/**
 * The known names for one resolution step: entities by natural key (`kind:nameKey`), by alias
 * (`kind:aliasKey`) and, for organizations, by acronym. Loaded from the database for one batch's
 * candidate keys and extended in memory as the batch's articles are resolved in order.
 */
export interface EntityIndex {
  byKey: Map<string, KnownEntity>;
  byRef: Map<string, KnownEntity>;
  byAlias: Map<string, Set<string>>;
  /** Acronym → natural keys of multi-word organizations with those initials. */
  byAcronym: Map<string, Set<string>>;
}

/** An empty index; `byAcronym` may be the run's acronym index, shared (see AcronymIndex). */
export function emptyIndex(byAcronym: EntityIndex['byAcronym'] = new Map()): EntityIndex {
  return { byKey: new Map(), byRef: new Map(), byAlias: new Map(), byAcronym };
}

/** `kind:nameKey`, the natural key entities are unique by. */
export function naturalKey(kind: string, nameKey: string): string {
  return `${kind}:${nameKey}`;
}

/** Adds (or replaces) an entity under its natural key. */
export function addEntity(index: EntityIndex, entity: KnownEntity): void {
  index.byKey.set(naturalKey(entity.kind, entity.nameKey), entity);
  index.byRef.set(entity.ref, entity);
}

/** Records that `aliasKey` names the entity `ref` of this kind. */
export function addAlias(index: EntityIndex, kind: string, aliasKey: string, ref: string): void {
  const key = naturalKey(kind, aliasKey);
  let refs = index.byAlias.get(key);
  if (!refs) index.byAlias.set(key, (refs = new Set()));
  refs.add(ref);
}

/** Records an organization's natural key under its acronym. */
export function addAcronym(index: Pick<EntityIndex, 'byAcronym'>, acronym: string, key: string): void {
  let keys = index.byAcronym.get(acronym);
  if (!keys) index.byAcronym.set(acronym, (keys = new Set()));
  keys.add(key);
}
