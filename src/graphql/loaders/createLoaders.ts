import DataLoader from 'dataloader';
import type { Viewer } from '../../access/viewer.js';
import type {
  AffiliationRow,
  ArticleRow,
  EntityRow,
  MentionRow,
  OrganizationProfileRow,
  PersonProfileRow,
  PlaceProfileRow,
  QuoteRow,
  RevisionRow,
  TagRow,
} from '../rows.js';
import { idOfReferenceKey } from '../read/pageColumns.js';
import { columns, columnsNamed, sql, visible, type Reader, type Sql } from '../read/sql.js';
import { asArticle, asEntity, asQuote, asTag } from '../read/tagRows.js';
import { readJsonLdFacts } from '../jsonLd/jsonLdFacts.js';
import { nestedPageLoader } from './nestedPageLoader.js';
import { nestedSources } from './nestedSources.js';

/** Groups rows by a key, in the order of `keys`; missing keys get an empty list. */
function groupBy<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

function byEntity<R extends { entityId: string }>(keys: readonly string[], rows: R[]): (R | null)[] {
  const map = new Map(rows.map((row) => [row.entityId, row]));
  return keys.map((key) => map.get(key) ?? null);
}

function byId<R extends { id: string }>(keys: readonly string[], rows: R[]): (R | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => map.get(key) ?? null);
}

function byReferenceKey<R extends { id: string }>(keys: readonly string[], rows: R[]): (R | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => map.get(idOfReferenceKey(key)) ?? null);
}

function countsBy(keys: readonly string[], rows: { key: string; n: number }[]): number[] {
  const map = new Map(rows.map((row) => [row.key, row.n]));
  return keys.map((key) => map.get(key) ?? 0);
}

/**
 * Visible rows by id (`ids` is an SQL uuid[]), as `entityById` and `articleSummaryById` read
 * them; also embedded in a larger statement that primes those loaders (prefetchSelection.ts).
 */
export function rowsByIdSql(viewer: Viewer) {
  return {
    /** `only`: the columns to read (`referenceColumns`), all of the model's by default. */
    entity: (ids: Sql, only?: string) =>
      sql`SELECT ${only === undefined ? columns.entity('e') : columnsNamed('e', only)} FROM entity e WHERE e.id = ANY(${ids}) AND ${visible(viewer, 'entity', 'e', { fewRows: true })}`,
    articleSummary: (ids: Sql, only?: string) =>
      sql`SELECT ${only === undefined ? columns.articleSummary('a') : columnsNamed('a', only)} FROM article a WHERE a.id = ANY(${ids}) AND ${visible(viewer, 'article', 'a')}`,
  };
}

/**
 * One set of DataLoaders per request: every relation field reads through them, so a query
 * costs one SQL statement per relation and level, however many parents it has (paged
 * relations: one per distinct set of paging arguments). Every loader applies the viewer's
 * access rule: a record the viewer may not see loads as null, exactly like one that does not exist.
 */
