import type { QuoteWhereInput } from '../generated/schemaTypes.js';
import { escapeLike } from '../read/escapeLike.js';
import { and, sql, type Sql } from '../read/sql.js';

/** `QuoteWhereInput` as an SQL condition on the quote aliased `q` (callers add the access rule). */
export function quoteWhere(input: QuoteWhereInput | null | undefined): Sql {
  const conditions: Sql[] = [];
  if (input?.speaker) conditions.push(sql`EXISTS (SELECT 1 FROM entity s WHERE s.id = q."speakerId" AND s.slug = ${input.speaker})`);
  if (input?.article) conditions.push(sql`EXISTS (SELECT 1 FROM article x WHERE x.id = q."articleId" AND x.slug = ${input.article})`);
  if (input?.kind) conditions.push(sql`q.kind = ${input.kind}::"QuoteKind"`);
  const text = input?.textContains?.trim();
  if (text) conditions.push(sql`q.text ILIKE ${`%${escapeLike(text)}%`}`);
  return and(conditions);
}
