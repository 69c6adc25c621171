import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { formatDatabaseUrl, parseDatabaseUrl } from '../../src/config/databaseUrl.js';
import { connectDatabase } from '../../src/db/connectDatabase.js';
import { startEmbeddedPostgres } from '../../src/db/startEmbeddedPostgres.js';
import { createLogger } from '../../src/log.js';

const quiet = createLogger('error');

async function appliedMigrations(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL');
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** A server to create databases on: TEST_DATABASE_URL's, or an embedded one started for this file. */
async function serverUrl(): Promise<{ base: string; stop(): Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) return { base: process.env.TEST_DATABASE_URL, stop: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), 'storygraph-connect-'));
  const server = await startEmbeddedPostgres({ dataDir: dir, port: 0, log: quiet });
  return {
    base: server.url,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe('connectDatabase (migrated database, no Prisma client)', () => {
  let server: Awaited<ReturnType<typeof serverUrl>>;
  let url: string;
  const name = `storygraph_connect_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    server = await serverUrl();
    url = formatDatabaseUrl({ ...parseDatabaseUrl(server.base, 'TEST_DATABASE_URL'), database: name });
  }, 60_000);

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: server.base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }, 60_000);

  it('creates a missing database and applies every migration, then finds nothing to apply', async () => {
    const first = await connectDatabase({ databaseUrl: url, dataDir: '', embeddedPort: 0 }, quiet);
    expect(first).toMatchObject({ url, embedded: false });
    expect(first.isUp()).toBe(true);
    await first.close();
    const applied = await appliedMigrations(url);
    expect(applied).toBeGreaterThan(0);

    const again = await connectDatabase({ databaseUrl: url, dataDir: '', embeddedPort: 0, migrate: false }, quiet);
    await again.close();
    expect(await appliedMigrations(url)).toBe(applied);
  }, 60_000);

  it('names an unreachable server with DATABASE_UNREACHABLE', async () => {
    const nowhere = formatDatabaseUrl({ ...parseDatabaseUrl(server.base, 'TEST_DATABASE_URL'), host: '127.0.0.1', port: 1, database: name });
    await expect(connectDatabase({ databaseUrl: nowhere, dataDir: '', embeddedPort: 0 }, quiet)).rejects.toMatchObject({ code: 'DATABASE_UNREACHABLE' });
  });
});
