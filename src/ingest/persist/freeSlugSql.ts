/** How a taken slug is told apart: 8 hex digits of a hash of the row's identity. */
export type SlugSuffixHash = 'md5' | 'sha256';

export interface FreeSlugOptions {
  /** The table whose stored rows may hold the slug. */
  table: string;
  /** The recordset alias; it must be read WITH ORDINALITY (see Recordset.from). */
  alias: string;
  /** Columns within which slugs are unique besides the slug itself (an entity's `kind`). */
  scope: readonly string[];
  /** The SQL expression the suffix is a hash of (a source key, a name key). */
  identity: string;
  hash: SlugSuffixHash;
}

/**
 * The slug rule, for articles and entities alike, as the SQL expression an INSERT selects: a
 * row keeps the slug it asks for unless a stored row (in the same scope) or an earlier row of
 * the same statement has it; then it gets "-" and 8 hex digits of a hash of its identity. First
 * come, first served, so a stored slug, and every link to it, never changes. Evaluated by the
 * database: only it knows the stored slugs, and rows of one statement cannot see each other.
 */
export function freeSlugSql({ table, alias, scope, identity, hash }: FreeSlugOptions): string {
  const same = [...scope, 'slug'].map((column) => `t."${column}" = ${alias}."${column}"`).join(' AND ');
  const earlier = `row_number() OVER (PARTITION BY ${[...scope, 'slug'].map((column) => `${alias}."${column}"`).join(', ')} ORDER BY ${alias}.ordinality) > 1`;
  const digest = hash === 'md5' ? `md5(${identity})` : `encode(sha256(convert_to(${identity}, 'UTF8')), 'hex')`;
  return `CASE WHEN EXISTS (SELECT 1 FROM ${table} t WHERE ${same}) OR ${earlier} THEN ${alias}.slug || '-' || left(${digest}, 8) ELSE ${alias}.slug END`;
}
