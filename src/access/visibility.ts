import { hasRole, type Viewer } from './viewer.js';
import { toPrismaWhere, toSqlCondition, TRUE, type Predicate, type Relation } from './predicate.js';

/**
 * What a caller may see: the one place that says so. Every read path (loaders, filters, search,
 * facets, counts, JSON-LD, export, the import's reads) takes its conditions from here.
 *
 * - Facts (mentions, quotes, affiliations) an editor rejected are hidden from everyone; they
 *   stay stored so a re-import does not bring them back.
 * - Articles are public when PUBLISHED and their publication time has come (a future
 *   `publishedAt` schedules them: nothing has to run at that moment). Drafts and scheduled
 *   articles are seen by EDITOR and ADMIN callers and by Storygraph's own processes.
 * - Facts, entities and tags are public only through a public article: a quote in a draft, a
 *   person only a draft mentions, a tag only drafts carry are as invisible as the draft.
 */

const FACT: Predicate = { op: 'notIn', column: 'status', values: ['REJECTED'] };

const PUBLIC_ARTICLE: Predicate = {
  op: 'all',
  of: [
    { op: 'eq', column: 'status', value: 'PUBLISHED' },
    {
      op: 'any',
      of: [
        { op: 'isNull', column: 'publishedAt' },
        { op: 'notAfterNow', column: 'publishedAt' },
      ],
    },
  ],
};

const toArticle: Relation = {
  prisma: { field: 'article', list: false },
  sql: { from: (inner) => `article ${inner}`, join: (outer, inner) => `${inner}.id = ${outer}."articleId"`, inner: 'va' },
};
const toArticles = (table: string, key: string): Relation => ({
  prisma: { field: 'articles', list: true, through: 'article' },
  sql: {
    from: (inner) => `${table} ${inner}_l JOIN article ${inner} ON ${inner}.id = ${inner}_l."articleId"`,
    join: (outer, inner) => `${inner}_l."${key}" = ${outer}.id`,
    inner: 'va',
  },
});

/**
 * A quote's, a role's and an entity link's copy of their article's columns (`articleStatus`,
 * `articlePublishedAt`, kept by triggers, see the fact_article_order and article_entity_order
 * migrations), named after the article's own.
 */
const articleCopy = (name: string) => `article${name[0]!.toUpperCase()}${name.slice(1)}`;

/**
 * An entity's articles, read in SQL from its links' copies of their articles' columns (no
 * article lookup per link); in Prisma through the article, which is what the copies hold.
 */
const toLinkedArticles: Relation = {
  prisma: { field: 'articles', list: true, through: 'article' },
  sql: { from: (inner) => `article_entity ${inner}`, join: (outer, inner) => `${inner}."entityId" = ${outer}.id`, inner: 'va', column: articleCopy },
};

/** Whether the viewer sees unpublished (draft and scheduled) articles. */
export function seesDrafts(viewer: Viewer): boolean {
  return hasRole(viewer, 'EDITOR');
}

/**
 * Which set of rules applies to the viewer: `rulesFor` reads nothing else of them, so SQL built
 * from the rules (see `nestedSources`) can be built once per set and shared by every request.
 */
export function ruleSetOf(viewer: Viewer): 'drafts' | 'published' {
  return seesDrafts(viewer) ? 'drafts' : 'published';
}

/** The rules for one viewer, as predicates; see the compiled forms below. */
export function rulesFor(viewer: Viewer) {
  const article = seesDrafts(viewer) ? TRUE : PUBLIC_ARTICLE;
  // A role an editor set belongs to no article: it is as public as the person it is for.
  const inArticle = (fact: Predicate): Predicate =>
    article === TRUE
      ? fact
      : {
          op: 'all',
          of: [
            fact,
            {
              op: 'any',
              of: [
                { op: 'isNull', column: 'articleId' },
                { op: 'related', relation: toArticle, where: article },
              ],
            },
          ],
        };
  return {
    article,
    /** Mentions, quotes and affiliations: not rejected, in an article the viewer sees. */
    fact: inArticle(FACT),
    /** People, organizations and places: mentioned in an article the viewer sees. */
    entity: article === TRUE ? TRUE : ({ op: 'related', relation: toLinkedArticles, where: article } as Predicate),
    /** Tags: on an article the viewer sees. */
    tag: article === TRUE ? TRUE : ({ op: 'related', relation: toArticles('article_tag', 'tagId'), where: article } as Predicate),
  };
}

export type RecordKind = keyof ReturnType<typeof rulesFor>;

/** The rule as a Prisma `where` (merge it into a query's own with AND). */
export function visibleWhere(viewer: Viewer, kind: RecordKind, now = new Date()): Record<string, unknown> {
  return toPrismaWhere(rulesFor(viewer)[kind], now);
}

/**
 * The rule as an SQL condition on the row aliased `alias`, e.g. `visibleSql(viewer, 'fact', 'q')`.
 * `options.article`: the statement already joins the fact's article on its `articleId` (a left
 * join for facts that may have none), so the article's rule reads that row; `'copy'`: the
 * article's rule reads the fact's own copy of its article's columns (quotes and roles only);
 * for kind `article`, `'copy'` reads the article's rule from a row holding that copy (an
 * `article_entity` link) instead of the article. `options.fewRows`: the statement checks a few
 * rows looked up by key (see `SqlOptions`).
 */
export function visibleSql(viewer: Viewer, kind: RecordKind, alias: string, options: { article?: string; fewRows?: boolean } = {}): string {
  const copy = options.article === 'copy';
  const joined = copy ? { relation: toArticle, alias, column: articleCopy } : options.article ? { relation: toArticle, alias: options.article } : undefined;
  return toSqlCondition(rulesFor(viewer)[kind], alias, 0, { joined, fewRows: options.fewRows, column: copy && kind === 'article' ? articleCopy : undefined });
}

/** The fact rule alone (not rejected), for the import's reads, which see every article. */
export function factStatusSql(alias: string): string {
  return toSqlCondition(FACT, alias);
}
