import type pg from 'pg';
import { parentContext } from '../tracing/deferredSpan.js';
import { endSpan, SpanKind, tracer, tracingOn } from '../tracing/tracer.js';
import { currentBudget } from './requestBudget.js';

/** Longest statement text kept on a span. */
const MAX_STATEMENT_CHARS = 2000;

/**
 * Counts every statement a pooled connection sends against the budget of the request it runs
 * for (the request log's SQL count) and, with tracing on, gives each its own span (a child of
 * the resolver or request that sent it). Installed on each new
 * connection, so Prisma's queries and plain `pg` reads are observed alike.
 */
export function observeStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const budget = currentBudget();
    if (budget) budget.statements++;
    if (!tracingOn()) return query(...args);
    const first = args[0];
    const text = typeof first === 'string' ? first : String((first as { text?: string } | undefined)?.text ?? '');
    const span = tracer().startSpan(
      'pg.query',
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'postgresql',
          'db.query.text': text.slice(0, MAX_STATEMENT_CHARS),
          'db.operation.name': text.trimStart().split(/\s/, 1)[0]!.toUpperCase(),
        },
      },
      // Under the resolver that sent it, whose span starts now if this is its first statement.
      parentContext(),
    );
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (error: unknown, ...rest: unknown[]) => {
        endSpan(span, error ?? undefined);
        return (callback as (...a: unknown[]) => unknown)(error, ...rest);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result instanceof Promise) {
      result.then(
        () => endSpan(span),
        (error: unknown) => endSpan(span, error),
      );
    } else endSpan(span);
    return result;
  };
}
