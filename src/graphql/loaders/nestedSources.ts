import { ruleSetOf } from '../../access/visibility.js';
import type { Viewer } from '../../access/viewer.js';
import { columns, raw, sql, visible, type Sql } from '../read/sql.js';
import { asArticle, asEntity, asQuote, asRole, asMention, asTag } from '../read/tagRows.js';
import { newestArticles, newestArticlesOf } from '../paging/newestArticles.js';
import { sortKey } from '../paging/sortKey.js';
import type { NestedSource } from './nestedPageLoader.js';

/** Newest article first, then by article id. `outer`: the article is outer-joined, so every key can be NULL. */
const newest = (outer = false) => [...newestArticles(outer), sortKey('articleId', 'a.id', 'uuid', 'ASC', { nullable: outer })];
/**
 * The same order over a quote's or a role's copy of its article's dates (`fact`'s alias), with
 * the article's id from the fact: pages of a speaker's quotes and a person's roles are
 * index-only range scans (`quote_speaker_newest_idx`, `affiliation_person_order_idx`, which
 * hold every key and what the access rule reads) that read no article, and then only the
 * page's rows (`fetch`). Read in full, PostgreSQL's estimate of a few rows per parent made it
 * pick a bitmap scan of every row of the parent and a sort.
 */
const newestOf = (fact: string, outer = false) => [
  ...newestArticlesOf(fact, outer),
  sortKey('articleId', `${fact}."articleId"`, 'uuid', 'ASC', { nullable: outer }),
];
/** A page's article rows, read after it is cut (`NestedSource.fetch`). */
const articleRow = { id: sql`a.id`, table: sql`article ar`, alias: 'ar' };
const kindIs = (alias: string, kind: string | undefined) => (kind ? sql`${raw(alias)}.kind = ${kind}::"EntityKind"` : sql`true`);

/** Sources by rule set: every request's loaders need them, and they depend on nothing else. */
const built = new Map<ReturnType<typeof ruleSetOf>, ReturnType<typeof buildSources>>();

/**
 * The SQL of every paged relation (see `nestedPageLoader`) for one viewer: each applies the
 * access rule, and rows come back shaped like Prisma's models, tagged with their GraphQL type.
 */
export function nestedSources(viewer: Viewer): ReturnType<typeof buildSources> {
  const set = ruleSetOf(viewer);
  let sources = built.get(set);
  if (!sources) built.set(set, (sources = buildSources(viewer)));
  return sources;
}

