import pg from 'pg';
import { BudgetExpiredError, currentBudget, type RequestBudget } from './requestBudget.js';

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: Error | boolean) => void) => void;

/**
 * A `pg.Pool` whose connections, when taken on behalf of a request (`withBudget`), count against
 * that request's budget: at most its share of connections at once, none after its deadline.
 * `pool.query` takes its connection through `connect` too, so both paths are covered. Outside
 * a request (migrations, the import) it is a plain pool.
 */
export class BudgetedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const budget = currentBudget();
    const connecting = budget ? this.connectWithin(budget) : super.connect();
    if (!callback) return connecting;
    connecting.then(
      (client) => callback(undefined, client, client.release),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  private async connectWithin(budget: RequestBudget): Promise<pg.PoolClient> {
    await budget.acquire();
    let client: pg.PoolClient;
    try {
      client = await untilExpired(super.connect(), budget);
    } catch (error) {
      budget.release();
      throw error;
    }
    budget.track(client);
    const release = client.release.bind(client);
    let released = false;
    client.release = (error?: Error | boolean) => {
      if (released) return release(error);
      released = true;
      const close = budget.untrack(client);
      budget.release();
      // A connection held past the deadline may still have a cancel on its way: never reuse it.
      return release(error || (close ? new BudgetExpiredError(budget.timeoutMs) : undefined));
    };
    return client;
  }
}

/** The connection, or a BudgetExpiredError at the deadline (the connection, when it comes, goes straight back). */
function untilExpired(connecting: Promise<pg.PoolClient>, budget: RequestBudget): Promise<pg.PoolClient> {
  return new Promise((resolve, reject) => {
    let done = false;
    void budget.whenExpired().then(() => {
      if (done) return;
      done = true;
      reject(new BudgetExpiredError(budget.timeoutMs));
    });
    connecting.then(
      (client) => {
        if (!done) {
          done = true;
          resolve(client);
        } else client.release();
      },
      (error: unknown) => {
        if (!done) {
          done = true;
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
    );
  });
}
