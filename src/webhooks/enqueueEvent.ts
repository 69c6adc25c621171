import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/sql.js';
import type { WebhookEvent } from './webhookEvents.js';

/** What a webhook receives, as JSON: the event, its id (the same for every webhook) and its data. */
export interface EventBody {
  id: string;
  event: WebhookEvent;
  occurredAt: string;
  [data: string]: unknown;
}

/** One event to send: what happened, to which article (the order key), its data, and not before when. */
export interface PendingEvent {
  event: WebhookEvent;
  orderKey: string;
  data: Record<string, unknown>;
  notBefore?: Date | null;
}

/**
 * Writes one delivery per webhook subscribed to each event into the outbox (one statement),
 * inside the caller's transaction: committed with the change or not at all, so a crash between
 * commit and delivery loses nothing (the delivery loop of any process picks the rows up).
 * `orderKey` (an article's id) keeps one article's deliveries in order; `notBefore` holds them
 * until a moment (a scheduled publication). Returns the number of deliveries written.
 */
export async function enqueueEvents(sql: Sql, events: readonly PendingEvent[]): Promise<number> {
  if (!events.length) return 0;
  const rows = events.map(({ event, orderKey, data, notBefore }) => {
    const body: EventBody = { id: randomUUID(), event, occurredAt: (notBefore ?? new Date()).toISOString(), ...data };
    return { e: event, k: orderKey, b: body, n: notBefore?.toISOString() ?? null, o: 0 };
  });
  rows.forEach((row, i) => (row.o = i));
  return sql.run(
    `INSERT INTO webhook_delivery (id, "webhookId", event, "orderKey", payload, "nextAttemptAt")
     SELECT gen_random_uuid(), w.id, x.e, x.k, x.b, COALESCE(x.n AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
     FROM json_to_recordset($1::json) AS x(e text, k text, b jsonb, n timestamptz, o int) JOIN webhook w ON x.e = ANY(w.events)
     ORDER BY x.o, w.id`,
    JSON.stringify(rows),
  );
}

/** Writes one event's deliveries (see enqueueEvents). */
export function enqueueEvent(sql: Sql, event: WebhookEvent, orderKey: string, data: Record<string, unknown>, notBefore: Date | null = null): Promise<number> {
  return enqueueEvents(sql, [{ event, orderKey, data, notBefore }]);
}

/** Withdraws deliveries of `event` for these order keys that are not due yet (a scheduled publication cancelled or moved). */
export function cancelScheduled(sql: Sql, event: WebhookEvent, orderKeys: readonly string[]): Promise<number> {
  if (!orderKeys.length) return Promise.resolve(0);
  return sql.run(
    `UPDATE webhook_delivery SET status = 'CANCELLED'
     WHERE status = 'PENDING' AND event = $1 AND "orderKey" IN (SELECT json_array_elements_text($2::json))
       AND attempts = 0 AND "nextAttemptAt" > now() AT TIME ZONE 'UTC'`,
    event,
    JSON.stringify(orderKeys),
  );
}
