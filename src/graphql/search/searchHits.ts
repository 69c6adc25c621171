import { articleTextSql } from '../../content/articleText.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { Viewer } from '../../access/viewer.js';
import type { SearchType } from '../generated/schemaTypes.js';
import { rowsToRead, type PageWindow } from '../paginate.js';
import type { Ordering } from '../paging/cursor.js';
import { keysetPageSql, orderSql, scanKeys, type KeyedRow, type Seek } from '../paging/keysetPage.js';
import { sortKey } from '../paging/sortKey.js';
import { visible, type Reader } from '../read/sql.js';
import { asArticle } from '../read/tagRows.js';
import type { ArticleRow } from '../rows.js';
import { escapeLike } from '../read/escapeLike.js';
import { MATCH_END, MATCH_START } from './snippetHtml.js';

export type { SearchType };

/** Every search type, in the order of the GraphQL enum (`countsByType` follows it). */
export const SEARCH_TYPES: readonly SearchType[] = ['ARTICLE', 'QUOTE', 'PERSON', 'ORGANIZATION', 'PLACE'];

const ENTITY_TYPES: readonly SearchType[] = ['PERSON', 'ORGANIZATION', 'PLACE'];

/** One ranked match; `headline` is ts_headline's text with MATCH_START/MATCH_END marks, or the matched name. */
export interface SearchHit {
  type: SearchType;
  id: string;
  rank: number;
  headline: string | null;
}

// Articles: up to two fragments around the best matches. Quotes are short: one passage.
const ARTICLE_HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=" … "`;
// Snippets are cut from the article text whose offsets the API serves.
const ARTICLE_TEXT = Prisma.raw(articleTextSql('a."title"', 'a."paragraphs"'));
const QUOTE_HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=40, MinWords=20`;

// Names match when the whole name is similar (`%`, similarity ≥ 0.3: "Lindkvist" finds
// "Lindqvist"), when the text is similar to a part of it (`<%`, word similarity ≥ 0.6: "Lavrof"
// finds "Sergei Lavrov"), or contain it literally. All three use the trigram indexes.
// Below three characters a trigram index cannot serve ILIKE '%…%', so short text is matched
// by trigram similarity only.
const MIN_SUBSTRING_LENGTH = 3;

const tsquery = (text: string) => Prisma.sql`websearch_to_tsquery('english', ${text})`;

// Full-text rank r (ts_rank_cd, weights D 0.1, C 0.2, B 0.4, A 1) mapped to 0..1 as r/(r+0.1):
// one word once in a headline scores 0.91, once in the body 0.67, two words far apart lower.
// The 0.1 puts full-text matches on the scale of name similarity, where an exact name is 1 and
// a typo about 0.5 (PostgreSQL's own r/(r+1) would put nearly every article below any name).
// Written 1 - 0.1/(r+0.1), so `ts_rank_cd` appears once and runs once per match without a
// subquery: a scalar subquery per match doubled the ranking's cost (4,771 matches: 75 → 130 ms).
const scaled = (vector: Prisma.Sql, text: string) => Prisma.sql`(1 - 0.1 / (ts_rank_cd(${vector}, ${tsquery(text)}) + 0.1))::float8`;

/**
 * Every match as (type, id, rank, matched name). Ranks share one scale from 0 to 1 so types
 * can be merged: full-text ranks are scaled `ts_rank_cd` (see `scaled`);
 * name ranks average `word_similarity` (the query inside a longer name) and `similarity`
 * (the whole name), so an exact name or alias scores 1 and a typo or part of a name less.
 */
function hitsSql(viewer: Viewer, text: string, types: readonly SearchType[]): Prisma.Sql {
  const branches: Prisma.Sql[] = [];
  if (types.includes('ARTICLE')) {
    branches.push(Prisma.sql`SELECT 'ARTICLE' AS type, a."id", ${scaled(Prisma.sql`a."searchVector"`, text)} AS rank, NULL::text AS matched
      FROM "article" a WHERE a."searchVector" @@ ${tsquery(text)} AND ${visible(viewer, 'article', 'a')}`);
  }
  if (types.includes('QUOTE')) {
    branches.push(Prisma.sql`SELECT 'QUOTE' AS type, q."id", ${scaled(Prisma.sql`q."searchVector"`, text)} AS rank, NULL::text AS matched
      FROM "quote" q WHERE q."searchVector" @@ ${tsquery(text)} AND ${visible(viewer, 'fact', 'q')}`);
  }
  const kinds = ENTITY_TYPES.filter((type) => types.includes(type));
  if (kinds.length) {
    const nameMatches = (table: string, idColumn: string) => {
      const substring = text.length >= MIN_SUBSTRING_LENGTH ? Prisma.sql`OR n."name" ILIKE ${`%${escapeLike(text)}%`}` : Prisma.empty;
      return Prisma.sql`SELECT n.${Prisma.raw(`"${idColumn}"`)} AS entity_id, n."name", (word_similarity(${text}, n."name") + similarity(${text}, n."name")) / 2 AS score
        FROM ${Prisma.raw(`"${table}"`)} n WHERE (n."name" % ${text} OR ${text} <% n."name" ${substring})`;
    };
    branches.push(Prisma.sql`SELECT e."kind"::text AS type, e."id", m.rank::float8 AS rank, m.matched
      FROM (
        SELECT c.entity_id, max(c.score) AS rank, (array_agg(c."name" ORDER BY c.score DESC, c."name"))[1] AS matched
        FROM (${nameMatches('entity', 'id')} UNION ALL ${nameMatches('entity_alias', 'entityId')}) c
        GROUP BY c.entity_id
      ) m JOIN "entity" e ON e."id" = m.entity_id
      WHERE e."kind"::text IN (${Prisma.join(kinds)}) AND ${visible(viewer, 'entity', 'e')}`);
  }
  return Prisma.join(branches, ' UNION ALL ');
}

