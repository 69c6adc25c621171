import type { Sql } from '../../db/sql.js';
import type { AcronymIndex } from '../registry/acronymIndex.js';
import { emptyIndex, type EntityIndex } from '../registry/entityIndex.js';
import { refreshAcronyms } from './refreshAcronyms.js';

/**
 * An index to resolve a batch against: empty but for the run's acronym index, which is brought
 * up to date first (loaded in full once per run, then checked with one count). Entities are
 * loaded into it per batch (resolveBatch). Call it under the import lock.
 */
export async function openEntityIndex(sql: Sql, acronyms: AcronymIndex): Promise<EntityIndex> {
  await refreshAcronyms(sql, acronyms);
  return emptyIndex(acronyms.byAcronym);
}
