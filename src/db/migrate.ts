import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { AppError, ErrorCode } from '../errors.js';
import type { Logger } from '../log.js';
import { projectRoot } from '../projectRoot.js';

export const migrationsDir = join(projectRoot, 'prisma', 'migrations');

// Any constant works; it only has to be the same for every Storygraph process.
const MIGRATION_LOCK_ID = 0x5702_9a47;

// Prisma's own history table, so `prisma migrate status` and `migrate deploy` agree with us.
const HISTORY_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Reads prisma/migrations/<name>/migration.sql in name order. */
export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies pending migrations, each in its own transaction, under an advisory lock so that
 * several replicas starting at once migrate exactly once. Refuses to run when the history
 * disagrees with the files (an applied migration was edited, or the database is newer than
 * this code), since guessing there could lose data. With `apply: false` it only checks, and
 * refuses pending migrations. Returns the names applied.
 */
export async function migrate(pool: pg.Pool, log: Logger, migrations?: Migration[], options: { apply?: boolean } = {}): Promise<string[]> {
  const files = migrations ?? (await readMigrations());
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query(HISTORY_DDL);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at',
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    const known = new Set(files.map((file) => file.name));
    for (const row of rows) {
      if (!row.finished_at) throw failed(`migration ${row.migration_name} started but never finished; resolve it with \`npx prisma migrate resolve\``);
      if (!known.has(row.migration_name))
        throw failed(`the database has migration ${row.migration_name}, which this version of Storygraph does not know; upgrade Storygraph`);
    }
    const pending = files.filter((file) => !applied.has(file.name));
    if (options.apply === false && pending.length) {
      throw failed(
        `${pending.length} migration(s) pending (${pending[0]!.name}…) and MIGRATE_ON_START is off; run \`npm run migrate\` (node dist/scripts/migrate.js) first`,
      );
    }
    const done: string[] = [];
    for (const file of files) {
      const row = applied.get(file.name);
      if (row) {
        if (row.checksum !== file.checksum) throw failed(`migration ${file.name} was edited after it was applied; restore the file`);
        continue;
      }
      log.info(`applying migration ${file.name}`);
      try {
        await client.query('BEGIN');
        await client.query(file.sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)',
          [randomUUID(), file.checksum, file.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw failed(`migration ${file.name} failed: ${error instanceof Error ? error.message : String(error)}`, error);
      }
      done.push(file.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    client.release();
  }
}

function failed(message: string, cause?: unknown): AppError {
  return new AppError(ErrorCode.MIGRATION_FAILED, message, {}, { cause });
}
