import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/openDatabase.js';
import { formatDatabaseUrl, parseDatabaseUrl } from '../../src/config/databaseUrl.js';
import { startEmbeddedPostgres } from '../../src/db/startEmbeddedPostgres.js';
import { createLogger } from '../../src/log.js';

export type DatabaseKind = 'embedded' | 'postgresql';

/** The databases every integration suite runs on: always embedded, plus TEST_DATABASE_URL when set. */
export const databaseKinds: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['embedded', 'postgresql'] : ['embedded'];

export interface TestDatabase {
  kind: DatabaseKind;
  url: string;
  db: Database;
  /** Closes connections and removes the database (or the embedded cluster) entirely. */
  drop(): Promise<void>;
}

const quiet = createLogger('error');

/**
 * A fresh, migrated, empty database for one test file. On PostgreSQL it is a new database
 * named after the run; a server that cannot be reached fails the suite instead of skipping it.
 */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'embedded') {
    const dir = await mkdtemp(join(tmpdir(), 'storygraph-test-'));
    const server = await startEmbeddedPostgres({ dataDir: dir, port: 0, log: quiet });
    const db = await openDatabase({ databaseUrl: server.url, dataDir: dir, embeddedPort: 0, statementTimeoutMs: 30_000 }, quiet);
    return {
      kind,
      url: server.url,
      db,
      drop: async () => {
        await db.close();
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const base = parseDatabaseUrl(process.env.TEST_DATABASE_URL!, 'TEST_DATABASE_URL');
  const name = `storygraph_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const url = formatDatabaseUrl({ ...base, database: name });
  const db = await openDatabase({ databaseUrl: url, dataDir: '', embeddedPort: 0, statementTimeoutMs: 30_000 }, quiet);
  return {
    kind,
    url,
    db,
    drop: async () => {
      await db.close();
      const admin = new pg.Client({ host: base.host, port: base.port, user: base.user, password: base.password, database: base.database });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