function buildSources(viewer: Viewer) {
  const fact = (alias: string, article?: string): Sql => visible(viewer, 'fact', alias, { article });
  const article = visible(viewer, 'article', 'a');
  /** A person's or an organization's (`parent`) visible roles, newest article first. */
  const roles = (connection: string, parent: Sql): NestedSource => ({
    connection,
    select: columns.affiliation('afr'),
    rowAlias: 'afr',
    from: sql`affiliation af`,
    parent,
    where: fact('af', 'copy'),
    indexOrdered: true,
    // Roles an editor set (no article) first, then as read, newest article first.
    keys: [
      sortKey('editorSet', '(af."articleId" is null)', 'bool', 'DESC'),
      sortKey('since', 'af.since', 'timestamp', 'DESC', { nullable: true, nullsLast: true }),
      ...newestOf('af', true),
      sortKey('role', 'af.role', 'text'),
      sortKey('id', 'af.id', 'uuid'),
    ],
    fetch: { id: sql`af.id`, table: sql`affiliation afr`, alias: 'afr' },
    map: asRole,
  });
  return {
    // The facts of one article read the article once, through the join (the parent's id is
    // the join key), instead of looking it up again for each row's access rule.
    quotesByArticle: (): NestedSource => ({
      connection: 'Article.quotes',
      select: columns.quote('q'),
      rowAlias: 'q',
      from: sql`quote q join article a on a.id = q."articleId"`,
      parent: sql`q."articleId"`,
      where: fact('q', 'a'),
      keys: [sortKey('start', 'q.start', 'int'), sortKey('id', 'q.id', 'uuid')],
      map: asQuote,
    }),
    /** Mentions in text order; the variant is a comma-separated list of forms to keep. */
    mentionsByArticle: (forms: string | undefined): NestedSource => ({
      connection: 'Article.mentions',
      select: columns.mention('m'),
      rowAlias: 'm',
      from: sql`mention m join article a on a.id = m."articleId"`,
      parent: sql`m."articleId"`,
      where: forms ? sql`${fact('m', 'a')} and m.form::text = ANY(${forms.split(',')}::text[])` : fact('m', 'a'),
      // (articleId, start, end) is the key: unique within a parent.
      keys: [sortKey('start', 'm.start', 'int'), sortKey('end', 'm."end"', 'int')],
      map: asMention,
    }),
    /** Entities of one kind (the variant) in order of first mention. */
    entitiesByArticle: (kind: string | undefined): NestedSource => ({
      connection: `Article.entities:${kind ?? ''}`,
      select: columns.entity('e'),
      rowAlias: 'e',
      from: sql`article_entity ae join entity e on e.id = ae."entityId"`,
      parent: sql`ae."articleId"`,
      where: kindIs('e', kind),
      keys: [sortKey('firstStart', 'ae."firstStart"', 'int'), sortKey('id', 'e.id', 'uuid')],
      map: asEntity,
    }),
    tagsByArticle: (): NestedSource => ({
      connection: 'Article.tags',
      select: columns.tag('t'),
      rowAlias: 't',
      from: sql`article_tag atg join tag t on t.id = atg."tagId"`,
      parent: sql`atg."articleId"`,
      where: sql`true`,
      keys: [sortKey('name', 't.name', 'text'), sortKey('id', 't.id', 'uuid')],
      map: asTag,
    }),
    // An entity's articles are ordered, filtered and counted from its links' copies of their
    // articles' status and dates (`article_entity_newest_idx`): a page reads its own index
    // entries and then only its rows, without their bodies (a field that needs one reads it,
    // see `paragraphsOf`).
    articlesByEntity: (): NestedSource => ({
      connection: 'Entity.articles',
      select: columns.articleSummary('ar'),
      rowAlias: 'ar',
      from: sql`article_entity ae`,
      parent: sql`ae."entityId"`,
      where: visible(viewer, 'article', 'ae', { article: 'copy' }),
      indexOrdered: true,
      keys: newestOf('ae'),
      fetch: { id: sql`ae."articleId"`, table: sql`article ar`, alias: 'ar' },
      map: asArticle,
    }),
    quotesBySpeaker: (): NestedSource => ({
      connection: 'Entity.quotes',
      select: columns.quote('qr'),
      rowAlias: 'qr',
      from: sql`quote q`,
      parent: sql`q."speakerId"`,
      where: fact('q', 'copy'),
      indexOrdered: true,
      keys: [...newestOf('q'), sortKey('start', 'q.start', 'int'), sortKey('id', 'q.id', 'uuid')],
      fetch: { id: sql`q.id`, table: sql`quote qr`, alias: 'qr' },
      map: asQuote,
    }),
    /** Quotes in articles that mention the entity, said by someone else (nor by a spokesperson for it). */
    quotedAboutByEntity: (): NestedSource => ({
      connection: 'Entity.quotedAbout',
      select: columns.quote('q'),
      from: sql`article_entity ae join quote q on q."articleId" = ae."articleId" join article a on a.id = q."articleId"`,
      parent: sql`ae."entityId"`,
      where: sql`${fact('q', 'a')} and q."speakerId" is distinct from ae."entityId" and q."speakerAffiliationId" is distinct from ae."entityId"`,
      keys: [...newest(), sortKey('start', 'q.start', 'int'), sortKey('id', 'q.id', 'uuid')],
      map: asQuote,
    }),
    /** Entities (of one kind, the variant) sharing visible articles with the parent, most shared first. */
    coMentionedByEntity: (kind: string | undefined): NestedSource => ({
      connection: `Entity.coMentioned:${kind ?? ''}`,
      select: sql`${columns.entity('e')}, count(*)::int as "sharedArticles"`,
      from: sql`article_entity ae join article a on a.id = ae."articleId" join article_entity other on other."articleId" = ae."articleId" and other."entityId" <> ae."entityId" join entity e on e.id = other."entityId"`,
      parent: sql`ae."entityId"`,
      where: sql`${kindIs('e', kind)} and ${article}`,
      groupBy: sql`ae."entityId", e.id`,
      keys: [sortKey('sharedArticles', 'count(*)', 'bigint', 'DESC'), sortKey('name', 'e.name', 'text'), sortKey('id', 'e.id', 'uuid')],
      map: asEntity,
    }),
    rolesByPerson: (): NestedSource => roles('Person.roles', sql`af."personId"`),
    rolesByOrganization: (): NestedSource => roles('Group.members', sql`af."organizationId"`),
    /** An article's revisions, newest first (the field checks the viewer's role). */
    revisionsByArticle: (): NestedSource => ({
      connection: 'Article.revisions',
      select: sql`r.*`,
      from: sql`article_revision r`,
      parent: sql`r."articleId"`,
      where: sql`true`,
      keys: [sortKey('version', 'r.version', 'int', 'DESC')],
      map: (row: never) => row,
    }),
    articlesByTag: (): NestedSource => ({
      connection: 'Tag.articles',
      select: columns.articleSummary('ar'),
      rowAlias: 'ar',
      from: sql`article_tag atg join article a on a.id = atg."articleId"`,
      parent: sql`atg."tagId"`,
      where: article,
      keys: newest(),
      fetch: articleRow,
      map: asArticle,
    }),
  };
}
