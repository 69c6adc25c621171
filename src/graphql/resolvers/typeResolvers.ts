import type { Affiliation, Article, Entity, EntityKind, Quote, Tag } from '../../generated/prisma/client.js';
import { articleText } from '../../content/articleText.js';
import type { Context } from '../context.js';
import { ENTITY_TYPE_NAME } from '../entityTypeName.js';
import { toGlobalId } from '../globalId.js';
import { articleJsonLd } from '../jsonLd/articleJsonLd.js';
import { jsonScalar } from '../jsonScalar.js';
import { windowOf, type PageArgs } from '../paginate.js';

/** Marks an unnamed speaker so the Speaker union can tell it from an entity. */
interface UnnamedSpeaker {
  description: string;
  affiliationId: string | null;
}

type Loaders = Context['loaders'];
type PagedLoader = { [K in keyof Loaders]: Loaders[K] extends { load(key: { window: unknown }): unknown } ? K : never }[keyof Loaders];

/** A connection field resolved through a paged loader keyed by the parent's id. */
const paged =
  <P extends { id: string }>(loader: PagedLoader, variant?: (args: PageArgs & Record<string, unknown>) => string | undefined) =>
  (parent: P, args: PageArgs & Record<string, unknown>, ctx: Context) =>
    ctx.loaders[loader].load({ id: parent.id, window: windowOf(args, ctx.maxPageSize), variant: variant?.(args) });

const entityFields = {
  id: (entity: Entity) => toGlobalId(ENTITY_TYPE_NAME[entity.kind], entity.id),
  aliases: async (entity: Entity, _: unknown, ctx: Context) => (await ctx.loaders.aliasesByEntity.load(entity.id)).map((alias) => alias.name),
  articles: paged<Entity>('articlePagesByEntity'),
  articleCount: (entity: Entity, _: unknown, ctx: Context) => ctx.loaders.articleCountByEntity.load(entity.id),
  quotes: paged<Entity>('quotePagesBySpeaker'),
  quoteCount: (entity: Entity, _: unknown, ctx: Context) => ctx.loaders.quoteCountBySpeaker.load(entity.id),
  quotedAbout: paged<Entity>('quotedAboutPagesByEntity'),
  coMentioned: paged<Entity>('coMentionedPagesByEntity', (args) => (typeof args.kind === 'string' ? args.kind : undefined)),
};

/** Organizations and places have members: people with a role for them. */
const groupFields = { ...entityFields, members: paged<Entity>('rolePagesByOrganization') };

const span = (text: string | null, start: number | null, end: number | null) => (text !== null && start !== null && end !== null ? { text, start, end } : null);

export const typeResolvers = {
  JSON: jsonScalar,
  Node: { __resolveType: resolveNodeType },
  Entity: { __resolveType: (entity: Entity) => ENTITY_TYPE_NAME[entity.kind] },
  Speaker: { __resolveType: (speaker: Entity | UnnamedSpeaker) => ('kind' in speaker ? ENTITY_TYPE_NAME[speaker.kind] : 'UnnamedSpeaker') },
  Article: {
    id: (article: Article) => toGlobalId('Article', article.id),
    text: (article: Article) => articleText(article.title, article.paragraphs),
    publishedAt: (article: Article) => article.publishedAt?.toISOString() ?? null,
    createdAt: (article: Article) => article.createdAt.toISOString(),
    updatedAt: (article: Article) => article.updatedAt.toISOString(),
    quotes: paged<Article>('quotePagesByArticle'),
    people: paged<Article>('entityPagesByArticle', () => 'PERSON'),
    organizations: paged<Article>('entityPagesByArticle', () => 'ORGANIZATION'),
    places: paged<Article>('entityPagesByArticle', () => 'PLACE'),
    mentions: paged<Article>('mentionPagesByArticle'),
    tags: paged<Article>('tagPagesByArticle'),
    jsonLd: (article: Article, _: unknown, ctx: Context) => articleJsonLd(article, ctx.loaders),
  },
  Person: { ...entityFields, roles: paged<Entity>('rolePagesByPerson') },
  Organization: groupFields,
  Place: groupFields,
  CoMentionEdge: { sharedArticles: (edge: { node: { sharedArticles: number } }) => edge.node.sharedArticles },
  Role: {
    title: (role: Affiliation) => role.role || null,
    person: (role: Affiliation, _: unknown, ctx: Context) => ctx.loaders.entityById.load(role.personId),
    affiliation: (role: Affiliation, _: unknown, ctx: Context) => (role.organizationId ? ctx.loaders.entityById.load(role.organizationId) : null),
    article: (role: Affiliation, _: unknown, ctx: Context) => ctx.loaders.articleById.load(role.articleId),
    since: (role: Affiliation) => role.since?.toISOString() ?? null,
    until: (role: Affiliation) => role.until?.toISOString() ?? null,
    // The article's date, so a frontend can lay roles out over time without another hop.
    seenAt: async (role: Affiliation, _: unknown, ctx: Context) => {
      const article = await ctx.loaders.articleById.load(role.articleId);
      return (article?.publishedAt ?? article?.createdAt)?.toISOString() ?? null;
    },
  },
  UnnamedSpeaker: {
    affiliation: (speaker: UnnamedSpeaker, _: unknown, ctx: Context) => (speaker.affiliationId ? ctx.loaders.entityById.load(speaker.affiliationId) : null),
  },
  Quote: {
    id: (quote: Quote) => toGlobalId('Quote', quote.id),
    cue: (quote: Quote) => span(quote.cueText, quote.cueStart, quote.cueEnd),
    speakerMention: (quote: Quote) => span(quote.speakerText, quote.speakerStart, quote.speakerEnd),
    speaker: async (quote: Quote, _: unknown, ctx: Context): Promise<Entity | UnnamedSpeaker | null> => {
      if (quote.speakerId) return ctx.loaders.entityById.load(quote.speakerId);
      if (quote.speakerDescription) return { description: quote.speakerDescription, affiliationId: quote.speakerAffiliationId };
      return null;
    },
    article: (quote: Quote, _: unknown, ctx: Context) => ctx.loaders.articleById.load(quote.articleId),
  },
  Mention: {
    entity: (mention: { entityId: string }, _: unknown, ctx: Context) => ctx.loaders.entityById.load(mention.entityId),
  },
  Tag: {
    id: (tag: Tag) => toGlobalId('Tag', tag.id),
    articles: paged<Tag>('articlePagesByTag'),
    articleCount: (tag: Tag, _: unknown, ctx: Context) => ctx.loaders.articleCountByTag.load(tag.id),
  },
};

/** The GraphQL type of a database row behind a Node or a search result. */
export function resolveNodeType(node: Record<string, unknown>): string {
  if ('kind' in node && 'nameKey' in node) return ENTITY_TYPE_NAME[node.kind as EntityKind];
  if ('paragraphs' in node) return 'Article';
  if ('speakerId' in node) return 'Quote';
  return 'Tag';
}
