import type { Affiliation, Article, Entity, EntityKind, Quote, Tag } from '../../generated/prisma/client.js';
import { articleText } from '../../ingest/articleText.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../globalId.js';
import { limitOf } from '../paginate.js';

const TYPE_OF: Record<EntityKind, 'Person' | 'Organization' | 'Place'> = { PERSON: 'Person', ORGANIZATION: 'Organization', PLACE: 'Place' };
type Limit = { first?: number | null };

/** Marks an unnamed speaker so the Speaker union can tell it from an entity. */
interface UnnamedSpeaker {
  description: string;
  affiliationId: string | null;
}

const entityFields = {
  id: (entity: Entity) => toGlobalId(TYPE_OF[entity.kind], entity.id),
  aliases: async (entity: Entity, _: unknown, ctx: Context) => (await ctx.loaders.aliasesByEntity.load(entity.id)).map((alias) => alias.name),
  articles: async (entity: Entity, args: Limit, ctx: Context) => (await ctx.loaders.articlesByEntity.load(entity.id)).slice(0, limitOf(args.first)),
  articleCount: (entity: Entity, _: unknown, ctx: Context) => ctx.loaders.articleCountByEntity.load(entity.id),
  quotes: async (entity: Entity, args: Limit, ctx: Context) => (await ctx.loaders.quotesBySpeaker.load(entity.id)).slice(0, limitOf(args.first)),
};

/** Organizations and places have members: people with a role for them. */
const groupFields = {
  ...entityFields,
  members: (entity: Entity, _: unknown, ctx: Context) => ctx.loaders.rolesByOrganization.load(entity.id),
};

const entitiesOfKind = (kind: EntityKind) => async (article: Article, _: unknown, ctx: Context) =>
  (await ctx.loaders.entitiesByArticle.load(article.id)).filter((entity) => entity.kind === kind);

const span = (text: string | null, start: number | null, end: number | null) => (text !== null && start !== null && end !== null ? { text, start, end } : null);

export const typeResolvers = {
  Node: { __resolveType: resolveNodeType },
  Entity: { __resolveType: (entity: Entity) => TYPE_OF[entity.kind] },
  Speaker: { __resolveType: (speaker: Entity | UnnamedSpeaker) => ('kind' in speaker ? TYPE_OF[speaker.kind] : 'UnnamedSpeaker') },
  Article: {
    id: (article: Article) => toGlobalId('Article', article.id),
    text: (article: Article) => articleText(article.title, article.paragraphs),
    publishedAt: (article: Article) => article.publishedAt?.toISOString() ?? null,
    createdAt: (article: Article) => article.createdAt.toISOString(),
    updatedAt: (article: Article) => article.updatedAt.toISOString(),
    quotes: (article: Article, _: unknown, ctx: Context) => ctx.loaders.quotesByArticle.load(article.id),
    people: entitiesOfKind('PERSON'),
    organizations: entitiesOfKind('ORGANIZATION'),
    places: entitiesOfKind('PLACE'),
    mentions: (article: Article, _: unknown, ctx: Context) => ctx.loaders.mentionsByArticle.load(article.id),
    tags: (article: Article, _: unknown, ctx: Context) => ctx.loaders.tagsByArticle.load(article.id),
  },
  Person: { ...entityFields, roles: (person: Entity, _: unknown, ctx: Context) => ctx.loaders.rolesByPerson.load(person.id) },
  Organization: groupFields,
  Place: groupFields,
  Role: {
    title: (role: Affiliation) => role.role || null,
    person: (role: Affiliation, _: unknown, ctx: Context) => ctx.loaders.entityById.load(role.personId),
    affiliation: (role: Affiliation, _: unknown, ctx: Context) => (role.organizationId ? ctx.loaders.entityById.load(role.organizationId) : null),
    article: (role: Affiliation, _: unknown, ctx: Context) => ctx.loaders.articleById.load(role.articleId),
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
    articles: async (tag: Tag, args: Limit, ctx: Context) => (await ctx.loaders.articlesByTag.load(tag.id)).slice(0, limitOf(args.first)),
    articleCount: (tag: Tag, _: unknown, ctx: Context) => ctx.loaders.articleCountByTag.load(tag.id),
  },
};

function resolveNodeType(node: Record<string, unknown>): string {
  if ('kind' in node && 'nameKey' in node) return TYPE_OF[node.kind as EntityKind];
  if ('paragraphs' in node) return 'Article';
  if ('speakerId' in node) return 'Quote';
  return 'Tag';
}
