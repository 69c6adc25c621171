import type { Affiliation, Article, ArticleRevision, Entity, Mention, Quote, Tag, Webhook, WebhookDelivery } from '../generated/prisma/client.js';

/**
 * The database rows resolvers receive as parents, each tagged with its GraphQL type by the
 * loader that read it: graphql-js resolves interfaces and unions (`Node`, `Entity`,
 * `SearchResult`, `Speaker`) from `__typename`, so nothing guesses a type from a row's columns.
 */
export type ArticleRow = Article & { __typename: 'Article' };
export type EntityRow = Entity & { __typename: EntityTypeName };
export type QuoteRow = Quote & { __typename: 'Quote' };
export type TagRow = Tag & { __typename: 'Tag' };
export type MentionRow = Mention & { __typename: 'Mention' };
export type AffiliationRow = Affiliation & { __typename: 'Role' };
export type RevisionRow = ArticleRevision;
export type WebhookRow = Omit<Webhook, 'secret'> & { __typename: 'Webhook' };
export type WebhookDeliveryRow = WebhookDelivery;

/** A speaker the article describes without naming. */
export interface UnnamedSpeakerRow {
  __typename: 'UnnamedSpeaker';
  description: string;
  affiliationId: string | null;
}

/** An entity mentioned alongside another one; the node carries the number of articles they share. */
export interface CoMentionEdgeRow {
  cursor: string;
  node: EntityRow & { sharedArticles: number };
}

export type EntityTypeName = 'Person' | 'Organization' | 'Place';
