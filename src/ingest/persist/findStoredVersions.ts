import type { Sql } from '../../db/sql.js';

/** What the store knows of an article's source: enough to tell whether it changed. */
export interface StoredVersion {
  id: string;
  slug: string;
  contentHash: string;
  extractorVersion: string;
}

/** Same content read by the same extractor: nothing to write. */
export function isUnchanged(stored: StoredVersion | null | undefined, contentHash: string, extractorVersion: string): boolean {
  return !!stored && stored.contentHash === contentHash && stored.extractorVersion === extractorVersion;
}

/** The stored version of each source key that has one, in one query for the whole batch. */
export async function findStoredVersions(sql: Sql, sourceKeys: readonly string[]): Promise<Map<string, StoredVersion>> {
  const out = new Map<string, StoredVersion>();
  if (!sourceKeys.length) return out;
  const rows = await sql.rows<StoredVersion & { sourceKey: string }>(
    `SELECT a.id::text AS id, a.slug, a."contentHash", a."extractorVersion", a."sourceKey"
       FROM article a WHERE a."sourceKey" IN (SELECT json_array_elements_text($1::json))`,
    JSON.stringify(sourceKeys),
  );
  for (const { sourceKey, ...stored } of rows) out.set(sourceKey, stored);
  return out;
}
