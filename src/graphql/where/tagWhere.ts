import type { TagWhereInput } from '../generated/schemaTypes.js';
import { escapeLike } from '../read/escapeLike.js';
import { and, sql, type Sql } from '../read/sql.js';

/** `TagWhereInput` as an SQL condition on the tag aliased `t` (callers add the access rule). */
export function tagWhere(input: TagWhereInput | null | undefined): Sql {
  const conditions: Sql[] = [];
  if (input?.kind) conditions.push(sql`t.kind = ${input.kind}::"TagKind"`);
  const text = input?.nameContains?.trim();
  if (text) conditions.push(sql`t.name ILIKE ${`%${escapeLike(text)}%`}`);
  return and(conditions);
}
