import { Prisma } from '../../generated/prisma/client.js';
import { visibleSql, type RecordKind } from '../../access/visibility.js';
import type { Viewer } from '../../access/viewer.js';

/** SQL fragments with bound parameters (Prisma's tagged template; runs through `Reader`). */
export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const raw = Prisma.raw;
export const join = Prisma.join;
export const empty = Prisma.empty;

/**
 * A statement's text (`$1`… placeholders) and values: an `Sql`, or a text built once and kept
 * (`Sql.text` joins its parts again at every read, see `prefetchSelection`).
 */
export interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** Runs one read statement and returns its rows. */
export type Reader = <T>(statement: Statement) => Promise<T[]>;

/** The access rule for `kind` on the row aliased `alias` (see `visibleSql` in src/access/visibility.ts for the options). */
export function visible(viewer: Viewer, kind: RecordKind, alias: string, options?: { article?: string; fewRows?: boolean }): Sql {
  return raw(visibleSql(viewer, kind, alias, options));
}

/** Conditions joined with AND (TRUE when there are none). */
export function and(conditions: readonly Sql[]): Sql {
  return conditions.length ? join(conditions, ' AND ') : sql`TRUE`;
}

/** A table's model columns, aliased, in the model's field order: rows come back shaped like Prisma's models. */
function columnList(alias: string, fields: Record<string, string>): Sql {
  return raw(
    Object.values(fields)
      .map((field) => `${alias}."${field}"`)
      .join(', '),
  );
}

/** Columns by name (a comma-separated list of a model's fields, e.g. from `pageColumns`), aliased. */
export function columnsNamed(alias: string, names: string): Sql {
  return raw(
    names
      .split(',')
      .map((name) => `${alias}."${name}"`)
      .join(', '),
  );
}

/**
 * Model columns per table. Never `alias.*`: tables also hold columns Prisma cannot read (the
 * search `tsvector`s).
 */
export const columns = {
  article: (alias: string) => columnList(alias, Prisma.ArticleScalarFieldEnum),
  /** An article without its body, for rows read for their title, slug or date (see `paragraphsOf`). */
  articleSummary: (alias: string) =>
    columnList(alias, Object.fromEntries(Object.entries(Prisma.ArticleScalarFieldEnum).filter(([field]) => field !== 'paragraphs'))),
  entity: (alias: string) => columnList(alias, Prisma.EntityScalarFieldEnum),
  quote: (alias: string) => columnList(alias, Prisma.QuoteScalarFieldEnum),
  mention: (alias: string) => columnList(alias, Prisma.MentionScalarFieldEnum),
  affiliation: (alias: string) => columnList(alias, Prisma.AffiliationScalarFieldEnum),
  tag: (alias: string) => columnList(alias, Prisma.TagScalarFieldEnum),
};
