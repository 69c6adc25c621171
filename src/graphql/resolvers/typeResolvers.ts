import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { requireRole } from '../../access/viewer.js';
import { isPublicNow } from '../../articles/articleEvents.js';
import { articleText } from '../../content/articleText.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/schemaTypes.js';
import { toGlobalId } from '../globalId.js';
import { articleJsonLd } from '../jsonLd/articleJsonLd.js';
import { jsonScalar } from '../jsonScalar.js';
import { nestedCacheKey, type NestedKey } from '../loaders/nestedPageLoader.js';
import { loadPrimed } from '../loaders/primedValues.js';
import { windowOf, type PageArgs } from '../paginate.js';
import { pageColumns, pageKeyless, referenceColumns, referenceKey } from '../read/pageColumns.js';
import { selects } from '../selects.js';
import type { ArticleRow, EntityRow } from '../rows.js';
import { ENTITY_TYPE_NAME } from '../entityTypeName.js';
import type { FactStatus } from '../generated/schemaTypes.js';
import { factGlobalId, forEditors } from './reviewResolvers.js';

type Loaders = Context['loaders'];
type PagedLoader = { [K in keyof Loaders]: Loaders[K] extends { load(key: { window: unknown }): unknown } ? K : never }[keyof Loaders];

/**
 * A connection field resolved through a paged loader keyed by the parent's id; counted only when
 * the query selects `totalCount`, and read with the columns its nodes' selection needs when a
 * statement primed the page that way (`pageColumns`).
 */
const paged =
  <L extends PagedLoader>(loader: L, variant?: (args: PageArgs & Record<string, unknown>) => string | undefined) =>
  (parent: { id: string }, args: PageArgs & Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo) =>
    loadPage(ctx.loaders[loader] as DataLoader<NestedKey, unknown>, {
      id: parent.id,
      window: windowOf(args, ctx.maxPageSize),
      variant: variant?.(args),
      counted: selects(info, 'totalCount'),
      columns: pageColumns(loader, info.fieldNodes, info.fragments),
      keyless: pageKeyless(loader, info.fieldNodes, info.fragments),
    }) as Awaited<ReturnType<Loaders[L]['load']>> | ReturnType<Loaders[L]['load']>;

/** A page, without a promise when the request's statement primed it. */
const loadPage = (loader: DataLoader<NestedKey, unknown>, key: NestedKey) => loadPrimed(loader, key, nestedCacheKey(key));

/**
 * A record the parent guarantees (a visible quote's article, a visible role's person): missing
 * only if the database lost it between two statements, which is a server fault.
 */
function required<T>(value: T | null | Promise<T | null>, what: string): T | Promise<T> {
  if (value instanceof Promise) return value.then((row) => present(row, what));
  return present(value, what);
}

function present<T>(row: T | null, what: string): T {
  if (row === null) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `${what} is missing`);
  return row;
}

/** An article's paragraphs: from its row, or read once when the row came without them (`articleSummaryById`). */
async function paragraphsOf(article: ArticleRow, ctx: Context): Promise<string[]> {
  if (article.paragraphs !== undefined) return article.paragraphs;
  return (await required(loadPrimed(ctx.loaders.articleById, article.id), 'an article’s body')).paragraphs;
}

/**
 * The row a reference field names by id (a quote's speaker or article, a mention's entity, a
 * role's person, affiliation or article), as a read-ahead statement primed it with the columns
 * the field's selection needs (`referenceColumns`), or loaded whole.
 */
function reference(ctx: Context, info: GraphQLResolveInfo, model: 'entity', id: string): EntityRow | null | Promise<EntityRow | null>;
function reference(ctx: Context, info: GraphQLResolveInfo, model: 'article', id: string): ArticleRow | null | Promise<ArticleRow | null>;
function reference(ctx: Context, info: GraphQLResolveInfo, model: 'entity' | 'article', id: string) {
  const key = referenceKey(id, referenceColumns(model, info.fieldNodes, info.fragments));
  return model === 'entity' ? loadPrimed(ctx.loaders.entityById, key) : loadPrimed(ctx.loaders.articleSummaryById, key);
}

const span = (text: string | null, start: number | null, end: number | null) => (text !== null && start !== null && end !== null ? { text, start, end } : null);

const entityFields = {
  id: (entity: EntityRow) => toGlobalId(entity.__typename, entity.id),
  aliases: (entity: EntityRow, _: unknown, ctx: Context) => ctx.loaders.aliasesByEntity.load(entity.id),
  articles: paged('articlePagesByEntity'),
  articleCount: (entity: EntityRow, _: unknown, ctx: Context) => ctx.loaders.articleCountByEntity.load(entity.id),
  quotes: paged('quotePagesBySpeaker'),
  quoteCount: (entity: EntityRow, _: unknown, ctx: Context) => ctx.loaders.quoteCountBySpeaker.load(entity.id),
  quotedAbout: paged('quotedAboutPagesByEntity'),
  coMentioned: paged('coMentionedPagesByEntity', (args) => (typeof args.kind === 'string' ? args.kind : undefined)),
  redirectedFrom: (entity: EntityRow) => entity.redirectedFrom ?? null,
};

/** Review metadata of a fact: for editors only (null for other callers, who never see rejected facts anyway). */
const reviewFields = {
  status: (fact: { status: FactStatus }, _: unknown, ctx: Context) => forEditors(ctx, fact.status),
  reviewedBy: (fact: { reviewedBy: string | null }, _: unknown, ctx: Context) => forEditors(ctx, fact.reviewedBy),
  reviewedAt: (fact: { reviewedAt: Date | null }, _: unknown, ctx: Context) => forEditors(ctx, fact.reviewedAt?.toISOString() ?? null),
};

