import type { Affiliation, Article, Entity, Mention, Quote, Tag } from '../../generated/prisma/client.js';
import { ENTITY_TYPE_NAME } from '../entityTypeName.js';
import type { AffiliationRow, ArticleRow, EntityRow, MentionRow, QuoteRow, TagRow } from '../rows.js';

/**
 * Tags rows with their GraphQL type as they leave the database, so interfaces and unions
 * resolve from `__typename` (see rows.ts). The rows are fresh objects from the driver, so the
 * tag is set in place rather than by copying.
 */
const tag =
  <R, T>(typename: (row: R) => string) =>
  (row: R): T => {
    (row as { __typename?: string }).__typename = typename(row);
    return row as unknown as T;
  };

export const asArticle = tag<Article, ArticleRow>(() => 'Article');
export const asEntity = tag<Entity, EntityRow>((row) => ENTITY_TYPE_NAME[row.kind]);
export const asQuote = tag<Quote, QuoteRow>(() => 'Quote');
export const asTag = tag<Tag, TagRow>(() => 'Tag');
export const asMention = tag<Mention, MentionRow>(() => 'Mention');
export const asRole = tag<Affiliation, AffiliationRow>(() => 'Role');