export function createLoaders(read: Reader, viewer: Viewer) {
  const sources = nestedSources(viewer);
  const rowsById = rowsByIdSql(viewer);
  const ids = (keys: readonly string[]) => sql`${[...keys]}::uuid[]`;
  return {
    articleById: new DataLoader(async (keys: readonly string[]) =>
      byId(
        keys,
        (await read<never>(sql`SELECT ${columns.article('a')} FROM article a WHERE a.id = ANY(${ids(keys)}) AND ${visible(viewer, 'article', 'a')}`)).map(
          asArticle,
        ),
      ),
    ),
    /**
     * Articles without their paragraphs (no body parsed for a title and a slug); the Article
     * fields that need the body read it through `articleById` (see `paragraphsOf`).
     */
    articleSummaryById: new DataLoader(async (keys: readonly string[]) =>
      byReferenceKey(keys, (await read<never>(rowsById.articleSummary(ids(keys.map(idOfReferenceKey))))).map(asArticle)),
    ),
    // Keys are ids, or ids with the columns a read-ahead statement primed (`referenceKey`): a
    // miss of either reads the whole row, which serves any selection.
    entityById: new DataLoader(async (keys: readonly string[]) =>
      byReferenceKey(keys, (await read<never>(rowsById.entity(ids(keys.map(idOfReferenceKey))))).map(asEntity)),
    ),
    quoteById: new DataLoader(async (keys: readonly string[]) =>
      byId(
        keys,
        (await read<never>(sql`SELECT ${columns.quote('q')} FROM quote q WHERE q.id = ANY(${ids(keys)}) AND ${visible(viewer, 'fact', 'q')}`)).map(asQuote),
      ),
    ),
    tagById: new DataLoader(async (keys: readonly string[]) =>
      byId(keys, (await read<never>(sql`SELECT ${columns.tag('t')} FROM tag t WHERE t.id = ANY(${ids(keys)}) AND ${visible(viewer, 'tag', 't')}`)).map(asTag)),
    ),
    aliasesByEntity: new DataLoader(async (keys: readonly string[]) =>
      groupBy(
        keys,
        await read<{ entityId: string; name: string }>(
          sql`SELECT "entityId"::text AS "entityId", name FROM entity_alias WHERE "entityId" = ANY(${ids(keys)}) ORDER BY name`,
        ),
        (row) => row.entityId,
      ).map((rows) => rows.map((row) => row.name)),
    ),
    /** What an article's JSON-LD embeds, one statement per batch of articles. */
    jsonLdFactsByArticle: new DataLoader(async (keys: readonly string[]) => {
      const rows = new Map((await readJsonLdFacts(read, viewer, keys)).map((row) => [row.articleId, row]));
      return keys.map((key) => rows.get(key) ?? null);
    }),
    // Pages of relations: one statement per batch and set of paging arguments.
    quotePagesByArticle: nestedPageLoader<QuoteRow>(read, sources.quotesByArticle),
    mentionPagesByArticle: nestedPageLoader<MentionRow>(read, sources.mentionsByArticle),
    entityPagesByArticle: nestedPageLoader<EntityRow>(read, sources.entitiesByArticle),
    tagPagesByArticle: nestedPageLoader<TagRow>(read, sources.tagsByArticle),
    articlePagesByEntity: nestedPageLoader<ArticleRow>(read, sources.articlesByEntity),
    quotePagesBySpeaker: nestedPageLoader<QuoteRow>(read, sources.quotesBySpeaker),
    quotedAboutPagesByEntity: nestedPageLoader<QuoteRow>(read, sources.quotedAboutByEntity),
    coMentionedPagesByEntity: nestedPageLoader<EntityRow & { sharedArticles: number }>(read, sources.coMentionedByEntity),
    rolePagesByPerson: nestedPageLoader<AffiliationRow>(read, sources.rolesByPerson),
    rolePagesByOrganization: nestedPageLoader<AffiliationRow>(read, sources.rolesByOrganization),
    articlePagesByTag: nestedPageLoader<ArticleRow>(read, sources.articlesByTag),
    revisionPagesByArticle: nestedPageLoader<RevisionRow>(read, sources.revisionsByArticle),
    articleCountByEntity: new DataLoader(async (keys: readonly string[]) =>
      countsBy(
        keys,
        await read(
          sql`SELECT x."entityId"::text AS key, count(*)::int AS n FROM article_entity x JOIN article a ON a.id = x."articleId"
              WHERE x."entityId" = ANY(${ids(keys)}) AND ${visible(viewer, 'article', 'a')} GROUP BY x."entityId"`,
        ),
      ),
    ),
    quoteCountBySpeaker: new DataLoader(async (keys: readonly string[]) =>
      countsBy(
        keys,
        await read(
          sql`SELECT q."speakerId"::text AS key, count(*)::int AS n FROM quote q WHERE q."speakerId" = ANY(${ids(keys)}) AND ${visible(viewer, 'fact', 'q')} GROUP BY q."speakerId"`,
        ),
      ),
    ),
    // What editors know beyond the text, by entity (one statement per kind and batch).
    personProfile: new DataLoader(async (keys: readonly string[]) =>
      byEntity(keys, await read<PersonProfileRow>(sql`SELECT * FROM person WHERE "entityId" = ANY(${ids(keys)})`)),
    ),
    organizationProfile: new DataLoader(async (keys: readonly string[]) =>
      byEntity(keys, await read<OrganizationProfileRow>(sql`SELECT * FROM organization WHERE "entityId" = ANY(${ids(keys)})`)),
    ),
    placeProfile: new DataLoader(async (keys: readonly string[]) =>
      byEntity(keys, await read<PlaceProfileRow>(sql`SELECT * FROM place WHERE "entityId" = ANY(${ids(keys)})`)),
    ),
    articleCountByTag: new DataLoader(async (keys: readonly string[]) =>
      countsBy(
        keys,
        await read(
          sql`SELECT x."tagId"::text AS key, count(*)::int AS n FROM article_tag x JOIN article a ON a.id = x."articleId"
              WHERE x."tagId" = ANY(${ids(keys)}) AND ${visible(viewer, 'article', 'a')} GROUP BY x."tagId"`,
        ),
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
