import type pg from 'pg';
import { currentBudget } from './requestBudget.js';

/**
 * Counts every statement a pooled connection sends against the budget of the request it runs
 * for (the request log's SQL count). Installed on each new connection, so Prisma's queries and
 * plain `pg` reads are counted alike.
 */
export function observeStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const budget = currentBudget();
    if (budget) budget.statements++;
    return query(...args);
  };
}
