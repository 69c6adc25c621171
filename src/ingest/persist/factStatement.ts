import type { Sql } from '../../db/sql.js';

/**
 * Several INSERTs (and UPDATEs) run as one statement of data-modifying CTEs, each reading its
 * rows from its own JSON parameter: one round trip instead of one per table. The parts must not
 * read what another part writes (no CTE sees another's changes).
 */
export interface FactStatement {
  /** Adds a JSON parameter; returns its placeholder ("$n"). */
  param(json: string): string;
  /** Adds a part (an INSERT or UPDATE) reading its parameters. */
  part(statement: string): void;
  /** Runs the parts, if any, in one round trip. */
  run(sql: Sql): Promise<void>;
}

/** An empty statement to add parts to. */
export function factStatement(): FactStatement {
  const params: string[] = [];
  const parts: string[] = [];
  return {
    param(json) {
      params.push(json);
      return `$${params.length}`;
    },
    part(statement) {
      parts.push(`f${parts.length} AS (${statement})`);
    },
    async run(sql) {
      if (parts.length) await sql.run(`WITH ${parts.join(',\n')}\nSELECT 1`, ...params);
    },
  };
}
