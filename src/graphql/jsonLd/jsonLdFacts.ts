import type { Viewer } from '../../access/viewer.js';
import type { EntityKind } from '../../generated/prisma/client.js';
import { raw, sql, visible, type Reader, type Sql } from '../read/sql.js';

/** An entity as JSON-LD names it. */
export interface JsonLdEntity {
  id: string;
  kind: EntityKind;
  name: string;
}

/** What an article's JSON-LD embeds beyond the article row: tags, entities and quotes. */
export interface JsonLdFacts {
  articleId: string;
  keywords: string[];
  /** Entities in order of first mention, with an editor's Wikidata item if any. */
  mentions: (JsonLdEntity & { wikidataId: string | null })[];
  /** Visible quotes in text order; `speaker` is null when the speaker is not visible (or none). */
  quotes: { text: string; speakerId: string | null; speaker: JsonLdEntity | null; description: string | null; affiliation: JsonLdEntity | null }[];
}

const entityJson = (alias: string) => `json_build_object('id', ${alias}.id, 'kind', ${alias}.kind, 'name', ${alias}.name)`;

/**
 * One statement for the JSON-LD of a batch of articles (the viewer sees them): keywords,
 * mentions with Wikidata items, and quotes with their speakers, built by PostgreSQL as JSON,
 * instead of five reads and a wave of entity lookups per page.
 */
export async function readJsonLdFacts(read: Reader, viewer: Viewer, ids: readonly string[]): Promise<JsonLdFacts[]> {
  return read<JsonLdFacts>(jsonLdFactsSql(viewer, sql`${[...ids]}::uuid[]`));
}

/** The statement of `readJsonLdFacts` for the articles in `ids` (an SQL uuid[]), to embed in a larger one. */
export function jsonLdFactsSql(viewer: Viewer, ids: Sql): Sql {
  return sql`
    SELECT a.id::text AS "articleId",
      (SELECT coalesce(json_agg(t.name ORDER BY t.name, t.id), '[]') FROM article_tag x JOIN tag t ON t.id = x."tagId" WHERE x."articleId" = a.id) AS keywords,
      (SELECT coalesce(json_agg(json_build_object('id', e.id, 'kind', e.kind, 'name', e.name,
                'wikidataId', coalesce(p."wikidataId", o."wikidataId", pl."wikidataId")) ORDER BY ae."firstStart", e.id), '[]')
        FROM article_entity ae JOIN entity e ON e.id = ae."entityId"
        LEFT JOIN person p ON p."entityId" = e.id LEFT JOIN organization o ON o."entityId" = e.id LEFT JOIN place pl ON pl."entityId" = e.id
        WHERE ae."articleId" = a.id) AS mentions,
      (WITH quotes AS MATERIALIZED (SELECT q.* FROM quote q WHERE q."articleId" = a.id AND ${visible(viewer, 'fact', 'q', { article: 'a' })}),
        -- Each speaker's and affiliation's access rule once, not once per quote.
        named AS MATERIALIZED (SELECT e.id, ${raw(entityJson('e'))} AS json FROM entity e
          WHERE e.id IN (SELECT "speakerId" FROM quotes UNION SELECT "speakerAffiliationId" FROM quotes)
            AND ${visible(viewer, 'entity', 'e', { fewRows: true })})
       SELECT coalesce(json_agg(json_build_object('text', q.text, 'speakerId', q."speakerId", 'speaker', s.json,
                'description', q."speakerDescription", 'affiliation', f.json) ORDER BY q.start, q.id), '[]')
        FROM quotes q LEFT JOIN named s ON s.id = q."speakerId" LEFT JOIN named f ON f.id = q."speakerAffiliationId") AS quotes
    FROM article a WHERE a.id = ANY(${ids})`;
}