/** Organizations and places have members: people with a role for them. */
const groupFields = { ...entityFields, members: paged('rolePagesByOrganization') };

/** Every type's field resolvers; interfaces and unions resolve from each row's `__typename`. */
export const typeResolvers: Omit<Resolvers, 'Query'> = {
  JSON: jsonScalar,
  Article: {
    id: (article) => toGlobalId('Article', article.id),
    paragraphs: (article, _, ctx) => paragraphsOf(article, ctx),
    text: async (article, _, ctx) => articleText(article.title, await paragraphsOf(article, ctx)),
    publishedAt: (article) => article.publishedAt?.toISOString() ?? null,
    isPublic: (article) => isPublicNow({ status: article.status, publishedAt: article.publishedAt?.toISOString() ?? null }),
    revisions: (article, args, ctx, info) => {
      requireRole(ctx.viewer, 'EDITOR', 'Reading revisions');
      return ctx.loaders.revisionPagesByArticle.load({ id: article.id, window: windowOf(args, ctx.maxPageSize), counted: selects(info, 'totalCount') });
    },
    createdAt: (article) => article.createdAt.toISOString(),
    updatedAt: (article) => article.updatedAt.toISOString(),
    quotes: paged('quotePagesByArticle'),
    people: paged('entityPagesByArticle', () => 'PERSON'),
    organizations: paged('entityPagesByArticle', () => 'ORGANIZATION'),
    places: paged('entityPagesByArticle', () => 'PLACE'),
    mentions: paged('mentionPagesByArticle', (args) =>
      Array.isArray(args.forms) && args.forms.length ? [...(args.forms as string[])].sort().join(',') : undefined,
    ),
    tags: paged('tagPagesByArticle'),
    jsonLd: async (article, _, ctx) =>
      articleJsonLd({ ...article, paragraphs: await paragraphsOf(article, ctx) }, ctx.loaders, {
        publicBaseUrl: ctx.publicBaseUrl,
        publisherName: ctx.publisherName,
      }),
  },
  Person: { ...entityFields, roles: paged('rolePagesByPerson'), profile: (entity, _, ctx) => ctx.loaders.personProfile.load(entity.id) },
  Organization: { ...groupFields, profile: (entity, _, ctx) => ctx.loaders.organizationProfile.load(entity.id) },
  Place: { ...groupFields, profile: (entity, _, ctx) => ctx.loaders.placeProfile.load(entity.id) },
  EntityRedirect: {
    id: (redirect) => toGlobalId(ENTITY_TYPE_NAME[redirect.kind], redirect.oldId),
    slug: (redirect) => redirect.oldSlug,
    name: (redirect) => redirect.oldName,
  },
  PersonProfile: { birthDate: (profile) => profile.birthDate?.toISOString().slice(0, 10) ?? null },
  CoMentionEdge: { sharedArticles: (edge) => edge.node.sharedArticles },
  Role: {
    ...reviewFields,
    id: (role) => factGlobalId(role),
    title: (role) => role.role || null,
    person: (role, _, ctx, info) => required(reference(ctx, info, 'entity', role.personId), 'a role’s person'),
    affiliation: (role, _, ctx, info) => (role.organizationId ? reference(ctx, info, 'entity', role.organizationId) : null),
    article: (role, _, ctx, info) => (role.articleId ? reference(ctx, info, 'article', role.articleId) : null),
    since: (role) => role.since?.toISOString() ?? null,
    until: (role) => role.until?.toISOString() ?? null,
    // The article's date, so a frontend can lay roles out over time without another hop.
    seenAt: async (role, _, ctx) => {
      if (!role.articleId) return role.since?.toISOString() ?? null;
      const article = await ctx.loaders.articleSummaryById.load(role.articleId);
      return (article?.publishedAt ?? article?.createdAt)?.toISOString() ?? null;
    },
  },
  UnnamedSpeaker: {
    affiliation: (speaker, _, ctx, info) => (speaker.affiliationId ? reference(ctx, info, 'entity', speaker.affiliationId) : null),
  },
  Quote: {
    ...reviewFields,
    id: (quote) => toGlobalId('Quote', quote.id),
    cue: (quote) => span(quote.cueText, quote.cueStart, quote.cueEnd),
    speakerMention: (quote) => span(quote.speakerText, quote.speakerStart, quote.speakerEnd),
    speaker: (quote, _, ctx, info) => {
      if (quote.speakerId) return reference(ctx, info, 'entity', quote.speakerId);
      if (quote.speakerDescription) return { __typename: 'UnnamedSpeaker', description: quote.speakerDescription, affiliationId: quote.speakerAffiliationId };
      return null;
    },
    article: (quote, _, ctx, info) => required(reference(ctx, info, 'article', quote.articleId), 'a quote’s article'),
  },
  Mention: {
    ...reviewFields,
    id: (mention) => factGlobalId(mention),
    parent: (mention, _, ctx) =>
      mention.parentStart === null || mention.parentEnd === null
        ? null
        : ctx.loaders.articleById.load(mention.articleId).then((article) => {
            const text = article ? articleText(article.title, article.paragraphs) : '';
            return { start: mention.parentStart!, end: mention.parentEnd!, text: text.slice(mention.parentStart!, mention.parentEnd!) };
          }),
    entity: (mention, _, ctx, info) => required(reference(ctx, info, 'entity', mention.entityId), 'a mention’s entity'),
  },
  Revision: {
    createdAt: (revision) => revision.createdAt.toISOString(),
  },
  Tag: {
    id: (tag) => toGlobalId('Tag', tag.id),
    articles: paged('articlePagesByTag'),
    articleCount: (tag, _, ctx) => ctx.loaders.articleCountByTag.load(tag.id),
  },
};
