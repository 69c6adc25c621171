import type { Sql } from '../../db/sql.js';
import type { AcronymIndex } from '../registry/acronymIndex.js';
import { addAcronym, naturalKey } from '../registry/entityIndex.js';
import { acronymOf } from '../registry/nameParts.js';

/**
 * Brings the acronym index up to date, so that "NATO" in a later article finds "North Atlantic
 * Treaty Organisation" stored earlier. Acronyms cannot be looked up by index, so the run keeps
 * them in memory: one count per batch, and a full reload only when organizations appeared that
 * this run did not create (another import, an editor). Call it under the import lock.
 */
export async function refreshAcronyms(sql: Sql, acronyms: AcronymIndex): Promise<void> {
  const [count] = await sql.rows<{ n: number }>(`SELECT count(*)::int AS n FROM entity WHERE kind = 'ORGANIZATION'`);
  if (count && count.n === acronyms.organizations) return;
  const rows = await sql.rows<{ nameKey: string }>(`SELECT "nameKey" FROM entity WHERE kind = 'ORGANIZATION' AND "nameKey" LIKE '% %'`);
  for (const { nameKey } of rows) {
    const acronym = acronymOf(nameKey);
    if (acronym) addAcronym(acronyms, acronym, naturalKey('ORGANIZATION', nameKey));
  }
  acronyms.organizations = count?.n ?? 0;
}
