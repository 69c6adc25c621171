import type * as Enums from '../../../generated/prisma/enums.js';

/**
 * Typed column specs for the import's multi-row writes. Each statement takes its rows as one
 * JSON parameter unpacked by `json_to_recordset`, and its SQL must name every column three
 * times: in the recordset definition, in the INSERT (or UPDATE) column list and in the SELECT
 * list. A table's spec names each written column once, with the PostgreSQL type JSON is read
 * as; the lists are generated from it, and the row type is derived from Prisma's model, so a
 * column that does not exist, a type that does not fit or a row that lacks a field is a
 * compile error, and adding a column is one edit.
 */

type EnumName = keyof typeof Enums;
type EnumValues<E extends EnumName> = (typeof Enums)[E][keyof (typeof Enums)[E]];

/** A Prisma enum as a PostgreSQL type name (quoted: Prisma's enum types are case-sensitive). */
type EnumSqlType<V> = { [E in EnumName]: [V] extends [EnumValues<E>] ? ([EnumValues<E>] extends [V] ? `"${E}"` : never) : never }[EnumName];

/** The PostgreSQL types a column whose model type is V may be read from JSON as. */
export type SqlTypeFor<V> = [NonNullable<V>] extends [number]
  ? 'int' | 'float8'
  : [NonNullable<V>] extends [boolean]
    ? 'boolean'
    : [NonNullable<V>] extends [readonly string[]]
      ? 'text[]'
      : [NonNullable<V>] extends [Date]
        ? 'timestamptz'
        : [EnumSqlType<NonNullable<V>>] extends [never]
          ? [NonNullable<V>] extends [string]
            ? 'text' | 'uuid'
            : never
          : EnumSqlType<NonNullable<V>>;

/** How a model value travels in JSON: dates as ISO 8601 strings, everything else as it is. */
type JsonOf<V> = V extends Date ? string : V;

/**
 * One row of a recordset: the picked columns with their model types, nullable where the column
 * is, and where the recordset allows null for "not given" (see `orNull`).
 */
export type RowOf<R extends { json(rows: never): string }> = Parameters<R['json']>[0][number];

type Row<Model, K extends keyof Model, N> = { [P in K]: JsonOf<Model[P]> | (P extends N ? null : never) };

/** Some written columns of a table, read from a JSON array of rows. */
export interface Recordset<Model, K extends keyof Model & string, N extends K = never> {
  readonly table: string;
  readonly keys: readonly K[];
  /** The quoted column names, for an INSERT column list: `"articleId", "entityId"`. */
  readonly columns: string;
  /** The recordset as a FROM item: `json_to_recordset($1::json) AS x("articleId" uuid, …)`; with `ordinality`, `x.ordinality` numbers the rows from 1 in array order. */
  from(param: string, alias: string, options?: { ordinality?: boolean }): string;
  /**
   * The alias's columns in order, for a SELECT list: `x."articleId", x."entityId"`; `values`
   * replaces some. A `timestamptz` is stored as its UTC time: Prisma's DateTime columns are
   * `timestamp` without a zone, holding UTC.
   */
  select(alias: string, values?: Partial<Record<K, string>>): string;
  /** `"title" = x."title", …` for an UPDATE, without `skip` (e.g. the key matched on). */
  assign(alias: string, skip?: readonly K[], values?: Partial<Record<K, string>>): string;
  /** The rows as the statement's JSON parameter. */
  json(rows: readonly Row<Model, K, N>[]): string;
  /** The same recordset whose rows may hold null in these columns (for "not given": the statement then decides, e.g. with COALESCE). */
  orNull<M extends K>(...keys: M[]): Recordset<Model, K, N | M>;
}

/** A written table: all of its written columns as a recordset, and `pick` for some of them. */
export interface Table<Model, K extends keyof Model & string> extends Recordset<Model, K> {
  /** Some of the columns, in the order given. */
  pick<P extends K>(...keys: P[]): Recordset<Model, P>;
}

/**
 * Declares a written table for the Prisma model `Model` (curried so `Model` is explicit while
 * the columns are inferred): `defineTable<Mention>()('mention', { articleId: 'uuid', … })`.
 * Every key must be a field of the model and its SQL type must fit the field's type.
 */
export function defineTable<Model>() {
  return <T extends { [P in keyof T]: P extends keyof Model ? SqlTypeFor<Model[P]> : never }>(
    name: string,
    types: T,
  ): Table<Model, keyof T & keyof Model & string> => {
    type K = keyof T & keyof Model & string;
    const typeOf = types as unknown as Record<K, string>;
    const recordset = <P extends K>(keys: P[]): Recordset<Model, P> => {
      const quoted = (key: P) => `"${key}"`;
      const at = (alias: string, key: P, values?: Partial<Record<P, string>>) =>
        values?.[key] ?? (typeOf[key] === 'timestamptz' ? `(${alias}.${quoted(key)} AT TIME ZONE 'UTC')` : `${alias}.${quoted(key)}`);
      const definition = keys.map((key) => `${quoted(key)} ${typeOf[key]}`).join(', ');
      const out: Recordset<Model, P> = {
        table: name,
        keys,
        columns: keys.map(quoted).join(', '),
        from: (param, alias, options) =>
          options?.ordinality
            ? `ROWS FROM (json_to_recordset(${param}::json) AS (${definition})) WITH ORDINALITY AS ${alias}`
            : `json_to_recordset(${param}::json) AS ${alias}(${definition})`,
        select: (alias, values) => keys.map((key) => at(alias, key, values)).join(', '),
        assign: (alias, skip = [], values) =>
          keys
            .filter((key) => !skip.includes(key))
            .map((key) => `${quoted(key)} = ${at(alias, key, values)}`)
            .join(', '),
        json: (rows) => JSON.stringify(rows),
        // Null-ability is a compile-time matter: the same SQL and JSON.
        orNull: <M extends P>() => out as unknown as Recordset<Model, P, M>,
      };
      return out;
    };
    return { ...recordset(Object.keys(types) as K[]), pick: (...keys) => recordset(keys) };
  };
}
