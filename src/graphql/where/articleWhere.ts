import type { Viewer } from '../../access/viewer.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { ArticleWhereInput } from '../generated/schemaTypes.js';
import { escapeLike } from '../read/escapeLike.js';
import { and, join, sql, type Sql } from '../read/sql.js';
import { entityWhere } from './entityWhere.js';

/**
 * `ArticleWhereInput` as an SQL condition on the article aliased `a`, for every list that
 * takes it (`articles`, facets). Visibility is not part of it: callers add the access rule.
 * Throws BAD_USER_INPUT naming the argument for a malformed date.
 */
export function articleWhere(viewer: Viewer, input: ArticleWhereInput | null | undefined, path = 'where'): Sql {
  if (!input) return sql`TRUE`;
  const conditions: Sql[] = [];
  if (input.status) conditions.push(sql`a.status = ${input.status}::"ArticleStatus"`);
  if (input.section) conditions.push(sql`lower(a.section) = lower(${input.section})`);
  if (input.publishedAt?.from) conditions.push(sql`a."publishedAt" >= ${dateOf(input.publishedAt.from, `${path}.publishedAt.from`)}`);
  if (input.publishedAt?.to) conditions.push(sql`a."publishedAt" < ${dateOf(input.publishedAt.to, `${path}.publishedAt.to`)}`);
  const tags = input.tags;
  if (tags?.some) conditions.push(sql`EXISTS (${taggedWith(tags.some)})`);
  for (const slug of tags?.every ?? []) conditions.push(sql`EXISTS (${taggedWith([slug])})`);
  if (tags?.none) conditions.push(sql`NOT EXISTS (${taggedWith(tags.none)})`);
  if (input.mentions?.some) conditions.push(sql`EXISTS (${mentioning(viewer, input.mentions.some)})`);
  if (input.mentions?.none) conditions.push(sql`NOT EXISTS (${mentioning(viewer, input.mentions.none)})`);
  const text = input.textContains?.trim();
  if (text) {
    const pattern = `%${escapeLike(text)}%`;
    conditions.push(sql`(a.title ILIKE ${pattern} OR array_to_string(a.paragraphs, ' ') ILIKE ${pattern})`);
  }
  input.AND?.forEach((part, i) => conditions.push(articleWhere(viewer, part, `${path}.AND[${i}]`)));
  if (input.OR)
    conditions.push(
      input.OR.length
        ? sql`(${join(
            input.OR.map((part, i) => articleWhere(viewer, part, `${path}.OR[${i}]`)),
            ' OR ',
          )})`
        : sql`FALSE`,
    );
  if (input.NOT) conditions.push(sql`NOT (${articleWhere(viewer, input.NOT, `${path}.NOT`)})`);
  return sql`(${and(conditions)})`;
}

function taggedWith(slugs: readonly string[]): Sql {
  return sql`SELECT 1 FROM article_tag x JOIN tag t ON t.id = x."tagId" WHERE x."articleId" = a.id AND t.slug IN (${slugs.length ? join(slugs) : sql`NULL`})`;
}

function mentioning(viewer: Viewer, input: Parameters<typeof entityWhere>[1]): Sql {
  return sql`SELECT 1 FROM article_entity x JOIN entity e ON e.id = x."entityId" WHERE x."articleId" = a.id AND ${entityWhere(viewer, input)}`;
}

function dateOf(value: string, argument: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${JSON.stringify(value)} is not an ISO 8601 date`, { argument });
  }
  return date;
}
