import type { Sql } from '../../db/sql.js';

/** Serialises writes to the registry across processes; distinct from the migration lock. */
const IMPORT_LOCK_ID = 0x53_47_49_4d; // "SGIM"

export interface ImportLockOptions {
  /** How long to wait for another writer's transaction, in ms; default: the statement timeout in force. */
  waitMs?: number;
}

/**
 * Takes the import lock for the rest of the caller's transaction, so writers of articles
 * (imports, API writes) take turns: each resolves names against everything the others stored.
 * Reading and extraction still run in parallel. Waiting for the lock is not a slow statement:
 * with `waitMs` the wait may last that long, then the statement timeout in force applies again.
 * Also turns JIT off for the transaction: the lookups' cost estimates (tables growing faster
 * than their statistics) would have every batch spend more time compiling than running.
 */
export async function takeImportLock(sql: Sql, options: ImportLockOptions = {}): Promise<void> {
  if (options.waitMs === undefined) {
    await sql.rows(`SELECT set_config('jit', 'off', true), pg_advisory_xact_lock(${IMPORT_LOCK_ID})::text`);
    return;
  }
  const [setting] = await sql.rows<{ timeout: string }>(
    `SELECT current_setting('statement_timeout') AS timeout, set_config('statement_timeout', $1, true), set_config('jit', 'off', true)`,
    String(options.waitMs),
  );
  await sql.rows(`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_ID})::text, set_config('statement_timeout', $1, true)`, setting?.timeout ?? '0');
}