/** Search results in rank order, best first: rank, then type and id so every hit has its own place. */
export const SEARCH_ORDERING: Ordering = {
  connection: 'search',
  keys: [sortKey('rank', 'h.rank', 'float8', 'DESC'), sortKey('type', 'h.type', 'text'), sortKey('id', 'h."id"', 'uuid')],
};

/**
 * A page of search hits read by `searchPage`, in the window's reading direction, with their key
 * values (`_k0`…) and, for an article, its row without the body (as `articleSummaryById` reads it).
 */
export type SearchPageRow = SearchHit & KeyedRow & { article?: ArticleRow };

// An article hit's columns but its body, prefixed so they cannot collide with the hit's.
const ARTICLE_FIELDS = Object.values(Prisma.ArticleScalarFieldEnum).filter((field) => field !== 'paragraphs');
const ARTICLE_PREFIX = '_a_';
const ARTICLE_COLUMNS = Prisma.raw(ARTICLE_FIELDS.map((field) => `a."${field}" AS "${ARTICLE_PREFIX}${field}"`).join(', '));

/** Moves an article hit's prefixed columns into its own row, tagged as an Article. */
function withArticle(row: Record<string, unknown>): SearchPageRow {
  const article: Record<string, unknown> = {};
  for (const field of ARTICLE_FIELDS) {
    article[field] = row[ARTICLE_PREFIX + field];
    delete row[ARTICLE_PREFIX + field];
  }
  const hit = row as SearchPageRow;
  if (hit.type === 'ARTICLE' && article.id !== null) hit.article = asArticle(article as never);
  return hit;
}

/**
 * One page of matches and, when `counted`, the number of matches of each type, from one
 * statement: the matches are found and ranked once (a materialised CTE that the count and the
 * keyset page both read), and snippets (ts_headline, the costly part) are computed only for
 * the page's rows. Article hits come with their row but the body, so loading them costs no
 * second statement. A page past the end comes back as one row without a hit, for the counts.
 */
export async function searchPage(
  read: Reader,
  viewer: Viewer,
  text: string,
  types: readonly SearchType[],
  window: PageWindow,
  seek: Seek,
  counted: boolean,
): Promise<{ rows: SearchPageRow[]; counts: Map<SearchType, number> }> {
  const page = keysetPageSql({ select: Prisma.sql`h.*`, from: Prisma.sql`hits h`, where: Prisma.sql`TRUE`, ordering: SEARCH_ORDERING }, window, seek);
  const order = orderSql(scanKeys(SEARCH_ORDERING, window), 'p');
  const keyColumns = Prisma.raw(SEARCH_ORDERING.keys.map((_, i) => `p."_k${i}"`).join(', '));
  const rows = await read<SearchPageRow & { counts: Record<string, number> | null }>(Prisma.sql`
    WITH hits AS ${counted ? Prisma.sql`MATERIALIZED` : Prisma.empty} (${hitsSql(viewer, text, types)}),
    page AS (${page})
    SELECT ${counted ? Prisma.sql`(SELECT json_object_agg(type, n) FROM (SELECT type, count(*)::int AS n FROM hits GROUP BY type) c)` : Prisma.sql`NULL::json`} AS counts,
      p.type, p."id"::text AS id, p.rank, ${keyColumns}, ${ARTICLE_COLUMNS},
      CASE
        -- No snippet for the extra row read only to know whether more follow.
        WHEN row_number() OVER (ORDER BY ${order}) > ${rowsToRead(window) - 1} THEN NULL
        WHEN p.type = 'ARTICLE' THEN ts_headline('english', ${ARTICLE_TEXT}, ${tsquery(text)}, ${ARTICLE_HEADLINE})
        WHEN p.type = 'QUOTE' THEN ts_headline('english', q."text", ${tsquery(text)}, ${QUOTE_HEADLINE})
        ELSE p.matched
      END AS headline
    FROM (SELECT 1) one
    LEFT JOIN page p ON TRUE
    LEFT JOIN "article" a ON p.type = 'ARTICLE' AND a."id" = p."id"
    LEFT JOIN "quote" q ON p.type = 'QUOTE' AND q."id" = p."id"
    ORDER BY ${order}`);
  const counts = new Map<SearchType, number>(Object.entries(rows[0]?.counts ?? {}) as [SearchType, number][]);
  return { rows: rows.filter((row) => row.id !== null).map(({ counts: _, ...row }) => withArticle(row)), counts };
}
