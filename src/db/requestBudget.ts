import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { cancelQuery, destroyConnection } from './cancelQuery.js';

/** How long cancelled SQL may take to stop before its connection is dropped. */
const CANCEL_GRACE_MS = 1000;

/**
 * One request's share of the database: a deadline for all of its SQL and a cap on how many
 * pooled connections it holds at once (the rest of its statements wait their turn, inside the
 * request, so other requests keep the rest of the pool). When the deadline passes, statements
 * still waiting are refused, running ones are cancelled on the server (a CancelRequest, as
 * `psql`'s Ctrl-C sends), and connections that have not stopped a second later are dropped.
 * Connections a request held when it expired are closed instead of going back to the pool, so
 * a late cancel can never hit another request's statement.
 */
export class RequestBudget {
  readonly deadline: number;
  /** Set once the deadline has passed (or `expire` was called). */
  expired = false;
  /** Most connections held at once, and statements sent: for logs and tests. */
  peakConnections = 0;
  connections = 0;
  /** SQL statements sent on this request's behalf (counted by `observeStatements`). */
  statements = 0;
  private held = 0;
  private readonly waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private readonly clients = new Set<pg.PoolClient>();
  private readonly timer: NodeJS.Timeout;
  private readonly expiry: Promise<void>;
  private resolveExpiry!: () => void;
  private drainWaiters: (() => void)[] = [];

  constructor(
    readonly timeoutMs: number,
    private maxConnections: number,
  ) {
    this.deadline = Date.now() + timeoutMs;
    this.expiry = new Promise((resolve) => (this.resolveExpiry = resolve));
    this.timer = setTimeout(() => this.expire(), timeoutMs);
    this.timer.unref();
  }

  /** Resolves when the deadline passes. */
  whenExpired(): Promise<void> {
    return this.expiry;
  }

  /** Lowers the request's share of connections from now on (a heavy request gets one). */
  narrow(maxConnections: number): void {
    this.maxConnections = Math.min(this.maxConnections, maxConnections);
  }

  /** Waits for one of this request's connection slots. Throws a BudgetExpiredError after the deadline. */
  async acquire(): Promise<void> {
    if (this.expired) throw new BudgetExpiredError(this.timeoutMs);
    if (this.held < this.maxConnections) {
      this.held++;
      this.peakConnections = Math.max(this.peakConnections, this.held);
      return;
    }
    await new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Gives a slot back, to the next statement of this request waiting for one. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next.resolve();
    else this.held--;
  }

  /** A checked-out connection this request is using (so the deadline can cancel its statement). */
  track(client: pg.PoolClient): void {
    this.connections++;
    this.clients.add(client);
  }

  /** The connection went back to the pool. Returns true when it must be closed instead (the budget expired while it was held). */
  untrack(client: pg.PoolClient): boolean {
    this.clients.delete(client);
    if (!this.clients.size) for (const resolve of this.drainWaiters.splice(0)) resolve();
    return this.expired;
  }

  /** Resolves once this request holds no connection: after a deadline, once its cancelled SQL has stopped. */
  drained(): Promise<void> {
    if (!this.clients.size) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Ends the budget: refuses waiting statements, cancels running ones. Idempotent. */
  expire(): void {
    if (this.expired) return;
    this.expired = true;
    clearTimeout(this.timer);
    for (const waiter of this.waiting.splice(0)) waiter.reject(new BudgetExpiredError(this.timeoutMs));
    const running = [...this.clients];
    for (const client of running) cancelQuery(client);
    if (running.length) {
      setTimeout(() => {
        for (const client of running) {
          if (!this.clients.has(client)) continue;
          destroyConnection(client);
          // pg releases a destroyed connection when its query fails; count it gone now.
          this.untrack(client);
        }
      }, CANCEL_GRACE_MS).unref();
    }
    this.resolveExpiry();
  }

  /** The request is over: stop the clock. */
  finish(): void {
    clearTimeout(this.timer);
  }
}

/** Raised for SQL a request tries to run after its deadline. */
export class BudgetExpiredError extends Error {
  constructor(timeoutMs: number) {
    super(`the request ran past its deadline of ${timeoutMs} ms`);
    this.name = 'BudgetExpiredError';
  }
}

const storage = new AsyncLocalStorage<RequestBudget>();

/** Runs `work` with `budget` applying to every pooled connection it (and anything it starts) takes. */
export function withBudget<T>(budget: RequestBudget, work: () => T): T {
  return storage.run(budget, work);
}

/** The budget of the request this code runs for, if any. */
export function currentBudget(): RequestBudget | undefined {
  return storage.getStore();
}
