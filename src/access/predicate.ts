/**
 * A small language for row filters, so each access rule is written once and compiled both to a
 * Prisma `where` and to an SQL condition (raw statements, the import's reads).
 */
export type Predicate =
  | { op: 'true' }
  | { op: 'all'; of: readonly Predicate[] }
  | { op: 'any'; of: readonly Predicate[] }
  | { op: 'eq'; column: string; value: string }
  | { op: 'notIn'; column: string; values: readonly string[] }
  | { op: 'isNull'; column: string }
  | { op: 'notAfterNow'; column: string }
  /** Some row of a related table matches `where` (Prisma: `{ relation: { some: where } }` or `{ relation: where }`). */
  | { op: 'related'; relation: Relation; where: Predicate };

/** How a table reaches a related one, for both compilers. */
export interface Relation {
  /** Prisma: the relation field and whether it is a list (`some`) or a single record. */
  prisma: { field: string; list: false } | { field: string; list: true; through?: string };
  /**
   * SQL: `EXISTS (SELECT 1 FROM <from> WHERE <join(alias, inner)> AND <where on inner>)`;
   * `column` renames the related row's columns when `inner` is a row keeping a copy of them.
   */
  sql: { from: (inner: string) => string; join: (outer: string, inner: string) => string; inner: string; column?: (name: string) => string };
}

export const TRUE: Predicate = { op: 'true' };

/** Compiles to a Prisma where object; `now` is the moment `notAfterNow` compares with. */
export function toPrismaWhere(predicate: Predicate, now: Date): Record<string, unknown> {
  switch (predicate.op) {
    case 'true':
      return {};
    case 'all':
      return { AND: predicate.of.map((p) => toPrismaWhere(p, now)) };
    case 'any':
      return { OR: predicate.of.map((p) => toPrismaWhere(p, now)) };
    case 'eq':
      return { [predicate.column]: predicate.value };
    case 'notIn':
      return { [predicate.column]: { notIn: [...predicate.values] } };
    case 'isNull':
      return { [predicate.column]: null };
    case 'notAfterNow':
      return { [predicate.column]: { lte: now } };
    case 'related': {
      const { prisma } = predicate.relation;
      const inner = toPrismaWhere(predicate.where, now);
      if (!prisma.list) return { [prisma.field]: inner };
      return { [prisma.field]: { some: prisma.through ? { [prisma.through]: inner } : inner } };
    }
  }
}

/** How to compile a condition for the statement it goes into. */
export interface SqlOptions {
  /**
   * A single related row the statement already joins (a fact's article, for its order): its
   * condition is read from that row, not looked up again. `column` renames the related row's
   * columns: a row that keeps a copy of them (a fact's `articleStatus`) stands for it.
   */
  joined?: { relation: Relation; alias: string; column?: (name: string) => string };
  /** Renames the row's columns (see `joined.column`). */
  column?: (name: string) => string;
  /**
   * The statement checks a few rows looked up by key (entities by id or slug): "some related
   * row matches" stops at the first one. As EXISTS, PostgreSQL reads every related row's index
   * entry first (a bitmap scan of the 500 articles that mention a politician), which pays only
   * when a statement checks many rows.
   */
  fewRows?: boolean;
}

/** Compiles to an SQL condition on the row aliased `alias` (constants only: no parameters). */
export function toSqlCondition(predicate: Predicate, alias: string, depth = 0, options: SqlOptions = {}): string {
  const { joined } = options;
  const column = (name: string) => `${alias}."${options.column ? options.column(name) : name}"`;
  switch (predicate.op) {
    case 'true':
      return 'TRUE';
    case 'all':
      return predicate.of.length ? `(${predicate.of.map((p) => toSqlCondition(p, alias, depth, options)).join(' AND ')})` : 'TRUE';
    case 'any':
      return predicate.of.length ? `(${predicate.of.map((p) => toSqlCondition(p, alias, depth, options)).join(' OR ')})` : 'FALSE';
    case 'eq':
      return `${column(predicate.column)} = ${literal(predicate.value)}`;
    case 'notIn':
      return `${column(predicate.column)} NOT IN (${predicate.values.map(literal).join(', ')})`;
    case 'isNull':
      return `${column(predicate.column)} IS NULL`;
    case 'notAfterNow':
      // Timestamps are stored as UTC without a zone (Prisma's DateTime), so compare with UTC now.
      return `${column(predicate.column)} <= (now() AT TIME ZONE 'UTC')`;
    case 'related': {
      const { sql, prisma } = predicate.relation;
      // The join is on the same key (`sql.join`), so the joined row is the related one.
      if (joined?.relation === predicate.relation) return toSqlCondition(predicate.where, joined.alias, depth + 1, { column: joined.column });
      const inner = `${sql.inner}${depth + 1}`;
      const where = toSqlCondition(predicate.where, inner, depth + 1, { column: sql.column });
      // One related row (a fact's article): a scalar subquery, looked up by key per row. As
      // EXISTS inside an OR, PostgreSQL would hash the whole related table instead (a
      // sequential scan of every article for a page of five quotes). No row reads as FALSE.
      if (!prisma.list) return `COALESCE((SELECT ${where} FROM ${sql.from(inner)} WHERE ${sql.join(alias, inner)}), FALSE)`;
      if (options.fewRows) return `COALESCE((SELECT TRUE FROM ${sql.from(inner)} WHERE ${sql.join(alias, inner)} AND ${where} LIMIT 1), FALSE)`;
      return `EXISTS (SELECT 1 FROM ${sql.from(inner)} WHERE ${sql.join(alias, inner)} AND ${where})`;
    }
  }
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
