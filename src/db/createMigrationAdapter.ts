import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { formatDatabaseUrl, parseDatabaseUrl } from '../config/databaseUrl.js';

// OIDs of PostgreSQL's internal "char" and name types, used in catalog tables that Prisma's
// schema engine reads. adapter-pg 7.10 maps result columns by OID and rejects these two, so
// their columns are reported as text (OID 25), which is how their values arrive anyway.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type Result = { fields?: { dataTypeID: number }[] } | undefined;
type AnyFunction = (...args: unknown[]) => unknown;

function reportAsText(result: Result): void {
  for (const field of result?.fields ?? []) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
}

/** Wraps `client.query` (promise or callback style) so catalog "char"/name columns read as text. */
function patchClient(client: pg.PoolClient): pg.PoolClient {
  const marked = client as pg.PoolClient & { catalogTypesAsText?: true };
  if (marked.catalogTypesAsText) return client;
  marked.catalogTypesAsText = true;
  const query = client.query.bind(client) as AnyFunction;
  client.query = ((...args: unknown[]) => {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: Result) => {
        reportAsText(result);
        (last as AnyFunction)(error, result);
      };
      return query(...args);
    }
    const out = query(...args) as Promise<Result> | undefined;
    return out && typeof out.then === 'function' ? out.then((result) => (reportAsText(result), result)) : out;
  }) as typeof client.query;
  return client;
}

/** A pool whose clients report catalog types as text; `pool.query` goes through `connect`. */
function poolFor(url: string): pg.Pool {
  const target = parseDatabaseUrl(url);
  const pool = new pg.Pool({ host: target.host, port: target.port, user: target.user, password: target.password, database: target.database });
  const connect = pool.connect.bind(pool) as AnyFunction;
  pool.connect = ((callback?: AnyFunction) => {
    if (callback) {
      return connect((error: unknown, client: pg.PoolClient | undefined, release: unknown) => callback(error, client && patchClient(client), release));
    }
    return (connect() as Promise<pg.PoolClient>).then(patchClient);
  }) as typeof pool.connect;
  return pool;
}

/**
 * The driver adapter for Prisma's CLI (migrate dev/diff/status) with its JavaScript schema
 * engine, which works offline. It fixes three problems of adapter-pg 7.10 with Prisma 6.19:
 * catalog column types, a shadow database that would reuse the main one, and a shadow
 * database dropped while its pool is still open.
 */
export function createMigrationAdapter(url: string): PrismaPg {
  const adapter = new PrismaPg(poolFor(url));
  const target = parseDatabaseUrl(url);
  adapter.connectToShadowDb = async () => {
    const name = `prisma_migrate_shadow_db_${Date.now().toString(36)}`;
    const admin = new pg.Client({ host: target.host, port: target.port, user: target.user, password: target.password, database: target.database });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadowPool = poolFor(formatDatabaseUrl({ ...target, database: name }));
    const shadow = await new PrismaPg(shadowPool).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await shadowPool.end().catch(() => undefined);
      const dropper = new pg.Client({ host: target.host, port: target.port, user: target.user, password: target.password, database: target.database });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
    return shadow;
  };
  return adapter;
}
