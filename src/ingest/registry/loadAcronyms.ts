import type { Sql } from '../persist/sqlOf.js';
import { addAcronym, naturalKey, type EntityIndex } from './entityIndex.js';
import { acronymOf } from './nameParts.js';

/**
 * Indexes the stored multi-word organizations by acronym, once per run, so that "NATO" in a
 * later article finds "North Atlantic Treaty Organisation". Organizations the run creates are
 * added as it goes; ones another process creates meanwhile are not seen (see the README).
 */
export async function loadAcronyms(sql: Sql, index: EntityIndex): Promise<void> {
  const rows = await sql.rows<{ nameKey: string }>(`SELECT "nameKey" FROM entity WHERE kind = 'ORGANIZATION' AND "nameKey" LIKE '% %'`);
  for (const { nameKey } of rows) {
    const acronym = acronymOf(nameKey);
    if (acronym) addAcronym(index, acronym, naturalKey('ORGANIZATION', nameKey));
  }
}
