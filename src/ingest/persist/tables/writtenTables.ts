import type { Affiliation, Article, ArticleEntity, ArticleTag, Entity, EntityAlias, Mention, Quote, Tag } from '../../../generated/prisma/client.js';
import { defineTable, type RowOf } from './defineTable.js';

/**
 * The columns the import writes, one spec per table (see defineTable). Columns the database
 * fills in a statement (ids from `gen_random_uuid()`, timestamps from `now()`, a quote's search
 * vector) are given as values where the statement selects them.
 */

export const articleTable = defineTable<Article>()('article', {
  id: 'uuid',
  slug: 'text',
  title: 'text',
  lead: 'text',
  paragraphs: 'text[]',
  sourceKey: 'text',
  sourcePath: 'text',
  sourceUrl: 'text',
  byline: 'text',
  contentHash: 'text',
  extractorVersion: 'text',
  wordCount: 'int',
  status: '"ArticleStatus"',
  publishedAt: 'timestamptz',
  section: 'text',
});

export const entityTable = defineTable<Entity>()('entity', {
  kind: '"EntityKind"',
  name: 'text',
  nameKey: 'text',
  slug: 'text',
  needsReview: 'boolean',
});

export const entityAliasTable = defineTable<EntityAlias>()('entity_alias', {
  entityId: 'uuid',
  name: 'text',
  nameKey: 'text',
});

export const mentionTable = defineTable<Mention>()('mention', {
  articleId: 'uuid',
  entityId: 'uuid',
  text: 'text',
  start: 'int',
  end: 'int',
  paragraph: 'int',
  form: '"MentionForm"',
  parentStart: 'int',
  parentEnd: 'int',
  confidence: 'float8',
});

export const articleEntityTable = defineTable<ArticleEntity>()('article_entity', {
  articleId: 'uuid',
  entityId: 'uuid',
  mentionCount: 'int',
  firstStart: 'int',
});

export const quoteTable = defineTable<Quote>()('quote', {
  articleId: 'uuid',
  text: 'text',
  kind: '"QuoteKind"',
  start: 'int',
  end: 'int',
  paragraph: 'int',
  cueText: 'text',
  cueStart: 'int',
  cueEnd: 'int',
  speakerId: 'uuid',
  speakerDescription: 'text',
  speakerAffiliationId: 'uuid',
  speakerStart: 'int',
  speakerEnd: 'int',
  speakerText: 'text',
  confidence: 'float8',
});

export const affiliationTable = defineTable<Affiliation>()('affiliation', {
  articleId: 'uuid',
  personId: 'uuid',
  organizationId: 'uuid',
  role: 'text',
  confidence: 'float8',
});

export const tagTable = defineTable<Tag>()('tag', {
  name: 'text',
  slug: 'text',
  kind: '"TagKind"',
});

export const articleTagTable = defineTable<ArticleTag>()('article_tag', {
  articleId: 'uuid',
  tagId: 'uuid',
  kind: '"TagKind"',
});

// One row of each table as the import writes it.
export type ArticleRow = RowOf<typeof articleTable>;
export type EntityRow = RowOf<typeof entityTable>;
export type EntityAliasRow = RowOf<typeof entityAliasTable>;
export type MentionRow = RowOf<typeof mentionTable>;
export type ArticleEntityRow = RowOf<typeof articleEntityTable>;
export type QuoteRow = RowOf<typeof quoteTable>;
export type AffiliationRow = RowOf<typeof affiliationTable>;
export type TagRow = RowOf<typeof tagTable>;
export type ArticleTagRow = RowOf<typeof articleTagTable>;
