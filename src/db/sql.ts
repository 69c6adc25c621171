import type pg from 'pg';

/** The two raw-SQL calls the import's persistence needs. */
export interface Sql {
  rows<T>(text: string, ...params: unknown[]): Promise<T[]>;
  run(text: string, ...params: unknown[]): Promise<number>;
}

/** A database the import can read from and run transactions on. */
export interface SqlDatabase extends Sql {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

interface RawClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

interface PrismaLike extends RawClient {
  $transaction<R>(work: (tx: RawClient) => Promise<R>, options?: { timeout?: number; maxWait?: number }): Promise<R>;
}

/**
 * Raw SQL through a Prisma client. Every statement takes its rows as one JSON parameter
 * (unpacked with `json_to_recordset`), so a batch of any size is one round trip per table and
 * no statement hits the bind-parameter limit.
 */
export function sqlOf(prisma: PrismaLike): SqlDatabase {
  const wrap = (client: RawClient): Sql => ({
    rows: <T>(text: string, ...params: unknown[]) => client.$queryRawUnsafe<T[]>(text, ...params),
    run: (text: string, ...params: unknown[]) => client.$executeRawUnsafe(text, ...params),
  });
  return { ...wrap(prisma), transaction: (work) => prisma.$transaction((tx) => work(wrap(tx)), { timeout: 300_000, maxWait: 60_000 }) };
}

/** A SqlDatabase as it is, or raw SQL through the Prisma client given instead (sqlOf). */
export function asSqlDatabase(db: SqlDatabase | PrismaLike): SqlDatabase {
  return 'transaction' in db ? db : sqlOf(db);
}

/**
 * The same over a `pg` pool, which the import CLI uses: for a batch's large JSON parameters it
 * is about three times faster than going through Prisma's query interpreter.
 */
export function pgSqlOf(pool: pg.Pool): SqlDatabase {
  const wrap = (client: pg.Pool | pg.PoolClient): Sql => ({
    rows: async <T>(text: string, ...params: unknown[]) => (await client.query(text, params)).rows as T[],
    run: async (text: string, ...params: unknown[]) => (await client.query(text, params)).rowCount ?? 0,
  });
  return {
    ...wrap(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}
