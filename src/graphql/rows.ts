import type {
  Affiliation,
  Article,
  ArticleRevision,
  Entity,
  Mention,
  Organization,
  Person,
  Place,
  Quote,
  Tag,
  Webhook,
  WebhookDelivery,
} from '../generated/prisma/client.js';

/**
 * The database rows resolvers receive as parents, each tagged with its GraphQL type by the
 * loader that read it: graphql-js resolves interfaces and unions (`Node`, `Entity`,
 * `SearchResult`, `Speaker`) from `__typename`, so nothing guesses a type from a row's columns.
 */
export type ArticleRow = Article & { __typename: 'Article' };
export type EntityRow = Entity & {
  __typename: EntityTypeName;
  /** Set when the entity was reached through the slug or id of one merged into it. */
  redirectedFrom?: EntityRedirectRow;
};
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

/** An entity merged into another, as its old slug or id still names it. */
export interface EntityRedirectRow {
  oldId: string;
  oldSlug: string;
  oldName: string;
  kind: Entity['kind'];
}

/** One item of the review queue: a fact with its article and context, or an unsure entity. */
export type ReviewItemRow =
  | {
      kind: 'QUOTE' | 'MENTION' | 'ROLE';
      fact: QuoteRow | MentionRow | AffiliationRow;
      articleId: string | null;
      confidence: number;
      context: string | null;
      contextStart: number | null;
    }
  | { kind: 'ENTITY'; entity: EntityRow; confidence: number; candidateIds: string[] };

/** Two entities that may be one. */
export interface MergeCandidateRow {
  ids: [string, string];
  reason: string;
  score: number;
  sharedArticles: number;
}

export type PersonProfileRow = Person;
export type OrganizationProfileRow = Organization;
export type PlaceProfileRow = Place;
