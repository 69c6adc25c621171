import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { formatDatabaseUrl, parseDatabaseUrl } from './parseDatabaseUrl.js';

// OIDs of PostgreSQL's internal "char" and name types, used in catalog tables that Prisma's
// schema engine reads. adapter-pg 7.10 cannot deserialise them, so they are read as text.
const CHAR_OID = 18;
const NAME_OID = 19;
const textTypes = {
  getTypeParser: (oid: number, format?: string) =>
    oid === CHAR_OID || oid === NAME_OID ? (value: string) => value : pg.types.getTypeParser(oid, format as 'text'),
};

function poolFor(url: string): pg.Pool {
  const target = parseDatabaseUrl(url);
  return new pg.Pool({ host: target.host, port: target.port, user: target.user, password: target.password, database: target.database, types: textTypes });
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
